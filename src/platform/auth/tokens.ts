import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh unguessable token (256 bits), safe in URLs and cookies. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** What we store instead of a token, so a database leak gives no usable token away. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

export const hmac = (secret: string, value: string): string => createHmac('sha256', secret).update(value).digest('base64url');

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
