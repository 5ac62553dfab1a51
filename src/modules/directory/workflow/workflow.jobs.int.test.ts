import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.js';
import { buildOrganization, buildService } from '../../../../test/support/directory.js';
import { flagStaleEntries, queueDigestJob, reminderJob, sendCheckReminders, sendQueueDigest, staleJob } from './workflow.jobs.js';
import { paths } from './workflow.paths.js';
import { editAndSend, memberOf } from '../../../../test/support/directory-workflow.js';

const t = useTestApp();
const now = new Date('2026-11-20T05:15:00Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);

async function outbox(recipient: string) {
  await t.runJobs();
  return t.deps.db.selectFrom('mail_outbox').selectAll().where('recipient', '=', recipient).orderBy('created_at').execute();
}
const row = (id: string) => t.deps.db.selectFrom('directory_services').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('check reminders and stale flags', () => {
  it('reminds each member once with all due entries, again after 30 days, and flags 18-month-old entries to the editors', async () => {
    const org = await buildOrganization(t, { name: 'Familienzentrum Erinnerung e. V.' });
    const other = await buildOrganization(t, { name: 'Verein ohne Mitglieder e. V.' });
    const anna = await memberOf(t, org.id, { displayName: 'Anna Anbieterin' });
    const ben = await memberOf(t, org.id, { displayName: 'Ben Anbieter', locale: 'en' });
    const editor = await memberOf(t, null, { role: 'editor' });
    const due = await buildService(t, org.id, { name: 'Babymassage', assured_date: '2025-10-01' });
    const fresh = await buildService(t, org.id, { name: 'Spielgruppe', assured_date: '2026-01-15' });
    const never = await buildService(t, org.id, { name: 'Stillcafé', assured_date: undefined });
    await t.deps.db
      .updateTable('directory_services')
      .set({ published_at: new Date('2025-08-01T10:00:00Z') })
      .where('id', '=', never.id)
      .execute();
    const ancient = await buildService(t, org.id, { name: 'Elternkurs', assured_date: '2025-04-30' });
    const orphan = await buildService(t, other.id, { name: 'Ohne Ansprechperson', assured_date: '2025-01-01' });

    expect(await sendCheckReminders(t.deps, now)).toEqual({ mails: 2, entries: 3 });
    const [toAnna] = await outbox(anna.user.email);
    expect(toAnna!.subject).toBe('Bitte prüfen Sie Ihre Einträge im Familienrathaus Hamm');
    for (const name of ['Babymassage', 'Stillcafé', 'Elternkurs']) expect(toAnna!.text_body).toContain(name);
    expect(toAnna!.text_body).not.toContain('Spielgruppe');
    expect(toAnna!.text_body).toContain('zuletzt geprüft: 01.10.2025');
    expect(toAnna!.text_body).toContain(`${t.deps.config.publicUrl}${paths.edit('service', org.id, due.id)}`);
    expect(toAnna!.html_body).toContain(paths.edit('service', org.id, ancient.id));
    const [toBen] = await outbox(ben.user.email);
    expect(toBen!.subject).toBe('Please check your entries on Familienrathaus Hamm');
    expect((await row(due.id)).check_reminder_sent_at).toEqual(now);
    expect((await row(fresh.id)).check_reminder_sent_at).toBeNull();
    expect((await row(orphan.id)).check_reminder_sent_at).toBeNull();

    expect(await sendCheckReminders(t.deps, days(10))).toEqual({ mails: 0, entries: 0 });
    expect(await sendCheckReminders(t.deps, days(31))).toEqual({ mails: 2, entries: 3 });
    expect(await outbox(anna.user.email)).toHaveLength(2);

    // 18 months: Elternkurs (April 2025) and the orphan (January 2025), not Babymassage (October 2025).
    expect(await flagStaleEntries(t.deps, now)).toEqual({ mails: 2, entries: 2 });
    const [summary] = await outbox(t.deps.city.editorsEmail);
    expect(summary!.subject).toBe('2 Einträge seit 18 Monaten nicht geprüft');
    expect(summary!.text_body).toContain('Elternkurs (Familienzentrum Erinnerung e. V.)');
    expect(summary!.text_body).toContain('Ohne Ansprechperson');
    expect(summary!.text_body).not.toContain('Babymassage');
    expect(await outbox(editor.user.email)).toHaveLength(1);
    expect(await flagStaleEntries(t.deps, days(1))).toEqual({ mails: 0, entries: 0 });

    const queue = await editor.visitor.get(paths.queue);
    expect(queue.body).toContain('2 Angebote seit über 18 Monaten nicht geprüft');
    expect(queue.body).toContain(paths.edit('service', org.id, ancient.id));
    expect((await anna.visitor.get(paths.organization(org.id))).body).toContain('Seit über 18 Monaten nicht geprüft.');

    // Checking the entry again ("Angaben geprüft") clears both marks.
    const { response } = await editAndSend(editor.visitor, paths.edit('service', org.id, ancient.id), { checked: 'ja', free: 'ja' });
    expect(response.statusCode).toBe(303);
    const checked = await row(ancient.id);
    expect([checked.stale_flagged_at, checked.check_reminder_sent_at]).toEqual([null, null]);
    expect((await editor.visitor.get(paths.queue)).body).toContain('1 Angebot seit über 18 Monaten nicht geprüft');
  });

  it('registers both jobs with the queue so the worker runs them daily', async () => {
    await t.deps.db.transaction().execute(async (trx) => {
      await t.deps.jobs.send(trx, reminderJob, {});
      await t.deps.jobs.send(trx, staleJob, {});
      await t.deps.jobs.send(trx, queueDigestJob, {});
    });
    expect(await t.runJobs()).toBeGreaterThanOrEqual(3);
  });
});

describe('the morning digest of the review queue', () => {
  it('tells the editors once a day what came in since yesterday, with links to each review, and stays quiet otherwise', async () => {
    const org = await buildOrganization(t, { name: 'Familienzentrum Digest e. V.' });
    const provider = await memberOf(t, org.id);
    const editor = await memberOf(t, null, { role: 'editor', displayName: 'Eva Editor' });
    const service = await buildService(t, org.id, { name: 'Spielplatzfest' });
    const before = new Date();
    await editAndSend(provider.visitor, paths.edit('service', org.id, service.id), { name: 'Spielplatzfest im Sommer', free: 'ja' });
    const revision = await t.deps.db
      .selectFrom('revisions')
      .select('id')
      .where('entity_id', '=', service.id)
      .where('status', '=', 'in_review')
      .executeTakeFirstOrThrow();

    const inAnHour = new Date(before.getTime() + 3600_000);
    expect(await sendQueueDigest(t.deps, inAnHour)).toMatchObject({ entries: 1 });
    const [digest] = await outbox(editor.user.email);
    expect(digest!.subject).toBe('1 neuer Eintrag zur Prüfung');
    expect(digest!.text_body).toContain('Spielplatzfest im Sommer (Angebot, Familienzentrum Digest e. V.)');
    expect(digest!.text_body).toContain(`${t.deps.config.publicUrl}${paths.review(revision.id)}`);

    const nextMorning = new Date(before.getTime() + 25 * 3600_000);
    expect(await sendQueueDigest(t.deps, nextMorning)).toEqual({ mails: 0, entries: 0 });
  });
});
