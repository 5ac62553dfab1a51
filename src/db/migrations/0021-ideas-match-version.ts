import { type Kysely, sql } from 'kysely';

/**
 * Which version of the similar-idea matching computed an idea's stored terms (`match_terms`). Existing
 * rows start at 0: the job `ideas.reindex` recomputes every row older than the code's `matchingVersion`
 * (the first time for the synonyms from OpenThesaurus). A migration cannot do it itself: it would have
 * to run today's matching code, and migrations stay frozen.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE ideas ADD COLUMN match_version smallint NOT NULL DEFAULT 0`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE ideas DROP COLUMN match_version`.execute(db);
}
