import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../../test/support/app.js';
import { buildLocation, buildOrganization, buildService } from '../../../../test/support/directory.js';
import { paths } from './workflow.paths.js';
import { editAndSend, memberOf } from '../../../../test/support/directory-workflow.js';

/**
 * Every workflow route, tried by someone who must not use it: a member of another organisation
 * (403, nothing changed), a family (403) and an anonymous visitor (401).
 */
const t = useTestApp();

interface World {
  org: string;
  location: string;
  service: string;
  draftVersion: number;
  revision: string;
}
const w = {} as World;
let owner: Awaited<ReturnType<typeof memberOf>>;

beforeAll(async () => {
  const org = await buildOrganization(t, { name: 'Kinderschutzbund Beispiel e. V.' });
  const location = await buildLocation(t, org.id);
  const service = await buildService(t, org.id, {
    name: 'Elternberatung am Abend',
    locationIds: [location.id],
    cost_options: [{ id: crypto.randomUUID(), amount: 0 }],
  });
  owner = await memberOf(t, org.id);
  // A draft of the owner (secret until submitted) and a proposal of the location in review.
  await editAndSend(owner.visitor, paths.edit('service', org.id, service.id), { description: 'GEHEIMER ENTWURF' }, 'draft');
  await editAndSend(owner.visitor, paths.edit('location', org.id, location.id), { name: 'Standort in Prüfung' });
  const draft = await t.deps.db
    .selectFrom('revisions')
    .select('version')
    .where('entity_id', '=', service.id)
    .where('status', '=', 'draft')
    .executeTakeFirstOrThrow();
  const proposal = await t.deps.db
    .selectFrom('revisions')
    .select('id')
    .where('entity_id', '=', location.id)
    .where('status', '=', 'in_review')
    .executeTakeFirstOrThrow();
  Object.assign(w, { org: org.id, location: location.id, service: service.id, draftVersion: draft.version, revision: proposal.id });
});

const providerGets = () => [
  paths.organization(w.org),
  paths.edit('organization', w.org, w.org),
  paths.history('organization', w.org, w.org),
  paths.create(w.org, 'location'),
  paths.edit('location', w.org, w.location),
  paths.history('location', w.org, w.location),
  paths.create(w.org, 'service'),
  paths.edit('service', w.org, w.service),
  paths.history('service', w.org, w.service),
];
const editorGets = () => [paths.queue, paths.review(w.revision), paths.organizations];
const providerPosts = (): [string, Record<string, string>][] => [
  [paths.edit('organization', w.org, w.org), { name: 'Übernommen', description: 'x', intent: 'submit', baseVersion: '0' }],
  [
    paths.create(w.org, 'location'),
    { name: 'Fremder Standort', street: 'a 1', postalCode: '59065', city: 'Hamm', district: 'Uentrop', intent: 'submit', baseVersion: '0' },
  ],
  [
    paths.edit('location', w.org, w.location),
    { name: 'Übernommen', street: 'a 1', postalCode: '59065', city: 'Hamm', district: 'Uentrop', intent: 'submit', baseVersion: '99' },
  ],
  [paths.create(w.org, 'service'), { name: 'Fremdes Angebot', description: 'x', 'topic-beratung': 'ja', free: 'ja', intent: 'submit', baseVersion: '0' }],
  [
    paths.edit('service', w.org, w.service),
    { name: 'Übernommen', description: 'x', 'topic-beratung': 'ja', free: 'ja', intent: 'submit', baseVersion: String(w.draftVersion) },
  ],
  [paths.submit('service', w.org, w.service), { version: String(w.draftVersion) }],
];
const editorPosts = (): [string, Record<string, string>][] => [
  [paths.approve(w.revision), {}],
  [paths.reject(w.revision), { reason: 'Nein.' }],
  [paths.trust(w.org), { trusted: 'ja' }],
];

async function snapshot() {
  const db = t.deps.db;
  return {
    revisions: await db.selectFrom('revisions').select(['id', 'status', 'version', 'review_reason']).orderBy('id').execute(),
    services: await db.selectFrom('directory_services').select(['id', 'name', 'updated_at']).orderBy('id').execute(),
    locations: await db.selectFrom('directory_locations').select(['id', 'name', 'updated_at']).orderBy('id').execute(),
    organizations: await db.selectFrom('organizations').select(['id', 'name', 'trusted', 'updated_at']).orderBy('id').execute(),
    audit: (
      await db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  };
}

/** Gets a CSRF token from a page the visitor may see, then posts: only the authorisation can refuse. */
async function post(visitor: Visitor, tokenPage: string, url: string, fields: Record<string, string>) {
  return visitor.submit(tokenPage, url, fields);
}

describe('a member of another organisation', () => {
  it('gets 403 on every page and every action of this organisation, and changes nothing', async () => {
    const other = await buildOrganization(t, { name: 'Anderer Verein e. V.' });
    const outsider = await memberOf(t, other.id);
    expect((await outsider.visitor.get(paths.home)).statusCode).toBe(200);
    const before = await snapshot();
    for (const url of [...providerGets(), ...editorGets()]) {
      const response = await outsider.visitor.get(url);
      expect(response.statusCode, `GET ${url}`).toBe(403);
      expect(response.body, `GET ${url}`).not.toContain('GEHEIMER ENTWURF');
    }
    for (const [url, fields] of [...providerPosts(), ...editorPosts()]) {
      expect((await post(outsider.visitor, paths.home, url, fields)).statusCode, `POST ${url}`).toBe(403);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('cannot reach this organisation’s entries through its own organisation’s address', async () => {
    const other = await buildOrganization(t, { name: 'Noch ein Verein e. V.' });
    const outsider = await memberOf(t, other.id);
    const before = await snapshot();
    for (const url of [
      paths.edit('service', other.id, w.service),
      paths.history('service', other.id, w.service),
      paths.edit('location', other.id, w.location),
    ]) {
      expect((await outsider.visitor.get(url)).statusCode, `GET ${url}`).toBe(404);
    }
    const post404 = await post(outsider.visitor, paths.home, paths.edit('service', other.id, w.service), {
      name: 'Übernommen',
      description: 'x',
      'topic-beratung': 'ja',
      free: 'ja',
      intent: 'submit',
      baseVersion: String(w.draftVersion),
    });
    expect(post404.statusCode).toBe(404);
    expect((await post(outsider.visitor, paths.home, paths.submit('service', other.id, w.service), { version: String(w.draftVersion) })).statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);
    expect((await outsider.visitor.get(paths.home)).body).not.toContain('Elternberatung am Abend');
  });

  it('may not use the editor pages even as a member of this organisation', async () => {
    const before = await snapshot();
    for (const url of editorGets()) expect((await owner.visitor.get(url)).statusCode, `GET ${url}`).toBe(403);
    for (const [url, fields] of editorPosts()) expect((await post(owner.visitor, paths.home, url, fields)).statusCode, `POST ${url}`).toBe(403);
    expect(await snapshot()).toEqual(before);
  });
});

describe('families and anonymous visitors', () => {
  it('answers 403 to a family, even one listed as a member', async () => {
    const family = await memberOf(t, w.org, { role: 'family' });
    const before = await snapshot();
    for (const url of [paths.home, ...providerGets(), ...editorGets()]) expect((await family.visitor.get(url)).statusCode, `GET ${url}`).toBe(403);
    for (const [url, fields] of [...providerPosts(), ...editorPosts()])
      expect((await post(family.visitor, '/konto', url, fields)).statusCode, `POST ${url}`).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('answers 401 with a login link to someone not signed in', async () => {
    const anonymous = new Visitor(() => t.app);
    const before = await snapshot();
    for (const url of [paths.home, ...providerGets(), ...editorGets()]) {
      const response = await anonymous.get(url);
      expect(response.statusCode, `GET ${url}`).toBe(401);
      expect(response.body).toContain('/anmelden?zurueck=');
    }
    for (const [url, fields] of [...providerPosts(), ...editorPosts()])
      expect((await post(anonymous, '/anmelden', url, fields)).statusCode, `POST ${url}`).toBe(401);
    expect(await snapshot()).toEqual(before);
  });
});

describe('unknown addresses', () => {
  it('answers 404, never 500, for ids that are not UUIDs or do not exist', async () => {
    const editor = await memberOf(t, null, { role: 'editor' });
    for (const url of [
      '/mein-verzeichnis/kein-uuid',
      `/mein-verzeichnis/${w.org}/angebote/kein-uuid/bearbeiten`,
      `/mein-verzeichnis/${crypto.randomUUID()}`,
      `/mein-verzeichnis/${w.org}/standorte/${crypto.randomUUID()}/verlauf`,
      '/verwaltung/pruefung/kein-uuid',
      `/verwaltung/pruefung/${crypto.randomUUID()}`,
    ]) {
      expect((await editor.visitor.get(url)).statusCode, `GET ${url}`).toBe(404);
    }
  });
});
