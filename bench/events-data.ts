/**
 * Generated events for the benches (bench/events.ts, bench/http.ts): N events over the coming year,
 * every tenth repeating weekly (12 dates), loaded in batches through the app's own row mapping and
 * occurrence expansion.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../src/db/types.js';
import { rowValues } from '../src/modules/events/events.model.js';
import { analyzeEvents, insertOccurrences } from '../src/modules/events/events.repository.js';
import { buildDemoEvents } from '../src/modules/events/events.seed.js';
import type { CityProfile } from '../src/platform/city.js';
import { addDays, todayIn } from '../src/platform/time/berlin.js';

function generate(count: number, city: CityProfile) {
  const today = todayIn(new Date());
  const built = buildDemoEvents({ today, districts: city.districts, organizers: [], count });
  return built.map((b, i) => {
    const shift = (i * 7919) % 365;
    const t = b.input.timing;
    const timing = { ...t, startDate: addDays(t.startDate, shift), endDate: addDays(t.endDate, shift) };
    const repeating = i % 10 === 0 && !t.allDay;
    return {
      ...b.input,
      title: `${b.input.title} ${i}`,
      timing,
      rule: repeating ? { freq: 'weekly' as const, interval: 1, byWeekday: [], until: null, count: 12 } : null,
    };
  });
}

/** Loads `count` published events; returns how long it took and how many dates they have. */
export async function loadGeneratedEvents(db: Kysely<DB>, count: number, city: CityProfile): Promise<{ seconds: number; occurrences: number }> {
  const t0 = performance.now();
  const inputs = generate(count, city);
  for (let i = 0; i < inputs.length; i += 1000) {
    await db.transaction().execute(async (trx) => {
      const rows = await trx
        .insertInto('events')
        .values(inputs.slice(i, i + 1000).map((input) => ({ ...rowValues(input), review_state: 'published' as const })))
        .returningAll()
        .execute();
      await insertOccurrences(trx, rows, []);
    });
  }
  await analyzeEvents(db);
  const n = await db
    .selectFrom('event_occurrences')
    .select((s) => s.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return { seconds: Math.round((performance.now() - t0) / 100) / 10, occurrences: Number(n.n) };
}
