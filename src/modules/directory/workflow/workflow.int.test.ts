import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../../test/support/app.js';
import type { HsdsService } from '../open-data/hsds.types.js';
import { berlinDate } from './workflow.dates.js';
import { paths } from './workflow.paths.js';
import { editAndSend, memberOf, workflowQueries, workflowSetting } from '../../../../test/support/directory-workflow.js';

const t = useTestApp();

const { revisions, published, audit } = workflowQueries(t);
async function mailsTo(email: string) {
  await t.runJobs();
  return t.deps.db.selectFrom('mail_outbox').selectAll().where('recipient', '=', email).orderBy('created_at').execute();
}

const setting = (orgOverrides: { trusted?: boolean } = {}) => workflowSetting(t, orgOverrides);

describe('a provider changes a service and an editor reviews it', () => {
  it('keeps the published version until an editor approves, then publishes and mails the author', async () => {
    const s = await setting();
    const { response } = await editAndSend(s.provider.visitor, s.editUrl, {
      name: 'Elterncafé am Nachmittag',
      description: 'Jeden Mittwoch Kaffee, Kuchen und Austausch.',
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`${paths.organization(s.org.id)}?hinweis=pruefung`);

    expect((await published(s.service.id)).name).toBe('Elterncafé');
    const publicBefore = await new Visitor(() => t.app).get(paths.publicService(s.service.id));
    expect(publicBefore.statusCode).toBe(200);
    expect(publicBefore.body).not.toContain('Elterncafé am Nachmittag');
    expect(publicBefore.body).not.toContain('Jeden Mittwoch Kaffee');
    const versions = await revisions(s.service.id);
    expect(versions.map((v) => [v.version, v.status, v.author_id])).toEqual([
      [1, 'published', null],
      [2, 'in_review', s.provider.user.id],
    ]);
    expect(await audit('directory.entry_submitted', s.service.id)).toHaveLength(1);

    const mine = await s.provider.visitor.get(paths.organization(s.org.id) + '?hinweis=pruefung');
    expect(mine.body).toContain('zur Prüfung eingereicht');
    expect(mine.body).toContain('in Prüfung');
    expect(mine.body).toContain('Elterncafé am Nachmittag');

    const queue = await s.editor.visitor.get(paths.queue);
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain('Elterncafé am Nachmittag');
    expect(queue.body).toContain(s.org.name);
    expect(queue.body).toContain('Paula Anbieterin');

    const reviewUrl = paths.review(versions[1]!.id);
    const review = await s.editor.visitor.get(reviewUrl);
    expect(review.statusCode).toBe(200);
    expect(review.body).toMatch(/Name des Angebots<\/th>\s*<td[^>]*>geändert/);
    expect(review.body).toContain('Jeden Mittwoch Kaffee, Kuchen und Austausch.');
    expect(review.body).not.toContain('Themen</th>');

    const approved = await s.editor.visitor.submit(reviewUrl, paths.approve(versions[1]!.id), {});
    expect(approved.statusCode).toBe(303);
    expect((await published(s.service.id)).name).toBe('Elterncafé am Nachmittag');
    expect((await new Visitor(() => t.app).get(paths.publicService(s.service.id))).body).toContain('Jeden Mittwoch Kaffee, Kuchen und Austausch.');
    expect((await revisions(s.service.id)).map((v) => v.status)).toEqual(['superseded', 'published']);
    const entry = await audit('directory.revision_approved', s.service.id);
    expect(entry).toHaveLength(1);
    expect(entry[0]!.actor_id).toBe(s.editor.user.id);

    const mails = await mailsTo(s.provider.user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Freigegeben: Elterncafé am Nachmittag');
    expect(mails[0]!.text_body).toContain('Guten Tag Paula Anbieterin');
    expect(mails[0]!.html_body).toContain('Elterncafé am Nachmittag');

    const again = await s.editor.visitor.submit(paths.queue, paths.approve(versions[1]!.id), {});
    expect(again.statusCode).toBe(409);
  });

  it('rejects only with a reason, mails it in the author’s language and keeps the public version', async () => {
    const s = await setting();
    const english = await memberOf(t, s.org.id, { displayName: 'Pat Provider', locale: 'en' });
    await editAndSend(english.visitor, s.editUrl, { name: 'Elterncafé mit Spielecke' });
    const proposal = (await revisions(s.service.id)).at(-1)!;
    const reviewUrl = paths.review(proposal.id);

    const empty = await s.editor.visitor.submit(reviewUrl, paths.reject(proposal.id), { reason: '   ' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Schreiben Sie eine Begründung für die Ablehnung.');
    expect((await revisions(s.service.id)).at(-1)!.status).toBe('in_review');

    const rejected = await s.editor.visitor.submit(reviewUrl, paths.reject(proposal.id), { reason: 'Bitte nennen Sie die Uhrzeit der Spielecke.' });
    expect(rejected.statusCode).toBe(303);
    const stored = (await revisions(s.service.id)).at(-1)!;
    expect(stored.status).toBe('rejected');
    expect(stored.review_reason).toBe('Bitte nennen Sie die Uhrzeit der Spielecke.');
    expect(stored.reviewed_by).toBe(s.editor.user.id);
    expect((await published(s.service.id)).name).toBe('Elterncafé');
    expect(await audit('directory.revision_rejected', s.service.id)).toHaveLength(1);

    const [mail] = await mailsTo(english.user.email);
    expect(mail!.subject).toBe('Not approved: Elterncafé mit Spielecke');
    expect(mail!.text_body).toContain('Bitte nennen Sie die Uhrzeit der Spielecke.');
    expect(mail!.text_body).toContain(s.editUrl);

    const list = await s.provider.visitor.get(paths.organization(s.org.id));
    expect(list.body).toContain('abgelehnt');
    expect(list.body).toContain('Begründung der Redaktion: Bitte nennen Sie die Uhrzeit der Spielecke.');
    const form = await s.provider.visitor.get(s.editUrl);
    expect(form.body).toContain('value="Elterncafé mit Spielecke"');
  });

  it('saves a draft nobody else sees, and submits it later', async () => {
    const s = await setting();
    const { response } = await editAndSend(s.provider.visitor, s.editUrl, { description: 'Entwurf: neue Beschreibung' }, 'draft');
    expect(response.headers.location).toContain('hinweis=entwurf');
    const draft = (await revisions(s.service.id)).at(-1)!;
    expect(draft.status).toBe('draft');
    expect((await s.editor.visitor.get(paths.queue)).body).not.toContain(paths.review(draft.id));
    expect((await published(s.service.id)).hsds).not.toMatchObject({ description: 'Entwurf: neue Beschreibung' });

    const list = await s.provider.visitor.get(paths.organization(s.org.id));
    expect(list.body).toContain('Entwurf einreichen');
    const submitted = await s.provider.visitor.submit(paths.organization(s.org.id), paths.submit('service', s.org.id, s.service.id), {
      version: String(draft.version),
    });
    expect(submitted.statusCode).toBe(303);
    expect((await revisions(s.service.id)).at(-1)!.status).toBe('in_review');
    expect((await s.editor.visitor.get(paths.queue)).body).toContain(paths.review(draft.id));
  });

  it('publishes at once for a trusted organisation and for editors, with audit entries', async () => {
    const s = await setting();
    const trust = await s.editor.visitor.submit(paths.organizations, paths.trust(s.org.id), { trusted: 'ja' });
    expect(trust.statusCode).toBe(303);
    expect(await audit('organization.trusted', s.org.id)).toHaveLength(1);
    expect((await s.editor.visitor.get(trust.headers.location as string)).body).toContain('ist jetzt vertrauenswürdig');

    const page = await s.provider.visitor.get(s.editUrl);
    expect(page.body).toContain('Speichern und veröffentlichen');
    const { response } = await editAndSend(s.provider.visitor, s.editUrl, { name: 'Elterncafé sofort' });
    expect(response.headers.location).toContain('hinweis=veroeffentlicht');
    expect((await published(s.service.id)).name).toBe('Elterncafé sofort');
    expect(await audit('directory.entry_published', s.service.id)).toHaveLength(1);

    await s.editor.visitor.submit(paths.organizations, paths.trust(s.org.id), { trusted: 'nein' });
    expect(await audit('organization.untrusted', s.org.id)).toHaveLength(1);
    await editAndSend(s.provider.visitor, s.editUrl, { name: 'Elterncafé geprüft' });
    expect((await published(s.service.id)).name).toBe('Elterncafé sofort');

    await editAndSend(s.editor.visitor, s.editUrl, { name: 'Elterncafé (Redaktion)' });
    expect((await published(s.service.id)).name).toBe('Elterncafé (Redaktion)');
    expect((await revisions(s.service.id)).map((v) => v.status)).toEqual(['superseded', 'superseded', 'superseded', 'published']);
  });
});

describe('two providers editing the same service', () => {
  it('answers the second save with 409, keeps the text, and saves on a deliberate second try', async () => {
    const s = await setting();
    const colleague = await memberOf(t, s.org.id, { displayName: 'Kai Kollege' });
    const first = await s.provider.visitor.get(s.editUrl);
    const second = await colleague.visitor.get(s.editUrl);
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);

    await editAndSend(s.provider.visitor, s.editUrl, { name: 'Elterncafé (Paula)' });
    const countBefore = (await revisions(s.service.id)).length;
    const { formFields } = await import('../../../../test/support/directory-workflow.js');
    const fields = { ...formFields(second.body, s.editUrl), description: 'Kais lange Beschreibung, die nicht verloren gehen darf.', intent: 'submit' };
    const conflict = await colleague.visitor.post(s.editUrl, fields);
    expect(conflict.statusCode).toBe(409);
    expect(conflict.body).toContain('Jemand hat diesen Eintrag inzwischen geändert');
    expect(conflict.body).toContain('Kais lange Beschreibung, die nicht verloren gehen darf.');
    expect((await revisions(s.service.id)).length).toBe(countBefore);

    const retry = await colleague.visitor.post(s.editUrl, formFields(conflict.body, s.editUrl));
    expect(retry.statusCode).toBe(303);
    const last = (await revisions(s.service.id)).at(-1)!;
    expect((last.data as HsdsService).description).toBe('Kais lange Beschreibung, die nicht verloren gehen darf.');
    expect(last.author_id).toBe(colleague.user.id);
  });

  it('lets exactly one of two simultaneous saves through', async () => {
    const s = await setting();
    const colleague = await memberOf(t, s.org.id);
    const { formFields } = await import('../../../../test/support/directory-workflow.js');
    const [a, b] = await Promise.all([s.provider.visitor.get(s.editUrl), colleague.visitor.get(s.editUrl)]);
    const responses = await Promise.all([
      s.provider.visitor.post(s.editUrl, { ...formFields(a.body, s.editUrl), name: 'Fassung A', intent: 'submit' }),
      colleague.visitor.post(s.editUrl, { ...formFields(b.body, s.editUrl), name: 'Fassung B', intent: 'submit' }),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([303, 409]);
    const versions = await revisions(s.service.id);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions.filter((v) => v.status === 'in_review')).toHaveLength(1);
  });
});

describe('invalid input', () => {
  it('re-renders with 422, German messages per field, the values kept and nothing saved', async () => {
    const s = await setting();
    const { response } = await editAndSend(s.provider.visitor, s.editUrl, {
      name: '',
      'topic-familienbildung': null,
      leika: '12345',
      price: '12,50',
      minAge: '12',
      maxAge: '6',
      'hours-1-1-opens': '09:00',
      'hours-1-1-closes': '09:00',
      'hours-2-1-opens': '25:00',
      'hours-2-1-closes': '12:00',
      email: 'keine-adresse',
    });
    expect(response.statusCode).toBe(422);
    const body = response.body;
    expect(body).toContain('<title>Fehler: ');
    for (const message of [
      'Geben Sie den Namen des Angebots ein.',
      'Wählen Sie mindestens ein Thema aus.',
      'Der LeiKa-Schlüssel hat genau 14 Ziffern.',
      'Ein kostenloses Angebot hat keinen Preis.',
      'Das Alter „bis“ darf nicht kleiner sein als das Alter „von“.',
      'Montag: Anfang und Ende dürfen nicht gleich sein.',
      'Dienstag: Geben Sie die Uhrzeit als Stunden und Minuten ein',
      'Geben Sie bei „E-Mail-Adresse“ eine E-Mail-Adresse',
    ])
      expect(body).toContain(message);
    expect(body).toContain('href="#leika"');
    expect(body).toContain('value="12345"');
    expect(body).toContain('value="25:00"');
    expect(await revisions(s.service.id)).toHaveLength(0);
  });

  it('allows opening hours across midnight', async () => {
    const s = await setting({ trusted: true });
    const { response } = await editAndSend(s.provider.visitor, s.editUrl, { 'hours-5-1-opens': '20:00', 'hours-5-1-closes': '2:00' });
    expect(response.statusCode).toBe(303);
    expect((await published(s.service.id)).weekly_hours).toEqual([{ day: 5, opens: '20:00', closes: '02:00' }]);
  });
});

describe('new entries', () => {
  it('creates a location and a service that appear only after approval, built as HSDS objects', async () => {
    const s = await setting();
    const newLocation = await s.provider.visitor.submit(paths.create(s.org.id, 'location'), paths.create(s.org.id, 'location'), {
      name: 'Treffpunkt Rhynern',
      street: 'Dorfstraße 5',
      postalCode: '59069',
      city: 'Hamm',
      district: 'Rhynern',
      barrierFree: 'ja',
      accessibility: 'Rampe am Seiteneingang',
      intent: 'submit',
      baseVersion: '0',
    });
    expect(newLocation.statusCode).toBe(303);
    const locationRevision = await t.deps.db
      .selectFrom('revisions')
      .selectAll()
      .where('entity_type', '=', 'location')
      .where('organization_id', '=', s.org.id)
      .executeTakeFirstOrThrow();
    expect(locationRevision.status).toBe('in_review');
    expect(await t.deps.db.selectFrom('directory_locations').select('id').where('id', '=', locationRevision.entity_id).executeTakeFirst()).toBeUndefined();
    const list = await s.provider.visitor.get(paths.organization(s.org.id));
    expect(list.body).toContain('Treffpunkt Rhynern');

    await s.editor.visitor.submit(paths.queue, paths.approve(locationRevision.id), {});
    const location = await t.deps.db.selectFrom('directory_locations').selectAll().where('id', '=', locationRevision.entity_id).executeTakeFirstOrThrow();
    expect(location.district).toBe('Rhynern');
    expect(location.barrier_free).toBe(true);

    const createUrl = paths.create(s.org.id, 'service');
    const created = await editAndSend(s.provider.visitor, createUrl, {
      name: 'Krabbelgruppe',
      description: 'Spielen und Singen für die Kleinsten.',
      'topic-familienbildung': 'ja',
      'topic-kinderbetreuung': 'ja',
      minAge: '0',
      maxAge: '3',
      price: '12,50',
      reducedPrice: '6',
      documents: 'Familienpass\n\nImpfpass ',
      'lang-de': 'ja',
      'lang-tr': 'ja',
      [`location-${location.id}`]: 'ja',
      'hours-2-1-opens': '9:30',
      'hours-2-1-closes': '11:00',
      'hours-4-1-opens': '09:30',
      'hours-4-1-closes': '11:00',
      leika: '9900 1234 5678 00',
      checked: 'ja',
      url: 'www.krabbelgruppe.example',
    });
    expect(created.response.statusCode).toBe(303);
    const proposal = await t.deps.db
      .selectFrom('revisions')
      .selectAll()
      .where('entity_type', '=', 'service')
      .where('organization_id', '=', s.org.id)
      .where('status', '=', 'in_review')
      .executeTakeFirstOrThrow();
    const review = await s.editor.visitor.get(paths.review(proposal.id));
    expect(review.body).toContain('Neuer Eintrag: alle Angaben');
    await s.editor.visitor.submit(paths.queue, paths.approve(proposal.id), {});

    const row = await published(proposal.entity_id);
    const hsds = row.hsds as HsdsService;
    expect(hsds.cost_options?.map((c) => [c.amount, c.currency])).toEqual([
      [12.5, 'EUR'],
      [6, 'EUR'],
    ]);
    expect(hsds.required_documents?.map((d) => d.document)).toEqual(['Familienpass', 'Impfpass']);
    expect(hsds.url).toBe('https://www.krabbelgruppe.example/');
    expect(hsds.assured_date).toBe(berlinDate(new Date()));
    expect(hsds.attributes?.find((a) => a.value === '99001234567800')).toBeDefined();
    expect(hsds.schedules).toEqual([{ id: expect.any(String), freq: 'WEEKLY', byday: 'TU,TH', opens_at: '09:30', closes_at: '11:00' }]);
    expect(row.free).toBe(false);
    expect(row.language_codes.sort()).toEqual(['de', 'tr']);
    expect(row.topic_codes.sort()).toEqual(['familienbildung', 'kinderbetreuung']);
    expect(row.districts).toEqual(['Rhynern']);
    expect([row.minimum_age, row.maximum_age]).toEqual([0, 3]);

    // Editing keeps the ids of sub-objects.
    await editAndSend(s.editor.visitor, paths.edit('service', s.org.id, hsds.id), { name: 'Krabbelgruppe Rhynern' });
    const after = (await published(hsds.id)).hsds as HsdsService;
    expect(after.cost_options?.map((c) => c.id)).toEqual(hsds.cost_options?.map((c) => c.id));
    expect(after.schedules?.map((c) => c.id)).toEqual(hsds.schedules?.map((c) => c.id));
    expect(after.languages?.map((c) => c.id)).toEqual(hsds.languages?.map((c) => c.id));
    expect(after.service_at_locations).toEqual(hsds.service_at_locations);
  });

  it('changes the organisation’s own details and re-projects its services', async () => {
    const s = await setting({ trusted: true });
    const { response } = await editAndSend(s.provider.visitor, paths.edit('organization', s.org.id, s.org.id), {
      name: 'Familienzentrum Neu e. V.',
      website: 'https://neu.example',
      phone: '02381 12345',
    });
    expect(response.statusCode).toBe(303);
    const org = await t.deps.db.selectFrom('organizations').selectAll().where('id', '=', s.org.id).executeTakeFirstOrThrow();
    expect(org.name).toBe('Familienzentrum Neu e. V.');
    expect(org.hsds).toMatchObject({ website: 'https://neu.example/', phones: [{ number: '02381 12345' }] });
    expect((await published(s.service.id)).search_text).toContain('familienzentrum neu e. v.');
  });
});

describe('history', () => {
  it('lists every version with who and when, and says "gelöschtes Konto" for a deleted author', async () => {
    const s = await setting();
    const leaving = await memberOf(t, s.org.id, { displayName: 'Lea Weg' });
    await editAndSend(leaving.visitor, s.editUrl, { name: 'Elterncafé Version 2' });
    const proposal = (await revisions(s.service.id)).at(-1)!;
    await s.editor.visitor.submit(paths.review(proposal.id), paths.reject(proposal.id), { reason: 'Bitte kürzer.' });
    await t.deps.db.deleteFrom('users').where('id', '=', leaving.user.id).execute();

    const history = await s.provider.visitor.get(paths.history('service', s.org.id, s.service.id));
    expect(history.statusCode).toBe(200);
    expect(history.body).toContain('Verlauf: Elterncafé Version 2');
    expect(history.body).toContain('gelöschtes Konto');
    expect(history.body).toContain('Übernommene Fassung');
    expect(history.body).toContain('Erik Redaktion');
    expect(history.body).toContain('Begründung: Bitte kürzer.');
    expect(history.body).toContain('abgelehnt');
  });
});

describe('in English', () => {
  it('shows the pages and the diff in English for someone who chose English', async () => {
    const s = await setting();
    await editAndSend(s.provider.visitor, s.editUrl, { name: 'Parents’ café' });
    s.editor.visitor.cookies.set('frh_lang', 'en');
    const queue = await s.editor.visitor.get(paths.queue);
    expect(queue.body).toContain('Review of directory entries');
    const proposal = (await revisions(s.service.id)).at(-1)!;
    const review = await s.editor.visitor.get(paths.review(proposal.id));
    expect(review.body).toMatch(/Name of the service<\/th>\s*<td[^>]*>changed/);
    s.provider.visitor.cookies.set('frh_lang', 'en');
    expect((await s.provider.visitor.get(paths.home)).body).toContain('in review');
  });
});
