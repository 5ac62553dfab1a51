import { sql, type Transaction } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.js';
import type { DB } from '../../../db/types.js';
import { loadTermIndex } from '../directory.publish.js';
import { buildDemoDirectory } from './demo.js';
import { generateDirectory } from './generate.js';
import { publishUnits } from './publish.js';

const t = useTestApp();

/** Everything the directory tables hold, without the clock columns. */
async function contents(trx: Transaction<DB>) {
  const rows = async (query: string) => (await sql.raw<Record<string, unknown>>(query).execute(trx)).rows;
  return {
    organizations: await rows(`SELECT id, name, kind, description, hsds, trusted FROM organizations ORDER BY id`),
    locations: await rows(`SELECT id, organization_id, name, district, latitude, longitude, barrier_free, hsds FROM directory_locations ORDER BY id`),
    services: await rows(
      `SELECT id, organization_id, name, status, hsds, topic_codes, districts, language_codes, minimum_age, maximum_age, free, barrier_free, assured_date::text, weekly_hours, search_vector::text, search_text, check_reminder_sent_at, stale_flagged_at FROM directory_services ORDER BY id`,
    ),
    links: await rows(`SELECT id, service_id, location_id FROM directory_service_locations ORDER BY id`),
    words: await rows(`SELECT word FROM directory_search_words ORDER BY word`),
    revisions: await rows(`SELECT entity_type, entity_id, organization_id, version, status, data, author_id FROM revisions ORDER BY entity_type, entity_id`),
  };
}

class Rollback extends Error {
  constructor(readonly value: unknown) {
    super('rollback');
  }
}

/** Publishes inside a transaction, reads what it wrote, and rolls back. */
async function publishAndRead(units: Parameters<typeof publishUnits>[1], batched: boolean) {
  try {
    await t.deps.db.transaction().execute(async (trx) => {
      await publishUnits(trx, units, await loadTermIndex(trx), { batched });
      throw new Rollback(await contents(trx));
    });
  } catch (error) {
    if (error instanceof Rollback) return error.value as Awaited<ReturnType<typeof contents>>;
    throw error;
  }
  throw new Error('unreachable');
}

describe('batched publishing (benchmark data)', () => {
  // Publishes about 340 services twice on purpose; generous time for a busy machine.
  it('writes exactly the rows publishService writes, for generated and demo data', { timeout: 120_000 }, async () => {
    const city = t.deps.city;
    const today = new Date('2026-11-15T10:00:00Z');
    for (const units of [[...generateDirectory({ services: 150, seed: 3, city, today }).units()], buildDemoDirectory({ city, today })]) {
      const oneByOne = await publishAndRead(units, false);
      const batched = await publishAndRead(units, true);
      expect(oneByOne.services.length).toBe(units.reduce((n, u) => n + u.services.length, 0));
      expect(oneByOne.links.length).toBeGreaterThan(0);
      expect(batched).toEqual(oneByOne);
    }
  });
});
