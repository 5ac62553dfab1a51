import type { AppDeps } from '../app.js';

export const demoLogins = {
  password: 'Demo-Familienrathaus-2026',
  users: [] as { role: string; email: string }[],
};

/** Loads fictional demo content for the city once; returns false when it was there already. */
export async function seedDemoData(_deps: AppDeps): Promise<boolean> {
  return false;
}
