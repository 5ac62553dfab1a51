import { describe, expect, it } from 'vitest';
import { csrfTokenOf, useTestApp } from '../../../test/support/app.js';
import { signedInVisitor } from '../../../test/support/auth.js';
import { buildChild, buildHolidayOffer, buildHolidayOrganization, buildSeason } from '../../../test/support/holidays.js';
import { todayInBerlin } from './holidays.format.js';
import { seedHash } from './allocation-rng.js';

const t = useTestApp();

describe('admin pages', () => {
  it('keeps families out', async () => {
    const { visitor } = await signedInVisitor(t, 'family');
    expect((await visitor.get('/verwaltung/ferien')).statusCode).toBe(403);
  });

  it('asks before ending a running wish phase early, stating what families lose, and works without JavaScript', async () => {
    const { visitor: admin } = await signedInVisitor(t, 'admin');
    const inAMonth = todayInBerlin(new Date(Date.now() + 30 * 86_400_000));
    const season = await buildSeason(t, { name: 'Sommerferien 2028', phase: 'wishes', wish_from: '2026-01-01', wish_until: inAMonth });
    const dash = `/verwaltung/ferien/${season.id}`;
    const asked = await admin.submit(dash, `${dash}/phase`, { phase: 'allocation' });
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('Wunschphase vorzeitig beenden?');
    expect(asked.body).toContain('läuft laut Ankündigung noch bis zum');
    expect(asked.body).toContain('können Familien ab sofort keine Wunschlisten mehr abgeben oder ändern');
    expect(asked.body).toContain('Bisher abgegebene Wunschlisten: 0');
    expect(asked.body).toMatch(/<input type="hidden" name="confirmed" value="ja"/);
    const phaseOf = async () => (await t.deps.db.selectFrom('holiday_seasons').select('phase').where('id', '=', season.id).executeTakeFirstOrThrow()).phase;
    expect(await phaseOf()).toBe('wishes');

    // The confirmation page's own form, submitted as a browser without JavaScript would.
    const confirmed = await admin.post(`${dash}/phase`, { _csrf: csrfTokenOf(asked.body), phase: 'allocation', confirmed: 'ja' });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('Gespeichert.');
    expect(await phaseOf()).toBe('allocation');

    // Once the announced last day is over, no question is asked.
    const over = await buildSeason(t, { name: 'Osterferien 2026', phase: 'wishes', wish_from: '2026-01-01', wish_until: '2026-02-01' });
    expect((await admin.submit(`/verwaltung/ferien/${over.id}`, `/verwaltung/ferien/${over.id}/phase`, { phase: 'allocation' })).body).toContain(
      'Gespeichert.',
    );
  });

  it('lists offers as CSV in which no title can run as a spreadsheet formula', async () => {
    const { visitor: admin } = await signedInVisitor(t, 'admin');
    const season = await buildSeason(t);
    const org = await buildHolidayOrganization(t);
    await buildHolidayOffer(t, season.id, org.id, { title: '\t=HYPERLINK("http://evil.example")' });
    await buildHolidayOffer(t, season.id, org.id, { title: '\r+1' });
    const csv = await admin.get(`/verwaltung/ferien/${season.id}/angebote.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(`"'\t=HYPERLINK(""http://evil.example"")"`);
    expect(csv.body).toContain(`"'\r+1"`);
  });

  it('runs a season from creation to the published lottery result', async () => {
    const { visitor: admin } = await signedInVisitor(t, 'admin');
    const bad = await admin.submit('/verwaltung/ferien', '/verwaltung/ferien', {
      name: 'Sommer',
      wishFrom: '2027-04-15',
      wishUntil: '2027-03-01',
      maxWishes: '5',
      reservedPercent: '10',
      retentionDays: '180',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Das Ende der Wunschphase liegt vor ihrem Anfang.');
    const created = await admin.submit('/verwaltung/ferien', '/verwaltung/ferien', {
      name: 'Sommerferien 2027',
      wishFrom: '2027-03-01',
      wishUntil: '2027-04-15',
      maxWishes: '5',
      reservedPercent: '10',
      retentionDays: '180',
    });
    expect(created.statusCode).toBe(303);
    const dash = created.headers.location as string;
    const seasonId = dash.split('/').pop()!;

    const org = await buildHolidayOrganization(t);
    const offer = await buildHolidayOffer(t, seasonId, org.id, { title: 'Zirkuswoche', status: 'submitted', places: 1 });
    const approved = await admin.submit(dash, `${dash}/angebote/${offer.id}/pruefen`, { decision: 'approved' });
    expect(approved.statusCode).toBe(200);
    expect(approved.body).toContain('freigegeben');

    const weak = await buildHolidayOffer(t, seasonId, org.id, { title: 'Ohne Betreuungsschlüssel', status: 'submitted', contact_email: 'traeger@example.org' });
    const review = `${dash}/angebote/${weak.id}`;
    expect((await admin.get(review)).body).toContain('Angebot prüfen: Ohne Betreuungsschlüssel');
    const noReason = await admin.submit(review, `${review}/pruefen`, { decision: 'rejected' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('Schreiben Sie dem Träger, was er ändern soll.');
    expect(
      (await admin.submit(review, `${review}/pruefen`, { decision: 'rejected', note: 'Bitte geben Sie an, wie viele Betreuerinnen dabei sind.' })).statusCode,
    ).toBe(200);
    await t.runJobs();
    const rejection = await t.deps.db.selectFrom('mail_outbox').selectAll().where('recipient', '=', 'traeger@example.org').executeTakeFirstOrThrow();
    expect(rejection.subject).toBe('Ihr Ferienangebot braucht Änderungen: Ohne Betreuungsschlüssel');
    expect(rejection.text_body).toContain('wie viele Betreuerinnen');

    const { user: parent } = await signedInVisitor(t, 'family');
    for (const name of ['Ada', 'Ben']) {
      const child = await buildChild(t, parent.id, { first_name: name });
      const list = await t.deps.db
        .insertInto('holiday_wish_lists')
        .values({ season_id: seasonId, child_id: child.id, submitted_at: new Date() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await t.deps.db.insertInto('holiday_wishes').values({ wish_list_id: list.id, offer_id: offer.id, rank: 1 }).execute();
    }

    const seed = 'ein-geheimer-zufallswert-2027';
    expect((await admin.submit(dash, `${dash}/hash`, { seedHash: seedHash(seed) })).statusCode).toBe(200);
    expect((await admin.submit(dash, `${dash}/phase`, { phase: 'allocation' })).statusCode).toBe(200);
    const wrong = await admin.submit(dash, `${dash}/vorschau`, { seed: 'falsch-falsch' });
    expect(wrong.statusCode).toBe(422);
    const preview = await admin.submit(dash, `${dash}/vorschau`, { seed });
    expect(preview.body).toContain('Anteil mit mindestens einem Platz: 50');
    expect(preview.body).toContain('Kinder ohne Platz (1)');
    expect(preview.body).toMatch(/<svg[^>]+role="img"/);
    expect(preview.body).toMatch(/<text[^>]*>dunkel: Wünsche<\/text>[\s\S]*<text[^>]*>hell: Plätze<\/text>/);

    const done = await admin.submit(dash, `${dash}/verlosen`, { confirmSeed: seed });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Die Plätze sind verlost.');
    await t.runJobs();
    const resultMail = await t.deps.db
      .selectFrom('mail_outbox')
      .select('text_body')
      .where('recipient', '=', parent.email)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(resultMail.text_body).toContain('die Plätze der Ferienbetreuung „Sommerferien 2027“ sind verlost.');
    const csv = await admin.get(`${dash}/angebote.csv`);
    expect(csv.body).toContain('Zirkuswoche;');
    expect(csv.body).toContain(';1;1;2;2;1\r\n');
    const publicPage = await admin.get('/ferien');
    expect(publicPage.body).toContain(seed);
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('subject_id', 'in', [seasonId, offer.id]).execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'holidays.season_created',
        'holidays.offer_approved',
        'holidays.seed_committed',
        'holidays.phase_changed',
        'holidays.run_previewed',
        'holidays.run_confirmed',
      ]),
    );
  });
});
