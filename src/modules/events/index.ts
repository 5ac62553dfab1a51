import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../app.js';
import type { DB } from '../../db/types.js';

/** Veranstaltungskalender. */
export function eventsModule(_deps: AppDeps): FastifyPluginAsync {
  return async () => {};
}

/** Loads the fictional demo data of this module once; returns false when it was there already. */
export async function seedEvents(_deps: AppDeps): Promise<boolean> {
  return false;
}

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
export async function listEventsInRange(_db: Kysely<DB>, _query: EventRangeQuery): Promise<EventOccurrenceSummary[]> {
  return [];
}
