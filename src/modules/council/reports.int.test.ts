import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';
import { createUser, signedInVisitor } from '../../../test/support/auth.js';
import { testPng } from '../../../test/support/images.js';
import { ideasModule } from '../ideas/index.js';
import { seedCouncilDemo } from './council.seed.js';

const t = useTestApp();
const visitor = () => new Visitor(() => t.app);
beforeAll(async () => {
  // The roadmap's demo initiatives, through the ideas module's manifest (modules meet through their index).
  await ideasModule(t.deps).seedDemo!();
  await seedCouncilDemo(t.deps);
});

const workshopByTitle = (title: string) => t.deps.db.selectFrom('council_workshops').selectAll().where('title', '=', title).executeTakeFirstOrThrow();

describe('Familienbeirat: demo data', () => {
  it('shows a council of 40 families, past reports linked to initiatives and an upcoming workshop with free places', async () => {
    expect(await seedCouncilDemo(t.deps)).toBe(false);
    const page = await visitor().get('/mitmachen/familienbeirat');
    expect(page.body).toContain('Der Beirat hat zurzeit 40 Mitglieder.');
    expect(page.body).toContain('Ankommen in Hamm: was neue Familien brauchen');
    expect(page.body).toContain('Noch 37 Plätze frei.');
    expect(page.body).toContain('Spielen im Sommer');
    const report = await workshopByTitle('Spielen im Sommer');
    const reportPage = await visitor().get(`/mitmachen/familienbeirat/workshops/${report.id}`);
    expect(reportPage.body).toContain('Blinde Flecken, die wir gefunden haben');
    expect(reportPage.body).toContain('href="/vorhaben/schattige-spielplaetze"');
    // "What shaped it" on the initiative names the council's result.
    const initiative = await visitor().get('/vorhaben/schattige-spielplaetze');
    expect(initiative.body).toContain('Familienbeirat, Spielen im Sommer: Schatten auf den fünf meistbesuchten Spielplätzen');
  });
});

describe('Familienbeirat: joining while invitations are out', () => {
  it('invites a newly accepted member to the upcoming workshop whose registration is open, once', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const applicant = await t.deps.db
      .selectFrom('council_applications')
      .select(['id', 'email'])
      .where('email', '=', 'beirat41@example.org')
      .executeTakeFirstOrThrow();
    const upcoming = await workshopByTitle('Ankommen in Hamm: was neue Familien brauchen');
    const decide = (decision: string) => editor.submit('/verwaltung/familienbeirat', `/verwaltung/familienbeirat/bewerbungen/${applicant.id}`, { decision });
    expect((await decide('accepted')).statusCode).toBe(303);
    // Saving the decision again (a longer term) invites nobody twice.
    expect((await decide('accepted')).statusCode).toBe(303);
    await t.runJobs();
    const mails = await t.deps.db.selectFrom('mail_outbox').select(['subject', 'text_body']).where('recipient', '=', applicant.email).execute();
    const invitations = mails.filter((m) => m.text_body.includes(`/workshops/${upcoming.id}/anmelden?token=`));
    expect(invitations).toHaveLength(1);
    expect(invitations[0]!.subject).toContain('Ankommen in Hamm');
  });
});

describe('Familienbeirat: reports and results', () => {
  it('keeps a report private until staff publish it; a photo needs alt text; results appear on the initiative and attendees hear when one moves', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const upcoming = await workshopByTitle('Ankommen in Hamm: was neue Familien brauchen');
    const staffPage = `/verwaltung/familienbeirat/workshops/${upcoming.id}`;
    const publicPage = `/mitmachen/familienbeirat/workshops/${upcoming.id}`;

    const noAlt = await editor.submitMultipart(
      staffPage,
      `${staffPage}/bericht`,
      { discussed: 'Wie finden neue Familien Beratung?' },
      { photo: { filename: 'gruppe.png', content: testPng(), type: 'image/png' } },
    );
    expect(noAlt.statusCode).toBe(422);
    expect(noAlt.body).toContain('Beschreiben Sie, was auf dem Foto zu sehen ist.');
    expect(noAlt.body).toContain('Wie finden neue Familien Beratung?');

    const saved = await editor.submitMultipart(
      staffPage,
      `${staffPage}/bericht`,
      { discussed: 'Wie finden neue Familien Beratung?', blindSpots: 'Viele kennen das Familienbüro nicht.', photoAlt: 'Eltern an einem Tisch mit Stadtplan' },
      { photo: { filename: 'gruppe.png', content: testPng(), type: 'image/png' } },
    );
    expect(saved.statusCode).toBe(303);
    expect((await visitor().get(publicPage)).body).not.toContain('Viele kennen das Familienbüro nicht.');

    const schulwege = await t.deps.db.selectFrom('initiatives').select('id').where('slug', '=', 'sichere-schulwege').executeTakeFirstOrThrow();
    const missingTitle = await editor.submit(staffPage, `${staffPage}/ergebnisse`, { resultTitle: '', resultInitiative: schulwege.id });
    expect(missingTitle.statusCode).toBe(422);
    expect(
      (await editor.submit(staffPage, `${staffPage}/ergebnisse`, { resultTitle: 'Willkommensmappe in fünf Sprachen', resultInitiative: schulwege.id }))
        .statusCode,
    ).toBe(303);
    expect((await editor.submit(staffPage, `${staffPage}/veroeffentlichen`, { publish: 'ja' })).statusCode).toBe(303);
    const shown = await visitor().get(publicPage);
    expect(shown.body).toContain('Viele kennen das Familienbüro nicht.');
    expect(shown.body).toContain('alt="Eltern an einem Tisch mit Stadtplan"');
    expect(shown.body).toContain('Willkommensmappe in fünf Sprachen');
    expect((await visitor().get('/vorhaben/sichere-schulwege')).body).toContain(
      'Familienbeirat, Ankommen in Hamm: was neue Familien brauchen: Willkommensmappe in fünf Sprachen',
    );

    // The two registered members attended; one of them opts out of news.
    const regs = await t.deps.db
      .selectFrom('council_registrations as r')
      .innerJoin('council_applications as m', 'm.id', 'r.member_id')
      .select(['r.id', 'm.email', 'm.id as member_id', 'm.link_key'])
      .where('r.workshop_id', '=', upcoming.id)
      .orderBy('m.email')
      .execute();
    expect(regs).toHaveLength(2);
    expect((await editor.submit(staffPage, `${staffPage}/anwesenheit`, Object.fromEntries(regs.map((r) => [r.id, 'ja'])))).statusCode).toBe(303);
    const result = await t.deps.db
      .selectFrom('council_results')
      .select('id')
      .where('title', '=', 'Willkommensmappe in fünf Sprachen')
      .executeTakeFirstOrThrow();

    // The opt-out link from the mail works without logging in.
    const { createCouncilService } = await import('./council.service.js');
    const service = createCouncilService(t.deps);
    const optOut = `/mitmachen/familienbeirat/nachrichten?token=${service.memberToken({ id: regs[1]!.member_id, link_key: regs[1]!.link_key })}`;
    const stop = await visitor().submit(optOut, '/mitmachen/familienbeirat/nachrichten', {
      token: new URL(`http://x${optOut}`).searchParams.get('token')!,
      on: 'nein',
    });
    expect(stop.body).toContain('Sie bekommen keine Nachrichten mehr zu den Ergebnissen.');

    await t.runJobs();
    const mails = async (to: string) =>
      t.deps.db.selectFrom('mail_outbox').select('subject').where('recipient', '=', to).where('subject', 'like', '%Willkommensmappe%').execute();
    expect(
      (await editor.submit(staffPage, `/verwaltung/familienbeirat/ergebnisse/${result.id}`, { followUp: 'in_progress', initiative: schulwege.id })).statusCode,
    ).toBe(303);
    // Saving the same state again tells nobody a second time.
    await editor.submit(staffPage, `/verwaltung/familienbeirat/ergebnisse/${result.id}`, {
      followUp: 'in_progress',
      initiative: schulwege.id,
      note: 'Druck beauftragt',
    });
    await t.runJobs();
    expect(await mails(regs[0]!.email)).toHaveLength(1);
    expect(await mails(regs[1]!.email)).toHaveLength(0);
    expect((await visitor().get(publicPage)).body).toContain('Stand: in Umsetzung');

    // A result can point to a published idea too; the public page links it.
    const idea = await t.deps.db
      .selectFrom('ideas')
      .select(['id', 'title'])
      .where('moderation', '=', 'published')
      .orderBy('published_at', 'desc')
      .executeTakeFirstOrThrow();
    expect((await editor.get(staffPage)).body).toContain(`<option value="${idea.id}"`);
    await editor.submit(staffPage, `/verwaltung/familienbeirat/ergebnisse/${result.id}`, { followUp: 'in_progress', initiative: schulwege.id, idea: idea.id });
    expect((await visitor().get(publicPage)).body).toContain(`href="/mitmachen/ideen/${idea.id}"`);

    // A tampered initiative id is a clear 404, not a broken link.
    const bogus = await editor.submit(staffPage, `${staffPage}/ergebnisse`, {
      resultTitle: 'Noch ein Ergebnis',
      resultInitiative: '00000000-0000-4000-8000-000000000000',
    });
    expect(bogus.statusCode).toBe(404);
  });

  it('shows participation over time as a chart and a table, and the print list of who registered', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const overview = await editor.get('/verwaltung/familienbeirat');
    expect(overview.body).toContain('Teilnahme im Verlauf');
    expect(overview.body).toContain('Wege zur Schule und zur Kita');
    const upcoming = await workshopByTitle('Ankommen in Hamm: was neue Familien brauchen');
    const list = await editor.get(`/verwaltung/familienbeirat/workshops/${upcoming.id}/liste`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Unterschrift');
    // Needs never reach anyone but the organising staff.
    const family = await signedInVisitor(t, 'family');
    expect((await family.visitor.get(`/verwaltung/familienbeirat/workshops/${upcoming.id}`)).statusCode).toBe(403);
  });
});

describe('Familienbeirat: the members’ board', () => {
  it('is open to signed-in members only; posts and comments need text', async () => {
    const stranger = await signedInVisitor(t, 'family');
    const refused = await stranger.visitor.get('/mitmachen/familienbeirat/austausch');
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain('Fahrgemeinschaft');
    expect((await visitor().get('/mitmachen/familienbeirat/austausch')).statusCode).toBe(401);

    await createUser(t, { email: 'beirat05@example.org' });
    const member = new Visitor(() => t.app);
    const login = await member.submit('/anmelden', '/anmelden', { email: 'beirat05@example.org', password: 'ein langes Testpasswort' });
    expect(login.statusCode).toBe(303);
    const board = await member.get('/mitmachen/familienbeirat/austausch');
    expect(board.statusCode).toBe(200);
    expect(board.body).toContain('Fahrgemeinschaft zum nächsten Workshop?');
    const empty = await member.submit('/mitmachen/familienbeirat/austausch', '/mitmachen/familienbeirat/austausch', { title: '', body: '' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Geben Sie einen Titel ein.');
    expect(
      (
        await member.submit('/mitmachen/familienbeirat/austausch', '/mitmachen/familienbeirat/austausch', {
          title: 'Kita-Plätze',
          body: 'Wer hat Erfahrung mit dem Kita-Navigator?',
        })
      ).statusCode,
    ).toBe(303);
    const post = await t.deps.db.selectFrom('council_posts').select('id').where('title', '=', 'Kita-Plätze').executeTakeFirstOrThrow();
    expect(
      (await member.submit('/mitmachen/familienbeirat/austausch', `/mitmachen/familienbeirat/austausch/${post.id}/kommentar`, { body: 'Ja, ich!' })).statusCode,
    ).toBe(303);
    expect((await member.get('/mitmachen/familienbeirat/austausch')).body).toContain('Ja, ich!');
  });
});
