import { beforeAll, describe, expect, it } from 'vitest';
import { csrfTokenOf, useTestApp, Visitor } from '../../../test/support/app.js';
import { signedInVisitor } from '../../../test/support/auth.js';
import { buildChild, buildHolidayOffer, buildHolidayOrganization, buildSeason } from '../../../test/support/holidays.js';

const t = useTestApp();
const visitor = () => new Visitor(() => t.app);
const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
const translationsOf = (id: string) => t.deps.db.selectFrom('content_translations').selectAll().where('entity_id', '=', id).execute();
const turkish = {
  title: 'Futbol kampı',
  description: 'Bir hafta boyunca her gün futbol.',
  meetingPoint: 'Spor salonunun girişi',
  whatToBring: 'Spor ayakkabısı ve su şişesi',
};

let season: Awaited<ReturnType<typeof buildSeason>>;
let organization: Awaited<ReturnType<typeof buildHolidayOrganization>>;
const offer = (title: string) =>
  buildHolidayOffer(t, season.id, organization.id, {
    title,
    description: 'Eine Woche lang jeden Tag Fußball.',
    meeting_point: 'Eingang der Sporthalle',
    what_to_bring: 'Turnschuhe und eine Trinkflasche',
  });
const translate = async (id: string, language = 'tr', fields: Record<string, string> = turkish) => {
  const { visitor: editor } = await signedInVisitor(t, 'editor');
  return editor.submit(`/uebersetzungen/ferienangebot/${id}/${language}`, `/uebersetzungen/ferienangebot/${id}/${language}`, fields);
};

beforeAll(async () => {
  season = await buildSeason(t);
  organization = await buildHolidayOrganization(t);
});

describe('holiday offers in other languages', () => {
  it('lets an editor translate an offer from its review page; Turkish visitors read it, Polish visitors read German with a notice', async () => {
    const { id } = await offer('Fußballcamp');
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const review = await editor.get(`/verwaltung/ferien/${season.id}/angebote/${id}`);
    expect(review.body).toContain(`href="/uebersetzungen/ferienangebot/${id}/tr"`);
    const saved = await translate(id);
    expect(saved.statusCode).toBe(303);

    const inTurkish = main((await visitor().get(`/ferien/angebote/${id}?lang=tr`)).body);
    expect(inTurkish).toContain('<h1 class="kern-heading-large">Futbol kampı</h1>');
    expect(inTurkish).toContain('>Spor ayakkabısı ve su şişesi</dd>');
    expect(inTurkish).not.toContain('lang="de"');

    const inPolish = main((await visitor().get(`/ferien/angebote/${id}?lang=pl`)).body);
    expect(inPolish).toContain('Ta strona nie jest jeszcze dostępna po polsku. Widzisz wersję niemiecką.');
    expect(inPolish).toContain('<h1 class="kern-heading-large" lang="de" dir="ltr">Fußballcamp</h1>');
    expect(inPolish).toContain('<dd class="kern-description-list-item__value" lang="de" dir="ltr">Eingang der Sporthalle</dd>');
  });

  it('uses the translations on the list and in the programme', async () => {
    const { id } = await offer('Schwimmkurs');
    await offer('Bastelwoche');
    await translate(id, 'uk', { ...turkish, title: 'Курс плавання' });
    const list = main((await visitor().get('/ferien?lang=uk')).body);
    expect(list).toContain(`<a class="kern-link" href="/ferien/angebote/${id}">Курс плавання</a>`);
    expect(list).toMatch(/<a class="kern-link" href="\/ferien\/angebote\/[0-9a-f-]{36}" lang="de" dir="ltr">Bastelwoche<\/a>/);
    expect(main((await visitor().get('/ferien/programm?lang=uk')).body)).toContain('Курс плавання');
  });

  it('names a translated offer in the wish list and on the results page', async () => {
    const { id } = await offer('Kletterwoche');
    await translate(id, 'tr', { ...turkish, title: 'Tırmanma haftası' });
    const { visitor: family, user } = await signedInVisitor(t);
    const child = await buildChild(t, user.id);
    family.cookies.set('frh_lang', 'tr');
    expect(main((await family.get(`/ferien/wuensche/${child.id}`)).body)).toContain('>Tırmanma haftası (');
    await t.deps.db
      .insertInto('holiday_places')
      .values({ season_id: season.id, offer_id: id, child_id: child.id, source: 'lottery', status: 'accepted' })
      .execute();
    expect(main((await family.get('/ferien/ergebnis')).body)).toContain('<strong>Tırmanma haftası</strong>');
  });

  it('leaves translating to editors: the providing organisation and families get 403; bad input gets 422', async () => {
    const { id } = await offer('Zeltlager');
    const { visitor: provider, user } = await signedInVisitor(t, 'provider');
    await t.deps.db.insertInto('memberships').values({ user_id: user.id, organization_id: organization.id }).execute();
    expect((await provider.get(`/uebersetzungen/ferienangebot/${id}/tr`)).statusCode).toBe(403);
    const { visitor: family } = await signedInVisitor(t, 'family');
    expect((await family.get(`/uebersetzungen/ferienangebot/${id}/tr`)).statusCode).toBe(403);
    const token = csrfTokenOf((await family.get('/konto')).body);
    expect((await family.post(`/uebersetzungen/ferienangebot/${id}/tr`, { _csrf: token, ...turkish })).statusCode).toBe(403);

    const bad = await translate(id, 'tr', { ...turkish, whatToBring: '', title: 'x'.repeat(121) });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#whatToBring"');
    expect(bad.body).toContain('„Titel“ darf höchstens 120 Zeichen lang sein.');
    expect(bad.body).toContain('value="Spor salonunun girişi"');
    expect(await translationsOf(id)).toEqual([]);
  });

  it('deletes the translations with the offer, also when its season goes', async () => {
    const other = await buildSeason(t, { phase: 'closed' });
    const { id } = await buildHolidayOffer(t, other.id, organization.id, { title: 'Alte Freizeit', description: 'Eine Freizeit von früher.' });
    await translate(id, 'ar', { title: 'رحلة قديمة', description: 'رحلة من الماضي.' });
    expect(await translationsOf(id)).toHaveLength(2);
    await t.deps.db.deleteFrom('holiday_seasons').where('id', '=', other.id).execute();
    expect(await translationsOf(id)).toEqual([]);
  });
});
