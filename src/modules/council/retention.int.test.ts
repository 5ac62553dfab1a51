import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { sweepExpired } from '../../platform/privacy/privacy.queries.js';
import { createCouncilService } from './council.service.js';

const t = useTestApp();
const hours = (n: number, from = Date.now()) => new Date(from + n * 3_600_000);
const needs = { childcareChildren: 0, childcareAges: null, interpreterLanguage: 'Arabisch', stepFree: true, dietary: null, travelRefund: false };

async function member(email: string, status: 'accepted' | 'received' | 'declined' | 'reserve' = 'accepted') {
  return (
    await t.deps.db
      .insertInto('council_applications')
      .values({
        name: email,
        email,
        district: 'Uentrop',
        household_adults: 1,
        household_children: 2,
        locale: 'uk',
        privacy_consent_at: new Date(),
        status,
        term_until: status === 'accepted' ? '2030-12-31' : null,
        link_key: 'k',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

async function workshop(startsInHours: number, capacity = 5) {
  return (
    await t.deps.db
      .insertInto('council_workshops')
      .values({
        title: 'Morgen',
        place: 'Rathaus',
        starts_at: hours(startsInHours),
        ends_at: hours(startsInHours + 3),
        registration_until: hours(startsInHours - 1),
        capacity,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

describe('Familienbeirat: reminders and retention', () => {
  it('reminds confirmed registrations the day before, once each, in their language; cancelled and waiting ones get none', async () => {
    const service = createCouncilService(t.deps);
    const id = await workshop(20, 1);
    const [a, b, c] = [await member('erinnert@example.org'), await member('wartet@example.org'), await member('abgesagt@example.org')];
    await t.deps.db.updateTable('council_workshops').set({ capacity: 2 }).where('id', '=', id).execute();
    await service.register(id, a, { persons: 1, ...needs }, 'uk', hours(-30));
    const cancelled = await service.register(id, c, { persons: 1, ...needs }, 'uk', hours(-30));
    await service.register(id, b, { persons: 1, ...needs }, 'uk', hours(-30));
    const found = await service.registrationOf(cancelled.token);
    await service.cancel(found!.registration.id);
    // b moved up when c cancelled; make b wait again to check waiting ones get nothing.
    await t.deps.db.updateTable('council_registrations').set({ status: 'waiting' }).where('member_id', '=', b).execute();
    expect(await service.sendReminders()).toBe(1);
    expect(await service.sendReminders()).toBe(0);
    await t.runJobs();
    const reminders = await t.deps.db.selectFrom('mail_outbox').select(['recipient', 'subject']).where('subject', 'like', 'Завтра:%').execute();
    expect(reminders).toEqual([{ recipient: 'erinnert@example.org', subject: 'Завтра: Morgen' }]);
  });

  it('deletes needs 30 days after the workshop and applications not accepted after 12 months; members stay', async () => {
    const service = createCouncilService(t.deps);
    const past = await workshop(-24 * 40);
    const recent = await workshop(-24 * 10);
    const m = await member('bedarf@example.org');
    for (const id of [past, recent]) {
      const reg = await t.deps.db
        .insertInto('council_registrations')
        .values({ workshop_id: id, member_id: m, persons: 1, status: 'confirmed', link_key: 'k' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const ends = (await service.workshop(id)).ends_at;
      await t.deps.db.insertInto('council_needs').values({ registration_id: reg.id, interpreter_language: 'Arabisch', delete_after: ends }).execute();
    }
    const old = await member('alt-abgelehnt@example.org', 'declined');
    const reserve = await member('alt-reserve@example.org', 'reserve');
    const fresh = await member('neu@example.org', 'received');
    const oldMember = await member('alt-mitglied@example.org', 'accepted');
    const yearAgo = new Date(Date.now() - 370 * 86_400_000);
    for (const id of [old, reserve, oldMember]) await sql`UPDATE council_applications SET created_at = ${yearAgo} WHERE id = ${id}`.execute(t.deps.db);

    await sweepExpired(t.deps.db, t.deps.config, t.deps.privacy.declarations());

    const needsLeft = await t.deps.db
      .selectFrom('council_needs as n')
      .innerJoin('council_registrations as r', 'r.id', 'n.registration_id')
      .select('r.workshop_id')
      .where('r.member_id', '=', m)
      .execute();
    expect(needsLeft.map((n) => n.workshop_id)).toEqual([recent]);
    // The registration itself stays (attendance figures), only the needs go.
    expect(await t.deps.db.selectFrom('council_registrations').select('id').where('member_id', '=', m).execute()).toHaveLength(2);
    const left = (await t.deps.db.selectFrom('council_applications').select('id').where('id', 'in', [old, reserve, fresh, oldMember]).execute()).map(
      (r) => r.id,
    );
    expect(left.sort()).toEqual([fresh, oldMember].sort());
  });
});
