import type { Executor } from '../../db/executor.js';

/** Queries around wish lists: the offers on a stored list, the other members of a group, counts. */

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
