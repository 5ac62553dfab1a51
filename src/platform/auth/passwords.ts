import { readFileSync } from 'node:fs';
import { hash, verify } from '@node-rs/argon2';

// The 10,000 most common passwords (zxcvbn-ts language-common 4.1.3, MIT) and a short German supplement.
const commonPasswords = new Set(
  readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean),
);

export const passwordLength = { min: 8, max: 128 } as const;

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common';

/** NIST 800-63B / ASVS: length 8–128, no composition rules, refuse known common passwords. */
export function passwordProblem(password: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < passwordLength.min) return 'too_short';
  if (length > passwordLength.max) return 'too_long';
  if (commonPasswords.has(password.toLowerCase())) return 'too_common';
  return null;
}

/** argon2id with the library's defaults (m=19 MiB, t=2, p=1: the OWASP minimum). */
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when no account exists costs the same time, so timing reveals nothing.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstNothing(password: string): Promise<void> {
  dummyHash ??= hash('no account has this password');
  await verifyPassword(await dummyHash, password);
}
