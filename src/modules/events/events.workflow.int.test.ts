import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';
import { signedInVisitor } from '../../../test/support/auth.js';
import { buildEvent } from '../../../test/support/events.js';
import { addDays, todayIn } from '../../platform/time/berlin.js';
import { testPng } from '../../../test/support/images.js';
import { applyRetention, suggestionLimit } from './events.service.js';

const t = useTestApp();
const soon = () => addDays(todayIn(new Date()), 10);

async function organizerOf(kind: 'provider' | 'partner' = 'provider') {
  const org = await t.deps.db
    .insertInto('organizations')
    .values({ name: `Verein ${Math.random().toString(36).slice(2, 8)}`, kind })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
  const { visitor, user } = await signedInVisitor(t, kind);
  await t.deps.db.insertInto('memberships').values({ user_id: user.id, organization_id: org.id }).execute();
  return { visitor, user, org };
}

const validFields = (over: Record<string, string> = {}) => ({
  title: 'Laternenbasteln',
  description: 'Wir basteln Laternen aus Papier.',
  cat_kreativ: 'ja',
  startDate: soon(),
  startTime: '15:00',
  endTime: '17:00',
  repeat: 'none',
  placeName: 'Familienzentrum Nord',
  street: 'Nordstraße 5',
  postalCode: '59073',
  locality: 'Hamm',
  district: 'Bockum-Hövel',
  free: 'ja',
  ...over,
});

const mailsTo = async (to: string) => {
  await t.runJobs();
  return t.deps.db.selectFrom('mail_outbox').selectAll().where('recipient', '=', to).execute();
};

/** The event id from the location after saving ("/veranstaltungen/<id>?gespeichert=1"). */
const idOf = (location: unknown) => /\/veranstaltungen\/([0-9a-f-]{36})/.exec(String(location))![1]!;

describe('organisers', () => {
  it('lets a member of a provider publish for the organisation directly', async () => {
    const { visitor, org } = await organizerOf();
    const response = await visitor.submit('/veranstaltungen/neu', '/veranstaltungen/neu', validFields({ organizationId: org.id }));
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toMatch(/^\/veranstaltungen\/[0-9a-f-]{36}\?gespeichert=1$/);
    // The organiser sees that it worked; anyone else the plain page.
    const own = await visitor.get(response.headers.location as string);
    expect(own.body).toContain('Die Veranstaltung ist gespeichert und steht jetzt im Veranstaltungskalender.');
    const page = await new Visitor(() => t.app).get(response.headers.location as string);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Die Veranstaltung ist gespeichert');
    expect(page.body).toContain('Laternenbasteln');
    expect(page.body).toContain(org.name);
    expect((await visitor.get('/veranstaltungen/verwalten')).body).toContain('Laternenbasteln');
    const { visitor: admin } = await signedInVisitor(t, 'admin');
    expect((await admin.get('/admin/protokoll?aktion=event.')).body).toContain('Hat die Veranstaltung „Laternenbasteln“ angelegt.');
  });

  it('refuses the organiser form to families and asks strangers to log in', async () => {
    const { visitor } = await signedInVisitor(t, 'family');
    expect((await visitor.get('/veranstaltungen/neu')).statusCode).toBe(403);
    const anonymous = await new Visitor(() => t.app).get('/veranstaltungen/neu');
    expect([302, 303, 401]).toContain(anonymous.statusCode);
  });

  it('shows field errors for end before start, endless repetition, a past date and an image without alt text, keeping the values', async () => {
    const { visitor } = await organizerOf();
    const yesterday = addDays(todayIn(new Date()), -1);
    const cases: [Record<string, string>, string, string][] = [
      [validFields({ startTime: '17:00', endTime: '15:00' }), 'endTime', 'Das Ende muss nach dem Beginn liegen.'],
      [validFields({ repeat: 'weekly' }), 'repeatUntil', 'Eine Wiederholung braucht ein Ende'],
      [validFields({ startDate: yesterday }), 'startDate', 'Der Beginn liegt in der Vergangenheit.'],
      [validFields({ repeat: 'daily', repeatUntil: soon(), repeatCount: '3' }), 'repeatCount', 'entweder ein Enddatum oder eine Anzahl'],
    ];
    for (const [fields, field, message] of cases) {
      const response = await visitor.submit('/veranstaltungen/neu', '/veranstaltungen/neu', fields);
      expect(response.statusCode, field).toBe(422);
      expect(response.body).toContain(message);
      expect(response.body).toContain(`href="#${field}"`);
      expect(response.body).toContain('<title>Fehler: ');
      expect(response.body).toContain('value="Laternenbasteln"');
    }
  });

  it('takes an image only with alt text, shows it on the page and in JSON-LD, and deletes it when removed', async () => {
    const { visitor, org } = await organizerOf();
    const png = { filename: 'fest.png', content: testPng(40, 30), type: 'image/png' };
    const noAlt = await visitor.submitMultipart('/veranstaltungen/neu', '/veranstaltungen/neu', validFields({ organizationId: org.id }), { image: png });
    expect(noAlt.statusCode).toBe(422);
    expect(noAlt.body).toContain('Beschreiben Sie das Bild');
    expect(noAlt.body).toContain('href="#imageAlt"');
    const notImage = await visitor.submitMultipart(
      '/veranstaltungen/neu',
      '/veranstaltungen/neu',
      validFields({ organizationId: org.id, imageAlt: 'Kinder mit Laternen' }),
      { image: { filename: 'x.png', content: Buffer.from('<svg/>'), type: 'image/png' } },
    );
    expect(notImage.statusCode).toBe(422);
    expect(notImage.body).toContain('Die Datei ist kein Bild');
    const created = await visitor.submitMultipart(
      '/veranstaltungen/neu',
      '/veranstaltungen/neu',
      validFields({ organizationId: org.id, imageAlt: 'Kinder mit bunten Laternen' }),
      { image: png },
    );
    expect(created.statusCode).toBe(303);
    const id = idOf(created.headers.location);
    const row = await t.deps.db.selectFrom('events').select(['image_id', 'image_alt']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.image_alt).toBe('Kinder mit bunten Laternen');
    const page = await new Visitor(() => t.app).get(`/veranstaltungen/${id}`);
    expect(page.body).toContain(`<img src="/medien/${row.image_id}" alt="Kinder mit bunten Laternen"`);
    expect(page.body).toContain(`"image":["http://localhost:3000/medien/${row.image_id}"]`);
    // Keeping the image on edit still needs its alt text.
    const keptNoAlt = await visitor.submitMultipart(
      `/veranstaltungen/${id}/bearbeiten`,
      `/veranstaltungen/${id}/bearbeiten`,
      validFields({ organizationId: org.id, imageAlt: '' }),
    );
    expect(keptNoAlt.statusCode).toBe(422);
    const removed = await visitor.submitMultipart(
      `/veranstaltungen/${id}/bearbeiten`,
      `/veranstaltungen/${id}/bearbeiten`,
      validFields({ organizationId: org.id, removeImage: 'ja' }),
    );
    expect(removed.statusCode).toBe(303);
    expect(await t.deps.db.selectFrom('media_images').select('id').where('id', '=', row.image_id!).executeTakeFirst()).toBeUndefined();
  });

  it('counts SEQUENCE up on every change and cancels a single date for subscribed calendars', async () => {
    const { visitor, org } = await organizerOf();
    const created = await visitor.submit(
      '/veranstaltungen/neu',
      '/veranstaltungen/neu',
      validFields({ organizationId: org.id, title: 'Wöchentliches Vorlesen', repeat: 'weekly', repeatCount: '4', district: 'Herringen' }),
    );
    const id = idOf(created.headers.location);
    const feed = async () => (await new Visitor(() => t.app).get(`/veranstaltungen/${id}/kalender.ics`)).body.replace(/\r\n /g, '');
    expect(await feed()).toContain('SEQUENCE:0');
    const edit = await visitor.submit(
      `/veranstaltungen/${id}/bearbeiten`,
      `/veranstaltungen/${id}/bearbeiten`,
      validFields({
        organizationId: org.id,
        title: 'Wöchentliches Vorlesen',
        repeat: 'weekly',
        repeatCount: '4',
        district: 'Herringen',
        startTime: '16:00',
        endTime: '17:00',
      }),
    );
    expect(edit.statusCode).toBe(303);
    expect(await feed()).toContain('SEQUENCE:1');
    const second = addDays(soon(), 7);
    const cancel = await visitor.submit(`/veranstaltungen/${id}/bearbeiten`, `/veranstaltungen/${id}/termine`, { date: second, status: 'cancelled', note: '' });
    expect(cancel.statusCode).toBe(303);
    const ics = await feed();
    expect(ics).toContain('SEQUENCE:2');
    expect(ics).toContain(`RECURRENCE-ID;TZID=Europe/Berlin:${second.replace(/-/g, '')}T160000`);
    expect(ics).toContain('STATUS:CANCELLED');
    // Cancelling the whole event keeps its page.
    await visitor.submit(
      `/veranstaltungen/${id}/bearbeiten`,
      `/veranstaltungen/${id}/bearbeiten`,
      validFields({
        organizationId: org.id,
        title: 'Wöchentliches Vorlesen',
        repeat: 'weekly',
        repeatCount: '4',
        district: 'Herringen',
        status: 'cancelled',
        statusNote: 'Die Bücherei ist geschlossen.',
      }),
    );
    const page = await new Visitor(() => t.app).get(`/veranstaltungen/${id}`);
    expect(page.body).toContain('Diese Veranstaltung ist abgesagt.');
    expect(await feed()).toContain('SEQUENCE:3');
  });

  it('moves one date of a repeating event to another time, with field errors for bad input', async () => {
    const { visitor, org } = await organizerOf();
    const created = await visitor.submit(
      '/veranstaltungen/neu',
      '/veranstaltungen/neu',
      validFields({ organizationId: org.id, title: 'Turnen am Nachmittag', repeat: 'weekly', repeatCount: '3' }),
    );
    const id = idOf(created.headers.location);
    const second = addDays(soon(), 7);
    const bad = await visitor.submit(`/veranstaltungen/${id}/bearbeiten`, `/veranstaltungen/${id}/verlegen`, {
      moveDate: second,
      moveNewDate: 'morgen',
      moveNewStart: '18:00',
      moveNewEnd: '17:00',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#moveNewDate"');
    expect(bad.body).toContain('value="morgen"');
    const newDate = addDays(second, 1);
    const moved = await visitor.submit(`/veranstaltungen/${id}/bearbeiten`, `/veranstaltungen/${id}/verlegen`, {
      moveDate: second,
      moveNewDate: newDate,
      moveNewStart: '10:00',
      moveNewEnd: '11:00',
      moveNote: 'Halle belegt',
    });
    expect(moved.statusCode).toBe(303);
    const ics = (await new Visitor(() => t.app).get(`/veranstaltungen/${id}/kalender.ics`)).body.replace(/\r\n /g, '');
    expect(ics).toContain(`RECURRENCE-ID;TZID=Europe/Berlin:${second.replace(/-/g, '')}T150000`);
    expect(ics).toContain(`DTSTART;TZID=Europe/Berlin:${newDate.replace(/-/g, '')}T100000`);
    expect(ics).toContain('Halle belegt');
    const page = await new Visitor(() => t.app).get(`/veranstaltungen/${id}`);
    expect(page.body).toContain('10:00 bis 11:00 Uhr');
  });

  it('keeps members of other organisations out', async () => {
    const owner = await organizerOf();
    const other = await organizerOf('partner');
    const id = await buildEvent(t, { organizationId: owner.org.id });
    expect((await other.visitor.get(`/veranstaltungen/${id}/bearbeiten`)).statusCode).toBe(403);
    const token = await other.visitor.get('/veranstaltungen/verwalten');
    expect(token.statusCode).toBe(200);
    const post = await other.visitor.submit('/veranstaltungen/verwalten', `/veranstaltungen/${id}/bearbeiten`, validFields());
    expect(post.statusCode).toBe(403);
  });

  it('sends events of an organisation whose right an editor revoked to review, with an audit entry', async () => {
    const { visitor, org } = await organizerOf();
    const { visitor: editor, user } = await signedInVisitor(t, 'editor');
    const revoke = await editor.submit('/veranstaltungen/pruefen', `/veranstaltungen/pruefen/organisationen/${org.id}`, { allowed: 'nein' });
    expect(revoke.statusCode).toBe(303);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'event.publishing_revoked')
      .where('actor_id', '=', user.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect((await visitor.get('/veranstaltungen/verwalten')).body).toContain('Die Redaktion prüft Veranstaltungen von');
    const created = await visitor.submit('/veranstaltungen/neu', '/veranstaltungen/neu', validFields({ organizationId: org.id, title: 'Geprüftes Fest' }));
    const id = idOf(created.headers.location);
    expect((await new Visitor(() => t.app).get(`/veranstaltungen/${id}`)).statusCode).toBe(404);
    expect((await visitor.get(`/veranstaltungen/${id}`)).body).toContain('wartet auf Prüfung');
    expect((await visitor.get(created.headers.location as string)).body).toContain(
      'Die Veranstaltung ist gespeichert. Die Redaktion prüft sie; danach erscheint sie im Veranstaltungskalender.',
    );
    expect((await editor.get('/veranstaltungen/pruefen')).body).toContain('Geprüftes Fest');
    await editor.submit('/veranstaltungen/pruefen', `/veranstaltungen/pruefen/organisationen/${org.id}`, { allowed: 'ja' });
    const again = await visitor.submit('/veranstaltungen/neu', '/veranstaltungen/neu', validFields({ organizationId: org.id, title: 'Direktes Fest' }));
    expect((await new Visitor(() => t.app).get(again.headers.location as string)).statusCode).toBe(200);
  });
});

describe('suggestions and moderation', () => {
  it('ignores a bot that fills the honeypot', async () => {
    const before = await t.deps.db
      .selectFrom('events')
      .select((s) => s.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const response = await new Visitor(() => t.app).submit(
      '/veranstaltungen/vorschlagen',
      '/veranstaltungen/vorschlagen',
      validFields({ homepage: 'http://spam.example' }),
    );
    expect(response.statusCode).toBe(303);
    const after = await t.deps.db
      .selectFrom('events')
      .select((s) => s.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('queues a suggestion, points out a likely duplicate, and mails the reason of a rejection', async () => {
    const existing = await buildEvent(t, {
      title: 'Laternenumzug',
      placeName: 'Familienzentrum Nord',
      timing: { allDay: false, startDate: soon(), startTime: '17:00', endDate: soon(), endTime: '18:00' },
    });
    const visitor = new Visitor(() => t.app);
    const form = await visitor.get('/veranstaltungen/vorschlagen');
    expect(form.body).toContain('Wir löschen die Adresse 30 Tage nach der Entscheidung.');
    const bad = await visitor.submit('/veranstaltungen/vorschlagen', '/veranstaltungen/vorschlagen', validFields({ email: 'keine-adresse' }));
    expect(bad.statusCode).toBe(422);
    const sent = await visitor.submit(
      '/veranstaltungen/vorschlagen',
      '/veranstaltungen/vorschlagen',
      validFields({ title: 'Laternenumzug', email: 'mama@example.org' }),
    );
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe('/veranstaltungen/vorschlagen/danke');
    const row = await t.deps.db.selectFrom('events').selectAll().where('suggester_email', '=', 'mama@example.org').executeTakeFirstOrThrow();
    expect(row.review_state).toBe('pending');
    expect((await visitor.get('/veranstaltungen')).body).not.toContain(`/veranstaltungen/${row.id}"`);

    const { visitor: editor, user } = await signedInVisitor(t, 'editor');
    const review = await editor.get(`/veranstaltungen/pruefen/${row.id}`);
    expect(review.statusCode).toBe(200);
    expect(review.body).toContain('Mögliche Doppelung');
    expect(review.body).toContain(`/veranstaltungen/${existing}`);
    const noReason = await editor.submit(`/veranstaltungen/pruefen/${row.id}`, `/veranstaltungen/pruefen/${row.id}/entscheidung`, {
      decision: 'reject',
      reason: '',
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('Geben Sie einen Grund für die Ablehnung ein.');
    const rejected = await editor.submit(`/veranstaltungen/pruefen/${row.id}`, `/veranstaltungen/pruefen/${row.id}/entscheidung`, {
      decision: 'reject',
      reason: 'Diese Veranstaltung steht schon im Kalender.',
    });
    expect(rejected.statusCode).toBe(303);
    expect((await editor.get(rejected.headers.location as string)).body).toContain(
      '„Laternenumzug“ ist abgelehnt und erscheint nicht im Veranstaltungskalender. Wer die Veranstaltung vorgeschlagen hat, bekommt eine E-Mail mit Ihrem Grund.',
    );
    const mails = await mailsTo('mama@example.org');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text_body).toContain('Grund: Diese Veranstaltung steht schon im Kalender.');
    const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'event.rejected').where('subject_id', '=', row.id).execute();
    expect(audit[0]?.actor_id).toBe(user.id);
    // Decided once: a second decision is refused.
    expect((await editor.submit('/veranstaltungen/pruefen', `/veranstaltungen/pruefen/${row.id}/entscheidung`, { decision: 'approve' })).statusCode).toBe(409);
  });

  it('lets an editor edit and publish a suggestion; the suggester hears of it', async () => {
    const visitor = new Visitor(() => t.app);
    await visitor.submit('/veranstaltungen/vorschlagen', '/veranstaltungen/vorschlagen', validFields({ title: 'Kürbisschnitzen', email: 'papa@example.org' }));
    const row = await t.deps.db.selectFrom('events').select('id').where('suggester_email', '=', 'papa@example.org').executeTakeFirstOrThrow();
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const edited = await editor.submit(
      `/veranstaltungen/pruefen/${row.id}`,
      `/veranstaltungen/pruefen/${row.id}`,
      validFields({ title: 'Kürbisschnitzen für Familien' }),
    );
    expect(edited.statusCode).toBe(303);
    const approved = await editor.submit(`/veranstaltungen/pruefen/${row.id}`, `/veranstaltungen/pruefen/${row.id}/entscheidung`, { decision: 'approve' });
    expect(approved.statusCode).toBe(303);
    // Not just "Entschieden.": what happened to which event, and who is told.
    const queue = await editor.get(approved.headers.location as string);
    expect(queue.body).toContain(
      '„Kürbisschnitzen für Familien“ ist freigegeben und steht jetzt im Veranstaltungskalender. Wer die Veranstaltung vorgeschlagen hat, bekommt eine E-Mail.',
    );
    expect((await new Visitor(() => t.app).get(`/veranstaltungen/${row.id}`)).body).toContain('Kürbisschnitzen für Familien');
    const mails = await mailsTo('papa@example.org');
    expect(mails[0]!.subject).toBe('Veröffentlicht: Kürbisschnitzen für Familien');
  });

  it('keeps families and providers out of moderation', async () => {
    const { visitor } = await signedInVisitor(t, 'provider');
    expect((await visitor.get('/veranstaltungen/pruefen')).statusCode).toBe(403);
  });

  it('erases the suggester address 30 days after the decision', async () => {
    const now = new Date();
    const before = await t.deps.db.selectFrom('events').select('id').where('suggester_email', 'is not', null).where('reviewed_at', 'is not', null).execute();
    expect(before.length).toBeGreaterThan(0);
    expect((await applyRetention(t.deps, now)).emailsErased).toBe(0);
    const later = new Date(now.getTime() + 31 * 86_400_000);
    expect((await applyRetention(t.deps, later)).emailsErased).toBe(before.length);
    expect(
      await t.deps.db.selectFrom('events').select('id').where('suggester_email', 'is not', null).where('reviewed_at', 'is not', null).execute(),
    ).toHaveLength(0);
  });

  it('limits suggestions from one address', async () => {
    const visitor = new Visitor(() => t.app);
    let last = 0;
    for (let i = 0; i <= suggestionLimit.max; i++)
      last = (await visitor.submit('/veranstaltungen/vorschlagen', '/veranstaltungen/vorschlagen', validFields({ title: `Vorschlag ${i}` }))).statusCode;
    expect(last).toBe(429);
  });
});
