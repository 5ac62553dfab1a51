import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { sharedSecret, withSessionSecret } from './secrets.js';
import { newToken } from './tokens.js';

const t = useTestApp();
const stored = async () => (await t.deps.db.selectFrom('platform_secrets').select('value').where('id', '=', 'session').executeTakeFirstOrThrow()).value;

describe('the session secret every process on one database shares', () => {
  it('is the same for processes that start at once, whichever offered it', async () => {
    const offers = Array.from({ length: 6 }, () => newToken());
    const answers = await Promise.all(offers.map((offer) => sharedSecret(t.deps.db, 'test-first-start', offer)));
    expect(new Set(answers).size).toBe(1);
    expect(offers).toContain(answers[0]);
    expect(await sharedSecret(t.deps.db, 'test-first-start', newToken())).toBe(answers[0]);
  });

  it('comes from the database without SESSION_SECRET, and SESSION_SECRET wins when set', async () => {
    expect(t.deps.config.sessionSecret).toBe(await stored());
    const fromEnv = 'aus-der-umgebung-'.repeat(2);
    expect((await withSessionSecret({ ...t.deps.config, sessionSecret: fromEnv }, t.deps.db)).sessionSecret).toBe(fromEnv);
  });

  it('adopts the secret an earlier version kept in DATA_DIR, so links already mailed stay valid', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'frh-secret-'));
    const earlier = newToken();
    writeFileSync(path.join(dataDir, '.session-secret'), `${earlier}\n`);
    const current = await stored();
    await t.deps.db.deleteFrom('platform_secrets').where('id', '=', 'session').execute();
    try {
      expect((await withSessionSecret({ ...t.deps.config, sessionSecret: '', dataDir }, t.deps.db)).sessionSecret).toBe(earlier);
    } finally {
      await t.deps.db.updateTable('platform_secrets').set({ value: current }).where('id', '=', 'session').execute();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
