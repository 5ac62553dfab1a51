import type { Executor } from '../../db/executor.js';
import type { EventStatus } from './recurrence.js';

/** The exceptions of repeating events: dates left out, and single dates cancelled, annotated or moved. */

/** Replaces the dates left out of an event's rule. */
export async function writeExclusions(trx: Executor, eventId: string, dates: readonly string[]): Promise<void> {
  await trx.deleteFrom('event_exceptions').where('event_id', '=', eventId).where('kind', '=', 'excluded').execute();
  // An exclusion replaces an override of the same date (a dropped date has nothing to override).
  if (dates.length) {
    await trx.deleteFrom('event_exceptions').where('event_id', '=', eventId).where('occurrence_date', 'in', dates).execute();
    await trx
      .insertInto('event_exceptions')
      .values(dates.map((d) => ({ event_id: eventId, occurrence_date: d, kind: 'excluded' as const })))
      .execute();
  }
}

export interface OccurrenceOverride {
  date: string;
  status: EventStatus;
  note: string;
  /** A new start (and end) moves the date; without one the date keeps its time. */
  start?: Date;
  end?: Date | null;
}

/** Sets the status, note and perhaps new time of one date (replacing an earlier override of it). */
export async function overrideOccurrence(trx: Executor, eventId: string, change: OccurrenceOverride): Promise<void> {
  await trx
    .insertInto('event_exceptions')
    .values({
      event_id: eventId,
      occurrence_date: change.date,
      kind: 'override',
      status: change.status,
      note: change.note,
      starts_at: change.start ?? null,
      ends_at: change.start ? (change.end ?? null) : null,
    })
    .onConflict((oc) =>
      oc
        .columns(['event_id', 'occurrence_date'])
        .doUpdateSet(
          change.start
            ? { kind: 'override', status: change.status, note: change.note, starts_at: change.start, ends_at: change.end ?? null }
            : { kind: 'override', status: change.status, note: change.note },
        ),
    )
    .execute();
}
