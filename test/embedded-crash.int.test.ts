import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { SurveyDefinition } from '../src/modules/survey/survey.definition.js';
import { request, startPortal, type PortalProcess } from './support/processes.js';

/*
 * The embedded portal (PGlite in DATA_DIR) killed with kill -9 while it writes: the next start
 * must come up by itself with every acknowledged write, and a second process on the same folder
 * is refused with a message that names the running one.
 */

const surveySlug = 'absturztest';
const definition: SurveyDefinition = {
  title: { de: 'Absturztest' },
  intro: { de: '' },
  pages: [{ id: 'p1', title: { de: 'Seite 1' }, questions: [{ id: 'satz', type: 'text', text: { de: 'Ein Satz' }, required: false }] }],
};

const answer = (port: number, key: string) =>
  request(port, 'POST', `/api/v1/befragungen/${surveySlug}/antworten`, {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ schluessel: key, antworten: { satz: 'Hallo' } }),
  });

describe('the embedded portal after kill -9', () => {
  let dataDir: string;
  const portals: PortalProcess[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'frh-crash-'));
    // An open survey to answer through the API (the writes of this test).
    const database = await openDatabase({ dataDir });
    try {
      await migrateToLatest(database.db);
      const survey = await sql<{
        id: string;
      }>`INSERT INTO survey_surveys (slug, title, status) VALUES (${surveySlug}, 'Absturztest', 'open') RETURNING id`.execute(database.db);
      await sql`INSERT INTO survey_versions (survey_id, version, definition, frozen_at) VALUES (${survey.rows[0]!.id}, 1, ${JSON.stringify(definition)}, now())`.execute(
        database.db,
      );
    } finally {
      await database.close();
    }
  }, 600_000);

  afterAll(async () => {
    for (const portal of portals) portal.kill();
    await Promise.all(portals.map((p) => p.exited));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts again by itself with every acknowledged write, and refuses a second process on the same folder', async () => {
    const env = { DATA_DIR: dataDir, DATABASE_URL: '', SEED_DEMO_DATA: 'false' };
    const first = await startPortal('web', env);
    portals.push(first);

    const acknowledged: string[] = [];
    let killed = false;
    const writer = (async () => {
      while (!killed) {
        const key = randomUUID();
        const sent = await answer(first.port, key).catch(() => null); // the kill cuts the last ones off
        if (sent?.status === 201) acknowledged.push(key);
      }
    })();
    // Two writers, so that a write is in flight whenever the kill comes.
    const second = (async () => {
      while (!killed) await answer(first.port, randomUUID()).catch(() => null);
    })();
    while (acknowledged.length < 20) {
      expect(first.alive(), first.output()).toBe(true);
      await new Promise((r) => setTimeout(r, 50));
    }
    first.kill('SIGKILL');
    await first.exited;
    killed = true;
    await Promise.all([writer, second]);
    // What a killed process leaves behind.
    expect(existsSync(path.join(dataDir, 'socket', '.s.PGSQL.5432'))).toBe(true);

    const restarted = await startPortal('web', env);
    portals.push(restarted);
    for (const key of acknowledged) {
      const again = await answer(restarted.port, key);
      expect(again.status, `answer ${key} was acknowledged before the kill but is not stored`).toBe(200);
    }

    const refusal = await startPortal('web', env).then(
      (third) => {
        portals.push(third);
        return 'a second process started on the same data folder';
      },
      (error: Error) => error.message,
    );
    expect(refusal).toContain(`wird schon von einem laufenden Familienrathaus benutzt (Prozess ${restarted.child.pid})`);
    expect((await request(restarted.port, 'GET', '/readyz')).status).toBe(200);
  }, 600_000);
});
