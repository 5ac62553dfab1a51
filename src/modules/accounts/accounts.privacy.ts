import type { PersonalDataSource } from '../../platform/privacy/privacy.js';

/** What the accounts module holds about a person, for export and erasure. */
export const accountsPersonalData: PersonalDataSource[] = [
  {
    name: 'konto',
    async export(db, userId) {
      return db
        .selectFrom('users')
        .select(['id', 'email', 'display_name', 'role', 'locale', 'email_confirmed_at', 'created_at', 'updated_at', 'last_login_at'])
        .where('id', '=', userId)
        .executeTakeFirst();
    },
    // The user row itself is deleted last by the accounts service.
    async erase() {},
  },
  {
    name: 'einwilligungen',
    export: (db, userId) => db.selectFrom('consents').select(['purpose', 'text_version', 'text', 'given_at', 'withdrawn_at']).where('user_id', '=', userId).execute(),
    erase: async (trx, userId) => void (await trx.deleteFrom('consents').where('user_id', '=', userId).execute()),
  },
  {
    name: 'organisationen',
    export: (db, userId) =>
      db
        .selectFrom('memberships')
        .innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
        .select(['organizations.name', 'organizations.kind', 'memberships.created_at'])
        .where('memberships.user_id', '=', userId)
        .execute(),
    erase: async (trx, userId) => void (await trx.deleteFrom('memberships').where('user_id', '=', userId).execute()),
  },
  {
    name: 'anmeldungen',
    export: (db, userId) => db.selectFrom('sessions').select(['created_at', 'last_seen_at', 'expires_at']).where('user_id', '=', userId).execute(),
    erase: async (trx, userId) => {
      await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
      await trx.deleteFrom('auth_tokens').where('user_id', '=', userId).execute();
    },
  },
  {
    name: 'aenderungsprotokoll',
    export: (db, userId) => db.selectFrom('audit_log').select(['at', 'action', 'subject_type', 'subject_id']).where('actor_id', '=', userId).orderBy('at').execute(),
    // Kept as the law asks; the user's id is removed from it when the user row goes (ON DELETE SET NULL).
    async erase() {},
  },
];
