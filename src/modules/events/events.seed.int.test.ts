import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { seedDirectory } from '../directory/index.js';
import { addDays, fromLocal, todayIn } from '../../platform/time/berlin.js';
import { listEventsInRange, seedEvents } from './index.js';

const t = useTestApp();

describe('events demo data and listEventsInRange', () => {
  it('seeds at least 200 events over the next three months in every district, once', async () => {
    await seedDirectory(t.deps);
    expect(await seedEvents(t.deps)).toBe(true);
    expect(await seedEvents(t.deps)).toBe(false);
    const rows = await t.deps.db.selectFrom('events').select(['district', 'freq', 'status', 'starts_at', 'location_id']).execute();
    expect(rows.length).toBeGreaterThanOrEqual(200);
    expect(new Set(rows.map((r) => r.district)).size).toBe(t.deps.city.districts.length);
    expect(rows.filter((r) => r.freq).length).toBeGreaterThan(20);
    expect(rows.filter((r) => r.status === 'cancelled').length).toBeGreaterThan(3);
    // Events run by a directory organisation take place at one of its locations.
    expect(rows.filter((r) => r.location_id).length).toBeGreaterThan(rows.length * 0.8);
    const today = fromLocal(todayIn(new Date()));
    const in92Days = fromLocal(addDays(todayIn(new Date()), 92));
    expect(rows.every((r) => r.starts_at >= today && r.starts_at < in92Days)).toBe(true);
    const cancelledSingle = await t.deps.db.selectFrom('event_occurrences').select('event_id').where('status', '=', 'cancelled').execute();
    expect(cancelledSingle.length).toBeGreaterThan(0);
  });

  it('lists published occurrences in a range, ordered, recurring ones expanded, filtered by district', async () => {
    const from = fromLocal(todayIn(new Date()));
    const to = fromLocal(addDays(todayIn(new Date()), 30));
    const all = await listEventsInRange(t.deps.db, { from, to, limit: 1000 });
    expect(all.length).toBeGreaterThan(50);
    expect(all.every((o) => o.start >= from && o.start < to)).toBe(true);
    expect(all.map((o) => o.start.getTime())).toEqual([...all.map((o) => o.start.getTime())].sort((a, b) => a - b));
    const repeated = new Map<string, number>();
    for (const o of all) repeated.set(o.eventId, (repeated.get(o.eventId) ?? 0) + 1);
    expect([...repeated.values()].some((n) => n > 1)).toBe(true);
    expect(all[0]!.path).toBe(`/veranstaltungen/${all[0]!.eventId}`);
    expect(all[0]!.place).not.toBe('');
    const district = t.deps.city.districts[2]!;
    const inDistrict = await listEventsInRange(t.deps.db, { from, to, district, freeOnly: true, limit: 1000 });
    expect(inDistrict.length).toBeGreaterThan(0);
    expect(inDistrict.every((o) => o.district === district && o.free)).toBe(true);
    const limited = await listEventsInRange(t.deps.db, { from, to, limit: 5 });
    expect(limited).toHaveLength(5);
  });

  it('leaves out suggestions that are not published', async () => {
    const row = await t.deps.db.selectFrom('events').select('id').limit(1).executeTakeFirstOrThrow();
    await t.deps.db.updateTable('events').set({ review_state: 'pending' }).where('id', '=', row.id).execute();
    const all = await listEventsInRange(t.deps.db, { from: new Date(0), to: new Date('2100-01-01'), limit: 1000 });
    expect(all.some((o) => o.eventId === row.id)).toBe(false);
  });
});
