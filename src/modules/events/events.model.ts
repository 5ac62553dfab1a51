import type { Insertable, Selectable } from 'kysely';
import type { EventExceptionsTable, EventsTable, EventStatusValue } from '../../db/tables/events.js';
import { addDays, fromLocal, toLocal } from '../../platform/time/berlin.js';
import { expandOccurrences, type EventTiming, type Occurrence, type OccurrenceException, type RecurrenceRule } from './recurrence.js';
import { intlLocale, numberFormat, type Locale } from '../../platform/i18n/i18n.js';

/** An event as the forms, the seed and the services describe it: civil Berlin dates and times. */
export interface EventInput {
  organizationId: string | null;
  title: string;
  description: string;
  timing: EventTiming;
  rule: RecurrenceRule | null;
  /** Dates the rule gives on which the event does not take place (EXDATE). */
  excludedDates: string[];
  locationId: string | null;
  placeName: string;
  street: string;
  postalCode: string;
  locality: string;
  district: string | null;
  minAge: number | null;
  maxAge: number | null;
  free: boolean;
  priceCents: number | null;
  reducedPriceCents: number | null;
  registrationRequired: boolean;
  registrationHow: string;
  registrationUntil: string | null;
  barrierFree: boolean;
  signLanguage: boolean;
  easyLanguage: boolean;
  quietSpace: boolean;
  categories: string[];
  imageId: string | null;
  imageAlt: string | null;
  status: EventStatusValue;
  statusNote: string;
}

export type EventRow = Selectable<EventsTable>;
export type ExceptionRow = Selectable<EventExceptionsTable>;

/** Columns of an event row for an input (without review state, sequence and authorship). */
export function rowValues(input: EventInput) {
  const { timing, rule } = input;
  const start = timing.allDay ? fromLocal(timing.startDate) : fromLocal(timing.startDate, timing.startTime ?? '00:00');
  const end = timing.allDay ? fromLocal(addDays(timing.endDate, 1)) : timing.endTime ? fromLocal(timing.endDate, timing.endTime) : null;
  return {
    organization_id: input.organizationId,
    title: input.title,
    description: input.description,
    all_day: timing.allDay,
    starts_at: start,
    ends_at: end,
    freq: rule?.freq ?? null,
    repeat_interval: rule?.interval ?? 1,
    by_weekday: rule?.byWeekday ?? [],
    repeat_until: rule?.until ?? null,
    repeat_count: rule?.count ?? null,
    location_id: input.locationId,
    place_name: input.placeName,
    street: input.street,
    postal_code: input.postalCode,
    locality: input.locality,
    district: input.district,
    min_age: input.minAge,
    max_age: input.maxAge,
    free: input.free,
    price_cents: input.free ? null : input.priceCents,
    reduced_price_cents: input.free ? null : input.reducedPriceCents,
    registration_required: input.registrationRequired,
    registration_how: input.registrationHow,
    registration_until: input.registrationUntil,
    barrier_free: input.barrierFree,
    sign_language: input.signLanguage,
    easy_language: input.easyLanguage,
    quiet_space: input.quietSpace,
    categories: input.categories,
    image_id: input.imageId,
    image_alt: input.imageId ? input.imageAlt : null,
    status: input.status,
    status_note: input.statusNote,
  } satisfies Partial<Insertable<EventsTable>>;
}

type TimingColumns = Pick<EventRow, 'all_day' | 'starts_at' | 'ends_at'>;

/** The civil timing of a stored event. */
export function timingOf(row: TimingColumns): EventTiming {
  const start = toLocal(row.starts_at);
  if (row.all_day) {
    const lastDay = row.ends_at ? addDays(toLocal(row.ends_at).date, -1) : start.date;
    return { allDay: true, startDate: start.date, startTime: null, endDate: lastDay < start.date ? start.date : lastDay, endTime: null };
  }
  const end = row.ends_at ? toLocal(row.ends_at) : null;
  return { allDay: false, startDate: start.date, startTime: start.time, endDate: end?.date ?? start.date, endTime: end?.time ?? null };
}

type RuleColumns = Pick<EventRow, 'freq' | 'repeat_interval' | 'by_weekday' | 'repeat_until' | 'repeat_count'>;

export function ruleOf(row: RuleColumns): RecurrenceRule | null {
  if (!row.freq) return null;
  return { freq: row.freq, interval: row.repeat_interval, byWeekday: row.by_weekday ?? [], until: row.repeat_until, count: row.repeat_count };
}

export function exceptionsOf(
  rows: readonly Pick<ExceptionRow, 'occurrence_date' | 'kind' | 'status' | 'starts_at' | 'ends_at' | 'note'>[],
): OccurrenceException[] {
  return rows.map((r) => ({ date: r.occurrence_date, kind: r.kind, status: r.status ?? undefined, start: r.starts_at, end: r.ends_at, note: r.note }));
}

/** How far ahead occurrences are materialised (and put into feeds): three years from the event's start. */
export const horizonYears = 3;

/** Every occurrence of a stored event up to the horizon. */
export function allOccurrences(row: TimingColumns & RuleColumns & Pick<EventRow, 'status'>, exceptions: readonly OccurrenceException[]): Occurrence[] {
  const to = new Date(row.starts_at.getTime() + horizonYears * 366 * 86_400_000);
  return expandOccurrences(timingOf(row), ruleOf(row), exceptions, row.status, { from: row.starts_at, to });
}

/** The cost line's amount, e.g. "5,50 €". */
export function formatCents(cents: number, locale: Locale): string {
  return numberFormat(intlLocale[locale], { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** The input that would produce this stored event (to fill the edit form). */
export function inputOf(row: EventRow, exceptions: readonly Pick<ExceptionRow, 'occurrence_date' | 'kind'>[]): EventInput {
  return {
    organizationId: row.organization_id,
    title: row.title,
    description: row.description,
    timing: timingOf(row),
    rule: ruleOf(row),
    excludedDates: exceptions.filter((x) => x.kind === 'excluded').map((x) => x.occurrence_date),
    locationId: row.location_id,
    placeName: row.place_name,
    street: row.street,
    postalCode: row.postal_code,
    locality: row.locality,
    district: row.district,
    minAge: row.min_age,
    maxAge: row.max_age,
    free: row.free,
    priceCents: row.price_cents,
    reducedPriceCents: row.reduced_price_cents,
    registrationRequired: row.registration_required,
    registrationHow: row.registration_how,
    registrationUntil: row.registration_until,
    barrierFree: row.barrier_free,
    signLanguage: row.sign_language,
    easyLanguage: row.easy_language,
    quietSpace: row.quiet_space,
    categories: row.categories,
    imageId: row.image_id,
    imageAlt: row.image_alt,
    status: row.status,
    statusNote: row.status_note,
  };
}
