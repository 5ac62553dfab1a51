import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { signedInVisitor } from '../../../test/support/auth.js';
import { buildChild, buildHolidayOffer, buildHolidayOrganization, buildSeason } from '../../../test/support/holidays.js';

const t = useTestApp();
const impossible = '„Geburtsdatum“: Diesen Tag gibt es nicht. Prüfen Sie Tag und Monat.';

describe('date fields of the holiday forms take TT.MM.JJJJ', () => {
  it('a child’s birth date: 04.05.2017 is stored, 31.02.2017 is named in the summary, an edit shows TT.MM.JJJJ', async () => {
    const { visitor, user } = await signedInVisitor(t);
    const fields = { firstName: 'Lena', lastName: 'Beispiel', birthDate: '04.05.2017', contactName: 'Oma Erika', contactPhone: '02381 123456' };
    const form = await visitor.get('/ferien/kinder/neu');
    expect(form.body).toContain('Format: TT.MM.JJJJ, zum Beispiel 04.05.2017');
    expect(form.body).toContain('autocomplete="bday"');
    expect(form.body).not.toContain('type="date"');

    const bad = await visitor.submit('/ferien/kinder/neu', '/ferien/kinder/neu', { ...fields, birthDate: '31.02.2017' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain(impossible);
    expect(bad.body).toContain('value="31.02.2017"');

    expect((await visitor.submit('/ferien/kinder/neu', '/ferien/kinder/neu', fields)).statusCode).toBe(303);
    const child = await t.deps.db.selectFrom('holiday_children').selectAll().where('parent_id', '=', user.id).executeTakeFirstOrThrow();
    expect(child.birth_date).toBe('2017-05-04');
    expect((await visitor.get(`/ferien/kinder/${child.id}/bearbeiten`)).body).toContain('value="04.05.2017"');
  });

  it('a holiday offer’s first and last day', async () => {
    const org = await buildHolidayOrganization(t);
    await buildSeason(t, { phase: 'collecting' });
    const { visitor, user } = await signedInVisitor(t, 'provider');
    await t.deps.db.insertInto('memberships').values({ user_id: user.id, organization_id: org.id }).execute();
    const form = `/meine-ferienangebote/${org.id}/neu`;
    const fields = {
      title: 'Kochen mit Kindern',
      description: 'Eine Woche lang kochen wir gesund und lecker.',
      kind: 'week',
      firstDay: '12.7.2027',
      lastDay: '16.07.2027',
      dailyFrom: '09:00',
      dailyUntil: '13:00',
      minAge: '8',
      maxAge: '12',
      places: '12',
      price: '40',
      location: 'Familienzentrum Nord',
      contactName: 'Frau Koch',
      contactEmail: 'koch@example.org',
    };
    const bad = await visitor.submit(form, form, { ...fields, lastDay: '31.06.2027' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('„Letzter Tag“: Diesen Tag gibt es nicht. Prüfen Sie Tag und Monat.');
    expect((await visitor.submit(form, form, fields)).statusCode).toBe(303);
    const offer = await t.deps.db.selectFrom('holiday_offers').selectAll().where('organization_id', '=', org.id).executeTakeFirstOrThrow();
    expect([offer.first_day, offer.last_day]).toEqual(['2027-07-12', '2027-07-16']);
  });

  it('a season’s wish phase', async () => {
    const { visitor: admin } = await signedInVisitor(t, 'admin');
    const fields = { name: 'Herbstferien 2027', wishFrom: '01.03.2027', wishUntil: '15.4.2027', maxWishes: '5', reservedPercent: '10', retentionDays: '180' };
    const bad = await admin.submit('/verwaltung/ferien', '/verwaltung/ferien', { ...fields, wishFrom: '01.03.27' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Geben Sie bei „Wunschphase von“ das Jahr vierstellig an, zum Beispiel 04.05.2017.');
    expect((await admin.submit('/verwaltung/ferien', '/verwaltung/ferien', fields)).statusCode).toBe(303);
    const season = await t.deps.db.selectFrom('holiday_seasons').selectAll().where('name', '=', 'Herbstferien 2027').executeTakeFirstOrThrow();
    expect([season.wish_from, season.wish_until]).toEqual(['2027-03-01', '2027-04-15']);
  });

  it('the day of an attendance list', async () => {
    const org = await buildHolidayOrganization(t);
    const season = await buildSeason(t, { phase: 'results' });
    const offer = await buildHolidayOffer(t, season.id, org.id, { first_day: '2027-07-12', last_day: '2027-07-16' });
    const { visitor, user } = await signedInVisitor(t, 'provider');
    await t.deps.db.insertInto('memberships').values({ user_id: user.id, organization_id: org.id }).execute();
    const child = await buildChild(t, user.id);
    const place = await t.deps.db
      .insertInto('holiday_places')
      .values({ season_id: season.id, offer_id: offer.id, child_id: child.id, source: 'lottery', status: 'accepted' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const page = `/meine-ferienangebote/angebote/${offer.id}/teilnehmende`;
    expect((await visitor.get(page)).body).toContain('value="12.07.2027"');
    const bad = await visitor.submit(page, `/meine-ferienangebote/angebote/${offer.id}/anwesenheit`, { day: '32.07.2027' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('„Tag“: Diesen Tag gibt es nicht. Prüfen Sie Tag und Monat.');
    const ok = await visitor.submit(page, `/meine-ferienangebote/angebote/${offer.id}/anwesenheit`, { day: '13.07.2027', [`present_${place.id}`]: 'ja' });
    expect(ok.statusCode).toBe(200);
    const rows = await t.deps.db.selectFrom('holiday_attendance').select(['day', 'present']).where('place_id', '=', place.id).execute();
    expect(rows).toEqual([{ day: '2027-07-13', present: true }]);
  });
});
