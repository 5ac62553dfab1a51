import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { signedInVisitor } from '../../../test/support/auth.js';
import { buildChild, buildHolidayOffer, buildHolidayOrganization, buildSeason } from '../../../test/support/holidays.js';

const t = useTestApp();
const db = () => t.deps.db;
const mailsTo = (address: string) => db().selectFrom('mail_outbox').select(['subject', 'text_body']).where('recipient', '=', address).execute();

describe('deleting a parent account with holiday places', () => {
  it('says beforehand which places, waiting lists and wishes go, gives the places to the waiting list and tells the organiser', async () => {
    const org = await buildHolidayOrganization(t);
    const results = await buildSeason(t, { phase: 'results', name: 'Sommerferien 2027' });
    const circus = await buildHolidayOffer(t, results.id, org.id, {
      title: 'Zirkuswoche',
      places: 1,
      first_day: '2027-07-12',
      last_day: '2027-07-16',
      contact_email: 'zirkus@traeger.example',
    });
    const forest = await buildHolidayOffer(t, results.id, org.id, {
      title: 'Waldtage',
      places: 2,
      first_day: '2027-07-19',
      last_day: '2027-07-23',
      contact_email: 'wald@traeger.example',
    });
    const climbing = await buildHolidayOffer(t, results.id, org.id, { title: 'Kletterkurs', places: 1, first_day: '2027-08-02', last_day: '2027-08-06' });
    const autumn = await buildSeason(t, { phase: 'wishes', name: 'Herbstferien 2027' });
    const crafts = await buildHolidayOffer(t, autumn.id, org.id, { title: 'Bastelwerkstatt', first_day: '2027-10-11', last_day: '2027-10-15' });

    const { visitor, user } = await signedInVisitor(t);
    const mia = await buildChild(t, user.id, { first_name: 'Mia' });
    await db()
      .insertInto('holiday_places')
      .values({ season_id: results.id, offer_id: circus.id, child_id: mia.id, source: 'lottery', status: 'accepted' })
      .execute();
    await db()
      .insertInto('holiday_places')
      .values({
        season_id: results.id,
        offer_id: forest.id,
        child_id: mia.id,
        source: 'waiting_list',
        status: 'offered',
        respond_by: new Date(Date.now() + 86_400_000),
      })
      .execute();
    const other = await signedInVisitor(t);
    const holder = await buildChild(t, other.user.id);
    await db()
      .insertInto('holiday_places')
      .values({ season_id: results.id, offer_id: climbing.id, child_id: holder.id, source: 'lottery', status: 'accepted' })
      .execute();
    await db().insertInto('holiday_waitlist').values({ offer_id: climbing.id, child_id: mia.id, position: 2 }).execute();
    const list = await db()
      .insertInto('holiday_wish_lists')
      .values({ season_id: autumn.id, child_id: mia.id, submitted_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db().insertInto('holiday_wishes').values({ wish_list_id: list.id, offer_id: crafts.id, rank: 1 }).execute();
    // Next in line for the circus place: Ben from another family.
    const waiting = await signedInVisitor(t);
    const ben = await buildChild(t, waiting.user.id, { first_name: 'Ben' });
    await db().insertInto('holiday_waitlist').values({ offer_id: circus.id, child_id: ben.id, position: 1 }).execute();

    const page = await visitor.get('/konto/loeschen');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Das passiert außerdem');
    expect(page.body).toContain(
      'Mia: Der zugesagte Platz in „Zirkuswoche“ (12.–16. Juli 2027) wird frei. Er geht an das nächste Kind auf der Warteliste, und der Träger bekommt eine Nachricht.',
    );
    expect(page.body).toContain('Mia: Das Platzangebot für „Waldtage“ (19.–23. Juli 2027) verfällt und geht an das nächste Kind auf der Warteliste.');
    expect(page.body).toContain('Mia: Der Platz auf der Warteliste für „Kletterkurs“ (2.–6. August 2027) entfällt.');
    expect(page.body).toContain('Mia: Die Wunschliste für „Herbstferien 2027“ („Bastelwerkstatt“) wird gelöscht. Mia nimmt nicht an der Verlosung teil.');
    // The list is said again when the confirmation is missing.
    const unconfirmed = await visitor.submit('/konto/loeschen', '/konto/loeschen', {});
    expect(unconfirmed.statusCode).toBe(422);
    expect(unconfirmed.body).toContain('„Zirkuswoche“');

    expect((await visitor.submit('/konto/loeschen', '/konto/loeschen', { confirm: 'ja' })).statusCode).toBe(303);
    await t.runJobs();

    const offered = await db()
      .selectFrom('holiday_places')
      .select(['status', 'source'])
      .where('child_id', '=', ben.id)
      .where('offer_id', '=', circus.id)
      .executeTakeFirst();
    expect(offered).toEqual({ status: 'offered', source: 'waiting_list' });
    expect((await mailsTo(waiting.user.email)).map((m) => m.subject)).toContain('Ein Ferienplatz für Ben ist frei');

    const organiser = await mailsTo('zirkus@traeger.example');
    expect(organiser.map((m) => m.subject)).toEqual(['Ein Platz in „Zirkuswoche“ ist frei geworden']);
    expect(organiser[0]!.text_body).toContain(`/meine-ferienangebote/angebote/${circus.id}/teilnehmende`);
    expect(organiser[0]!.text_body).not.toContain('Mia');
    // A place only offered, not yet confirmed, is not the organiser's news.
    expect(await mailsTo('wald@traeger.example')).toEqual([]);
    const counts = await db().selectFrom('holiday_offers').select(['id', 'places_taken']).where('id', 'in', [circus.id, forest.id]).orderBy('title').execute();
    expect(counts).toEqual([
      { id: forest.id, places_taken: 0 },
      { id: circus.id, places_taken: 1 },
    ]);
  });

  it('says nothing extra for an account without children', async () => {
    const { visitor } = await signedInVisitor(t);
    const page = await visitor.get('/konto/loeschen');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Das passiert außerdem');
  });
});
