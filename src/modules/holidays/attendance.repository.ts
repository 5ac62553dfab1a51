import type { Executor } from '../../db/executor.js';

/** Queries of attendance: who was there on which day of an offer. */

export async function attendanceOfPlaces(db: Executor, placeIds: string[]) {
  if (placeIds.length === 0) return [];
  return db.selectFrom('holiday_attendance').selectAll().where('place_id', 'in', placeIds).execute();
}

/** Records one child's presence on one day (a second record of the day replaces the first). */
export async function saveAttendance(db: Executor, entry: { placeId: string; day: string; present: boolean; recordedBy: string }): Promise<void> {
  await db
    .insertInto('holiday_attendance')
    .values({ place_id: entry.placeId, day: entry.day, present: entry.present, recorded_by: entry.recordedBy })
    .onConflict((oc) => oc.columns(['place_id', 'day']).doUpdateSet({ present: entry.present, recorded_by: entry.recordedBy }))
    .execute();
}
