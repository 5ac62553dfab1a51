import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { signedInVisitor } from '../../../test/support/auth.js';
import { buildChild, buildHolidayOffer, buildHolidayOrganization, buildSeason } from '../../../test/support/holidays.js';

const t = useTestApp();

describe('holidays personal data', () => {
  it("exports a parent's children with contacts, wishes and places, and erases them with the account (capacity freed)", async () => {
    const org = await buildHolidayOrganization(t);
    const season = await buildSeason(t, { phase: 'results' });
    const offer = await buildHolidayOffer(t, season.id, org.id, { title: 'Zirkuswoche', places: 3 });
    const { visitor, user } = await signedInVisitor(t);
    const child = await buildChild(t, user.id, { first_name: 'Mia', needs: 'Asthma', needs_consent_version: 'v1', needs_consent_at: new Date() });
    await t.deps.db.insertInto('holiday_contacts').values({ child_id: child.id, name: 'Oma Erika', phone: '02381 1' }).execute();
    const list = await t.deps.db
      .insertInto('holiday_wish_lists')
      .values({ season_id: season.id, child_id: child.id, submitted_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.deps.db.insertInto('holiday_wishes').values({ wish_list_id: list.id, offer_id: offer.id, rank: 1 }).execute();
    await t.deps.db
      .insertInto('holiday_places')
      .values({ season_id: season.id, offer_id: offer.id, child_id: child.id, source: 'lottery', status: 'accepted' })
      .execute();

    const exported = await visitor.get('/konto/daten');
    expect(exported.statusCode).toBe(200);
    const data = JSON.parse(exported.body);
    expect(data.ferien_kinder).toEqual([expect.objectContaining({ id: child.id, first_name: 'Mia', needs: 'Asthma' })]);
    expect(data.ferien_notfallkontakte).toEqual([expect.objectContaining({ child_id: child.id, name: 'Oma Erika', phone: '02381 1' })]);
    expect(data.ferien_wuensche).toEqual([expect.objectContaining({ rank: 1, angebot: 'Zirkuswoche' })]);
    expect(data.ferien_plaetze).toEqual([expect.objectContaining({ child_id: child.id, angebot: 'Zirkuswoche', status: 'accepted' })]);

    expect((await visitor.submit('/konto/loeschen', '/konto/loeschen', { confirm: 'ja' })).statusCode).toBeLessThan(400);
    expect(await t.deps.db.selectFrom('holiday_children').select('id').where('id', '=', child.id).execute()).toHaveLength(0);
    expect(await t.deps.db.selectFrom('holiday_contacts').select('id').where('child_id', '=', child.id).execute()).toHaveLength(0);
    const after = await t.deps.db.selectFrom('holiday_offers').select('places_taken').where('id', '=', offer.id).executeTakeFirstOrThrow();
    expect(after.places_taken).toBe(0);
  });
});
