import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/support/app.js';
import { queriesOf } from '../../test/support/queries.js';
import { migrateToLatest } from './migrate.js';

const t = useTestApp();

describe('migrating at start', () => {
  it('checks an up-to-date database in two small queries', async () => {
    let migrated: string[] = [];
    const seen = await queriesOf(t, async () => {
      migrated = await migrateToLatest(t.deps.db);
    });
    expect(migrated).toEqual([]);
    expect(seen).toHaveLength(2);
  });

  it('refuses a database that a newer version of the portal has migrated', async () => {
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-from-the-future', ${new Date().toISOString()})`.execute(t.deps.db);
    try {
      await expect(migrateToLatest(t.deps.db)).rejects.toThrow(/9999-from-the-future/);
    } finally {
      await sql`DELETE FROM kysely_migration WHERE name = '9999-from-the-future'`.execute(t.deps.db);
    }
  });
});
