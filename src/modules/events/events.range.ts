import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { listOccurrences, placeLine, placeOf } from './events.repository.js';

/** One occurrence of a published event, as other modules (the newsletter) list it. */
export interface EventOccurrenceSummary {
  eventId: string;
  title: string;
  /** Absolute path of the event page, e.g. /veranstaltungen/<id>. */
  path: string;
  start: Date;
  end: Date | null;
  allDay: boolean;
  /** Place name and address in one line. */
  place: string;
  district: string | null;
  status: 'scheduled' | 'cancelled' | 'postponed';
  free: boolean;
  /** The local date the occurrence belongs to ('YYYY-MM-DD'); optional addition. */
  occurrenceDate?: string;
  /** Category codes; optional addition. */
  categories?: string[];
}

export interface EventRangeQuery {
  from: Date;
  to: Date;
  district?: string;
  category?: string;
  /** Age of the child in years: only events whose age range includes it. */
  age?: number;
  freeOnly?: boolean;
  limit?: number;
}

/** Published occurrences in [from, to), recurring events expanded, ordered by start. */
export async function listEventsInRange(db: Kysely<DB>, query: EventRangeQuery): Promise<EventOccurrenceSummary[]> {
  const limit = Math.min(Math.max(query.limit ?? 200, 1), 1000);
  const rows = await listOccurrences(
    db,
    { from: query.from, to: query.to, district: query.district, category: query.category, age: query.age, free: query.freeOnly },
    { limit, offset: 0 },
  );
  return rows
    .filter((r) => r.starts_at.getTime() >= query.from.getTime())
    .map((r) => ({
      eventId: r.event_id,
      title: r.title,
      path: `/veranstaltungen/${r.event_id}`,
      start: r.starts_at,
      end: r.ends_at,
      allDay: r.all_day,
      place: placeLine(placeOf(r)),
      district: r.district,
      status: r.status,
      free: r.free,
      occurrenceDate: r.occurrence_date,
      categories: r.categories,
    }));
}
