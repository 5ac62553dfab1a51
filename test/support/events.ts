import type { EventReviewState } from '../../src/db/tables/events.js';
import { addDays, todayIn } from '../../src/platform/time/berlin.js';
import { rowValues, type EventInput } from '../../src/modules/events/events.model.js';
import { rebuildOccurrences } from '../../src/modules/events/events.repository.js';
import type { TestApp } from './app.js';

/** Factories for the events module: real rows through the same mapping the app uses. */

/** A complete event input, a week from today 10:00–12:00 in Hamm-Mitte, free; override anything. */
export function eventInput(overrides: Partial<EventInput> = {}): EventInput {
  const date = addDays(todayIn(new Date()), 7);
  return {
    organizationId: null,
    title: 'Testfest im Park',
    description: 'Ein Fest für Tests.',
    timing: { allDay: false, startDate: date, startTime: '10:00', endDate: date, endTime: '12:00' },
    rule: null,
    excludedDates: [],
    locationId: null,
    placeName: 'Stadtpark',
    street: 'Parkweg 1',
    postalCode: '59065',
    locality: 'Hamm',
    district: 'Hamm-Mitte',
    minAge: null,
    maxAge: null,
    free: true,
    priceCents: null,
    reducedPriceCents: null,
    registrationRequired: false,
    registrationHow: '',
    registrationUntil: null,
    barrierFree: false,
    signLanguage: false,
    easyLanguage: false,
    quietSpace: false,
    categories: ['fest'],
    imageId: null,
    imageAlt: null,
    status: 'scheduled',
    statusNote: '',
    ...overrides,
  };
}

export interface ExceptionSpec {
  date: string;
  kind: 'excluded' | 'override';
  status?: 'scheduled' | 'cancelled' | 'postponed';
  start?: Date;
  end?: Date;
  note?: string;
}

/** Writes an event (published unless said otherwise) with its exceptions and occurrences; returns its id. */
export async function buildEvent(
  t: Pick<TestApp, 'deps'>,
  overrides: Partial<EventInput> = {},
  options: { reviewState?: EventReviewState; exceptions?: ExceptionSpec[]; createdBy?: string; suggesterEmail?: string } = {},
): Promise<string> {
  const input = eventInput(overrides);
  return t.deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('events')
      .values({
        ...rowValues(input),
        review_state: options.reviewState ?? 'published',
        created_by: options.createdBy ?? null,
        suggester_email: options.suggesterEmail ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const exceptions = [...input.excludedDates.map((date) => ({ date, kind: 'excluded' as const })), ...(options.exceptions ?? [])];
    if (exceptions.length)
      await trx
        .insertInto('event_exceptions')
        .values(
          exceptions.map((x) => ({
            event_id: row.id,
            occurrence_date: x.date,
            kind: x.kind,
            status: 'status' in x ? (x.status ?? null) : null,
            starts_at: 'start' in x ? (x.start ?? null) : null,
            ends_at: 'end' in x ? (x.end ?? null) : null,
            note: 'note' in x ? (x.note ?? '') : '',
          })),
        )
        .execute();
    await rebuildOccurrences(trx, [row.id]);
    return row.id;
  });
}
