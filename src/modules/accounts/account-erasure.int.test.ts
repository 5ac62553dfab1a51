import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { signedInVisitor } from '../../../test/support/auth.js';
import { buildEvent } from '../../../test/support/events.js';
import { buildChild, buildHolidayOffer, buildHolidayOrganization, buildSeason } from '../../../test/support/holidays.js';
import { createNewsPost } from '../../../test/support/newsletter.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { maintenanceJob } from '../../platform/maintenance.js';
import type { Person } from '../../platform/privacy/declarations.js';

const t = useTestApp();
const db = () => t.deps.db;

/** A mail to someone whose address merely contains the erased one: it must stay. */
const bystanderSubject = 'Für jemand anderen';
const bystanderText = 'Nur fuer die Nachbarin.';

/** Where the person could still be found outside the declared tables: outbox, job queue, .eml files. */
async function traces(text: string) {
  const needle = text.toLowerCase();
  const outbox = await db()
    .selectFrom('mail_outbox')
    .select('subject')
    .where(sql<boolean>`(lower(recipient) = ${needle} OR strpos(lower(text_body), ${needle}) > 0) AND subject <> ${bystanderSubject}`)
    .orderBy('subject')
    .execute();
  const jobs = await sql<{ subject: string | null }>`
    SELECT data ->> 'subject' AS subject FROM (SELECT data FROM pgboss.job UNION ALL SELECT data FROM pgboss.archive) AS j
     WHERE strpos(lower(data::text), ${needle}) > 0 AND data ->> 'subject' IS DISTINCT FROM ${bystanderSubject}`.execute(db());
  const dir = path.join(t.deps.config.dataDir, 'outbox');
  const files = await readdir(dir).catch(() => [] as string[]);
  const eml = [];
  for (const file of files) {
    const content = (await readFile(path.join(dir, file), 'utf8')).toLowerCase();
    if (content.includes(needle) && !content.includes(bystanderText.toLowerCase())) eml.push(file);
  }
  return { outbox: outbox.map((m) => m.subject), jobs: jobs.rows.map((j) => j.subject), eml };
}

/** What every declaration still finds about the person: nothing, once the account is erased. */
async function stillFound(person: Person) {
  const data = await t.deps.privacy.exportFor(db(), person);
  return Object.entries(data)
    .filter(([name, rows]) => name !== 'erlaeuterung' && (rows as unknown[]).length > 0)
    .map(([name]) => name);
}

describe('deleting an account', () => {
  it('purges its mails from the outbox, the job queue and DATA_DIR/outbox; the farewell mail goes once it is out', async () => {
    const { visitor, user } = await signedInVisitor(t);
    // The newsletter confirmation carries a personal token; the editors' notice of a barrier report
    // quotes the reply address. Both were sent, and their jobs are done.
    await visitor.submit('/infobrief', '/infobrief', { email: user.email, locale: 'de', consent: 'ja' });
    await visitor.submit('/barriere-melden', '/barriere-melden', { message: 'Der Knopf ist zu klein.', email: user.email });
    await t.runJobs();
    // One job already archived by pg-boss, one mail still queued.
    await sql`WITH moved AS (DELETE FROM pgboss.job WHERE state = 'completed' AND strpos(lower(data::text), ${user.email.toLowerCase()}) > 0 RETURNING *)
              INSERT INTO pgboss.archive SELECT moved.*, now() FROM moved`.execute(db());
    await t.deps.mail.enqueue(db(), { to: user.email, subject: 'Noch nicht verschickt', text: `Guten Tag ${user.display_name}` });
    const bystander = `a${user.email}`;
    await t.deps.mail.enqueue(db(), { to: bystander, subject: bystanderSubject, text: bystanderText });
    const before = await traces(user.email);
    expect(before.outbox.length).toBeGreaterThanOrEqual(2);
    expect(before.jobs.length).toBeGreaterThanOrEqual(3);
    expect(before.eml.length).toBeGreaterThanOrEqual(2);

    const deleted = await visitor.submit('/konto/loeschen', '/konto/loeschen', { confirm: 'ja' });
    expect(deleted.statusCode).toBe(303);
    expect(await traces(user.email)).toEqual({ outbox: [], jobs: ['Ihr Konto wurde gelöscht'], eml: [] });
    expect((await traces(user.id)).jobs).toEqual([]);
    expect(await stillFound(user)).toEqual([]);

    await t.runJobs();
    expect((await traces(user.email)).outbox).toEqual(['Ihr Konto wurde gelöscht']);
    expect(await db().selectFrom('mail_outbox').select('subject').where('recipient', '=', bystander).execute()).toEqual([{ subject: bystanderSubject }]);

    await t.deps.jobs.send(db(), maintenanceJob, {});
    await t.runJobs();
    expect(await traces(user.email)).toEqual({ outbox: [], jobs: [], eml: [] });
  });

  it('exports what a family holds, attendance, waiting lists and mails included, and leaves nothing of it', async () => {
    const { visitor, user } = await signedInVisitor(t);
    const org = await buildHolidayOrganization(t);
    const season = await buildSeason(t, { phase: 'results' });
    const camp = await buildHolidayOffer(t, season.id, org.id, { title: 'Waldwoche', first_day: '2026-07-06', last_day: '2026-07-10' });
    const circus = await buildHolidayOffer(t, season.id, org.id, { title: 'Zirkuswoche', places: 1 });
    const child = await buildChild(t, user.id, { first_name: 'Lina' });
    const place = await db()
      .insertInto('holiday_places')
      .values({ season_id: season.id, offer_id: camp.id, child_id: child.id, source: 'lottery', status: 'accepted' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db().insertInto('holiday_attendance').values({ place_id: place.id, day: '2026-07-06', present: true }).execute();
    await db().insertInto('holiday_waitlist').values({ offer_id: circus.id, child_id: child.id, position: 3 }).execute();
    await t.deps.mail.enqueue(db(), { to: user.email, subject: 'Ihr Platz in der Waldwoche', text: 'Hallo' });
    await t.runJobs();

    const data = (await visitor.get('/konto/daten')).json();
    expect(data.ferien_anwesenheit).toEqual([expect.objectContaining({ place_id: place.id, day: '2026-07-06', present: true })]);
    expect(data.ferien_wartelisten).toEqual([expect.objectContaining({ angebot: 'Zirkuswoche', position: 3, status: 'waiting' })]);
    expect(data.postausgang).toEqual([expect.objectContaining({ recipient: user.email, subject: 'Ihr Platz in der Waldwoche' })]);
    expect(data.postausgang[0]).not.toHaveProperty('text_body');
    expect(data.erlaeuterung.ferien_anwesenheit.aufbewahrung).toContain('180 Tage');

    expect((await visitor.submit('/konto/loeschen', '/konto/loeschen', { confirm: 'ja' })).statusCode).toBe(303);
    expect(await stillFound(user)).toEqual([]);
    expect(await db().selectFrom('holiday_attendance').select('day').where('place_id', '=', place.id).execute()).toEqual([]);
  });

  it('exports the authorship of staff and keeps their work without them when the account goes', async () => {
    const { visitor, user: staff } = await signedInVisitor(t, 'editor');
    const org = await buildHolidayOrganization(t);
    const season = await buildSeason(t);
    const offer = await buildHolidayOffer(t, season.id, org.id, {
      created_by: staff.id,
      reviewed_by: staff.id,
      contact_name: 'Erika Beispiel',
      contact_email: staff.email.toUpperCase(),
      contact_phone: '02381 17 17',
    });
    const post = await createNewsPost(t, { title: 'Neu im Rathaus' });
    await db().updateTable('news_posts').set({ author_id: staff.id }).where('id', '=', post.id).execute();
    await db()
      .insertInto('media_images')
      .values({ content_type: 'image/png', bytes: Buffer.from('png'), width: 1, height: 1, uploaded_by: staff.id })
      .execute();
    await db()
      .insertInto('holiday_runs')
      .values({ season_id: season.id, kind: 'preview', seed_hash: 'a'.repeat(64), started_by: staff.id })
      .execute();
    await db().insertInto('newsletter_issues').values({ subject: 'Ausgabe Juli', composition: '{}', created_by: staff.id }).execute();
    await db().insertInto('content_pages').values({ slug: 'test-seite', locale: 'de', title: 'Testseite', body: 'Text', updated_by: staff.id }).execute();
    await db().insertInto('event_publishing_blocks').values({ organization_id: org.id, blocked_by: staff.id }).execute();
    const eventId = await buildEvent(t, { title: 'Geprüftes Fest' });
    await db().updateTable('events').set({ reviewed_by: staff.id, reviewed_at: new Date() }).where('id', '=', eventId).execute();
    await db()
      .insertInto('revisions')
      .values({
        entity_type: 'organization',
        entity_id: randomUUID(),
        organization_id: org.id,
        version: 1,
        status: 'published',
        data: '{}',
        reviewed_by: staff.id,
        reviewed_at: new Date(),
      })
      .execute();
    const child = await buildChild(t, (await signedInVisitor(t)).user.id);
    const place = await db()
      .insertInto('holiday_places')
      .values({ season_id: season.id, offer_id: offer.id, child_id: child.id, source: 'lottery', status: 'accepted' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db().insertInto('holiday_attendance').values({ place_id: place.id, day: '2027-07-12', present: false, recorded_by: staff.id }).execute();
    await recordAudit(db(), { actorId: staff.id, action: 'news.created', subjectType: 'news_post', subjectId: post.id });

    const data = (await visitor.get('/konto/daten')).json();
    const authorship = [
      'neuigkeiten_verfasst',
      'hochgeladene_bilder',
      'ferienangebote_angelegt',
      'ferienangebote_geprueft',
      'ferienangebote_kontakt',
      'ferien_losverfahren',
      'infobrief_ausgaben',
      'seiten_bearbeitet',
      'veranstaltungen_sperren',
      'veranstaltungen_geprueft',
      'verzeichnis_pruefungen',
      'ferien_anwesenheit_erfasst',
      'aenderungsprotokoll',
    ];
    expect(Object.fromEntries(authorship.map((name) => [name, data[name]?.length]))).toEqual(Object.fromEntries(authorship.map((name) => [name, 1])));
    expect(data.ferienangebote_kontakt[0]).toMatchObject({ contact_name: 'Erika Beispiel', contact_phone: '02381 17 17', title: offer.title });
    expect(data.veranstaltungen_sperren[0]).toMatchObject({ organisation: org.name });

    expect((await visitor.submit('/konto/loeschen', '/konto/loeschen', { confirm: 'ja' })).statusCode).toBe(303);
    expect(await stillFound(staff)).toEqual([]);
    const kept = await db()
      .selectFrom('holiday_offers')
      .select(['title', 'created_by', 'contact_name', 'contact_email', 'contact_phone'])
      .where('id', '=', offer.id)
      .executeTakeFirstOrThrow();
    expect(kept).toEqual({ title: offer.title, created_by: null, contact_name: '', contact_email: '', contact_phone: '' });
    expect(await db().selectFrom('news_posts').select('author_id').where('id', '=', post.id).executeTakeFirstOrThrow()).toEqual({ author_id: null });
  });
});
