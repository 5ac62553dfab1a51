import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { createUser } from '../../../test/support/auth.js';
import { buildChild, buildHolidayOffer, buildHolidayOrganization, buildSeason } from '../../../test/support/holidays.js';
import type { Actor } from '../../platform/auth/roles.js';
import { seedHash } from './allocation-rng.js';
import { allocate } from './allocation.js';
import { deleteExpiredSeasonData } from './holidays.privacy.js';
import { loadAllocationInput } from './lottery-input.repository.js';
import { commitSeed, confirmRun, previewRun } from './runs.service.js';

const t = useTestApp();
const seed = 'rathaus-sommer-2027-7f3a9c';

async function actorOf(role: 'admin' | 'family' | 'editor') {
  const user = await createUser(t, { role });
  return { user, actor: { id: user.id, role, email: user.email, displayName: user.display_name } satisfies Actor };
}

/** A season in the allocation phase: 3 offers, 12 children from 6 families with submitted wishes. */
async function seasonWithWishes() {
  const org = await buildHolidayOrganization(t);
  const season = await buildSeason(t, { phase: 'allocation', reserved_percent: 20 });
  const offers = [
    await buildHolidayOffer(t, season.id, org.id, { places: 3, first_day: '2027-07-05', last_day: '2027-07-09' }),
    await buildHolidayOffer(t, season.id, org.id, { places: 4, first_day: '2027-07-12', last_day: '2027-07-16' }),
    await buildHolidayOffer(t, season.id, org.id, { places: 2, first_day: '2027-07-19', last_day: '2027-07-23' }),
  ];
  const parents = [];
  for (let f = 0; f < 6; f++) {
    const { user } = await actorOf('family');
    parents.push(user);
    for (let k = 0; k < 2; k++) {
      const child = await buildChild(t, user.id, { priority: f === 0 });
      const list = await t.deps.db
        .insertInto('holiday_wish_lists')
        .values({ season_id: season.id, child_id: child.id, max_places: 2, submitted_at: new Date() })
        .returning('id')
        .executeTakeFirstOrThrow();
      const order = f % 2 === 0 ? [0, 1, 2] : [2, 0, 1];
      await t.deps.db
        .insertInto('holiday_wishes')
        .values(order.map((o, i) => ({ wish_list_id: list.id, offer_id: offers[o]!.id, rank: i + 1 })))
        .execute();
    }
  }
  return { season, offers, parents };
}

describe('lottery runs', () => {
  it('needs the committed seed; a preview writes no places but is logged', async () => {
    const { actor } = await actorOf('admin');
    const { season } = await seasonWithWishes();
    await expect(previewRun(t.deps, actor, season.id, seed)).rejects.toMatchObject({ code: 'validation_failed' });
    await commitSeed(t.deps, actor, season.id, seedHash(seed));
    await expect(commitSeed(t.deps, actor, season.id, seedHash('another'))).rejects.toMatchObject({ code: 'conflict' });
    await expect(previewRun(t.deps, actor, season.id, 'wrong seed')).rejects.toMatchObject({
      details: { fields: { seed: 'Dieser Zufallswert passt nicht zum veröffentlichten Hash.' } },
    });
    const summary = await previewRun(t.deps, actor, season.id, seed);
    expect(summary.children).toBe(12);
    expect(summary.placements).toBe(9);
    expect(summary.offers.map((o) => o.fillRate)).toEqual([1, 1, 1]);
    const places = await t.deps.db.selectFrom('holiday_places').select('id').where('season_id', '=', season.id).execute();
    expect(places).toHaveLength(0);
    const runs = await t.deps.db.selectFrom('holiday_runs').selectAll().where('season_id', '=', season.id).execute();
    expect(runs.map((r) => r.kind)).toEqual(['preview']);
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('subject_id', '=', season.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['holidays.seed_committed', 'holidays.run_previewed']));
  });

  it('only admins run the lottery', async () => {
    const { actor } = await actorOf('editor');
    const { season } = await seasonWithWishes();
    await expect(commitSeed(t.deps, actor, season.id, seedHash(seed))).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('leaves the season exactly as before when the run fails before commit', async () => {
    const { actor } = await actorOf('admin');
    const { season } = await seasonWithWishes();
    await commitSeed(t.deps, actor, season.id, seedHash(seed));
    await expect(
      confirmRun(t.deps, actor, season.id, seed, {
        beforeCommit: () => {
          throw new Error('power cut');
        },
      }),
    ).rejects.toThrow('power cut');
    const after = await t.deps.db.selectFrom('holiday_seasons').selectAll().where('id', '=', season.id).executeTakeFirstOrThrow();
    expect(after.phase).toBe('allocation');
    expect(after.seed).toBeNull();
    expect(await t.deps.db.selectFrom('holiday_places').select('id').where('season_id', '=', season.id).execute()).toHaveLength(0);
    const taken = await t.deps.db.selectFrom('holiday_offers').select('places_taken').where('season_id', '=', season.id).execute();
    expect(taken.every((o) => o.places_taken === 0)).toBe(true);
    expect(await t.deps.db.selectFrom('holiday_runs').select('id').where('season_id', '=', season.id).where('kind', '=', 'confirmed').execute()).toHaveLength(
      0,
    );
  });

  it('writes exactly the recomputable result, publishes the seed and mails every family once', async () => {
    const { actor } = await actorOf('admin');
    const { season, parents } = await seasonWithWishes();
    await commitSeed(t.deps, actor, season.id, seedHash(seed));
    const expected = allocate(await loadAllocationInput(t.deps.db, season.id, seed));
    await confirmRun(t.deps, actor, season.id, seed, { mailChunk: 4 });
    const stored = await t.deps.db.selectFrom('holiday_places').select(['child_id', 'offer_id']).where('season_id', '=', season.id).execute();
    const key = (p: { child_id?: string; offer_id?: string; childId?: string; offerId?: string }) => `${p.child_id ?? p.childId}/${p.offer_id ?? p.offerId}`;
    expect(stored.map(key).sort()).toEqual(expected.placements.map(key).sort());
    const after = await t.deps.db.selectFrom('holiday_seasons').selectAll().where('id', '=', season.id).executeTakeFirstOrThrow();
    expect(after.phase).toBe('results');
    expect(after.seed).toBe(seed);
    // Anyone can recompute from the published seed: the same input gives the same places.
    expect(
      allocate(await loadAllocationInput(t.deps.db, season.id, after.seed!))
        .placements.map(key)
        .sort(),
    ).toEqual(stored.map(key).sort());
    const deadlines = await t.deps.db.selectFrom('holiday_places').select('respond_by').where('season_id', '=', season.id).execute();
    for (const d of deadlines) expect(Math.round((d.respond_by!.getTime() - after.allocated_at!.getTime()) / 86_400_000)).toBe(7);
    await t.runJobs();
    const mails = await t.deps.db
      .selectFrom('mail_outbox')
      .select(['recipient', 'subject', 'text_body'])
      .where(
        'recipient',
        'in',
        parents.map((p) => p.email),
      )
      .execute();
    // Six families in chunks of four: two transactions, every family exactly once.
    expect(mails).toHaveLength(6);
    expect(new Set(mails.map((m) => m.recipient)).size).toBe(6);
    expect(mails[0]!.subject).toContain('Ergebnis der Platzvergabe');
    expect(mails[0]!.text_body).toMatch(/Bitte sagen Sie bis .+ zu oder geben Sie Plätze zurück/);
    await expect(confirmRun(t.deps, actor, season.id, seed)).rejects.toMatchObject({ code: 'validation_failed' });
  });
});

describe('priority', () => {
  it('gives priority to Familienpass children and to children who got nothing in an earlier lottery', async () => {
    const org = await buildHolidayOrganization(t);
    const { user } = await actorOf('family');
    const [pass, unlucky, lucky, newcomer] = [
      await buildChild(t, user.id, { priority: true }),
      await buildChild(t, user.id),
      await buildChild(t, user.id),
      await buildChild(t, user.id),
    ];
    const earlier = await buildSeason(t, { phase: 'closed', allocated_at: new Date('2026-08-01T10:00:00Z') });
    const old = await buildHolidayOffer(t, earlier.id, org.id);
    for (const child of [unlucky, lucky])
      await t.deps.db.insertInto('holiday_wish_lists').values({ season_id: earlier.id, child_id: child.id, submitted_at: new Date() }).execute();
    await t.deps.db
      .insertInto('holiday_places')
      .values({ season_id: earlier.id, offer_id: old.id, child_id: lucky.id, source: 'lottery', status: 'accepted' })
      .execute();
    const season = await buildSeason(t, { phase: 'allocation' });
    for (const child of [pass, unlucky, lucky, newcomer])
      await t.deps.db.insertInto('holiday_wish_lists').values({ season_id: season.id, child_id: child.id, submitted_at: new Date() }).execute();
    const input = await loadAllocationInput(t.deps.db, season.id, seed);
    const priority = new Map(input.children.map((c) => [c.id, c.priority]));
    expect([pass, unlucky, lucky, newcomer].map((c) => priority.get(c.id))).toEqual([true, true, false, false]);
  });
});

describe('retention', () => {
  it("deletes a closed season's children, wishes and places after the retention period, not before", async () => {
    const { actor } = await actorOf('admin');
    const { season, parents } = await seasonWithWishes();
    await commitSeed(t.deps, actor, season.id, seedHash(seed));
    await confirmRun(t.deps, actor, season.id, seed);
    const closedAt = new Date('2027-09-01T10:00:00Z');
    await t.deps.db.updateTable('holiday_seasons').set({ phase: 'closed', closed_at: closedAt, retention_days: 90 }).where('id', '=', season.id).execute();
    const children = () =>
      t.deps.db
        .selectFrom('holiday_children')
        .select('id')
        .where(
          'parent_id',
          'in',
          parents.map((p) => p.id),
        )
        .execute();
    expect(await deleteExpiredSeasonData(t.deps, new Date('2027-11-29T10:00:00Z'))).toBe(0);
    expect(await children()).toHaveLength(12);
    expect(await deleteExpiredSeasonData(t.deps, new Date('2027-12-01T10:00:00Z'))).toBe(1);
    expect(await children()).toHaveLength(0);
    expect(await t.deps.db.selectFrom('holiday_places').select('id').where('season_id', '=', season.id).execute()).toHaveLength(0);
    expect(await t.deps.db.selectFrom('holiday_wish_lists').select('id').where('season_id', '=', season.id).execute()).toHaveLength(0);
    const after = await t.deps.db.selectFrom('holiday_seasons').select(['phase', 'data_deleted_at']).where('id', '=', season.id).executeTakeFirstOrThrow();
    expect(after.phase).toBe('deleted');
  });
});
