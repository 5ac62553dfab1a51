import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { signedInVisitor } from '../../../test/support/auth.js';
import { createCouncilService } from './council.service.js';

const t = useTestApp();

const inDays = (n: number, hour = 10) => new Date(Date.now() + n * 86_400_000 + hour * 3_600_000);

async function workshop(capacity: number, childcare = 0) {
  return (
    await t.deps.db
      .insertInto('council_workshops')
      .values({
        title: `Workshop ${capacity}`,
        place: 'Familienzentrum',
        starts_at: inDays(30),
        ends_at: inDays(30, 13),
        registration_until: inDays(29),
        capacity,
        childcare_places: childcare,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

let counter = 0;
async function members(n: number, locale = 'de') {
  const rows = Array.from({ length: n }, () => {
    counter += 1;
    return {
      name: `Familie ${counter}`,
      email: `mitglied${counter}@example.org`,
      district: 'Pelkum',
      household_adults: 2,
      household_children: 1,
      locale,
      privacy_consent_at: new Date(),
      status: 'accepted' as const,
      term_until: '2030-12-31',
      link_key: `key${counter}`,
    };
  });
  return (await t.deps.db.insertInto('council_applications').values(rows).returning('id').execute()).map((r) => r.id);
}

const needs = { childcareChildren: 0, childcareAges: null, interpreterLanguage: null, stepFree: false, dietary: null, travelRefund: false };
const taken = async (id: string) =>
  t.deps.db.selectFrom('council_workshops').select(['places_taken', 'childcare_taken']).where('id', '=', id).executeTakeFirstOrThrow();
const registrations = (id: string) =>
  t.deps.db
    .selectFrom('council_registrations')
    .select(['id', 'member_id', 'status', 'queue_no', 'persons'])
    .where('workshop_id', '=', id)
    .orderBy('queue_no')
    .execute();

describe('Familienbeirat: places', () => {
  it('confirms exactly 40 of 200 members registering at once, the rest waiting gap-free in commit order; 10 cancellations move exactly the next 10 up, each told once', async () => {
    const service = createCouncilService(t.deps);
    const id = await workshop(40);
    const ids = await members(200);
    const outcomes = await Promise.allSettled(ids.map((m) => service.register(id, m, { persons: 1, ...needs }, 'de')));
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(0);
    const rows = await registrations(id);
    const confirmed = rows.filter((r) => r.status === 'confirmed');
    const waiting = rows.filter((r) => r.status === 'waiting');
    expect(confirmed).toHaveLength(40);
    expect(waiting).toHaveLength(160);
    expect((await taken(id)).places_taken).toBe(40);
    // Commit order: everyone confirmed committed before everyone waiting.
    expect(Math.max(...confirmed.map((r) => Number(r.queue_no)))).toBeLessThan(Math.min(...waiting.map((r) => Number(r.queue_no))));
    // The page's number of free places comes from the same row the booking checks.
    expect((await service.workshop(id)).capacity - (await service.workshop(id)).places_taken).toBe(0);

    // Positions as families see them: 1..160 without gaps.
    const positions = await Promise.all(
      waiting.map(async (r) => (await service.registrationOf(service.registrationToken({ id: r.id, link_key: (await link(r.id))! })))!.position),
    );
    expect(positions).toEqual(Array.from({ length: 160 }, (_, i) => i + 1));

    await t.runJobs();
    const before = await mailCount();
    for (const r of confirmed.slice(0, 10)) expect(await service.cancel(r.id)).toBe('cancelled');
    const after = await registrations(id);
    const movedUp = after.filter((r) => waiting.slice(0, 10).some((w) => w.id === r.id));
    expect(movedUp.every((r) => r.status === 'confirmed')).toBe(true);
    expect(after.filter((r) => r.status === 'confirmed')).toHaveLength(40);
    expect(after.filter((r) => waiting.slice(10).some((w) => w.id === r.id)).every((r) => r.status === 'waiting')).toBe(true);
    expect((await taken(id)).places_taken).toBe(40);
    await t.runJobs();
    // 10 cancellation mails and 10 "a place is free" mails, nothing else.
    expect((await mailCount()) - before).toBe(20);
    const upMails = await t.deps.db.selectFrom('mail_outbox').select('recipient').where('subject', 'like', 'Ein Platz ist frei:%').execute();
    expect(new Set(upMails.map((m) => m.recipient)).size).toBe(10);
    expect(upMails).toHaveLength(10);
  }, 120_000); // 200 transactions at once: give a busy machine time, the assertions are about order, not speed

  it('keeps a registration whole: a family of three waits when two places are left, and later ones wait behind it', async () => {
    const service = createCouncilService(t.deps);
    const id = await workshop(3, 1);
    const [a, b, c] = await members(3);
    expect((await service.register(id, a!, { persons: 1, ...needs }, 'de')).status).toBe('confirmed');
    expect((await service.register(id, b!, { persons: 3, ...needs }, 'de')).status).toBe('waiting');
    // Even though one person would fit, nobody overtakes the waiting family.
    expect((await service.register(id, c!, { persons: 1, ...needs }, 'de')).status).toBe('waiting');
    const [first] = await registrations(id);
    await service.cancel(first!.id);
    const rows = await registrations(id);
    expect(rows.map((r) => r.status)).toEqual(['cancelled', 'confirmed', 'waiting']);
    expect((await taken(id)).places_taken).toBe(3);
  });

  it('holds both limits in the database even for raw writes that skip every check', async () => {
    const id = await workshop(5, 2);
    const ids = await members(12);
    const outcomes = await Promise.allSettled(
      ids.map((m) =>
        t.deps.db
          .insertInto('council_registrations')
          .values({ workshop_id: id, member_id: m, persons: 1, childcare_children: 0, status: 'confirmed', link_key: 'x' })
          .execute(),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(5);
    expect(outcomes.filter((o) => o.status === 'rejected').every((o) => o.reason.code === '23514')).toBe(true);
    expect((await taken(id)).places_taken).toBe(5);

    const other = await workshop(10, 2);
    const [m1, m2] = await members(2);
    await t.deps.db
      .insertInto('council_registrations')
      .values({ workshop_id: other, member_id: m1!, persons: 1, childcare_children: 2, status: 'confirmed', link_key: 'x' })
      .execute();
    await expect(
      t.deps.db
        .insertInto('council_registrations')
        .values({ workshop_id: other, member_id: m2!, persons: 1, childcare_children: 1, status: 'confirmed', link_key: 'x' })
        .execute(),
    ).rejects.toMatchObject({ code: '23514' });
    await expect(sql`UPDATE council_workshops SET capacity = 0 WHERE id = ${id}`.execute(t.deps.db)).rejects.toMatchObject({ code: '23514' });
  });

  it('refuses registrations after the deadline with a clear message', async () => {
    const service = createCouncilService(t.deps);
    const id = await workshop(5);
    const [m] = await members(1);
    await expect(service.register(id, m!, { persons: 1, ...needs }, 'de', inDays(29, 12))).rejects.toMatchObject({
      code: 'conflict',
      message: 'Die Anmeldung für diesen Workshop ist leider vorbei.',
    });
  });
});

const link = async (id: string) => (await t.deps.db.selectFrom('council_registrations').select('link_key').where('id', '=', id).executeTakeFirst())?.link_key;
const mailCount = async () =>
  Number(
    (
      await t.deps.db
        .selectFrom('mail_outbox')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('Familienbeirat: changing a registration by its link', () => {
  it('frees places when a family comes with fewer people (the next moves up) and refuses to grow beyond the free places', async () => {
    const service = createCouncilService(t.deps);
    const id = await workshop(3, 2);
    const [a, b] = await members(2);
    await service.register(id, a!, { persons: 3, ...needs }, 'de');
    expect((await service.register(id, b!, { persons: 1, ...needs }, 'de')).status).toBe('waiting');
    const [first, second] = await registrations(id);
    await service.change(first!.id, { ...needs, persons: 2, childcareChildren: 1, childcareAges: '6 Jahre', interpreterLanguage: 'Ukrainisch' }, 'de');
    expect((await registrations(id)).map((r) => r.status)).toEqual(['confirmed', 'confirmed']);
    expect(await taken(id)).toEqual({ places_taken: 3, childcare_taken: 1 });
    const stored = await t.deps.db.selectFrom('council_needs').selectAll().where('registration_id', '=', first!.id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ childcare_ages: '6 Jahre', interpreter_language: 'Ukrainisch' });

    await expect(service.change(second!.id, { ...needs, persons: 2 }, 'de')).rejects.toMatchObject({
      code: 'validation_failed',
      details: { fields: { persons: 'Für so viele Personen oder Kinder sind nicht mehr genug Plätze frei. Ihre bisherige Anmeldung gilt weiter.' } },
    });
    expect((await registrations(id)).find((r) => r.id === second!.id)!.persons).toBe(1);
    expect(await taken(id)).toEqual({ places_taken: 3, childcare_taken: 1 });
  });
});

describe('Familienbeirat: when a member deletes their account', () => {
  it('says so on the deletion page, cancels their coming registration so the next moves up, and removes their application', async () => {
    const service = createCouncilService(t.deps);
    const id = await workshop(1);
    const { visitor, user } = await signedInVisitor(t, 'family');
    const [leaving] = await members(1);
    await t.deps.db.updateTable('council_applications').set({ email: user.email }).where('id', '=', leaving!).execute();
    const [next] = await members(1);
    await service.register(id, leaving!, { persons: 1, ...needs }, 'de');
    expect((await service.register(id, next!, { persons: 1, ...needs }, 'de')).status).toBe('waiting');
    expect((await visitor.get('/konto/loeschen')).body).toContain('Ihre Anmeldung zum Workshop „Workshop 1“');
    expect((await visitor.submit('/konto/loeschen', '/konto/loeschen', { confirm: 'ja' })).statusCode).toBe(303);
    expect(await t.deps.db.selectFrom('council_applications').select('id').where('id', '=', leaving!).execute()).toHaveLength(0);
    expect((await registrations(id)).map((r) => [r.member_id, r.status])).toEqual([[next, 'confirmed']]);
    expect((await taken(id)).places_taken).toBe(1);
  });
});
