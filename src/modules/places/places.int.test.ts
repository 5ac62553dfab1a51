import { describe, expect, it } from 'vitest';
import { csrfTokenOf, useTestApp, Visitor } from '../../../test/support/app.js';
import { buildOrganization } from '../../../test/support/directory.js';
import { editAndSend, formFields, memberOf } from '../../../test/support/directory-workflow.js';
import { todayIn, addMonths } from '../../platform/time/berlin.js';
import { placePaths } from './places.paths.js';
import { seedPlacesDemo } from './places.seed.js';

const t = useTestApp();
const visitor = () => new Visitor(() => t.app);

const inMonths = (n: number) => addMonths(`${todayIn().slice(0, 7)}-01`, n)!;
const german = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const titlesOf = (html: string) =>
  [...html.matchAll(/<h3 class="kern-heading-small">\s*<a class="kern-link" href="\/jugend-beruf\/plaetze\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]!);
const placeIdOf = async (title: string) => (await t.deps.db.selectFrom('places').select('id').where('title', '=', title).executeTakeFirstOrThrow()).id;

async function mailsTo(email: string) {
  await t.runJobs();
  return t.deps.db.selectFrom('mail_outbox').selectAll().where('recipient', '=', email).orderBy('created_at').execute();
}

/** A new place as an employer types it into the form. */
const newPlace = (title: string) => ({
  kind: 'apprenticeship',
  title,
  occupation: 'Tischler/in',
  field: 'craft',
  certificate: 'hauptschule',
  start_date: german(inMonths(8)),
  positions: '2',
  description: 'Du baust Möbel und Treppen aus Holz.',
  how_to_apply: 'Ruf uns an.',
  contact_phone: '02381 123456',
});

describe('places for young people: list, filters, a page per place', () => {
  it('filters by field, school leaving certificate, start and part-time, and shows a JobPosting with a plain BERUFENET link', async () => {
    await seedPlacesDemo(t.deps);

    const all = await visitor().get(placePaths.list);
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('Ausbildung Maler/in und Lackierer/in');
    expect(all.body).toContain('Plätze gefunden.');

    const health = titlesOf((await visitor().get(`${placePaths.list}?feld=health`)).body);
    expect(health.sort()).toEqual(
      [
        'Ausbildung Pflegefachassistenz in der ambulanten Pflege',
        'Ausbildung Pflegefachfrau / Pflegefachmann',
        'Schülerpraktikum im Krankenhaus (zwei oder drei Wochen)',
      ].sort(),
    );

    // Someone with a Hauptschulabschluss sees what needs it or less, not what needs more.
    const hauptschule = titlesOf((await visitor().get(`${placePaths.list}?abschluss=hauptschule`)).body);
    expect(hauptschule).toContain('Ausbildung Maler/in und Lackierer/in');
    expect(hauptschule).toContain('Ausbildung Fachkraft für Gastronomie');
    expect(hauptschule).not.toContain('Ausbildung Pflegefachfrau / Pflegefachmann');
    expect(hauptschule).not.toContain('Duales Studium Soziale Arbeit beim Jugendamt');

    const partTime = titlesOf((await visitor().get(`${placePaths.list}?teilzeit=ja&art=apprenticeship`)).body);
    expect(partTime.sort()).toEqual(
      [
        'Ausbildung Pflegefachassistenz in der ambulanten Pflege',
        'Ausbildung Pflegefachfrau / Pflegefachmann',
        'Ausbildung Verwaltungsfachangestellte/r',
      ].sort(),
    );

    // Internships start within the next months; "from" a month after them leaves only later places.
    const later = titlesOf((await visitor().get(`${placePaths.list}?art=internship&ab=${inMonths(3).slice(0, 7)}`)).body);
    expect(later).toEqual([]);
    const empty = await visitor().get(`${placePaths.list}?art=internship&ab=${inMonths(3).slice(0, 7)}`);
    expect(empty.body).toContain('Mit diesen Filtern gibt es gerade keinen Platz.');

    // Values that fit nothing are ignored, never an error.
    const odd = await visitor().get(`${placePaths.list}?feld=%3Cscript%3E&abschluss=master&ab=2027-13&teilzeit=vielleicht`);
    expect(odd.statusCode).toBe(200);
    expect(titlesOf(odd.body).length).toBe(titlesOf(all.body).length);

    const id = await placeIdOf('Ausbildung Pflegefachfrau / Pflegefachmann');
    const page = await visitor().get(placePaths.place(id));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('bei Klinikum Lippeaue (Demo)');
    expect(page.body).toContain('So bewirbst du dich');
    expect(page.body).toContain('href="https://web.arbeitsagentur.de/berufenet/suche?suchwoerter=Pflegefachmann%2F-frau"');
    // A plain link: nothing on the page is loaded from the agency.
    expect(page.body).not.toMatch(/<(img|script|iframe|link)[^>]+(src|href)="https:\/\/web\.arbeitsagentur\.de/);
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page.body)![1]!) as Record<string, unknown>;
    expect(jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'JobPosting',
      title: 'Ausbildung Pflegefachfrau / Pflegefachmann',
      hiringOrganization: { '@type': 'Organization', name: 'Klinikum Lippeaue (Demo)' },
      employmentType: ['FULL_TIME', 'PART_TIME'],
      occupationalCategory: 'Pflegefachmann/-frau',
      totalJobOpenings: 12,
      jobLocation: { '@type': 'Place', address: { addressLocality: 'Hamm', addressCountry: 'DE' } },
      educationRequirements: { '@type': 'EducationalOccupationalCredential', credentialCategory: 'Mittlerer Schulabschluss' },
    });
    expect(jsonLd.jobStartDate).toMatch(/^\d{4}-09-01$/);

    expect((await visitor().get(placePaths.place(crypto.randomUUID()))).statusCode).toBe(404);

    const search = await visitor().get('/suche?q=Lagerlogistik');
    expect(search.statusCode).toBe(200);
    expect(search.body).toContain('Praktikums- und Ausbildungsplätze');
    expect(search.body).toContain(placePaths.place(await placeIdOf('Ausbildung Fachkraft für Lagerlogistik')));
  });
});

describe('employers maintain places, the editors review them (the one review workflow)', () => {
  async function setting(options: { trusted?: boolean } = {}) {
    const org = await buildOrganization(t, { name: `Tischlerei ${Math.random().toString(36).slice(2, 7)} (Test)` });
    if (options.trusted) await t.deps.db.updateTable('organizations').set({ trusted: true }).where('id', '=', org.id).execute();
    const employer = await memberOf(t, org.id, { displayName: 'Erika Arbeitgeberin' });
    const editor = await memberOf(t, null, { role: 'editor', displayName: 'Erik Redaktion' });
    return { org, employer, editor };
  }

  it('keeps a new place hidden until an editor approves it, then publishes it and mails the employer', async () => {
    const s = await setting();
    const home = await s.employer.visitor.get(placePaths.manage);
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain(placePaths.organization(s.org.id));

    const { response } = await editAndSend(s.employer.visitor, placePaths.create(s.org.id), newPlace('Ausbildung Tischler/in'));
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`${placePaths.organization(s.org.id)}?hinweis=in_review`);
    const overview = await s.employer.visitor.get(String(response.headers.location));
    expect(overview.body).toContain('Der Platz ist zur Prüfung eingereicht.');
    expect(overview.body).toContain('In Prüfung');

    const revision = await t.deps.db
      .selectFrom('revisions')
      .selectAll()
      .where('entity_type', '=', 'place')
      .where('organization_id', '=', s.org.id)
      .executeTakeFirstOrThrow();
    expect(revision.status).toBe('in_review');
    expect((await visitor().get(placePaths.place(revision.entity_id))).statusCode).toBe(404);
    expect(titlesOf((await visitor().get(placePaths.list)).body)).not.toContain('Ausbildung Tischler/in');

    const queue = await s.editor.visitor.get('/verwaltung/pruefung');
    expect(queue.body).toContain('Ausbildung Tischler/in');
    expect(queue.body).toContain('Platz (Praktikum, Ausbildung, duales Studium)');
    const review = await s.editor.visitor.get(`/verwaltung/pruefung/${revision.id}`);
    expect(review.statusCode).toBe(200);
    expect(review.body).toMatch(/Beruf<\/th>\s*<td[^>]*>neu/);
    expect(review.body).toContain('Tischler/in');

    const approved = await s.editor.visitor.submit(`/verwaltung/pruefung/${revision.id}`, `/verwaltung/pruefung/${revision.id}/freigeben`, {});
    expect(approved.statusCode).toBe(303);
    const page = await visitor().get(placePaths.place(revision.entity_id));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Du baust Möbel und Treppen aus Holz.');
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('subject_id', '=', revision.entity_id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['places.entry_submitted', 'places.revision_approved']);

    const mails = await mailsTo(s.employer.user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Freigegeben: Ausbildung Tischler/in');
    expect(mails[0]!.text_body).toContain('(Platz (Praktikum, Ausbildung, duales Studium)');
    expect(mails[0]!.text_body).toContain(placePaths.history(s.org.id, revision.entity_id));
  });

  it('rejects a change with a reason the employer reads, while the published place stays', async () => {
    const s = await setting();
    await editAndSend(s.employer.visitor, placePaths.create(s.org.id), newPlace('Praktikum in der Werkstatt'));
    const first = await t.deps.db.selectFrom('revisions').selectAll().where('organization_id', '=', s.org.id).executeTakeFirstOrThrow();
    await s.editor.visitor.submit(`/verwaltung/pruefung/${first.id}`, `/verwaltung/pruefung/${first.id}/freigeben`, {});

    await editAndSend(s.employer.visitor, placePaths.edit(s.org.id, first.entity_id), { title: 'Praktikum mit Übernachtung' });
    const second = await t.deps.db
      .selectFrom('revisions')
      .selectAll()
      .where('entity_id', '=', first.entity_id)
      .where('version', '=', 2)
      .executeTakeFirstOrThrow();
    const noReason = await s.editor.visitor.submit(`/verwaltung/pruefung/${second.id}`, `/verwaltung/pruefung/${second.id}/ablehnen`, { reason: ' ' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('Schreiben Sie eine Begründung für die Ablehnung.');
    const rejected = await s.editor.visitor.submit(`/verwaltung/pruefung/${second.id}`, `/verwaltung/pruefung/${second.id}/ablehnen`, {
      reason: 'Praktika für Schülerinnen und Schüler ohne Übernachtung, bitte.',
    });
    expect(rejected.statusCode).toBe(303);

    expect((await visitor().get(placePaths.place(first.entity_id))).body).toContain('Praktikum in der Werkstatt');
    const mails = await mailsTo(s.employer.user.email);
    expect(mails.map((m) => m.subject).sort()).toEqual(['Freigegeben: Praktikum in der Werkstatt', 'Nicht freigegeben: Praktikum mit Übernachtung']);
    expect(mails.find((m) => m.subject.startsWith('Nicht'))!.text_body).toContain('Praktika für Schülerinnen und Schüler ohne Übernachtung, bitte.');
    const overview = await s.employer.visitor.get(placePaths.organization(s.org.id));
    expect(overview.body).toContain('Nicht freigegeben');
    expect(overview.body).toContain('Praktika für Schülerinnen und Schüler ohne Übernachtung, bitte.');
    const history = await s.employer.visitor.get(placePaths.history(s.org.id, first.entity_id));
    expect(history.statusCode).toBe(200);
    expect(history.body).toContain('Erika Arbeitgeberin');
  });

  it('publishes at once for a trusted organisation and for staff, and saves drafts without showing them', async () => {
    const trusted = await setting({ trusted: true });
    const { response } = await editAndSend(trusted.employer.visitor, placePaths.create(trusted.org.id), newPlace('Ausbildung Holzmechaniker/in'));
    expect(response.headers.location).toBe(`${placePaths.organization(trusted.org.id)}?hinweis=published`);
    expect(titlesOf((await visitor().get(placePaths.list)).body)).toContain('Ausbildung Holzmechaniker/in');

    const s = await setting();
    const staff = await s.editor.visitor.get(`${placePaths.manage}?org=${s.org.id}`);
    expect(staff.statusCode).toBe(303);
    const byStaff = await editAndSend(s.editor.visitor, placePaths.create(s.org.id), newPlace('Duales Studium Holztechnik'));
    expect(byStaff.response.headers.location).toBe(`${placePaths.organization(s.org.id)}?hinweis=published`);

    const draft = await editAndSend(s.employer.visitor, placePaths.create(s.org.id), newPlace('Entwurf: Ferienjob'), 'draft');
    expect(draft.response.headers.location).toBe(`${placePaths.organization(s.org.id)}?hinweis=draft`);
    expect(titlesOf((await visitor().get(placePaths.list)).body)).not.toContain('Entwurf: Ferienjob');
    expect((await s.employer.visitor.get(placePaths.organization(s.org.id))).body).toContain('Entwurf: Ferienjob');
  });

  it('answers bad input with 422 and an error summary, and a conflict when someone saved in between', async () => {
    const s = await setting();
    const page = await s.employer.visitor.get(placePaths.create(s.org.id));
    const fields = { ...formFields(page.body, placePaths.create(s.org.id)), ...newPlace('x'), intent: 'submit' };
    const bad = await s.employer.visitor.post(placePaths.create(s.org.id), {
      ...fields,
      title: '',
      start_date: '01.01.2020',
      positions: '0',
      contact_email: 'keine-adresse',
      field: 'astronaut',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Füllen Sie das Feld „Titel“ aus.');
    expect(bad.body).toContain('Wählen Sie bei „Berufsfeld“ eine Antwort aus.');
    expect(bad.body).toContain('„E-Mail-Adresse für Bewerbungen“');
    const past = await s.employer.visitor.post(placePaths.create(s.org.id), { ...fields, title: 'Ausbildung', start_date: '01.01.2020', positions: '0' });
    expect(past.statusCode).toBe(422);
    expect(past.body).toContain('Der Beginn liegt in der Vergangenheit.');
    expect(past.body).toContain('Geben Sie bei „Anzahl der Plätze“ eine Zahl von 1 bis 99 an.');
    expect(await t.deps.db.selectFrom('revisions').select('id').where('organization_id', '=', s.org.id).execute()).toEqual([]);

    await editAndSend(s.employer.visitor, placePaths.create(s.org.id), newPlace('Ausbildung Tischler/in'), 'draft');
    const id = (await t.deps.db.selectFrom('revisions').select('entity_id').where('organization_id', '=', s.org.id).executeTakeFirstOrThrow()).entity_id;
    const stale = await s.employer.visitor.get(placePaths.edit(s.org.id, id));
    await editAndSend(s.editor.visitor, placePaths.edit(s.org.id, id), { title: 'Ausbildung Tischler/in (geändert)' }, 'draft');
    const conflict = await s.employer.visitor.post(placePaths.edit(s.org.id, id), {
      ...formFields(stale.body, placePaths.edit(s.org.id, id)),
      title: 'Meine Fassung',
      intent: 'draft',
    });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.body).toContain('Jemand hat diesen Platz inzwischen geändert.');
    expect(conflict.body).toContain('Meine Fassung');
  });

  it('keeps one version per number when two people save the same place at the same moment', async () => {
    const s = await setting();
    await editAndSend(s.employer.visitor, placePaths.create(s.org.id), newPlace('Praktikum Holzwerkstatt'), 'draft');
    const id = (await t.deps.db.selectFrom('revisions').select('entity_id').where('organization_id', '=', s.org.id).executeTakeFirstOrThrow()).entity_id;
    const url = placePaths.edit(s.org.id, id);
    const [a, b] = await Promise.all([s.employer.visitor.get(url), s.editor.visitor.get(url)]);
    const responses = await Promise.all([
      s.employer.visitor.post(url, { ...formFields(a.body, url), title: 'Fassung A', intent: 'draft' }),
      s.editor.visitor.post(url, { ...formFields(b.body, url), title: 'Fassung B', intent: 'draft' }),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([303, 409]);
    const versions = await t.deps.db.selectFrom('revisions').select(['version', 'status']).where('entity_id', '=', id).orderBy('version').execute();
    expect(versions).toEqual([
      { version: 1, status: 'superseded' },
      { version: 2, status: 'draft' },
    ]);
  });

  it('lets nobody else touch an organisation’s places', async () => {
    const s = await setting();
    const other = await buildOrganization(t, { name: 'Andere Firma (Test)' });
    const stranger = await memberOf(t, other.id);
    const family = await memberOf(t, null, { role: 'family' });
    for (const who of [stranger, family]) {
      expect((await who.visitor.get(placePaths.organization(s.org.id))).statusCode).toBe(403);
      expect((await who.visitor.get(placePaths.create(s.org.id))).statusCode).toBe(403);
      // With a valid form token of their own session: the policy says no, not the CSRF check.
      const token = csrfTokenOf((await who.visitor.get(placePaths.list)).body);
      const post = await who.visitor.post(placePaths.create(s.org.id), { _csrf: token, ...newPlace('Fremder Platz'), base_version: '0', intent: 'submit' });
      expect(post.statusCode).toBe(403);
    }
    expect((await visitor().get(placePaths.manage)).statusCode).toBe(401);
    expect(await t.deps.db.selectFrom('revisions').select('id').where('organization_id', '=', s.org.id).execute()).toEqual([]);
  });
});
