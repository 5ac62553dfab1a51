import { hmac, safeEqual } from '../../platform/auth/tokens.js';
import { uuidPattern } from '../../platform/http/ids.js';

/**
 * Signed links of Ideen & Anliegen. Nothing is stored for them: the signature binds the purpose, the
 * row and the row's link key.
 *   confirm   <idea id>.<expires>.<sig>       the author confirms the address (double opt-in)
 *   author    <idea id>.<sig>                 the author adds updates (no account needed)
 *   follow    <follower id>.<expires>.<sig>   someone confirms following an idea by mail
 *   unfollow  <follower id>.<sig>             one-click unsubscribe from one idea
 *   initiative-follow / initiative-unfollow   the same for an initiative's followers by mail
 */
export type LinkPurpose = 'confirm' | 'author' | 'follow' | 'unfollow' | 'initiative-follow' | 'initiative-unfollow';
type Expiring = 'confirm' | 'follow' | 'initiative-follow';
type Lasting = 'author' | 'unfollow' | 'initiative-unfollow';

/** Confirmation links are valid this long; unconfirmed submissions are deleted after a week anyway. */
export const confirmLinkHours = 72;

const sign = (secret: string, parts: string[]) => hmac(secret, `ideas|${parts.join('|')}`).slice(0, 43);

export function expiringToken(secret: string, purpose: Expiring, id: string, linkKey: string, expiresAt: Date): string {
  const exp = Math.floor(expiresAt.getTime() / 1000);
  return `${id}.${exp}.${sign(secret, [purpose, id, String(exp), linkKey])}`;
}

export function lastingToken(secret: string, purpose: Lasting, id: string, linkKey: string): string {
  return `${id}.${sign(secret, [purpose, id, linkKey])}`;
}

/** The row a token names, before its signature is checked against the row's key; null when malformed. */
export function tokenSubject(token: string | undefined): string | null {
  const id = (token ?? '').split('.')[0] ?? '';
  return uuidPattern.test(id) ? id : null;
}

export type TokenCheck = 'ok' | 'expired' | 'invalid';

export function checkToken(secret: string, purpose: LinkPurpose, token: string, linkKey: string, now: Date): TokenCheck {
  const parts = token.split('.');
  if (purpose === 'author' || purpose === 'unfollow' || purpose === 'initiative-unfollow') {
    const [id, sig, extra] = parts;
    if (extra !== undefined || !id || !sig) return 'invalid';
    return safeEqual(sig, sign(secret, [purpose, id, linkKey])) ? 'ok' : 'invalid';
  }
  const [id, exp, sig, extra] = parts;
  if (extra !== undefined || !id || !sig || !exp || !/^\d{1,12}$/.test(exp)) return 'invalid';
  if (!safeEqual(sig, sign(secret, [purpose, id, exp, linkKey]))) return 'invalid';
  return Number(exp) * 1000 < now.getTime() ? 'expired' : 'ok';
}
