import { describe, expect, it } from 'vitest';
import { createUser } from '../../../test/support/auth.js';
import { useTestApp } from '../../../test/support/app.js';
import { queriesOf } from '../../../test/support/queries.js';
import { readVersions } from '../../db/content-version.js';
import { SessionCache } from './session-cache.js';
import { createSession, sessionSettings } from './sessions.js';

const t = useTestApp();
const settings = () => sessionSettings(t.deps.config);

async function signedIn() {
  const user = await createUser(t);
  const token = await createSession(t.deps.db, user.id, settings());
  return { user, token };
}

describe('sessions kept in process memory', () => {
  it('are looked up once while nothing changed, and touched at most once a minute', async () => {
    const { user, token } = await signedIn();
    const cache = new SessionCache(t.deps.db, settings());
    const versions = await readVersions(t.deps.db);
    const now = Date.now();
    expect((await cache.resume(token, versions, now))?.id).toBe(user.id);
    expect(await queriesOf(t, () => cache.resume(token, versions, now + 30_000))).toEqual([]);
    const later = await queriesOf(t, () => cache.resume(token, versions, now + 90_000));
    expect(later).toEqual([expect.stringMatching(/^update "sessions" set "last_seen_at"/)]);
    expect((await readVersions(t.deps.db)).private).toBe(versions.private); // a touch ends no kept page
  });

  it('are looked up afresh once signing out moved the private version', async () => {
    const { token } = await signedIn();
    const cache = new SessionCache(t.deps.db, settings());
    expect(await cache.resume(token, await readVersions(t.deps.db))).not.toBeNull();
    await t.deps.db.deleteFrom('sessions').execute();
    expect(await cache.resume(token, await readVersions(t.deps.db))).toBeNull();
  });

  it('end at their idle end even when nothing changed', async () => {
    const { token } = await signedIn();
    const cache = new SessionCache(t.deps.db, settings());
    const versions = await readVersions(t.deps.db);
    const now = Date.now();
    await cache.resume(token, versions, now);
    // Nobody touched it since (a touch changes no version, so the kept copy's clock is what counts).
    await t.deps.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(now - 2 * 3_600_000) })
      .execute();
    const idleEnd = now + settings().idleMinutes * 60_000 + 1_000;
    expect(await cache.resume(token, versions, idleEnd)).toBeNull();
  });
});
