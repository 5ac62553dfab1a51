import { PDFDocument } from 'pdf-lib';
import { locales } from '../../platform/i18n/i18n.js';
import { exportMessages } from './exports.messages.js';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { signedInVisitor } from '../../../test/support/auth.js';
import { buildChild, buildHolidayOffer, buildHolidayOrganization, buildSeason } from '../../../test/support/holidays.js';
import { pdfText, pdfTextPositions } from '../../../test/support/pdf-text.js';

const t = useTestApp();

async function providerOf(orgId: string) {
  const signed = await signedInVisitor(t, 'provider');
  await t.deps.db.insertInto('memberships').values({ user_id: signed.user.id, organization_id: orgId }).execute();
  return signed;
}

async function offerWithChildren() {
  const org = await buildHolidayOrganization(t, 'Jugendrotkreuz Hamm');
  const season = await buildSeason(t, { phase: 'results' });
  const offer = await buildHolidayOffer(t, season.id, org.id, { title: 'Abenteuerwoche am Kanal', places: 5 });
  const { user: parent } = await signedInVisitor(t, 'family');
  const jorg = await buildChild(t, parent.id, {
    first_name: 'Jörg',
    last_name: 'Müßig',
    needs: 'Erdnussallergie, Notfallset im Rucksack',
    needs_consent_version: 'v1',
    needs_consent_at: new Date(),
    photo_consent: true,
  });
  await t.deps.db.insertInto('holiday_contacts').values({ child_id: jorg.id, name: 'Ümit Öztürk', phone: '0151 2345678', relation: 'Onkel' }).execute();
  await t.deps.db
    .insertInto('holiday_places')
    .values({ season_id: season.id, offer_id: offer.id, child_id: jorg.id, source: 'lottery', status: 'accepted' })
    .execute();
  return { org, season, offer, parent };
}

describe('provider pages', () => {
  it('shows participants (with needs and emergency contact) only to members of the own organisation', async () => {
    const { org, offer } = await offerWithChildren();
    const { visitor: own } = await providerOf(org.id);
    const page = await own.get(`/meine-ferienangebote/angebote/${offer.id}/teilnehmende`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Müßig, Jörg');
    expect(page.body).toContain('Erdnussallergie');
    expect(page.body).toContain('Ümit Öztürk (Onkel) 0151 2345678');

    const otherOrg = await buildHolidayOrganization(t, 'Anderer Träger');
    const { visitor: foreign } = await providerOf(otherOrg.id);
    for (const suffix of ['teilnehmende', 'teilnehmende.csv', 'teilnehmende.pdf']) {
      const res = await foreign.get(`/meine-ferienangebote/angebote/${offer.id}/${suffix}`);
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain('Jörg');
    }
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    expect((await editor.get(`/meine-ferienangebote/angebote/${offer.id}/teilnehmende`)).statusCode).toBe(403);
    const { visitor: admin } = await signedInVisitor(t, 'admin');
    expect((await admin.get(`/meine-ferienangebote/angebote/${offer.id}/teilnehmende`)).statusCode).toBe(200);
  });

  it('exports the list as CSV and as a PDF that keeps German umlauts', async () => {
    const { org, offer } = await offerWithChildren();
    const { visitor } = await providerOf(org.id);
    const csv = await visitor.get(`/meine-ferienangebote/angebote/${offer.id}/teilnehmende.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Müßig;Jörg;9;Erdnussallergie, Notfallset im Rucksack;');
    const pdf = await visitor.get(`/meine-ferienangebote/angebote/${offer.id}/teilnehmende.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const doc = await PDFDocument.load(pdf.rawPayload);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe('Teilnehmende: Abenteuerwoche am Kanal');
  });

  it('prints names in any script intact in the PDF: Turkish, Polish, Cyrillic, Arabic in reading order', async () => {
    const { org, season, offer, parent } = await offerWithChildren();
    const names: [string, string, string][] = [
      ['Yılmaz', 'Elif', 'Ayşe Yılmaz'],
      ['Wiśniewska', 'Zofia', 'Łukasz Wiśniewski'],
      ['Шевченко', 'Олена', 'Тарас Шевченко'],
      ['حداد', 'سميرة', 'كريم حداد'],
    ];
    for (const [last, first, contact] of names) {
      const child = await buildChild(t, parent.id, { first_name: first, last_name: last });
      await t.deps.db.insertInto('holiday_contacts').values({ child_id: child.id, name: contact, phone: '0151 2345678' }).execute();
      await t.deps.db
        .insertInto('holiday_places')
        .values({ season_id: season.id, offer_id: offer.id, child_id: child.id, source: 'lottery', status: 'offered' })
        .execute();
    }
    const { visitor } = await providerOf(org.id);
    const pdf = await visitor.get(`/meine-ferienangebote/angebote/${offer.id}/teilnehmende.pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = (await pdfText(pdf.rawPayload)).join('\n');
    for (const [last, first, contact] of [...names, ['Müßig', 'Jörg', 'Ümit Öztürk'] as const]) {
      expect(text.split('\n'), `${first} ${last}`).toContain(last);
      expect(text.split('\n')).toContain(first);
      expect(text).toContain(contact);
    }
    expect(text).not.toContain('?');
    // Only the glyphs used are embedded: the whole font would be 680 KB.
    expect(pdf.rawPayload.length).toBeLessThan(120_000);
  });

  it.each(locales)('exports the list in %s: headers and words of the PDF and the CSV in the language of the person exporting', async (locale) => {
    const { org, offer } = await offerWithChildren();
    const { visitor } = await providerOf(org.id);
    const t = exportMessages(locale);
    const pdf = await visitor.get(`/meine-ferienangebote/angebote/${offer.id}/teilnehmende.pdf?lang=${locale}`);
    const doc = await PDFDocument.load(pdf.rawPayload);
    expect(doc.getTitle()).toBe(t('participants.title', { title: 'Abenteuerwoche am Kanal' }));
    const lines = (await pdfText(pdf.rawPayload)).join('\n').split('\n');
    // Arabic headers with a lam-alef ligature (الاسم) extract as االسم: pdf.js reads the ligature's two
    // letters back in drawing order, so copying or searching such words in the PDF finds them scrambled.
    const keys =
      locale === 'ar' ? (['participants.lastName'] as const) : (['participants.lastName', 'participants.firstName', 'participants.contact'] as const);
    for (const key of keys) {
      expect(lines, `${locale} ${key}`).toContain(t(key));
    }
    expect(lines, `${locale} status`).toContain(t('participants.accepted'));
    expect(lines).toContain('Jörg');
    const csv = await visitor.get(`/meine-ferienangebote/angebote/${offer.id}/teilnehmende.csv?lang=${locale}`);
    expect(csv.body.split('\r\n')[0]).toContain(`${t('participants.lastName')};${t('participants.firstName')}`);
  });

  it('lays the PDF out right to left in Arabic: the first column stands at the right', async () => {
    const { org, offer } = await offerWithChildren();
    const { visitor } = await providerOf(org.id);
    const xOf = async (locale: 'de' | 'ar') => {
      const t = exportMessages(locale);
      const pdf = await visitor.get(`/meine-ferienangebote/angebote/${offer.id}/teilnehmende.pdf?lang=${locale}`);
      const items = await pdfTextPositions(pdf.rawPayload);
      const at = (text: string) => items.find((i) => i.text === text)?.x ?? Number.NaN;
      return { first: at(t('participants.lastName')), last: at(t('participants.status')) };
    };
    const german = await xOf('de');
    expect(german.first).toBeLessThan(german.last);
    const arabic = await xOf('ar');
    expect(arabic.first, 'the surname column at the right').toBeGreaterThan(arabic.last);
    expect(arabic.first).toBeGreaterThan(700);
  });

  it('cancels an offer: places end, capacity is freed and every family gets a mail', async () => {
    const { org, offer, parent } = await offerWithChildren();
    const { visitor } = await providerOf(org.id);
    const url = `/meine-ferienangebote/angebote/${offer.id}/teilnehmende`;
    expect((await visitor.submit(url, `/meine-ferienangebote/angebote/${offer.id}/absagen`, {})).statusCode).toBe(422);
    const done = await visitor.submit(url, `/meine-ferienangebote/angebote/${offer.id}/absagen`, { confirm: 'ja' });
    expect(done.statusCode).toBe(200);
    const after = await t.deps.db.selectFrom('holiday_offers').select(['status', 'places_taken']).where('id', '=', offer.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ status: 'cancelled', places_taken: 0 });
    await t.runJobs();
    const mail = await t.deps.db.selectFrom('mail_outbox').selectAll().where('recipient', '=', parent.email).executeTakeFirstOrThrow();
    expect(mail.subject).toBe('Abgesagt: Abenteuerwoche am Kanal');
  });

  it('records attendance for a day of the offer', async () => {
    const { org, offer } = await offerWithChildren();
    const { visitor } = await providerOf(org.id);
    const place = await t.deps.db.selectFrom('holiday_places').select('id').where('offer_id', '=', offer.id).executeTakeFirstOrThrow();
    const url = `/meine-ferienangebote/angebote/${offer.id}/teilnehmende`;
    expect((await visitor.submit(url, `/meine-ferienangebote/angebote/${offer.id}/anwesenheit`, { day: '2027-01-01' })).statusCode).toBe(422);
    const ok = await visitor.submit(url, `/meine-ferienangebote/angebote/${offer.id}/anwesenheit`, { day: offer.first_day, [`present_${place.id}`]: 'ja' });
    expect(ok.statusCode).toBe(200);
    const rows = await t.deps.db.selectFrom('holiday_attendance').selectAll().where('place_id', '=', place.id).execute();
    expect(rows).toMatchObject([{ day: offer.first_day, present: true }]);
  });

  it('lets a member enter an offer, which waits for review', async () => {
    const org = await buildHolidayOrganization(t);
    await buildSeason(t, { phase: 'collecting' });
    const { visitor } = await providerOf(org.id);
    const form = `/meine-ferienangebote/${org.id}/neu`;
    const fields = {
      title: 'Kochen mit Kindern',
      description: 'Eine Woche lang kochen wir gesund und lecker.',
      kind: 'week',
      firstDay: '2027-07-12',
      lastDay: '2027-07-16',
      dailyFrom: '09:00',
      dailyUntil: '13:00',
      minAge: '8',
      maxAge: '12',
      places: '12',
      price: '40,50',
      reducedPrice: '10',
      location: 'Familienzentrum Nord',
      contactName: 'Frau Koch',
      contactEmail: 'koch@example.org',
    };
    const bad = await visitor.submit(form, form, { ...fields, lastDay: '2027-07-10', reducedPrice: '50' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Der letzte Tag liegt vor dem ersten Tag.');
    expect(bad.body).toContain('Der ermäßigte Preis ist höher als der volle Preis.');
    expect((await visitor.submit(form, form, fields)).statusCode).toBe(303);
    const offer = await t.deps.db.selectFrom('holiday_offers').selectAll().where('organization_id', '=', org.id).executeTakeFirstOrThrow();
    expect(offer).toMatchObject({ status: 'submitted', price_cents: 4050, reduced_price_cents: 1000, daily_from: 540, daily_until: 780 });
    const { visitor: admin } = await signedInVisitor(t, 'admin');
    expect((await admin.get('/admin/protokoll?aktion=holidays.')).body).toContain('Hat das Ferienangebot „Kochen mit Kindern“ zur Prüfung eingereicht.');
    const { visitor: stranger } = await signedInVisitor(t, 'provider');
    expect((await stranger.get(form)).statusCode).toBe(403);

    // While it waits for review (or after a rejection) the organisation may change it; approved offers stay as they are.
    const edit = `/meine-ferienangebote/angebote/${offer.id}/bearbeiten`;
    const page = await visitor.get(edit);
    expect(page.body).toContain('value="40,50"');
    expect(page.body).toContain('value="09:00"');
    expect((await stranger.get(edit)).statusCode).toBe(403);
    expect((await visitor.submit(edit, edit, { ...fields, places: '15', price: '42' })).statusCode).toBe(303);
    const changed = await t.deps.db.selectFrom('holiday_offers').selectAll().where('id', '=', offer.id).executeTakeFirstOrThrow();
    expect(changed).toMatchObject({ places: 15, price_cents: 4200, status: 'submitted' });
    await t.deps.db.updateTable('holiday_offers').set({ status: 'approved' }).where('id', '=', offer.id).execute();
    expect((await visitor.get(edit)).statusCode).toBe(409);
  });
});
