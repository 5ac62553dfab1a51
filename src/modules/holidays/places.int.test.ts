import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { createUser } from '../../../test/support/auth.js';
import { buildChild, buildHolidayOffer, buildHolidayOrganization, buildSeason } from '../../../test/support/holidays.js';
import type { Actor } from '../../platform/auth/roles.js';
import { AppError } from '../../platform/http/errors.js';
import { familyResults } from './families.service.js';
import { answerPlace, bookFirstCome, expireUnanswered, offerFreedPlaces } from './places.service.js';

const t = useTestApp();

async function parent() {
  const user = await createUser(t);
  const actor: Actor = { id: user.id, role: 'family', email: user.email, displayName: user.display_name };
  return { user, actor };
}

const taken = async (offerId: string) =>
  (await t.deps.db.selectFrom('holiday_offers').select('places_taken').where('id', '=', offerId).executeTakeFirstOrThrow()).places_taken;
const activePlaces = async (offerId: string) =>
  (
    await t.deps.db
      .selectFrom('holiday_places')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('offer_id', '=', offerId)
      .where('status', 'in', ['offered', 'accepted'])
      .executeTakeFirstOrThrow()
  ).n;

describe('first come, first served', () => {
  it('gives exactly as many places as there are when 60 parents click at the same moment', async () => {
    const org = await buildHolidayOrganization(t);
    const season = await buildSeason(t, { phase: 'first_come' });
    const offer = await buildHolidayOffer(t, season.id, org.id, { places: 7 });
    const families = await Promise.all(
      Array.from({ length: 60 }, async () => {
        const p = await parent();
        return { ...p, child: await buildChild(t, p.user.id) };
      }),
    );
    const outcomes = await Promise.allSettled(families.map((f) => bookFirstCome(t.deps, f.actor, { offerId: offer.id, childId: f.child.id }, 'de')));
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(won).toHaveLength(7);
    expect(lost).toHaveLength(53);
    for (const l of lost) {
      expect(l.reason).toBeInstanceOf(AppError);
      expect((l.reason as AppError).code).toBe('conflict');
      expect((l.reason as AppError).message).toBe('Dieses Angebot ist leider schon ausgebucht.');
    }
    expect(await taken(offer.id)).toBe(7);
    expect(Number(await activePlaces(offer.id))).toBe(7);
  });

  it('refuses in the database any write that would overbook, whatever the code path', async () => {
    const org = await buildHolidayOrganization(t);
    const season = await buildSeason(t, { phase: 'first_come' });
    const offer = await buildHolidayOffer(t, season.id, org.id, { places: 1 });
    const { user } = await parent();
    const [a, b] = [await buildChild(t, user.id), await buildChild(t, user.id)];
    await t.deps.db
      .insertInto('holiday_places')
      .values({ season_id: season.id, offer_id: offer.id, child_id: a.id, source: 'first_come', status: 'accepted' })
      .execute();
    await expect(
      t.deps.db
        .insertInto('holiday_places')
        .values({ season_id: season.id, offer_id: offer.id, child_id: b.id, source: 'first_come', status: 'accepted' })
        .execute(),
    ).rejects.toMatchObject({ code: '23514' });
    await expect(sql`UPDATE holiday_offers SET places = 0 WHERE id = ${offer.id}`.execute(t.deps.db)).rejects.toMatchObject({ code: '23514' });
    expect(await taken(offer.id)).toBe(1);
  });

  it('refuses a child outside the age range or with an overlapping place, as a field error', async () => {
    const org = await buildHolidayOrganization(t);
    const season = await buildSeason(t, { phase: 'first_come' });
    const teens = await buildHolidayOffer(t, season.id, org.id, { min_age: 13, max_age: 17, title: 'Kanutour' });
    const morning = await buildHolidayOffer(t, season.id, org.id, { title: 'Zirkuswoche' });
    const sameWeek = await buildHolidayOffer(t, season.id, org.id, { title: 'Waldwoche', daily_from: 9 * 60, daily_until: 12 * 60 });
    const { user, actor } = await parent();
    const child = await buildChild(t, user.id, { first_name: 'Mia', birth_date: '2019-08-01' });
    await expect(bookFirstCome(t.deps, actor, { offerId: teens.id, childId: child.id }, 'de')).rejects.toMatchObject({
      code: 'validation_failed',
      details: { fields: { offerId: 'Mia ist am ersten Tag von „Kanutour“ 7 Jahre alt. Das Angebot ist für 13 bis 17 Jahre.' } },
    });
    await bookFirstCome(t.deps, actor, { offerId: morning.id, childId: child.id }, 'de');
    await expect(bookFirstCome(t.deps, actor, { offerId: sameWeek.id, childId: child.id }, 'de')).rejects.toMatchObject({
      details: { fields: { offerId: '„Waldwoche“ überschneidet sich zeitlich mit „Zirkuswoche“.' } },
    });
  });

  it('holds the limit in the database even for 40 parallel raw inserts that skip every check', async () => {
    const org = await buildHolidayOrganization(t);
    const season = await buildSeason(t, { phase: 'first_come' });
    const offer = await buildHolidayOffer(t, season.id, org.id, { places: 5 });
    const { user } = await parent();
    const children = await Promise.all(Array.from({ length: 40 }, () => buildChild(t, user.id)));
    const outcomes = await Promise.allSettled(
      children.map((c) =>
        t.deps.db
          .insertInto('holiday_places')
          .values({ season_id: season.id, offer_id: offer.id, child_id: c.id, source: 'first_come', status: 'accepted' })
          .execute(),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(5);
    expect(await taken(offer.id)).toBe(5);
    expect(Number(await activePlaces(offer.id))).toBe(5);
  });

  it("never books for another family's child", async () => {
    const org = await buildHolidayOrganization(t);
    const season = await buildSeason(t, { phase: 'first_come' });
    const offer = await buildHolidayOffer(t, season.id, org.id);
    const owner = await parent();
    const other = await parent();
    const child = await buildChild(t, owner.user.id);
    await expect(bookFirstCome(t.deps, other.actor, { offerId: offer.id, childId: child.id }, 'de')).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('waiting list', () => {
  it('offers a place given back to the next child with a 48-hour deadline, and moves on when nobody answers', async () => {
    const org = await buildHolidayOrganization(t);
    const season = await buildSeason(t, { phase: 'results' });
    const offer = await buildHolidayOffer(t, season.id, org.id, { places: 1 });
    const first = await parent();
    const second = await parent();
    const third = await parent();
    const holder = await buildChild(t, first.user.id);
    const next = await buildChild(t, second.user.id, { first_name: 'Ole' });
    const after = await buildChild(t, third.user.id, { first_name: 'Ida' });
    const place = await t.deps.db
      .insertInto('holiday_places')
      .values({ season_id: season.id, offer_id: offer.id, child_id: holder.id, source: 'lottery', status: 'offered' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.deps.db
      .insertInto('holiday_waitlist')
      .values([
        { offer_id: offer.id, child_id: next.id, position: 1 },
        { offer_id: offer.id, child_id: after.id, position: 2 },
      ])
      .execute();

    await answerPlace(t.deps, first.actor, place.id, 'return', 'de');
    await t.runJobs();
    const offered = await t.deps.db.selectFrom('holiday_places').selectAll().where('child_id', '=', next.id).executeTakeFirstOrThrow();
    expect(offered.status).toBe('offered');
    expect(offered.source).toBe('waiting_list');
    const hours = (offered.respond_by!.getTime() - offered.created_at.getTime()) / 3_600_000;
    expect(Math.round(hours)).toBe(48);
    const mail = await t.deps.db.selectFrom('mail_outbox').selectAll().where('recipient', '=', second.user.email).executeTakeFirstOrThrow();
    expect(mail.subject).toBe('Ein Ferienplatz für Ole ist frei');
    expect(await taken(offer.id)).toBe(1);
    // Ida, second on the list, is now first in line.
    expect((await familyResults(t.deps.db, third.user.id, season.id)).waiting).toMatchObject([{ title: offer.title, position: 1 }]);

    // Nobody answers: two days and a minute later the place moves on to Ida.
    expect(await expireUnanswered(t.deps, new Date(offered.respond_by!.getTime() + 60_000))).toBe(1);
    await t.runJobs();
    const statuses = await t.deps.db.selectFrom('holiday_places').select(['child_id', 'status']).where('offer_id', '=', offer.id).execute();
    expect(statuses.find((s) => s.child_id === next.id)?.status).toBe('expired');
    expect(statuses.find((s) => s.child_id === after.id)?.status).toBe('offered');
    expect(await taken(offer.id)).toBe(1);
    // The list is used up: a further run offers nothing.
    expect(await offerFreedPlaces(t.deps, offer.id)).toBe(0);
  });

  it('moves siblings with a group code up together or not at all', async () => {
    const org = await buildHolidayOrganization(t);
    const season = await buildSeason(t, { phase: 'results' });
    const offer = await buildHolidayOffer(t, season.id, org.id, { places: 3 });
    const holders = await parent();
    const siblings = await parent();
    const single = await parent();
    const held = await Promise.all([1, 2, 3].map(() => buildChild(t, holders.user.id)));
    for (const c of held)
      await t.deps.db
        .insertInto('holiday_places')
        .values({ season_id: season.id, offer_id: offer.id, child_id: c.id, source: 'lottery', status: 'accepted' })
        .execute();
    const [a, b] = [await buildChild(t, siblings.user.id), await buildChild(t, siblings.user.id)];
    const c = await buildChild(t, single.user.id);
    for (const child of [a, b])
      await t.deps.db
        .insertInto('holiday_wish_lists')
        .values({ season_id: season.id, child_id: child.id, group_code: 'ZWILLINGE', submitted_at: new Date() })
        .execute();
    await t.deps.db
      .insertInto('holiday_waitlist')
      .values([
        { offer_id: offer.id, child_id: a.id, position: 1 },
        { offer_id: offer.id, child_id: b.id, position: 1 },
        { offer_id: offer.id, child_id: c.id, position: 2 },
      ])
      .execute();
    const placeOf = (childId: string) =>
      t.deps.db.selectFrom('holiday_places').select(['id', 'status']).where('child_id', '=', childId).where('offer_id', '=', offer.id).executeTakeFirst();

    // One place frees up: too small for the siblings, so the single child behind them gets it.
    const first = (await placeOf(held[0]!.id))!;
    await answerPlace(t.deps, holders.actor, first.id, 'return', 'de');
    await t.runJobs();
    expect(await placeOf(a.id)).toBeUndefined();
    expect((await placeOf(c.id))?.status).toBe('offered');
    // Two more free up: now both siblings get a place at once.
    for (const h of held.slice(1)) await answerPlace(t.deps, holders.actor, (await placeOf(h.id))!.id, 'return', 'de');
    await t.runJobs();
    expect((await placeOf(a.id))?.status).toBe('offered');
    expect((await placeOf(b.id))?.status).toBe('offered');
    expect(await taken(offer.id)).toBe(3);
  });

  it('lets a parent accept an offered place, and only their own', async () => {
    const org = await buildHolidayOrganization(t);
    const season = await buildSeason(t, { phase: 'results' });
    const offer = await buildHolidayOffer(t, season.id, org.id, { places: 2 });
    const owner = await parent();
    const stranger = await parent();
    const child = await buildChild(t, owner.user.id);
    const place = await t.deps.db
      .insertInto('holiday_places')
      .values({ season_id: season.id, offer_id: offer.id, child_id: child.id, source: 'lottery', status: 'offered' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(answerPlace(t.deps, stranger.actor, place.id, 'accept', 'de')).rejects.toMatchObject({ code: 'forbidden' });
    await answerPlace(t.deps, owner.actor, place.id, 'accept', 'de');
    await expect(answerPlace(t.deps, owner.actor, place.id, 'accept', 'de')).rejects.toMatchObject({ code: 'conflict' });
    expect(await taken(offer.id)).toBe(1);
  });
});
