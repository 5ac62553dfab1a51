import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';
import { signedInVisitor } from '../../../test/support/auth.js';
import { addDays, todayIn } from '../../platform/time/berlin.js';
import { createCouncilService } from './council.service.js';

const t = useTestApp();
const visitor = () => new Visitor(() => t.app);
/** Mails to one address, with the whole message as sent (the calendar part's method is in its content type). */
const mailsTo = async (address: string) => {
  await t.runJobs();
  const rows = await t.deps.db
    .selectFrom('mail_outbox')
    .select(['id', 'subject', 'text_body'])
    .where('recipient', '=', address)
    .orderBy('created_at')
    .execute();
  return rows.map((row) => ({ ...row, raw: readFileSync(path.join(t.deps.config.dataDir, 'outbox', `${row.id}.eml`), 'utf8') }));
};
const application = (email: string) => t.deps.db.selectFrom('council_applications').selectAll().where('email', '=', email).executeTakeFirstOrThrow();

const form = {
  name: 'Aylin Demir',
  email: 'aylin@example.org',
  district: 'Pelkum',
  adults: '2',
  children: '3',
  privacy: 'ja',
};

describe('Familienbeirat: applying', () => {
  it('explains the council and links the application form', async () => {
    const page = await visitor().get('/mitmachen/familienbeirat');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Wer mitmachen kann');
    expect(page.body).toContain('href="/mitmachen/familienbeirat/bewerben"');
    const participate = await visitor().get('/mitmachen');
    expect(participate.body).toContain('href="/mitmachen/familienbeirat"');
    expect(participate.body).not.toContain('Kommt bald');
    // Every optional question says why it is asked and that it is never published.
    const formPage = await visitor().get('/mitmachen/familienbeirat/bewerben');
    for (const hint of ['familySituation-hint', 'homeLanguages-hint', 'needsInterpreter-hint', 'needsChildcare-hint'])
      expect(new RegExp(`id="${hint}"[^>]*>[^<]*(<[^>]+>)*[^<]*Wird nie veröffentlicht`).test(formPage.body)).toBe(true);
  });

  it('refuses optional answers without consent and a missing privacy consent with 422, keeping the values', async () => {
    const v = visitor();
    const res = await v.submit('/mitmachen/familienbeirat/bewerben', '/mitmachen/familienbeirat/bewerben', {
      ...form,
      privacy: '',
      adults: '0',
      familySituation: 'single_parent',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Sie haben freiwillige Angaben gemacht.');
    expect(res.body).toContain('Bestätigen Sie, dass wir Ihre Bewerbung speichern dürfen.');
    expect(res.body).toContain('Geben Sie eine Zahl von 1 bis 10 ein.');
    expect(res.body).toContain('value="Aylin Demir"');
    expect(await t.deps.db.selectFrom('council_applications').select('id').where('email', '=', form.email).execute()).toHaveLength(0);
  });

  it('stores the optional answers only with consent, confirms by mail, and refuses a second application', async () => {
    const v = visitor();
    const res = await v.submit('/mitmachen/familienbeirat/bewerben', '/mitmachen/familienbeirat/bewerben', {
      ...form,
      optionalConsent: 'ja',
      familySituation: 'single_parent',
      homeLanguages: 'Deutsch, Türkisch',
      needsInterpreter: 'ja',
    });
    expect(res.statusCode).toBe(303);
    expect((await v.get(res.headers.location as string)).body).toContain('Danke für Ihre Bewerbung');
    const stored = await application(form.email);
    expect(stored).toMatchObject({ family_situation: 'single_parent', home_languages: 'Deutsch, Türkisch', needs_interpreter: true, status: 'received' });
    expect(stored.optional_consent_at).not.toBeNull();
    expect(stored.privacy_consent_at).not.toBeNull();
    expect((await mailsTo(form.email))[0]!.subject).toBe('Ihre Bewerbung für den Familienbeirat');

    const without = await visitor().submit('/mitmachen/familienbeirat/bewerben', '/mitmachen/familienbeirat/bewerben', { ...form, email: 'ohne@example.org' });
    expect(without.statusCode).toBe(303);
    expect(await application('ohne@example.org')).toMatchObject({ optional_consent_at: null, family_situation: null, needs_interpreter: null });

    const again = await visitor().submit('/mitmachen/familienbeirat/bewerben', '/mitmachen/familienbeirat/bewerben', { ...form, email: 'AYLIN@example.org' });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('Mit dieser E-Mail-Adresse gibt es schon eine Bewerbung oder Mitgliedschaft.');
  });

  it('lets only staff decide: accept for a term, decline kindly, reserve list, each told by mail', async () => {
    const family = await signedInVisitor(t, 'family');
    expect((await family.visitor.get('/verwaltung/familienbeirat')).statusCode).toBe(403);
    expect((await visitor().get('/verwaltung/familienbeirat')).statusCode).toBe(401);

    const { visitor: editor } = await signedInVisitor(t, 'editor');
    for (const email of ['zwei@example.org', 'drei@example.org'])
      await visitor().submit('/mitmachen/familienbeirat/bewerben', '/mitmachen/familienbeirat/bewerben', { ...form, email });
    const overview = await editor.get('/verwaltung/familienbeirat');
    expect(overview.statusCode).toBe(200);
    expect(overview.body).toContain('aylin@example.org');
    const aylin = await application(form.email);
    const impossible = await editor.submit('/verwaltung/familienbeirat', `/verwaltung/familienbeirat/bewerbungen/${aylin.id}`, {
      decision: 'accepted',
      termUntil: '31.02.2028',
    });
    expect(impossible.statusCode).toBe(422);
    expect(impossible.body).toContain(`href="#term-${aylin.id}"`);
    expect(await application(form.email)).toMatchObject({ status: 'received' });
    const accepted = await editor.submit('/verwaltung/familienbeirat', `/verwaltung/familienbeirat/bewerbungen/${aylin.id}`, {
      decision: 'accepted',
      termUntil: '31.12.2028',
    });
    expect(accepted.statusCode).toBe(303);
    expect(await application(form.email)).toMatchObject({ status: 'accepted', term_until: '2028-12-31' });
    expect((await mailsTo(form.email)).some((m) => m.text_body.includes('Sie sind Mitglied im Familienbeirat bis zum 31.12.2028'))).toBe(true);

    const zwei = await application('zwei@example.org');
    await editor.submit('/verwaltung/familienbeirat', `/verwaltung/familienbeirat/bewerbungen/${zwei.id}`, { decision: 'declined' });
    expect((await mailsTo('zwei@example.org')).some((m) => m.text_body.includes('vielen Dank für Ihr Interesse'))).toBe(true);
    const drei = await application('drei@example.org');
    await editor.submit('/verwaltung/familienbeirat', `/verwaltung/familienbeirat/bewerbungen/${drei.id}`, { decision: 'reserve' });
    expect(await application('drei@example.org')).toMatchObject({ status: 'reserve', term_until: null });
    expect((await mailsTo('drei@example.org')).map((m) => m.subject)).toContain('Sie stehen auf der Nachrückliste des Familienbeirats');
  });

  it('shows the composition only as counts, groups under 5 hidden, and never a member by name', async () => {
    const page = await visitor().get('/mitmachen/familienbeirat');
    expect(page.body).toContain('Der Beirat hat zurzeit 1 Mitglied.');
    expect(page.body).toContain('weniger als 5');
    expect(page.body).not.toContain('Aylin');
    expect(page.body).not.toContain('alleinerziehend</th><td class="kern-table__cell kern-table__cell--numeric">1');
  });
});

describe('Familienbeirat: workshops', () => {
  it('plans a workshop (422 with the values kept), invites members with .ics, registers with needs and moves the waiting list up on cancel', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const date = addDays(todayIn(), 20);
    const de = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
    const bad = await editor.submit('/verwaltung/familienbeirat/workshops/neu', '/verwaltung/familienbeirat/workshops/neu', {
      title: 'Ankommen in Hamm',
      date: de(date),
      from: '25:00',
      until: '13:00',
      registrationUntil: de(addDays(date, -2)),
      place: 'Familienzentrum Pelkum',
      capacity: '2',
      childcarePlaces: '1',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Geben Sie eine Uhrzeit wie 10:00 ein.');
    expect(bad.body).toContain('value="Ankommen in Hamm"');
    const created = await editor.submit('/verwaltung/familienbeirat/workshops/neu', '/verwaltung/familienbeirat/workshops/neu', {
      title: 'Ankommen in Hamm',
      date: de(date),
      from: '10:00',
      until: '13:00',
      registrationUntil: de(addDays(date, -2)),
      place: 'Familienzentrum Pelkum',
      capacity: '2',
      childcarePlaces: '1',
    });
    expect(created.statusCode).toBe(303);
    const staffPage = (created.headers.location as string).split('?')[0]!;
    const workshopId = staffPage.split('/').at(-1)!;

    // Three members: the applicant accepted above, and two more.
    const service = createCouncilService(t.deps);
    const emails = ['aylin@example.org', 'b@example.org', 'c@example.org'];
    for (const email of emails.slice(1)) {
      await service.apply({ name: `Familie ${email[0]}`, email, phone: null, district: 'Uentrop', adults: 1, children: 1, optional: null }, 'tr');
      const a = await application(email);
      await t.deps.db.updateTable('council_applications').set({ status: 'accepted', term_until: '2030-01-01' }).where('id', '=', a.id).execute();
    }
    const invited = await editor.submit(staffPage, `${staffPage}/einladen`, {});
    expect(invited.statusCode).toBe(303);
    expect((await editor.get(invited.headers.location as string)).body).toContain('3 Einladungen sind unterwegs.');
    const again = await editor.submit(staffPage, `${staffPage}/einladen`, {});
    expect(again.statusCode).toBe(409);
    const invitation = (await mailsTo('b@example.org')).find((m) => m.text_body.includes('/anmelden?token='))!;
    expect(invitation.subject).toBe('Davet: Aile Danışma Kurulu, Ankommen in Hamm');
    expect(invitation.raw).toMatch(/text\/calendar; charset=utf-8; method=REQUEST/i);
    const linkOf = (text: string) =>
      new URL(/https?:\/\/\S+anmelden\?token=\S+/.exec(text)![0]).pathname + new URL(/https?:\/\/\S+anmelden\?token=\S+/.exec(text)![0]).search;
    const links = Object.fromEntries(
      await Promise.all(emails.map(async (e) => [e, linkOf((await mailsTo(e)).find((m) => m.text_body.includes('/anmelden?token='))!.text_body)])),
    );

    // A tampered link is refused with a clear page.
    const tampered = await visitor().get(`${links['b@example.org']!.slice(0, -2)}xx`);
    expect(tampered.statusCode).toBe(400);
    expect(tampered.body).toContain('Dieser Link gilt nicht');

    // Aylin comes with her child and needs childcare and an interpreter.
    const a = visitor();
    const missingAges = await a.submit(links['aylin@example.org'], `/mitmachen/familienbeirat/workshops/${workshopId}/anmelden`, {
      token: new URL(`http://x${links['aylin@example.org']}`).searchParams.get('token')!,
      persons: '1',
      childcareChildren: '1',
    });
    expect(missingAges.statusCode).toBe(422);
    expect(missingAges.body).toContain('Geben Sie das Alter der Kinder an');
    const tokenOf = (e: string) => new URL(`http://x${links[e]}`).searchParams.get('token')!;
    const aylin = await a.submit(links['aylin@example.org'], `/mitmachen/familienbeirat/workshops/${workshopId}/anmelden`, {
      token: tokenOf('aylin@example.org'),
      persons: '1',
      childcareChildren: '1',
      childcareAges: '4 Jahre',
      interpreterLanguage: 'Türkisch',
    });
    expect(aylin.statusCode).toBe(303);
    const aylinPage = aylin.headers.location as string;
    expect((await a.get(aylinPage)).body).toContain('Ihre Anmeldung ist bestätigt.');
    // B fills the last place; C waits.
    const b = visitor();
    const bRes = await b.submit(links['b@example.org'], `/mitmachen/familienbeirat/workshops/${workshopId}/anmelden`, {
      token: tokenOf('b@example.org'),
      persons: '1',
      childcareChildren: '0',
    });
    expect(bRes.statusCode).toBe(303);
    // B changes the registration by the link: a bad number is a 422 with the values kept; a dietary note is saved.
    const bPage = bRes.headers.location as string;
    const bToken = new URL(`http://x${bPage}`).searchParams.get('token')!;
    const badChange = await b.submit(bPage, '/mitmachen/familienbeirat/anmeldung/aendern', {
      token: bToken,
      persons: '0',
      childcareChildren: '0',
      dietary: 'vegetarisch',
    });
    expect(badChange.statusCode).toBe(422);
    expect(badChange.body).toContain('Geben Sie eine Zahl von 1 bis 8 ein.');
    expect(badChange.body).toContain('value="vegetarisch"');
    const goodChange = await b.submit(bPage, '/mitmachen/familienbeirat/anmeldung/aendern', {
      token: bToken,
      persons: '1',
      childcareChildren: '0',
      dietary: 'vegetarisch',
    });
    expect(goodChange.statusCode).toBe(303);
    const changed = await b.get(goodChange.headers.location as string);
    expect(changed.body).toContain('Ihre Änderung ist gespeichert.');
    expect(changed.body).toContain('value="vegetarisch"');
    const c = visitor();
    const cRes = await c.submit(links['c@example.org'], `/mitmachen/familienbeirat/workshops/${workshopId}/anmelden`, {
      token: tokenOf('c@example.org'),
      persons: '1',
      childcareChildren: '0',
    });
    expect((await c.get(cRes.headers.location as string)).body).toContain('Warteliste, an Stelle 1');
    expect((await visitor().get(`/mitmachen/familienbeirat/workshops/${workshopId}`)).body).toContain('Alle Plätze sind vergeben');

    // Staff see the needs; the public page never does.
    const staffView = await editor.get(staffPage);
    expect(staffView.body).toContain('Dolmetschen: Türkisch');
    expect(staffView.body).toContain('Kinder: 4 Jahre');
    expect((await visitor().get(`/mitmachen/familienbeirat/workshops/${workshopId}`)).body).not.toContain('Türkisch');

    // Aylin cancels by her link: C moves up and is told once, in Turkish.
    const cancelled = await a.submit(aylinPage, '/mitmachen/familienbeirat/anmeldung/absagen', {
      token: new URL(`http://x${aylinPage}`).searchParams.get('token')!,
    });
    expect(cancelled.statusCode).toBe(303);
    expect((await a.get(aylinPage)).body).toContain('Diese Anmeldung ist abgesagt.');
    expect((await c.get(cRes.headers.location as string)).body).toContain('Ihre Anmeldung ist bestätigt.');
    const cMails = (await mailsTo('c@example.org')).map((m) => m.subject);
    expect(cMails.filter((s) => s.startsWith('Bir yer boşaldı'))).toHaveLength(1);
    expect((await mailsTo('aylin@example.org')).find((m) => m.subject.startsWith('Abgesagt:'))!.raw).toMatch(/method=CANCEL/i);
  });
});
