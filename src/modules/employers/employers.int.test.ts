import { describe, expect, it } from 'vitest';
import { csrfTokenOf, useTestApp, Visitor } from '../../../test/support/app.js';
import { buildOrganization } from '../../../test/support/directory.js';
import { editAndSend, formFields, memberOf } from '../../../test/support/directory-workflow.js';
import { testJpeg } from '../../../test/support/images.js';
import { addMonths, todayIn } from '../../platform/time/berlin.js';
import { seedAppointmentsDemo } from '../appointments/index.js';
import { seedPlacesDemo } from '../places/index.js';
import { employerPaths } from './employers.paths.js';
import { seedEmployersDemo } from './employers.seed.js';
import { sendConfirmReminders } from './employers.service.js';
import { questions } from './self-check.js';

const t = useTestApp();
const visitor = () => new Visitor(() => t.app);

const namesOf = (html: string) =>
  [...html.matchAll(/<h3 class="kern-heading-small">\s*<a class="kern-link" href="\/arbeitgeber\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]!);
const orgIdOf = async (name: string) => (await t.deps.db.selectFrom('organizations').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
const jsonLdOf = (html: string) =>
  JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!) as { '@graph': Record<string, unknown>[] };

async function mailsTo(email: string) {
  await t.runJobs();
  return t.deps.db.selectFrom('mail_outbox').selectAll().where('recipient', '=', email).orderBy('created_at').execute();
}

/** A profile as an employer types it into the form. */
const profile = (changes: Record<string, string> = {}) => ({
  sector: 'craft',
  size: 'small',
  summary: 'Tischlerei mit 20 Beschäftigten. Feierabend ist um 16 Uhr.',
  m_flexitime: 'ja',
  m_emergency_care: 'ja',
  d_0: 'ja',
  audit_year: '2023',
  contact_name: 'Frau Holz (Test)',
  contact_email: 'familie@tischlerei.example',
  ...changes,
});

describe('family-friendly employers: the directory, a page per employer, good practice', () => {
  it('filters by measure, sector, size, district, apprenticeships and part-time; each page has Organization and JobPosting JSON-LD', async () => {
    await seedPlacesDemo(t.deps);
    expect(await seedEmployersDemo(t.deps)).toBe(true);
    expect(await seedEmployersDemo(t.deps)).toBe(false);
    expect(
      Number(
        (
          await t.deps.db
            .selectFrom('employer_profiles')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(40);

    const all = await visitor().get(employerPaths.list);
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('40 Arbeitgeber gefunden.');
    expect(namesOf(all.body)).toHaveLength(20);
    expect(all.body).toContain('href="/arbeitgeber?seite=2"');
    expect((await visitor().get(`${employerPaths.list}?seite=2`)).body).toContain('Seite 2 von 2');

    const emergency = namesOf((await visitor().get(`${employerPaths.list}?massnahme=emergency_care`)).body);
    expect(emergency).toContain('Klinikum Lippeaue (Demo)');
    expect(emergency).toContain('Pflegedienst Westring (Demo)');
    expect(emergency).not.toContain('Malerbetrieb Farbenfroh GmbH (Demo)');

    // Three filters at once: health, large, in Heessen.
    const three = namesOf((await visitor().get(`${employerPaths.list}?branche=health&groesse=large&bezirk=Heessen`)).body);
    expect(three).toEqual(['St.-Marien-Hospital (Demo)']);

    // Apprenticeships from today on (the places module's places); part-time: a measure or a part-time place.
    const apprenticeships = namesOf((await visitor().get(`${employerPaths.list}?ausbildung=ja&branche=craft`)).body);
    expect(apprenticeships.sort()).toEqual(['Elektro Blitzblank GmbH (Demo)', 'Malerbetrieb Farbenfroh GmbH (Demo)', 'Tischlerei Holzwurm (Demo)']);
    const partTime = namesOf((await visitor().get(`${employerPaths.list}?teilzeit=ja&branche=it`)).body);
    expect(partTime.sort()).toEqual(['Medienwerkstatt Hamm (Demo)', 'Softwarehaus Bitfluss (Demo)']);

    // Values that fit nothing are ignored, never an error.
    const odd = await visitor().get(`${employerPaths.list}?massnahme=%3Cscript%3E&branche=raumfahrt&bezirk=Mond&seite=0`);
    expect(odd.statusCode).toBe(200);
    expect(odd.body).toContain('40 Arbeitgeber gefunden.');

    // Two profiles were confirmed more than 12 months ago.
    const unconfirmed = await visitor().get(`${employerPaths.list}?branche=logistics`);
    expect(unconfirmed.body.match(/<span class="kern-label">unbestätigt<\/span>/g)).toHaveLength(1);

    const clinic = await orgIdOf('Klinikum Lippeaue (Demo)');
    const page = await visitor().get(employerPaths.employer(clinic));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Notfallbetreuung');
    expect(page.body).toContain('audit berufundfamilie (2023)');
    expect(page.body).toContain('href="/ferien"');
    expect(page.body).toContain('Ausbildung: Ausbildung Pflegefachfrau / Pflegefachmann');
    expect(page.body).toContain(`href="${employerPaths.story('notfallbetreuung-der-kliniken')}"`);
    expect(page.body).toContain(`href="${employerPaths.alliance(clinic)}"`);
    const graph = jsonLdOf(page.body)['@graph'];
    expect(graph[0]).toMatchObject({
      '@type': 'Organization',
      name: 'Klinikum Lippeaue (Demo)',
      address: { addressLocality: 'Hamm', addressCountry: 'DE' },
      award: ['audit berufundfamilie (2023)', 'Mitglied im Unternehmensnetzwerk „Erfolgsfaktor Familie“ (seit 2019)'],
    });
    expect(graph[0]!.knowsAbout).toContain('Notfallbetreuung');
    const posting = graph.find((g) => g['@type'] === 'JobPosting' && g.title === 'Ausbildung Pflegefachfrau / Pflegefachmann')!;
    expect(posting.description).toContain('Was der Arbeitgeber für Familien tut: ');
    expect(posting.description).toContain('Notfallbetreuung');
    expect(posting.educationRequirements).toMatchObject({ credentialCategory: 'Mittlerer Schulabschluss' });

    const stale = await visitor().get(employerPaths.employer(await orgIdOf('Kurierdienst Flinkfuß (Demo)')));
    expect(stale.body).toContain('Unbestätigt: Der Arbeitgeber hat diese Angaben seit mehr als 12 Monaten nicht bestätigt.');

    expect((await visitor().get(employerPaths.employer(crypto.randomUUID()))).statusCode).toBe(404);

    const stories = await visitor().get(employerPaths.stories);
    expect(stories.body).toContain('Die Kliniken der Stadt teilen sich eine Notfallbetreuung');
    const story = await visitor().get(employerPaths.story('notfallbetreuung-der-kliniken'));
    expect(story.body).toContain('Was es gekostet hat');
    expect(story.body).toContain('vereinbarkeit@klinikum-lippeaue.example');
    expect((await visitor().get(employerPaths.story('gibt-es-nicht'))).statusCode).toBe(404);

    const search = await visitor().get('/suche?q=Bitfluss');
    expect(search.body).toContain('Familienfreundliche Arbeitgeber');
    expect(search.body).toContain(employerPaths.employer(await orgIdOf('Softwarehaus Bitfluss (Demo)')));

    // Joining the alliance: the network's form, prefilled, posting to its join requests.
    const alliance = await visitor().get(employerPaths.alliance(clinic));
    expect(alliance.statusCode).toBe(200);
    expect(alliance.body).toContain('action="/netzwerk/partner-werden"');
    expect(alliance.body).toMatch(/name="organization"[^>]*value="Klinikum Lippeaue \(Demo\)"/);
    const v = visitor();
    const sent = await v.submit(employerPaths.alliance(clinic), '/netzwerk/partner-werden', {
      organization: 'Klinikum Lippeaue (Demo)',
      name: 'Frau Beispiel',
      email: 'personal@klinikum-lippeaue.example',
      message: 'Wir möchten Partner im Bündnis werden.',
      privacy: 'ja',
    });
    expect(sent.statusCode).toBe(303);
    expect(await t.deps.db.selectFrom('network_partner_requests').select('organization').execute()).toEqual([{ organization: 'Klinikum Lippeaue (Demo)' }]);
  });
});

describe('employers maintain their profile; the editors review it (the one review workflow)', () => {
  async function setting(options: { trusted?: boolean } = {}) {
    const org = await buildOrganization(t, { name: `Tischlerei ${Math.random().toString(36).slice(2, 7)} (Test)` });
    if (options.trusted) await t.deps.db.updateTable('organizations').set({ trusted: true }).where('id', '=', org.id).execute();
    const employer = await memberOf(t, org.id, { displayName: 'Erika Arbeitgeberin' });
    const editor = await memberOf(t, null, { role: 'editor', displayName: 'Erik Redaktion' });
    return { org, employer, editor };
  }

  it('keeps a profile hidden until an editor approves it, shows the reviewer what changed and mails the decision', async () => {
    const s = await setting();
    const home = await s.employer.visitor.get(employerPaths.manage);
    expect(home.body).toContain(employerPaths.organization(s.org.id));
    const { response } = await editAndSend(s.employer.visitor, employerPaths.edit(s.org.id), profile());
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`${employerPaths.organization(s.org.id)}?hinweis=in_review`);
    expect((await s.employer.visitor.get(String(response.headers.location))).body).toContain('Das Profil ist zur Prüfung eingereicht.');
    expect((await visitor().get(employerPaths.employer(s.org.id))).statusCode).toBe(404);

    const first = await t.deps.db
      .selectFrom('revisions')
      .selectAll()
      .where('entity_type', '=', 'employer')
      .where('entity_id', '=', s.org.id)
      .executeTakeFirstOrThrow();
    const queue = await s.editor.visitor.get('/verwaltung/pruefung');
    expect(queue.body).toContain('Arbeitgeberprofil');
    await s.editor.visitor.submit(`/verwaltung/pruefung/${first.id}`, `/verwaltung/pruefung/${first.id}/freigeben`, {});
    const page = await visitor().get(employerPaths.employer(s.org.id));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Feierabend ist um 16 Uhr.');
    expect(page.body).toContain(`Zuletzt bestätigt am ${todayIn().split('-').reverse().join('.')}.`);

    // A change: the reviewer sees the measures added and removed.
    await editAndSend(s.employer.visitor, employerPaths.edit(s.org.id), { m_emergency_care: null, m_remote_work: 'ja', summary: 'Neu: auch Homeoffice.' });
    const second = await t.deps.db
      .selectFrom('revisions')
      .selectAll()
      .where('entity_id', '=', s.org.id)
      .where('status', '=', 'in_review')
      .executeTakeFirstOrThrow();
    const review = await s.editor.visitor.get(`/verwaltung/pruefung/${second.id}`);
    expect(review.statusCode).toBe(200);
    expect(review.body).toContain('Arbeit von zu Hause');
    expect(review.body).toContain('Notfallbetreuung');
    expect(review.body).toContain('Neu: auch Homeoffice.');
    const rejected = await s.editor.visitor.submit(`/verwaltung/pruefung/${second.id}`, `/verwaltung/pruefung/${second.id}/ablehnen`, {
      reason: 'Bitte beschreiben Sie das Homeoffice genauer.',
    });
    expect(rejected.statusCode).toBe(303);
    expect((await visitor().get(employerPaths.employer(s.org.id))).body).toContain('Feierabend ist um 16 Uhr.');
    const mails = await mailsTo(s.employer.user.email);
    // Both mails are written by the same job run: compare them as a set.
    expect(mails.map((m) => m.subject).sort()).toEqual([`Freigegeben: ${s.org.name}`, `Nicht freigegeben: ${s.org.name}`]);
    const rejection = mails.find((m) => m.subject.startsWith('Nicht'))!;
    expect(rejection.text_body).toContain('Bitte beschreiben Sie das Homeoffice genauer.');
    expect(rejection.text_body).toContain(employerPaths.edit(s.org.id));
    expect((await s.employer.visitor.get(employerPaths.organization(s.org.id))).body).toContain('Bitte beschreiben Sie das Homeoffice genauer.');
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('subject_id', '=', s.org.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'employers.entry_submitted',
      'employers.revision_approved',
      'employers.entry_submitted',
      'employers.revision_rejected',
    ]);
    expect((await s.employer.visitor.get(employerPaths.history(s.org.id))).body).toContain('Erika Arbeitgeberin');
  });

  it('answers bad input with 422 and an error summary, keeps the values, checks the logo by its bytes', async () => {
    const s = await setting({ trusted: true });
    const url = employerPaths.edit(s.org.id);
    const page = await s.employer.visitor.get(url);
    const fields = { ...formFields(page.body, url), ...profile(), intent: 'submit' };
    // The file input is sent as a file below, not as a text field.
    for (const name of ['m_flexitime', 'm_emergency_care', 'logo']) delete (fields as Record<string, string>)[name];
    const bad = await s.employer.visitor.postMultipart(url, {
      ...fields,
      summary: 'Bleibt stehen.',
      audit_year: '1890',
      website: 'keine adresse',
      sector: 'raumfahrt',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Wählen Sie bei „Branche“ eine Antwort aus.');
    expect(bad.body).toContain('Geben Sie die Internetseite mit https:// an.');
    expect(bad.body).toContain('Bleibt stehen.');
    const rules = await s.employer.visitor.postMultipart(
      url,
      { ...fields, audit_year: '1890' },
      { logo: { filename: 'logo.png', content: Buffer.from('kein Bild') } },
    );
    expect(rules.statusCode).toBe(422);
    expect(rules.body).toContain('Wählen Sie mindestens eine Maßnahme aus.');
    expect(rules.body).toContain('Geben Sie ein Jahr zwischen 1990 und');
    expect(rules.body).toContain('Das Logo muss ein JPEG-, PNG- oder WebP-Bild sein.');
    expect(await t.deps.db.selectFrom('revisions').select('id').where('entity_id', '=', s.org.id).execute()).toEqual([]);

    // A trusted organisation publishes at once; the logo loses its metadata.
    const ok = await s.employer.visitor.postMultipart(url, { ...fields, m_part_time: 'ja' }, { logo: { filename: 'logo.jpg', content: testJpeg(320, 200) } });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`${employerPaths.organization(s.org.id)}?hinweis=published`);
    const stored = await t.deps.db.selectFrom('employer_profiles').select('logo_id').where('organization_id', '=', s.org.id).executeTakeFirstOrThrow();
    const image = await t.deps.db.selectFrom('media_images').select('bytes').where('id', '=', stored.logo_id!).executeTakeFirstOrThrow();
    expect(image.bytes.toString('latin1')).not.toContain('GPS 51.6739N');
    const shown = await visitor().get(employerPaths.employer(s.org.id));
    expect(shown.body).toContain(`src="/medien/${stored.logo_id}" alt="Logo von ${s.org.name}" width="154" height="96"`);
  });

  it('lets nobody else touch an organisation’s profile', async () => {
    const s = await setting();
    const stranger = await memberOf(t, (await buildOrganization(t, { name: 'Andere Firma (Test)' })).id);
    const family = await memberOf(t, null, { role: 'family' });
    for (const who of [stranger, family]) {
      expect((await who.visitor.get(employerPaths.organization(s.org.id))).statusCode).toBe(403);
      expect((await who.visitor.get(employerPaths.edit(s.org.id))).statusCode).toBe(403);
      const token = csrfTokenOf((await who.visitor.get(employerPaths.list)).body);
      const post = await who.visitor.post(employerPaths.edit(s.org.id), { _csrf: token, ...profile(), base_version: '0', intent: 'submit' });
      expect(post.statusCode).toBe(403);
      expect((await who.visitor.post(employerPaths.confirm(s.org.id), { _csrf: token })).statusCode).toBe(403);
    }
    expect((await visitor().get(employerPaths.manage)).statusCode).toBe(401);
    expect(await t.deps.db.selectFrom('revisions').select('id').where('entity_id', '=', s.org.id).execute()).toEqual([]);
  });

  it('reminds the members once when the measures were not confirmed for 12 months, and "bestätigen" clears the marker', async () => {
    const s = await setting({ trusted: true });
    await editAndSend(s.employer.visitor, employerPaths.edit(s.org.id), profile());
    const longAgo = addMonths(todayIn(), -13)!;
    await t.deps.db.updateTable('employer_profiles').set({ measures_confirmed_on: longAgo }).where('organization_id', '=', s.org.id).execute();
    expect((await visitor().get(employerPaths.employer(s.org.id))).body).toContain('Unbestätigt:');

    const first = await sendConfirmReminders(t.deps, new Date());
    expect(first.employers).toBeGreaterThanOrEqual(1);
    expect((await sendConfirmReminders(t.deps, new Date())).employers).toBe(0);
    const mails = await mailsTo(s.employer.user.email);
    expect(mails.map((m) => m.subject)).toEqual([`Bitte bestätigen Sie die Maßnahmen von „${s.org.name}“`]);
    expect(mails[0]!.text_body).toContain(employerPaths.organization(s.org.id));

    const confirmed = await s.employer.visitor.submit(employerPaths.organization(s.org.id), employerPaths.confirm(s.org.id), {});
    expect(confirmed.headers.location).toBe(`${employerPaths.organization(s.org.id)}?hinweis=confirmed`);
    expect((await visitor().get(employerPaths.employer(s.org.id))).body).not.toContain('Unbestätigt:');
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', s.org.id)
      .where('action', '=', 'employers.measures_confirmed')
      .execute();
    expect(audit).toHaveLength(1);
  });
});

describe('the self-check', () => {
  const answersFor = (digit: (i: number) => number) => Object.fromEntries(questions.map((q, i) => [`q_${q.id}`, String(digit(i))]));

  it('asks again for missing answers, stores the answers with the month only, and shows a profile per area with next steps', async () => {
    await seedAppointmentsDemo(t.deps);
    const v = visitor();
    const missing = await v.submit(employerPaths.selfCheck, employerPaths.selfCheck, { ...answersFor(() => 2), q_c2: '' });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('Beantworten Sie Frage 9.');
    expect(missing.body).toMatch(/id="q_t1" name="q_t1" value="2" checked/);

    const before = (await t.deps.db.selectFrom('employer_self_checks').select('id').execute()).length;
    const done = await v.submit(
      employerPaths.selfCheck,
      employerPaths.selfCheck,
      answersFor((i) => (i < 7 ? 2 : i < 12 ? 0 : 1)),
    );
    expect(done.statusCode).toBe(303);
    const location = String(done.headers.location);
    expect(location).toBe(`${employerPaths.result}?antworten=${'2'.repeat(7)}${'0'.repeat(5)}${'1'.repeat(13)}`);
    const rows = await t.deps.db.selectFrom('employer_self_checks').selectAll().execute();
    expect(rows).toHaveLength(before + 1);
    // No identifier: the month, the version and the answers are all there is.
    expect(Object.keys(rows.at(-1)!).sort()).toEqual(['answers', 'id', 'month', 'version']);
    expect(String(rows.at(-1)!.month)).toMatch(/-01$|01 /);

    const result = await v.get(location);
    expect(result.statusCode).toBe(200);
    expect(result.body).toMatch(/Arbeitszeit<\/th>\s*<td class="kern-table__cell kern-table__cell--numeric">100 %<\/td>\s*<td class="kern-table__cell">weit/);
    expect(result.body).toMatch(
      /Kinderbetreuung<\/th>\s*<td class="kern-table__cell kern-table__cell--numeric">0 %<\/td>\s*<td class="kern-table__cell">am Anfang/,
    );
    expect(result.body).toContain('<svg class="survey-chart"');
    expect(result.body).toContain('href="/arbeitgeber?massnahme=emergency_care"');
    expect(result.body).toContain(employerPaths.story('notfallbetreuung-der-kliniken'));
    expect(result.body).toContain('href="/termine/beratung-arbeitgeber"');
    expect(result.body).toContain('Melden Sie sich an, um das Ergebnis im Profil Ihres Betriebs zu speichern.');
    expect((await v.get(`${employerPaths.result}?antworten=2222`)).statusCode).toBe(404);
  });

  it('saves a result to the profile for the members of the employer only', async () => {
    const org = await buildOrganization(t, { name: 'Bäckerei Selbstcheck (Test)' });
    const member = await memberOf(t, org.id);
    const stranger = await memberOf(t, (await buildOrganization(t, { name: 'Fremd (Test)' })).id);
    const answers = '2'.repeat(12) + '0'.repeat(13);
    const url = `${employerPaths.result}?antworten=${answers}`;
    const page = await member.visitor.get(url);
    expect(page.body).toContain(`<option value="${org.id}"`);
    expect((await stranger.visitor.submit(url, employerPaths.saveResult, { antworten: answers, organisation: org.id })).statusCode).toBe(403);
    const saved = await member.visitor.submit(url, employerPaths.saveResult, { antworten: answers, organisation: org.id });
    expect(saved.headers.location).toBe(`${employerPaths.organization(org.id)}?hinweis=saved`);
    const overview = await member.visitor.get(String(saved.headers.location));
    expect(overview.body).toContain('Der Selbstcheck ist im Profil gespeichert.');
    expect(overview.body).toMatch(/Pflege von Angehörigen<\/th>\s*<td class="kern-table__cell kern-table__cell--numeric">0 %/);
    // Saving is not another anonymous answer.
    expect(await t.deps.db.selectFrom('employer_self_check_results').select('answers').where('organization_id', '=', org.id).executeTakeFirstOrThrow()).toEqual(
      {
        answers: [...answers].map(Number),
      },
    );
  });

  it('publishes the city’s aggregates only where at least 5 answers stand behind a number', async () => {
    await t.deps.db.deleteFrom('employer_self_checks').execute();
    const insert = (answers: number[]) => t.deps.db.insertInto('employer_self_checks').values({ month: '2026-05-01', version: 1, answers }).execute();
    for (let i = 0; i < 4; i++) await insert(questions.map(() => 2));
    expect((await visitor().get(employerPaths.aggregates)).body).toContain('Es gibt noch zu wenige Selbstchecks für eine Auswertung.');

    // 8 checks in all: 7 say yes everywhere, 1 says no everywhere — that one must not be visible or computable.
    for (let i = 0; i < 3; i++) await insert(questions.map(() => 2));
    await insert(questions.map(() => 0));
    const page = await visitor().get(employerPaths.aggregates);
    expect(page.body).toContain('8 Selbstchecks bisher.');
    const row = /Gleitzeit\)\?<\/th>([\s\S]*?)<\/tr>/.exec(page.body)?.[1] ?? '';
    const cells = [...row.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
    // Yes 7, partly 0, no 1: the 1 is hidden, and so is the 7, or 8 − 7 would give it away (a 0 reveals nobody).
    expect(cells).toEqual(['weniger als 5', '0', 'weniger als 5']);
    expect(page.body).not.toMatch(/<td class="kern-table__cell kern-table__cell--numeric">1<\/td>/);
  });
});
