import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh unguessable token (256 bits), safe in URLs and cookies. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** What we store instead of a token, so a database leak gives no usable token away. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

export function hmac(secret: string, value: string): string {
  // Without SESSION_SECRET the secret comes from the database at boot(); signing before that would sign with nothing.
  if (!secret) throw new Error('No session secret yet: boot() reads it from the database');
  return createHmac('sha256', secret).update(value).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
