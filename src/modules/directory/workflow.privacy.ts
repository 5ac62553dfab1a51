import type { PersonalDataSource } from '../../platform/privacy/privacy.js';

/** What the directory workflow holds about a person: the versions they wrote or reviewed. */
export const workflowPersonalData: PersonalDataSource[] = [
  {
    name: 'verzeichnis_aenderungen',
    export: (db, userId) =>
      db
        .selectFrom('directory_revisions')
        .innerJoin('organizations', 'organizations.id', 'directory_revisions.organization_id')
        .select(['organizations.name as organization', 'directory_revisions.entity_type', 'directory_revisions.entity_id', 'directory_revisions.version', 'directory_revisions.status', 'directory_revisions.created_at', 'directory_revisions.submitted_at'])
        .where('directory_revisions.author_id', '=', userId)
        .orderBy('directory_revisions.created_at')
        .execute(),
    // The versions belong to the organisation and stay; only the link to the person goes
    // (the history then says "gelöschtes Konto").
    erase: async (trx, userId) => {
      await trx.updateTable('directory_revisions').set({ author_id: null }).where('author_id', '=', userId).execute();
      await trx.updateTable('directory_revisions').set({ reviewed_by: null }).where('reviewed_by', '=', userId).execute();
    },
  },
];
