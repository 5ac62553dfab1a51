import type { AppDeps } from '../../../app.js';

/** Demo directory for the city; idempotent. */
export async function seedDirectory(_deps: Pick<AppDeps, 'db' | 'city'>): Promise<boolean> {
  return false;
}
