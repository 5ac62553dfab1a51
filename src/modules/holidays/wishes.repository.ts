import type { Executor } from '../../db/executor.js';
import type { HolidayPhase } from '../../db/tables/holidays.js';

/** Queries of wish lists and their wishes: stored lists, the other members of a group, counts, who took part. */

/** The stored wish list of a child in a season with its offer ids (best first), or null. */
export async function storedWishes(db: Executor, seasonId: string, childId: string) {
  const list = await db.selectFrom('holiday_wish_lists').selectAll().where('season_id', '=', seasonId).where('child_id', '=', childId).executeTakeFirst();
  if (!list) return null;
  const wishes = await db.selectFrom('holiday_wishes').select(['offer_id', 'rank']).where('wish_list_id', '=', list.id).orderBy('rank').execute();
  return { ...list, offerIds: wishes.map((w) => w.offer_id) };
}

/** Hands in a child's wish list for a season, replacing an earlier one and its wishes. */
export async function replaceWishList(
  db: Executor,
  list: { seasonId: string; childId: string; maxPlaces: number; groupCode: string | null; employerId: string | null; offerIds: readonly string[] },
): Promise<void> {
  const row = await db
    .insertInto('holiday_wish_lists')
    .values({
      season_id: list.seasonId,
      child_id: list.childId,
      max_places: list.maxPlaces,
      group_code: list.groupCode,
      employer_id: list.employerId,
      submitted_at: new Date(),
    })
    .onConflict((oc) =>
      oc.columns(['season_id', 'child_id']).doUpdateSet({
        max_places: list.maxPlaces,
        group_code: list.groupCode,
        employer_id: list.employerId,
        submitted_at: new Date(),
        updated_at: new Date(),
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.deleteFrom('holiday_wishes').where('wish_list_id', '=', row.id).execute();
  await db
    .insertInto('holiday_wishes')
    .values(list.offerIds.map((offerId, i) => ({ wish_list_id: row.id, offer_id: offerId, rank: i + 1 })))
    .execute();
}

/** The offers on a child's stored wish list (best first), cancelled ones included. */
export async function wishedOffers(db: Executor, wishListId: string) {
  return db
    .selectFrom('holiday_wishes')
    .innerJoin('holiday_offers', 'holiday_offers.id', 'holiday_wishes.offer_id')
    .innerJoin('organizations', 'organizations.id', 'holiday_offers.organization_id')
    .selectAll('holiday_offers')
    .select('organizations.name as organization_name')
    .where('holiday_wishes.wish_list_id', '=', wishListId)
    .orderBy('holiday_wishes.rank')
    .execute();
}

/** Birth date and wishes (best first) of the other children whose handed-in lists carry this group code. */
export async function otherGroupMembers(db: Executor, seasonId: string, groupCode: string, childId: string) {
  const lists = await db
    .selectFrom('holiday_wish_lists')
    .innerJoin('holiday_children', 'holiday_children.id', 'holiday_wish_lists.child_id')
    .select(['holiday_wish_lists.id', 'holiday_children.birth_date'])
    .where('holiday_wish_lists.season_id', '=', seasonId)
    .where('holiday_wish_lists.group_code', '=', groupCode)
    .where('holiday_wish_lists.child_id', '<>', childId)
    .where('holiday_wish_lists.submitted_at', 'is not', null)
    .execute();
  if (lists.length === 0) return [];
  const wishes = await db
    .selectFrom('holiday_wishes')
    .select(['wish_list_id', 'offer_id'])
    .where(
      'wish_list_id',
      'in',
      lists.map((l) => l.id),
    )
    .orderBy('wish_list_id')
    .orderBy('rank')
    .execute();
  return lists.map((l) => ({ birthDate: l.birth_date, wishes: wishes.filter((w) => w.wish_list_id === l.id).map((w) => w.offer_id) }));
}

/** How many wish lists of the season are handed in. */
export async function handedInWishLists(db: Executor, seasonId: string): Promise<number> {
  const row = await db
    .selectFrom('holiday_wish_lists')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('season_id', '=', seasonId)
    .where('submitted_at', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Parents with a handed-in list in the season, in id order after `after`, at most `limit` (result mails, chunked). */
export async function parentsWithHandedInLists(db: Executor, seasonId: string, after: string | null, limit: number): Promise<string[]> {
  let query = db
    .selectFrom('holiday_wish_lists')
    .innerJoin('holiday_children', 'holiday_children.id', 'holiday_wish_lists.child_id')
    .select('holiday_children.parent_id')
    .distinct()
    .where('holiday_wish_lists.season_id', '=', seasonId)
    .where('holiday_wish_lists.submitted_at', 'is not', null)
    .orderBy('holiday_children.parent_id')
    .limit(limit);
  if (after) query = query.where('holiday_children.parent_id', '>', after);
  return (await query.execute()).map((p) => p.parent_id);
}

/** The children of these parents who handed in a list, with their parent's address and language (result mails). */
export function handedInChildrenOfParents(db: Executor, seasonId: string, parentIds: string[]) {
  return db
    .selectFrom('holiday_wish_lists')
    .innerJoin('holiday_children', 'holiday_children.id', 'holiday_wish_lists.child_id')
    .innerJoin('users', 'users.id', 'holiday_children.parent_id')
    .select(['users.id as parent_id', 'users.email', 'users.display_name', 'users.locale', 'holiday_children.id as child_id', 'holiday_children.first_name'])
    .where('holiday_wish_lists.season_id', '=', seasonId)
    .where('holiday_wish_lists.submitted_at', 'is not', null)
    .where('holiday_children.parent_id', 'in', parentIds)
    .orderBy('holiday_children.first_name')
    .execute();
}

/** The wishes (one row each, best first) of a parent's children in seasons in these phases. */
export function wishesOfParent(db: Executor, parentId: string, phases: readonly HolidayPhase[]) {
  return db
    .selectFrom('holiday_wish_lists as l')
    .innerJoin('holiday_children as c', 'c.id', 'l.child_id')
    .innerJoin('holiday_seasons as s', 's.id', 'l.season_id')
    .innerJoin('holiday_wishes as w', 'w.wish_list_id', 'l.id')
    .innerJoin('holiday_offers as o', 'o.id', 'w.offer_id')
    .select(['l.id', 'c.first_name', 's.name as season', 'o.title'])
    .where('c.parent_id', '=', parentId)
    .where('s.phase', 'in', phases)
    .orderBy('c.first_name')
    .orderBy('l.id')
    .orderBy('w.rank')
    .execute();
}
