import { type Kysely, type Migration, Migrator } from 'kysely';
import * as platform from './migrations/0001-platform.js';
import * as directory from './migrations/0002-directory.js';
import type { DB } from './types.js';

/** Migrations in order; a static list so bundlers and readers see them all. */
const migrations: Record<string, Migration> = {
  '0001-platform': platform,
  '0002-directory': directory,
};

export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
