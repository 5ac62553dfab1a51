import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, never, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export type EventStatusValue = 'scheduled' | 'cancelled' | 'postponed';
export type EventReviewState = 'published' | 'pending' | 'rejected';

/** One event; with `freq` it repeats (Berlin wall time), `starts_at`/`ends_at` are its first occurrence. */
export interface EventsTable {
  id: Generated<string>;
  organization_id: string | null;
  title: string;
  description: Defaulted<string>;
  all_day: Defaulted<boolean>;
  starts_at: Date;
  /** Exclusive end; for all-day events the midnight after the last day. */
  ends_at: Date | null;
  freq: 'daily' | 'weekly' | 'monthly' | null;
  repeat_interval: Defaulted<number>;
  by_weekday: Defaulted<number[]>;
  /** Local date 'YYYY-MM-DD', inclusive. */
  repeat_until: string | null;
  repeat_count: number | null;
  location_id: string | null;
  place_name: Defaulted<string>;
  street: Defaulted<string>;
  postal_code: Defaulted<string>;
  locality: Defaulted<string>;
  district: string | null;
  min_age: number | null;
  max_age: number | null;
  free: Defaulted<boolean>;
  price_cents: number | null;
  reduced_price_cents: number | null;
  registration_required: Defaulted<boolean>;
  registration_how: Defaulted<string>;
  registration_until: string | null;
  barrier_free: Defaulted<boolean>;
  sign_language: Defaulted<boolean>;
  easy_language: Defaulted<boolean>;
  quiet_space: Defaulted<boolean>;
  categories: Defaulted<string[]>;
  image_id: string | null;
  image_alt: string | null;
  status: Defaulted<EventStatusValue>;
  status_note: Defaulted<string>;
  review_state: Defaulted<EventReviewState>;
  sequence: Defaulted<number>;
  created_by: string | null;
  /** Only for suggestions from the public form: the address the decision is mailed to; erased after retention. */
  suggester_email: string | null;
  review_reason: string | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface EventExceptionsTable {
  event_id: string;
  occurrence_date: string;
  kind: 'excluded' | 'override';
  status: EventStatusValue | null;
  starts_at: Date | null;
  ends_at: Date | null;
  note: Defaulted<string>;
}

export interface EventOccurrencesTable {
  event_id: string;
  occurrence_date: string;
  starts_at: Date;
  ends_at: Date | null;
  status: EventStatusValue;
  note: Defaulted<string>;
}

export interface EventPublishingBlocksTable {
  organization_id: string;
  blocked_by: string | null;
  blocked_at: CreatedAt;
}

/** Table types of the events module (Veranstaltungskalender); `DB` in ../types.ts extends this. */
export interface EventsTables {
  events: EventsTable;
  event_exceptions: EventExceptionsTable;
  event_occurrences: EventOccurrencesTable;
  event_publishing_blocks: EventPublishingBlocksTable;
}
