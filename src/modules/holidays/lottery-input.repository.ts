import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { AllocationInput } from './allocation.js';

/** The lottery's input as stored: the season's approved offers (with employers' places) and handed-in wish lists, in a stable order. */

/** Reads the season's approved offers and submitted wish lists as lottery input. */
export async function loadAllocationInput(db: Executor, seasonId: string, seed: string): Promise<AllocationInput> {
  const season = await db.selectFrom('holiday_seasons').select(['reserved_percent']).where('id', '=', seasonId).executeTakeFirstOrThrow();
  const offers = await db
    .selectFrom('holiday_offers')
    .select(['id', 'places', 'min_age', 'max_age', 'first_day', 'last_day', 'daily_from', 'daily_until'])
    .where('season_id', '=', seasonId)
    .where('status', '=', 'approved')
    .orderBy('id')
    .execute();
  const lists = await db
    .selectFrom('holiday_wish_lists')
    .innerJoin('holiday_children', 'holiday_children.id', 'holiday_wish_lists.child_id')
    .select([
      'holiday_wish_lists.id',
      'holiday_wish_lists.child_id',
      'holiday_wish_lists.max_places',
      'holiday_wish_lists.group_code',
      'holiday_wish_lists.employer_id',
      'holiday_children.birth_date',
      'holiday_children.priority',
    ])
    // Priority also for children who took part in an earlier lottery and got nothing there.
    .select(
      sql<boolean>`EXISTS (
        SELECT 1 FROM holiday_wish_lists earlier JOIN holiday_seasons s ON s.id = earlier.season_id
        WHERE earlier.child_id = holiday_wish_lists.child_id AND earlier.season_id <> ${seasonId} AND earlier.submitted_at IS NOT NULL AND s.allocated_at IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM holiday_places p WHERE p.child_id = earlier.child_id AND p.season_id = earlier.season_id AND p.source = 'lottery'))`.as(
        'empty_before',
      ),
    )
    .where('holiday_wish_lists.season_id', '=', seasonId)
    .where('holiday_wish_lists.submitted_at', 'is not', null)
    .orderBy('holiday_wish_lists.child_id')
    .execute();
  const wishes = await db
    .selectFrom('holiday_wishes')
    .innerJoin('holiday_wish_lists', 'holiday_wish_lists.id', 'holiday_wishes.wish_list_id')
    .select(['holiday_wishes.wish_list_id', 'holiday_wishes.offer_id'])
    .where('holiday_wish_lists.season_id', '=', seasonId)
    .orderBy('holiday_wishes.wish_list_id')
    .orderBy('holiday_wishes.rank')
    .execute();
  // Places employers reserved for their staff's children, in the approved offers (rule 4 of allocation.ts).
  const quotas = await db
    .selectFrom('holiday_employer_quotas')
    .innerJoin('holiday_offers', 'holiday_offers.id', 'holiday_employer_quotas.offer_id')
    .select(['holiday_employer_quotas.offer_id', 'holiday_employer_quotas.organization_id', 'holiday_employer_quotas.places'])
    .where('holiday_offers.season_id', '=', seasonId)
    .where('holiday_offers.status', '=', 'approved')
    .orderBy('holiday_employer_quotas.offer_id')
    .orderBy('holiday_employer_quotas.organization_id')
    .execute();
  const employerPlaces = new Map<string, Record<string, number>>();
  for (const q of quotas) employerPlaces.set(q.offer_id, { ...employerPlaces.get(q.offer_id), [q.organization_id]: q.places });
  const byList = new Map<string, string[]>();
  for (const w of wishes) byList.set(w.wish_list_id, [...(byList.get(w.wish_list_id) ?? []), w.offer_id]);
  return {
    offers: offers.map((o) => ({
      id: o.id,
      places: o.places,
      minAge: o.min_age,
      maxAge: o.max_age,
      firstDay: o.first_day,
      lastDay: o.last_day,
      dailyFrom: o.daily_from,
      dailyUntil: o.daily_until,
      ...(employerPlaces.has(o.id) ? { employerPlaces: employerPlaces.get(o.id) } : {}),
    })),
    children: lists.map((l) => ({
      id: l.child_id,
      birthDate: l.birth_date,
      priority: l.priority || l.empty_before,
      maxPlaces: l.max_places,
      groupCode: l.group_code,
      wishes: byList.get(l.id) ?? [],
      employer: l.employer_id,
    })),
    settings: { reservedShare: season.reserved_percent / 100 },
    seed,
  };
}
