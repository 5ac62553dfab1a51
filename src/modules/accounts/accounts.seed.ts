import type { Kysely } from 'kysely';
import type { DB, Role } from '../../db/types.js';
import { hashPassword } from '../../platform/auth/passwords.js';

/** Fictional people only: no real person's data in the demo. */
const demoUsers: { role: Role; email: string; displayName: string; organization?: string }[] = [
  { role: 'admin', email: 'admin@familienrathaus.example', displayName: 'Alex Admin (Demo)' },
  { role: 'editor', email: 'redaktion@familienrathaus.example', displayName: 'Eda Redaktion (Demo)', organization: 'Familienbüro (Demo)' },
  { role: 'provider', email: 'anbieter@familienrathaus.example', displayName: 'Paul Anbieter (Demo)', organization: 'Familienzentrum Sonnenblume e. V.' },
  {
    role: 'partner',
    email: 'partner@familienrathaus.example',
    displayName: 'Pia Partnerin (Demo)',
    organization: 'Bündnis für Familie – Lenkungsgruppe (Demo)',
  },
  { role: 'family', email: 'familie@familienrathaus.example', displayName: 'Familie Muster (Demo)' },
];

const demoOrganizations = [
  { name: 'Familienbüro (Demo)', kind: 'city' as const },
  { name: 'Familienzentrum Sonnenblume e. V.', kind: 'provider' as const },
  { name: 'Turn- und Sportverein Lippeaue e. V. (Demo)', kind: 'provider' as const },
  { name: 'Bündnis für Familie – Lenkungsgruppe (Demo)', kind: 'partner' as const },
];

export const demoLogins = {
  password: 'Demo-Familienrathaus-2026',
  users: demoUsers.map(({ role, email }) => ({ role, email })),
};

/** The demo accounts, one per role, with their organisations; returns false when they were there already. */
export async function seedDemoUsers(db: Kysely<DB>): Promise<boolean> {
  const already = await db.selectFrom('users').select('id').where('email', '=', demoUsers[0]!.email).executeTakeFirst();
  if (already) return false;
  const passwordHash = await hashPassword(demoLogins.password);
  await db.transaction().execute(async (trx) => {
    const organizations = new Map<string, string>();
    // The directory seed (listed before accounts) may have created some of them already, with their services.
    for (const org of demoOrganizations) {
      const existing = await trx.selectFrom('organizations').select('id').where('name', '=', org.name).executeTakeFirst();
      const row = existing ?? (await trx.insertInto('organizations').values(org).returning('id').executeTakeFirstOrThrow());
      organizations.set(org.name, row.id);
    }
    for (const user of demoUsers) {
      const row = await trx
        .insertInto('users')
        .values({ email: user.email, display_name: user.displayName, role: user.role, password_hash: passwordHash, email_confirmed_at: new Date() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('consents')
        .values({
          user_id: row.id,
          purpose: 'privacy_notice',
          text_version: '2026-11',
          text: 'Ich habe die Datenschutzhinweise des Familienrathauses gelesen (Fassung 2026-11).',
        })
        .execute();
      const orgId = user.organization ? organizations.get(user.organization) : undefined;
      if (orgId) await trx.insertInto('memberships').values({ user_id: row.id, organization_id: orgId }).execute();
    }
  });
  return true;
}
