import type { Insertable } from 'kysely';
import type { HolidayChildrenTable, HolidayOffersTable, HolidaySeasonsTable } from '../../src/db/tables/holidays.js';
import type { TestApp } from './app.js';

/** Factories for the holidays module: real rows, sensible defaults, everything overridable. */

let counter = 0;

export async function buildHolidayOrganization(t: TestApp, name = `Ferienträger ${++counter} e. V.`) {
  return t.deps.db.insertInto('organizations').values({ name, kind: 'provider' }).returning(['id', 'name']).executeTakeFirstOrThrow();
}

export async function buildSeason(t: TestApp, overrides: Partial<Insertable<HolidaySeasonsTable>> = {}) {
  return t.deps.db
    .insertInto('holiday_seasons')
    .values({ name: `Sommerferien 2027 (${++counter})`, wish_from: '2027-03-01', wish_until: '2027-04-15', phase: 'wishes', ...overrides })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function buildHolidayOffer(t: TestApp, seasonId: string, organizationId: string, overrides: Partial<Insertable<HolidayOffersTable>> = {}) {
  return t.deps.db
    .insertInto('holiday_offers')
    .values({
      season_id: seasonId,
      organization_id: organizationId,
      status: 'approved',
      title: `Ferienangebot ${++counter}`,
      kind: 'week',
      first_day: '2027-07-12',
      last_day: '2027-07-16',
      daily_from: 8 * 60,
      daily_until: 16 * 60,
      min_age: 6,
      max_age: 12,
      places: 10,
      price_cents: 4500,
      ...overrides,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function buildChild(t: TestApp, parentId: string, overrides: Partial<Insertable<HolidayChildrenTable>> = {}) {
  return t.deps.db
    .insertInto('holiday_children')
    .values({ parent_id: parentId, first_name: `Kind${++counter}`, last_name: 'Muster', birth_date: '2018-05-04', ...overrides })
    .returningAll()
    .executeTakeFirstOrThrow();
}
