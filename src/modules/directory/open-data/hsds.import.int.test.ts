import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../../test/support/app.js';
import { signedInVisitor } from '../../../../test/support/auth.js';
import { buildLocation, buildOrganization, buildService, topicId } from '../../../../test/support/directory.js';

const t = useTestApp();
const page = '/admin/verzeichnis/import';

function samplePackage() {
  const org = { id: randomUUID(), name: 'Familienzentrum Regenbogen e. V.', description: 'Kurse und Beratung für Familien.', email: 'info@regenbogen.example' };
  const location = {
    id: randomUUID(),
    location_type: 'physical',
    organization_id: org.id,
    name: 'Regenbogenhaus',
    addresses: [
      {
        id: randomUUID(),
        address_1: 'Lindenallee 4',
        city: 'Hamm',
        region: 'Bockum-Hövel',
        state_province: 'Nordrhein-Westfalen',
        postal_code: '59075',
        country: 'DE',
        address_type: 'physical',
      },
    ],
  };
  const service = (name: string) => ({
    id: randomUUID(),
    organization_id: org.id,
    name,
    status: 'active',
    minimum_age: 0,
    maximum_age: 3,
    assured_date: '2026-09-01',
    attributes: [{ id: randomUUID(), taxonomy_term_id: topicId('familienbildung') }],
    service_at_locations: [{ id: randomUUID(), location_id: location.id }],
  });
  return { organizations: [org], locations: [location], services: [service('Babymassage'), service('Krabbelgruppe'), service('Elternkurs Starke Eltern')] };
}

const count = async (table: 'directory_services' | 'revisions' | 'organizations') =>
  Number(
    (
      await t.deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const auditEntries = () => t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'directory.hsds_imported').execute();

async function importAs(visitor: Visitor, pkg: unknown, extra: Record<string, string> = {}) {
  return visitor.submit(page, page, { paket: typeof pkg === 'string' ? pkg : JSON.stringify(pkg), ...extra });
}

describe('HSDS import: who may', () => {
  it('is for admins only: editors and families get 403, anonymous visitors 401', async () => {
    for (const role of ['family', 'provider', 'editor'] as const) {
      const { visitor } = await signedInVisitor(t, role);
      expect((await visitor.get(page)).statusCode, role).toBe(403);
      const csrfFrom = await visitor.get('/konto');
      const token = /name="_csrf" value="([^"]+)"/.exec(csrfFrom.body)?.[1] ?? '';
      const res = await visitor.post(page, { _csrf: token, paket: JSON.stringify(samplePackage()) });
      expect(res.statusCode, role).toBe(403);
    }
    expect((await new Visitor(() => t.app).get(page)).statusCode).toBe(401);
    expect(await auditEntries()).toHaveLength(0);
  });
});

describe('HSDS import: all or nothing', () => {
  it('imports a valid package, publishes it, versions every object and writes one audit entry', async () => {
    const { visitor, user } = await signedInVisitor(t, 'admin');
    const form = await visitor.get(page);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="paket"');
    expect(form.body).toContain('hsds.import.cli.ts');
    const pkg = samplePackage();
    const res = await importAs(visitor, pkg);
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    const done = await visitor.get(res.headers.location as string);
    expect(done.body).toContain('Übernommen: 1 Träger, 1 Standorte und 3 Angebote (davon 5 neu und 0 aktualisiert)');

    const api = (await t.app.inject({ method: 'GET', url: `/api/hsds/services/${pkg.services[0]!.id}` })).json();
    expect(api).toMatchObject({ name: 'Babymassage', organization: { name: 'Familienzentrum Regenbogen e. V.' } });
    expect(api.service_at_locations[0].location.addresses[0].region).toBe('Bockum-Hövel');
    const row = await t.deps.db
      .selectFrom('directory_services')
      .select(['districts', 'topic_codes'])
      .where('id', '=', pkg.services[0]!.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ districts: ['Bockum-Hövel'], topic_codes: ['familienbildung'] });

    const revisions = await t.deps.db.selectFrom('revisions').selectAll().where('organization_id', '=', pkg.organizations[0]!.id).execute();
    expect(revisions).toHaveLength(5);
    for (const r of revisions) expect(r).toMatchObject({ version: 1, status: 'published', author_id: user.id });
    const audit = await auditEntries();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_id: user.id,
      details: { source: 'web', organizations: { created: 1, updated: 0 }, locations: { created: 1, updated: 0 }, services: { created: 3, updated: 0 } },
    });
  });

  it('imports nothing when one record is bad, and says which record, which field and why', async () => {
    const { visitor } = await signedInVisitor(t, 'admin');
    const pkg = samplePackage();
    Object.assign(pkg.services[1]!, { email: 'keine-adresse', minimum_age: 2.5 });
    const before = {
      services: await count('directory_services'),
      revisions: await count('revisions'),
      organizations: await count('organizations'),
      audit: (await auditEntries()).length,
    };
    const res = await importAs(visitor, pkg);
    expect(res.statusCode).toBe(422);
    expect(res.body).toMatch(/<title>Fehler: /);
    expect(res.body).toContain('Das Paket wurde nicht importiert');
    expect(res.body).toContain('Angebot Nr. 2 „Krabbelgruppe“');
    expect(res.body).toContain('<code>email</code>');
    expect(res.body).toContain('Muss eine gültige E-Mail-Adresse sein.');
    expect(res.body).toContain('<code>minimum_age</code>');
    expect(res.body).toContain('Muss eine ganze Zahl sein.');
    expect(res.body).not.toContain('Babymassage</th>');
    // The package stays in the field for correcting.
    expect(res.body).toContain('keine-adresse');
    expect({
      services: await count('directory_services'),
      revisions: await count('revisions'),
      organizations: await count('organizations'),
      audit: (await auditEntries()).length,
    }).toEqual(before);
  });

  it('checks references into the package and the database inside the transaction, and rolls back', async () => {
    const { visitor } = await signedInVisitor(t, 'admin');
    const pkg = samplePackage();
    const missingOrg = randomUUID();
    const missingLocation = randomUUID();
    pkg.locations[0]!.organization_id = missingOrg;
    pkg.services[2]!.service_at_locations.push({ id: randomUUID(), location_id: missingLocation });
    pkg.services[0]!.attributes.push({ id: randomUUID(), taxonomy_term_id: '6f1d2c4e-0a51-4d8e-9a10-0000000001ff' });
    pkg.services[1]!.status = 'offen';
    const before = await count('directory_services');
    const res = await importAs(visitor, pkg);
    expect(res.statusCode).toBe(422);
    // One report: the bad record and the references of the good ones, each at its place in the package.
    expect(res.body).toMatch(
      /Angebot Nr\. 2 „Krabbelgruppe“[^<]*<\/th><td class="kern-table__cell"><code>status<\/code><\/td><td class="kern-table__cell">Ungültiger Wert; erlaubt: active, inactive, defunct, temporarily closed\./,
    );
    expect(res.body).toMatch(
      /Angebot Nr\. 3 „Elternkurs Starke Eltern“[^<]*<\/th><td class="kern-table__cell"><code>service_at_locations\[1\]\.location_id<\/code>/,
    );
    expect(res.body).toContain(`Den Träger ${missingOrg} gibt es weder im Paket noch im Verzeichnis.`);
    expect(res.body).toContain(`Den Standort ${missingLocation} gibt es weder im Paket noch im Verzeichnis.`);
    expect(res.body).toContain('<code>service_at_locations[1].location_id</code>');
    expect(res.body).toContain('Den Begriff 6f1d2c4e-0a51-4d8e-9a10-0000000001ff gibt es in keiner Taxonomie');
    expect(await count('directory_services')).toBe(before);
  });

  it('reports duplicate ids, unknown fields, unknown lists and broken JSON', async () => {
    const { visitor } = await signedInVisitor(t, 'admin');
    const pkg: Record<string, unknown> = samplePackage();
    const services = pkg.services as Record<string, unknown>[];
    services[2]!.id = services[0]!.id;
    services[1]!.lieblingsfarbe = 'blau';
    pkg.programs = [];
    const res = await importAs(visitor, pkg);
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain(`Die ID ${services[0]!.id as string} kommt im Paket mehrfach vor (auch bei Angebot Nr. 1).`);
    expect(res.body).toContain('<code>lieblingsfarbe</code>');
    expect(res.body).toContain('Die Liste „programs“ gibt es im Paketformat nicht');

    const broken = await importAs(visitor, '{\n  "services": [\n    { "id": }\n  ]\n}');
    expect(broken.statusCode).toBe(422);
    expect(broken.body).toContain('Das Paket ist kein gültiges JSON (Zeile 3, Zeichen 13).');
    expect((await importAs(visitor, '   ')).body).toContain('Bitte fügen Sie ein Paket ein.');
  });

  it('updates an existing service by id on re-import, as its next version', async () => {
    const { visitor } = await signedInVisitor(t, 'admin');
    const org = await buildOrganization(t, { name: 'Stadt Hamm – Jugendamt' });
    const location = await buildLocation(t, org.id, { name: 'Technisches Rathaus', district: 'Hamm-Mitte' });
    const existing = await buildService(t, org.id, { name: 'Beistandschaft', locationIds: [location.id] });
    const changed = { ...existing, organization_id: org.id, name: 'Beistandschaft und Unterhalt', description: 'Hilfe bei Unterhalt und Vaterschaft.' };
    for (const round of [1, 2]) {
      const res = await importAs(visitor, { services: [{ ...changed, alert: `Runde ${round}` }] });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
      expect(res.headers.location).toContain('neu=0&aktualisiert=1');
    }
    const row = await t.deps.db.selectFrom('directory_services').select(['name', 'hsds']).where('id', '=', existing.id).executeTakeFirstOrThrow();
    expect(row.name).toBe('Beistandschaft und Unterhalt');
    expect((row.hsds as { alert: string }).alert).toBe('Runde 2');
    const links = await t.deps.db.selectFrom('directory_service_locations').select('location_id').where('service_id', '=', existing.id).execute();
    expect(links.map((l) => l.location_id)).toEqual([location.id]);
    const versions = await t.deps.db.selectFrom('revisions').select(['version', 'status']).where('entity_id', '=', existing.id).orderBy('version').execute();
    expect(versions).toEqual([
      { version: 1, status: 'superseded' },
      { version: 2, status: 'published' },
    ]);
  });

  it('imports what the HSDS API serves (round trip), and a dry run writes nothing', async () => {
    const { visitor } = await signedInVisitor(t, 'admin');
    const org = await buildOrganization(t, { name: 'Hebammenpraxis Sonnenschein', phones: [{ id: randomUUID(), number: '02381 9876' }] });
    const location = await buildLocation(t, org.id, { name: 'Praxis Sonnenschein', district: 'Uentrop', barrierFree: true });
    const service = await buildService(t, org.id, {
      name: 'Wochenbettbetreuung',
      topics: ['schwangerschaft-geburt'],
      locationIds: [location.id],
      languages: [{ id: randomUUID(), name: 'Arabisch', code: 'ar' }],
    });
    const served = (await t.app.inject({ method: 'GET', url: `/api/hsds/services/${service.id}` })).json();
    const servedOrg = (await t.app.inject({ method: 'GET', url: `/api/hsds/organizations/${org.id}` })).json();
    const { locations, services, ...organization } = servedOrg;
    const before = await count('revisions');
    const res = await importAs(visitor, { organizations: [organization], locations, services: [served] }, { nurPruefen: 'ja' });
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(200);
    expect(res.body).toContain('Prüfung bestanden');
    expect(res.body).toContain('0 neu, 3 zu aktualisieren');
    expect(await count('revisions')).toBe(before);
    expect(services).toHaveLength(1);
  });

  it('takes packages far beyond the form body limit of other pages', async () => {
    const { visitor } = await signedInVisitor(t, 'admin');
    const pkg = samplePackage();
    const text = 'Ein langer Beschreibungstext für ein Angebot mit vielen Einzelheiten. '.repeat(14);
    pkg.services = Array.from({ length: 400 }, (_, i) => ({
      ...pkg.services[0]!,
      id: randomUUID(),
      name: `Kurs ${i + 1}`,
      description: text,
      service_at_locations: [{ id: randomUUID(), location_id: pkg.locations[0]!.id }],
    }));
    const body = JSON.stringify(pkg);
    expect(body.length).toBeGreaterThan(400_000);
    const res = await importAs(visitor, body, { nurPruefen: 'ja' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('400 Angebote');
  });
});
