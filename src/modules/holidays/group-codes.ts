import { createHmac, randomInt } from 'node:crypto';

/**
 * Group codes for siblings and friends are issued by the server and carry their own check: six
 * random characters, a hyphen and eight characters of HMAC(secret, season ‖ random). A typed code
 * that the server did not issue for this season is refused, so nobody can join (and thereby sink)
 * another family's group by guessing its code.
 */

const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function check(secret: string, seasonId: string, random: string): string {
  const mac = createHmac('sha256', secret).update(`holiday-group:${seasonId}:${random}`).digest();
  return Array.from(mac.subarray(0, 8), (byte) => alphabet[byte % alphabet.length]).join('');
}

/** A new code for this season, e.g. "K7QX2M-9HD4TRWA". */
export function issueGroupCode(secret: string, seasonId: string): string {
  const random = Array.from({ length: 6 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `${random}-${check(secret, seasonId, random)}`;
}

/** True when the server issued this code for this season. */
export function isIssuedGroupCode(secret: string, seasonId: string, code: string): boolean {
  const match = /^([A-Z2-9]{6})-([A-Z2-9]{8})$/.exec(code.trim().toUpperCase());
  return !!match && check(secret, seasonId, match[1] as string) === match[2];
}
