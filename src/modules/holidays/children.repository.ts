import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { HolidayChildrenTable } from '../../db/tables/holidays.js';

/** Queries of the children parents register, their emergency contacts and the consent to store needs. */

export function listChildren(db: Executor, parentId: string) {
  return db.selectFrom('holiday_children').selectAll().where('parent_id', '=', parentId).orderBy('birth_date').orderBy('first_name').execute();
}

export function findChild(db: Executor, childId: string) {
  return db.selectFrom('holiday_children').selectAll().where('id', '=', childId).executeTakeFirst();
}

/** Who a child belongs to (booking checks the parent). */
export function childParent(db: Executor, childId: string) {
  return db.selectFrom('holiday_children').select(['id', 'parent_id']).where('id', '=', childId).executeTakeFirst();
}

/** First name and birth date of a child (the rules for a place). */
export function childForPlace(db: Executor, childId: string) {
  return db.selectFrom('holiday_children').select(['first_name', 'birth_date']).where('id', '=', childId).executeTakeFirstOrThrow();
}

/** "Vorname Nachname" of these children, by last name: the editors' list of who got nothing in a lottery preview. */
export async function childNames(db: Executor, childIds: readonly string[]): Promise<string[]> {
  if (childIds.length === 0) return [];
  const rows = await db.selectFrom('holiday_children').select(['first_name', 'last_name']).where('id', 'in', childIds).orderBy('last_name').execute();
  return rows.map((n) => `${n.first_name} ${n.last_name}`);
}

/** The parent of a child, for a mail in the parent's language. */
export function parentOfChild(db: Executor, childId: string) {
  return db
    .selectFrom('holiday_children')
    .innerJoin('users', 'users.id', 'holiday_children.parent_id')
    .select(['users.email', 'users.display_name', 'users.locale', 'holiday_children.first_name'])
    .where('holiday_children.id', '=', childId)
    .executeTakeFirstOrThrow();
}

export async function insertChild(db: Executor, values: Insertable<HolidayChildrenTable>): Promise<string> {
  return (await db.insertInto('holiday_children').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateChild(db: Executor, childId: string, values: Updateable<HolidayChildrenTable>): Promise<string> {
  return (
    await db
      .updateTable('holiday_children')
      .set({ ...values, updated_at: new Date() })
      .where('id', '=', childId)
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** The first emergency contact of a child, if any. */
export function firstContact(db: Executor, childId: string) {
  return db.selectFrom('holiday_contacts').selectAll().where('child_id', '=', childId).orderBy('position').limit(1).executeTakeFirst();
}

/** Replaces a child's emergency contacts with this one. */
export async function replaceContact(db: Executor, childId: string, contact: { name: string; phone: string; relation: string }): Promise<void> {
  await db.deleteFrom('holiday_contacts').where('child_id', '=', childId).execute();
  await db
    .insertInto('holiday_contacts')
    .values({ child_id: childId, name: contact.name, phone: contact.phone, relation: contact.relation, position: 1 })
    .execute();
}

/** Records a parent's consent (its text and version) to store a child's needs. */
export async function recordNeedsConsent(db: Executor, userId: string, consent: { version: string; text: string }): Promise<void> {
  await db.insertInto('consents').values({ user_id: userId, purpose: 'holidays.needs', text_version: consent.version, text: consent.text }).execute();
}
