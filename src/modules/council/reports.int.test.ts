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
    // … and the idea's page shows the council's result under "what came of it", linked back.
    const ideaPage = (await visitor().get(`/mitmachen/ideen/${idea.id}`)).body;
    expect(ideaPage).toContain('Der Familienbeirat hat diesen Beitrag in einem Ergebnis seiner Workshops aufgegriffen:');
    expect(ideaPage).toContain(`href="${publicPage}#ergebnis-${result.id}"`);
    // Withdrawing the report takes it off the idea's page again.
    await editor.submit(staffPage, `${staffPage}/veroeffentlichen`, { publish: 'nein' });
    expect((await visitor().get(`/mitmachen/ideen/${idea.id}`)).body).not.toContain('Der Familienbeirat hat diesen Beitrag');
    await editor.submit(staffPage, `${staffPage}/veroeffentlichen`, { publish: 'ja' });

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

describe('Familienbeirat: the members’ exchange, a private group of the network', () => {
  const groupPage = '/netzwerk/gruppen/familienbeirat-austausch';

  it('lets current members in (also with an account made later), keeps everybody else out, and lets staff end terms and remove former members', async () => {
    const stranger = await signedInVisitor(t, 'family');
    expect((await stranger.visitor.get('/mitmachen/familienbeirat/austausch')).statusCode).toBe(403);
    expect((await stranger.visitor.get(groupPage)).statusCode).toBe(403);
    expect((await visitor().get('/mitmachen/familienbeirat/austausch')).statusCode).toBe(401);
    // A partner outside the group does not learn it exists.
    expect((await (await signedInVisitor(t, 'partner')).visitor.get(groupPage)).statusCode).toBe(404);

    // beirat05 had no account when accepted; with one, the way in adds them to the group.
    await createUser(t, { email: 'beirat05@example.org' });
    const member = new Visitor(() => t.app);
    expect((await member.submit('/anmelden', '/anmelden', { email: 'beirat05@example.org', password: 'ein langes Testpasswort' })).statusCode).toBe(303);
    const way = await member.get('/mitmachen/familienbeirat/austausch');
    expect(way.statusCode).toBe(303);
    expect(way.headers.location).toBe(groupPage);
    expect((await member.get(groupPage)).statusCode).toBe(200);
    expect(
      (await member.submit(groupPage, `${groupPage}/beitraege`, { body: 'Wer fährt aus Heessen zum Familienzentrum Pelkum und hat noch Platz im Auto?' }))
        .statusCode,
    ).toBe(303);
    expect((await member.get(groupPage)).body).toContain('Wer fährt aus Heessen');
    // The demo family account is a member from the start.
    const family = await t.deps.db.selectFrom('users').select('id').where('email', '=', 'familie@familienrathaus.example').executeTakeFirst();
    if (family) {
      const inGroup = await t.deps.db
        .selectFrom('network_group_members as m')
        .innerJoin('network_groups as g', 'g.id', 'm.group_id')
        .select('m.user_id')
        .where('g.slug', '=', 'familienbeirat-austausch')
        .where('m.user_id', '=', family.id)
        .executeTakeFirst();
      expect(inGroup).toBeDefined();
    }

    // Staff end the term: the member leaves the group at once and the personal link stops working.
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const row = await t.deps.db
      .selectFrom('council_applications')
      .select(['id', 'link_key', 'name'])
      .where('email', '=', 'beirat05@example.org')
      .executeTakeFirstOrThrow();
    const { createCouncilService } = await import('./council.service.js');
    const link = `/mitmachen/familienbeirat/nachrichten?token=${createCouncilService(t.deps).memberToken(row)}`;
    const memberCount = async () => Number(/Der Beirat hat zurzeit (\d+) Mitglieder/.exec((await visitor().get('/mitmachen/familienbeirat')).body)?.[1]);
    const before = await memberCount();
    expect((await visitor().get(link)).statusCode).toBe(200);
    expect((await editor.get('/verwaltung/familienbeirat')).body).toContain(`Amtszeit von ${row.name} heute beenden`);
    expect((await editor.submit('/verwaltung/familienbeirat', `/verwaltung/familienbeirat/mitglieder/${row.id}/beenden`, {})).statusCode).toBe(303);
    expect((await member.get(groupPage)).statusCode).toBe(403);
    expect((await member.get('/mitmachen/familienbeirat/austausch')).statusCode).toBe(403);
    expect((await visitor().get(link)).statusCode).toBe(400);
    expect(await memberCount()).toBe(before - 1);
    // Ending it twice is a 404, not a second audit entry.
    expect((await editor.submit('/verwaltung/familienbeirat', `/verwaltung/familienbeirat/mitglieder/${row.id}/beenden`, {})).statusCode).toBe(404);

    // The post stays in the group; removing the former member replaces name and address, the figures keep their rows.
    const overview = await editor.get('/verwaltung/familienbeirat');
    expect(overview.body).toContain('Ehemalige Mitglieder');
    expect(overview.body).toContain(`/verwaltung/familienbeirat/mitglieder/${row.id}/entfernen`);
    expect((await editor.submit('/verwaltung/familienbeirat', `/verwaltung/familienbeirat/mitglieder/${row.id}/entfernen`, {})).statusCode).toBe(303);
    const removed = await t.deps.db.selectFrom('council_applications').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(removed.status).toBe('removed');
    expect(removed.email).not.toContain('beirat05');
    expect(removed.home_languages).toBeNull();
    expect((await editor.get('/verwaltung/familienbeirat')).body).not.toContain('beirat05@example.org');
    // A current member cannot be "removed" by a tampered form.
    const current = await t.deps.db.selectFrom('council_applications').select('id').where('email', '=', 'beirat06@example.org').executeTakeFirstOrThrow();
    expect((await editor.submit('/verwaltung/familienbeirat', `/verwaltung/familienbeirat/mitglieder/${current.id}/entfernen`, {})).statusCode).toBe(404);
    // The address may apply again.
    const again = await visitor().submit('/mitmachen/familienbeirat/bewerben', '/mitmachen/familienbeirat/bewerben', {
      name: 'Karim Haddad',
      email: 'beirat05@example.org',
      district: 'Heessen',
      adults: '2',
      children: '1',
      privacy: 'ja',
    });
    expect(again.statusCode).toBe(303);
  });
});
