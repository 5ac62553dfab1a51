import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/types.js';
import type { EventsTable } from '../../db/tables/events.js';
import type { Executor } from '../../db/executor.js';
import { allOccurrences, exceptionsOf, type rowValues, type EventRow, type ExceptionRow } from './events.model.js';

/** Every query of the events module that more than one file needs. */

/** A place as pages, feeds and JSON-LD show it: a directory location's name and address, or the free address. */
export interface Place {
  name: string;
  street: string;
  postalCode: string;
  locality: string;
  district: string | null;
  latitude: number | null;
  longitude: number | null;
}

interface LocationColumns {
  location_name: string | null;
  location_hsds: unknown;
  location_latitude: number | null;
  location_longitude: number | null;
}

/** The place of an event: the directory location when it has one (its first physical address), else the free address. */
export function placeOf(row: Pick<EventRow, 'place_name' | 'street' | 'postal_code' | 'locality' | 'district'> & Partial<LocationColumns>): Place {
  if (row.location_name) {
    const addresses =
      (row.location_hsds as { addresses?: { address_1?: string; address_2?: string; postal_code?: string; city?: string; address_type?: string }[] } | null)
        ?.addresses ?? [];
    const a = addresses.find((x) => x.address_type !== 'virtual');
    return {
      name: row.location_name,
      street: [a?.address_1, a?.address_2].filter(Boolean).join(', '),
      postalCode: a?.postal_code ?? '',
      locality: a?.city ?? '',
      district: row.district,
      latitude: row.location_latitude ?? null,
      longitude: row.location_longitude ?? null,
    };
  }
  return {
    name: row.place_name,
    street: row.street,
    postalCode: row.postal_code,
    locality: row.locality,
    district: row.district,
    latitude: null,
    longitude: null,
  };
}

/** "Name, Straße 1, 59065 Hamm" — one line. */
export const placeLine = (p: Place) => [p.name, p.street, [p.postalCode, p.locality].filter(Boolean).join(' ')].filter(Boolean).join(', ');

/** Rewrites the materialised occurrences of these events from their rules and exceptions (in the caller's transaction). */
export async function rebuildOccurrences(trx: Executor, eventIds: readonly string[]): Promise<void> {
  if (eventIds.length === 0) return;
  const rows = await trx.selectFrom('events').selectAll().where('id', 'in', eventIds).execute();
  const exceptions = await trx.selectFrom('event_exceptions').selectAll().where('event_id', 'in', eventIds).execute();
  await trx.deleteFrom('event_occurrences').where('event_id', 'in', eventIds).execute();
  await insertOccurrences(trx, rows, exceptions);
}

/** Inserts the occurrences of freshly written events, in batches (the seed and the bench use it too). */
export async function insertOccurrences(trx: Executor, rows: readonly EventRow[], exceptions: readonly ExceptionRow[]): Promise<void> {
  const byEvent = new Map<string, ExceptionRow[]>();
  for (const e of exceptions) byEvent.set(e.event_id, [...(byEvent.get(e.event_id) ?? []), e]);
  const values = rows.flatMap((row) =>
    allOccurrences(row, exceptionsOf(byEvent.get(row.id) ?? [])).map((o) => ({
      event_id: row.id,
      occurrence_date: o.date,
      starts_at: o.start,
      ends_at: o.end,
      status: o.status,
      note: o.note,
    })),
  );
  for (let i = 0; i < values.length; i += 2000)
    await trx
      .insertInto('event_occurrences')
      .values(values.slice(i, i + 2000))
      .execute();
}

/** What lists and feeds may filter by. */
export interface OccurrenceFilter {
  from: Date;
  to: Date;
  district?: string;
  category?: string;
  age?: number;
  free?: boolean;
  barrierFree?: boolean;
  organizationId?: string;
}

// A multi-day occurrence that began up to a month before the window still shows while it runs.
const runningForMs = 31 * 86_400_000;

/** The published occurrences matching a filter (a query to select from). */
export function filtered(db: Executor, f: OccurrenceFilter) {
  let q = db
    .selectFrom('event_occurrences as o')
    .innerJoin('events as e', 'e.id', 'o.event_id')
    .where('e.review_state', '=', 'published')
    .where('o.starts_at', '<', f.to)
    // One index range on starts_at; the OR then only sorts out the few that began before `from`.
    .where('o.starts_at', '>=', new Date(f.from.getTime() - runningForMs))
    .where((w) => w.or([w('o.starts_at', '>=', f.from), w('o.ends_at', '>', f.from)]));
  if (f.district) q = q.where('e.district', '=', f.district);
  if (f.category) q = q.where(sql<boolean>`e.categories @> ARRAY[${f.category}]::text[]`);
  if (f.age !== undefined)
    q = q.where((w) =>
      w.and([w.or([w('e.min_age', 'is', null), w('e.min_age', '<=', f.age!)]), w.or([w('e.max_age', 'is', null), w('e.max_age', '>=', f.age!)])]),
    );
  if (f.free) q = q.where('e.free', '=', true);
  if (f.barrierFree) q = q.where('e.barrier_free', '=', true);
  if (f.organizationId) q = q.where('e.organization_id', '=', f.organizationId);
  return q;
}

/** Published occurrences in the window, ordered by start, with what a list shows. */
export async function listOccurrences(db: Executor, f: OccurrenceFilter, page: { limit: number; offset: number }) {
  return filtered(db, f)
    .leftJoin('directory_locations as l', 'l.id', 'e.location_id')
    .select([
      'o.event_id',
      'o.occurrence_date',
      'o.starts_at',
      'o.ends_at',
      'o.status',
      'o.note',
      'e.title',
      'e.description',
      'e.all_day',
      'e.district',
      'e.free',
      'e.price_cents',
      'e.barrier_free',
      'e.categories',
      'e.min_age',
      'e.max_age',
      'e.place_name',
      'e.street',
      'e.postal_code',
      'e.locality',
      'e.status_note',
      'e.sequence',
      'e.updated_at',
      'l.name as location_name',
      'l.hsds as location_hsds',
      'l.latitude as location_latitude',
      'l.longitude as location_longitude',
    ])
    .orderBy('o.starts_at')
    .orderBy('o.event_id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export type OccurrenceListRow = Awaited<ReturnType<typeof listOccurrences>>[number];

/**
 * How many dates match, counted only up to `cap` (+1, so "more than cap" can be told): counting a
 * whole year of a big city on every page view costs more than showing the page.
 */
export async function countOccurrences(db: Executor, f: OccurrenceFilter, cap = 1000): Promise<number> {
  const limited = filtered(db, f)
    .select('o.event_id')
    .limit(cap + 1);
  const row = await db
    .selectFrom(limited.as('m'))
    .select((s) => s.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Ids of published events with an occurrence in the window (for feeds). */
export async function eventIdsInWindow(db: Executor, f: OccurrenceFilter, limit: number): Promise<string[]> {
  const rows = await filtered(db, f)
    .select('o.event_id')
    .groupBy('o.event_id')
    .orderBy(sql`min(o.starts_at)`)
    .limit(limit)
    .execute();
  return rows.map((r) => r.event_id);
}

/** Events with location columns and exceptions, for detail pages and feeds. */
export async function loadEvents(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('events as e')
    .leftJoin('directory_locations as l', 'l.id', 'e.location_id')
    .leftJoin('organizations as org', 'org.id', 'e.organization_id')
    .selectAll('e')
    .select([
      'l.name as location_name',
      'l.hsds as location_hsds',
      'l.latitude as location_latitude',
      'l.longitude as location_longitude',
      'org.name as organization_name',
      'org.hsds as organization_hsds',
    ])
    .where('e.id', 'in', ids)
    .execute();
  const exceptions = await db.selectFrom('event_exceptions').selectAll().where('event_id', 'in', ids).orderBy('occurrence_date').execute();
  const byId = new Map(rows.map((r) => [r.id, { ...r, exceptions: [] as ExceptionRow[] }]));
  for (const e of exceptions) byId.get(e.event_id)?.exceptions.push(e);
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export type LoadedEvent = Awaited<ReturnType<typeof loadEvents>>[number];

export async function loadEvent(db: Executor, id: string): Promise<LoadedEvent | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return (await loadEvents(db, [id]))[0];
}

/** Upcoming occurrences of one event. */
export async function upcomingOf(db: Executor, eventId: string, from: Date, limit: number) {
  return db
    .selectFrom('event_occurrences')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('starts_at', '>=', from)
    .orderBy('starts_at')
    .limit(limit)
    .execute();
}

/** Locks an event row for a change (services call this inside their transaction). */
export async function lockEvent(trx: Transaction<DB>, id: string) {
  return trx.selectFrom('events').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Writes a new event row; returns its id. */
export async function insertEvent(trx: Executor, values: Insertable<EventsTable>): Promise<string> {
  const row = await trx.insertInto('events').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Saves a changed event with its new SEQUENCE (subscribed calendars replace their copy when it goes up). */
export async function updateEventRow(trx: Executor, id: string, values: ReturnType<typeof rowValues>, sequence: number): Promise<void> {
  await trx
    .updateTable('events')
    .set({ ...values, sequence, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

/** Marks an event changed without touching its fields (one of its dates changed). */
export async function setSequence(trx: Executor, id: string, sequence: number): Promise<void> {
  await trx
    .updateTable('events')
    .set({ sequence, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

/** The district of a directory location; undefined when there is no such location. */
export async function locationDistrict(db: Executor, locationId: string): Promise<{ district: string | null } | undefined> {
  return db.selectFrom('directory_locations').select('district').where('id', '=', locationId).executeTakeFirst();
}

export type Db = Kysely<DB>;

/** Refreshes the planner statistics of the events tables (after bulk loads; PGlite has no autovacuum). */
export async function analyzeEvents(db: Executor): Promise<void> {
  await sql`ANALYZE events, event_occurrences, event_exceptions`.execute(db);
}
