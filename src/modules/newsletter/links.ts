import { hmac, safeEqual } from '../../platform/auth/tokens.js';
import { uuidPattern } from '../../platform/http/ids.js';

/**
 * Signed links of the newsletter. Nothing is stored for them: the signature binds the purpose,
 * the subscriber and (for personal links) the subscriber's link key, so rotating the key voids them.
 *   confirm:  <id>.<expires epoch seconds>.<sig>   expires after confirmLinkHours
 *   manage:   <id>.<sig>                           preferences and unsubscribe, no expiry
 */
export const confirmLinkHours = 48;

const sign = (secret: string, parts: string[]) => hmac(secret, `newsletter|${parts.join('|')}`).slice(0, 43);

/** The token of a confirmation link, valid until `expiresAt`. */
export function confirmToken(secret: string, subscriberId: string, linkKey: string, expiresAt: Date): string {
  const exp = Math.floor(expiresAt.getTime() / 1000);
  return `${subscriberId}.${exp}.${sign(secret, ['confirm', subscriberId, String(exp), linkKey])}`;
}

export type ConfirmCheck = { kind: 'ok'; subscriberId: string } | { kind: 'expired'; subscriberId: string } | { kind: 'invalid' };

/** Splits a confirmation token; the signature is checked against the stored link key by `verifyConfirm`. */
export function parseConfirmToken(token: string): { subscriberId: string; exp: number; sig: string } | null {
  const [id, exp, sig, extra] = token.split('.');
  if (extra !== undefined || !id || !exp || !sig || !uuidPattern.test(id) || !/^\d{1,12}$/.test(exp)) return null;
  return { subscriberId: id, exp: Number(exp), sig };
}

export function verifyConfirm(secret: string, token: string, linkKey: string, now: Date): ConfirmCheck {
  const parsed = parseConfirmToken(token);
  if (!parsed) return { kind: 'invalid' };
  if (!safeEqual(parsed.sig, sign(secret, ['confirm', parsed.subscriberId, String(parsed.exp), linkKey]))) return { kind: 'invalid' };
  if (parsed.exp * 1000 < now.getTime()) return { kind: 'expired', subscriberId: parsed.subscriberId };
  return { kind: 'ok', subscriberId: parsed.subscriberId };
}

/** The token of the personal link for preferences and unsubscribing. */
export function manageToken(secret: string, subscriberId: string, linkKey: string): string {
  return `${subscriberId}.${sign(secret, ['manage', subscriberId, linkKey])}`;
}

export function parseManageToken(token: string): { subscriberId: string; sig: string } | null {
  const [id, sig, extra] = token.split('.');
  if (extra !== undefined || !id || !sig || !uuidPattern.test(id)) return null;
  return { subscriberId: id, sig };
}

export function verifyManage(secret: string, token: string, linkKey: string): boolean {
  const parsed = parseManageToken(token);
  return !!parsed && safeEqual(parsed.sig, sign(secret, ['manage', parsed.subscriberId, linkKey]));
}
