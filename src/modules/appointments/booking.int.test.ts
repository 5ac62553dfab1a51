import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';
import { at, buildAppointmentSetup, insertRawBooking, nextWorkingDay } from '../../../test/support/appointments.js';
import { isoWithOffset } from '../../platform/time/berlin.js';
import { sendDueReminders } from './appointments.service.js';

const t = useTestApp();

const mailsTo = async (address: string) =>
  t.deps.db.selectFrom('mail_outbox').select(['id', 'subject', 'text_body']).where('recipient', '=', address).orderBy('created_at').execute();
const emlOf = (id: string) => readFileSync(path.join(t.deps.config.dataDir, 'outbox', `${id}.eml`), 'utf8');
const linkIn = (text: string) => /\/termine\/buchung\?token=([^\s]+)/.exec(text)?.[1] ?? '';
const postBooking = (body: Record<string, string>, ip = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`) =>
  t.app.inject({ method: 'POST', url: '/api/v1/termine/buchungen', payload: body, remoteAddress: ip });

describe('no double booking', () => {
  it('gives one slot to exactly one of 60 people booking it at the same moment', async () => {
    const setup = await buildAppointmentSetup(t);
    const day = nextWorkingDay();
    const beginn = isoWithOffset(at(day, '09:00'));
    const responses = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        postBooking({ dienst: setup.serviceId, beginn, standort: setup.locationId, name: `Person ${i}`, email: `p${i}@example.org` }, `10.8.0.${i + 1}`),
      ),
    );
    expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(1);
    const refused = responses.filter((r) => r.statusCode !== 201);
    expect(refused).toHaveLength(59);
    for (const r of refused) {
      expect(r.statusCode).toBe(409);
      expect(r.json()).toMatchObject({ error: { code: 'slot_taken' } });
    }
    const rows = await t.deps.db.selectFrom('appointment_bookings').select('id').where('service_id', '=', setup.serviceId).execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses an overlapping booking of one counsellor in the database itself, and lets expired holds go', async () => {
    const setup = await buildAppointmentSetup(t);
    const day = nextWorkingDay();
    await insertRawBooking(t, setup, { start: at(day, '09:00') });
    await expect(insertRawBooking(t, setup, { start: at(day, '09:15') })).rejects.toMatchObject({ code: '23P01' });
    await insertRawBooking(t, setup, { start: at(day, '10:00'), status: 'expired' });
    await insertRawBooking(t, setup, { start: at(day, '10:00') });
  });

  it('uses a parallel counsellor when the first is taken, and only then says the slot is gone', async () => {
    const setup = await buildAppointmentSetup(t, { counsellors: 2 });
    const day = nextWorkingDay();
    const beginn = isoWithOffset(at(day, '10:30'));
    const body = (i: number) => ({ dienst: setup.serviceId, beginn, standort: setup.locationId, name: 'Ali', email: `a${i}@example.org` });
    expect((await postBooking(body(1))).statusCode).toBe(201);
    expect((await postBooking(body(2))).statusCode).toBe(201);
    expect((await postBooking(body(3))).statusCode).toBe(409);
  });
});

describe('free times', () => {
  it('lists times with their offset and drops a booked one; a booked-out day is not offered', async () => {
    const setup = await buildAppointmentSetup(t);
    const day = nextWorkingDay();
    const url = `/api/v1/termine/dienste/${setup.serviceId}/freie-zeiten?von=${day}&bis=${day}`;
    const before = (await t.app.inject(url)).json<{ zeiten: { beginn: string; standort: { id: string } }[] }>();
    expect(before.zeiten).toHaveLength(8);
    expect(before.zeiten[0]!.beginn).toBe(isoWithOffset(at(day, '08:00')));
    expect(before.zeiten[0]!.beginn).toMatch(/^\d{4}-\d{2}-\d{2}T08:00:00\+0[12]:00$/);
    await insertRawBooking(t, setup, { start: at(day, '08:00') });
    const after = (await t.app.inject(url)).json<{ zeiten: { beginn: string }[] }>();
    expect(after.zeiten.map((z) => z.beginn)).not.toContain(isoWithOffset(at(day, '08:00')));

    // Book out the whole day: the page no longer offers it as a free day.
    for (const time of ['08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30']) await insertRawBooking(t, setup, { start: at(day, time) });
    const page = await t.app.inject(`/termine/${setup.slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(`datetime="${day}"`);
  });

  it('answers bad ranges and bad bookings with field codes, never a 500', async () => {
    const setup = await buildAppointmentSetup(t);
    const bad = await t.app.inject(`/api/v1/termine/dienste/${setup.serviceId}/freie-zeiten?von=2027-01-01&bis=2027-12-31`);
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ error: { code: 'validation_failed', fields: { bis: 'range_too_long' } } });
    const invalid = await postBooking({ dienst: setup.serviceId, beginn: 'morgen', standort: setup.locationId, name: '', email: 'kein-at' });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json()).toMatchObject({ error: { fields: { beginn: 'invalid', name: 'required', email: 'invalid' } } });
    const past = await postBooking({
      dienst: setup.serviceId,
      beginn: '2020-01-06T09:00:00+01:00',
      standort: setup.locationId,
      name: 'A',
      email: 'a@example.org',
    });
    expect(past.statusCode).toBe(422);
    expect(past.json()).toMatchObject({ error: { fields: { beginn: 'not_bookable' } } });
    const offGrid = await postBooking({
      dienst: setup.serviceId,
      beginn: isoWithOffset(at(nextWorkingDay(), '09:10')),
      standort: setup.locationId,
      name: 'A',
      email: 'a@example.org',
    });
    expect(offGrid.statusCode).toBe(422);
    const tooLong = await postBooking({
      dienst: setup.serviceId,
      beginn: isoWithOffset(at(nextWorkingDay(), '09:00')),
      standort: setup.locationId,
      name: 'x'.repeat(101),
      email: 'a@example.org',
    });
    expect(tooLong.json()).toMatchObject({ error: { fields: { name: 'too_long' } } });
  });
});

describe('booking without an account', () => {
  it('holds, confirms by mail link with an invitation, moves and cancels, each told by mail in the chosen language', async () => {
    const setup = await buildAppointmentSetup(t);
    const day = nextWorkingDay();
    const v = new Visitor(() => t.app);
    await v.get('/sprache/en?zurueck=/termine');
    const formUrl = `/termine/${setup.slug}/buchen?beginn=${encodeURIComponent(isoWithOffset(at(day, '09:00')))}&standort=${setup.locationId}`;
    const empty = await v.submit(formUrl, `/termine/${setup.slug}/buchen`, {
      beginn: isoWithOffset(at(day, '09:00')),
      standort: setup.locationId,
      name: '',
      email: 'x',
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Enter a name or nickname.');
    const held = await v.submit(formUrl, `/termine/${setup.slug}/buchen`, {
      beginn: isoWithOffset(at(day, '09:00')),
      standort: setup.locationId,
      name: 'Mo',
      email: 'mo@example.org',
    });
    expect(held.statusCode).toBe(303);
    expect(held.headers.location).toBe('/termine/angefragt');
    await t.runJobs();
    const [holdMail] = await mailsTo('mo@example.org');
    expect(holdMail!.subject).toBe('Please confirm your appointment: Testberatung');
    const token = linkIn(holdMail!.text_body);
    expect(token).not.toBe('');

    const manage = await v.get(`/termine/buchung?token=${token}`);
    expect(manage.statusCode).toBe(200);
    expect(manage.body).toContain('Not confirmed yet');
    const confirmed = await v.submit(`/termine/buchung?token=${token}`, '/termine/buchung/bestaetigen', { token });
    expect(confirmed.statusCode).toBe(303);
    const again = await v.submit(`/termine/buchung?token=${token}`, '/termine/buchung/bestaetigen', { token });
    expect((await v.get(again.headers.location as string)).body).toContain('already confirmed');
    await t.runJobs();
    const afterConfirm = await mailsTo('mo@example.org');
    expect(afterConfirm).toHaveLength(2);
    expect(afterConfirm[1]!.subject).toContain('Your appointment is booked');
    const invite = emlOf(afterConfirm[1]!.id);
    expect(invite).toMatch(/METHOD:REQUEST/);
    expect(invite).toContain(`DTSTART:${at(day, '09:00').toISOString().replace(/[-:]/g, '').replace('.000', '')}`);

    // Move to 11:00 through the same link.
    const newStart = isoWithOffset(at(day, '11:00'));
    const pick = await v.get(`/termine/buchung/verschieben?token=${token}&beginn=${encodeURIComponent(newStart)}&standort=${setup.locationId}`);
    expect(pick.statusCode).toBe(200);
    const moved = await v.submit(
      `/termine/buchung/verschieben?token=${token}&beginn=${encodeURIComponent(newStart)}&standort=${setup.locationId}`,
      '/termine/buchung/verschieben',
      {
        token,
        beginn: newStart,
        standort: setup.locationId,
      },
    );
    expect(moved.statusCode).toBe(303);
    const free = (await t.app.inject(`/api/v1/termine/dienste/${setup.serviceId}/freie-zeiten?von=${day}&bis=${day}`)).json<{ zeiten: { beginn: string }[] }>();
    expect(free.zeiten.map((z) => z.beginn)).toContain(isoWithOffset(at(day, '09:00')));
    expect(free.zeiten.map((z) => z.beginn)).not.toContain(newStart);
    await t.runJobs();
    const afterMove = await mailsTo('mo@example.org');
    expect(afterMove).toHaveLength(3);
    expect(emlOf(afterMove[2]!.id)).toMatch(/SEQUENCE:1/);

    const cancelled = await v.submit(`/termine/buchung?token=${token}`, '/termine/buchung/absagen', { token });
    expect(cancelled.statusCode).toBe(303);
    await t.runJobs();
    const afterCancel = await mailsTo('mo@example.org');
    expect(afterCancel).toHaveLength(4);
    expect(emlOf(afterCancel[3]!.id)).toMatch(/METHOD:CANCEL/);
    const rows = await t.deps.db.selectFrom('appointment_bookings').select('status').where('service_id', '=', setup.serviceId).orderBy('created_at').execute();
    expect(rows.map((r) => r.status)).toEqual(['moved', 'cancelled']);
  });

  it('refuses a tampered link calmly', async () => {
    const res = await t.app.inject('/termine/buchung?token=00000000-0000-4000-8000-000000000000.abc');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Dieser Link funktioniert nicht');
  });
});

describe('reminders', () => {
  it('reminds exactly the bookings still standing, once, even when two runs meet', async () => {
    const setup = await buildAppointmentSetup(t, { counsellors: 3 });
    const soon = new Date(Date.now() + 20 * 3_600_000);
    const longAgo = new Date(Date.now() - 3 * 86_400_000);
    await insertRawBooking(t, setup, { start: soon, email: 'remind-me@example.org', confirmedAt: longAgo });
    await insertRawBooking(t, setup, { start: soon, status: 'cancelled', counsellor: 1, email: 'cancelled@example.org', confirmedAt: longAgo });
    await insertRawBooking(t, setup, { start: new Date(Date.now() + 50 * 3_600_000), counsellor: 2, email: 'later@example.org', confirmedAt: longAgo });
    const [a, b] = await Promise.all([sendDueReminders(t.deps), sendDueReminders(t.deps)]);
    expect(a + b).toBeGreaterThanOrEqual(1);
    await t.runJobs();
    expect(await mailsTo('remind-me@example.org')).toHaveLength(1);
    expect(await mailsTo('cancelled@example.org')).toHaveLength(0);
    expect(await mailsTo('later@example.org')).toHaveLength(0);
    await sendDueReminders(t.deps);
    await t.runJobs();
    expect(await mailsTo('remind-me@example.org')).toHaveLength(1);
  });
});
