import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { signedInVisitor } from '../../../test/support/auth.js';
import { groupWithLead, mailsTo, memberOfGroup } from '../../../test/support/network.js';
import { createNetworkService } from './network.service.js';
import { networkPersonalData } from './network.privacy.js';

/** Reported posts that leads and staff work through, and how long a group keeps its posts and documents. */
const t = useTestApp();

const auditOf = (subjectId: string) =>
  t.deps.db.selectFrom('audit_log').select(['action', 'actor_id', 'details']).where('subject_id', '=', subjectId).orderBy('id').execute();

describe('reported posts', () => {
  it('lists reports for the group’s lead, who marks them done or hides the post (and shows it again), each in the audit log', async () => {
    const g = await groupWithLead(t, 'open');
    const author = await memberOfGroup(t, g.id);
    const reader = await memberOfGroup(t, g.id);
    await author.visitor.submit(g.path, `${g.path}/beitraege`, { body: 'Harmlose Frage zum Sommerfest' });
    await author.visitor.submit(g.path, `${g.path}/beitraege`, { body: 'Hier steht die private Telefonnummer von Frau X' });
    const posts = await t.deps.db.selectFrom('network_posts').select(['id', 'body']).where('group_id', '=', g.id).execute();
    const harmless = posts.find((p) => p.body.startsWith('Harmlose'))!.id;
    const private_ = posts.find((p) => p.body.startsWith('Hier'))!.id;
    await reader.visitor.submit(g.path, `/netzwerk/beitraege/${harmless}/melden`, { [`meldung-${harmless}`]: 'Gehört nicht hierher.' });
    await reader.visitor.submit(g.path, `/netzwerk/beitraege/${private_}/melden`, { [`meldung-${private_}`]: 'Enthält eine private Telefonnummer.' });
    const told = await mailsTo(t, g.lead.user.email);
    expect(told.at(-1)!.text_body).toContain('/netzwerk/meldungen');

    // Only leads (and staff) have the list.
    expect((await reader.visitor.get('/netzwerk/meldungen')).statusCode).toBe(403);
    expect((await visitorOf('family')).statusCode).toBe(403);
    expect((await g.lead.visitor.get('/netzwerk/mein')).body).toContain('Gemeldete Beiträge (2 offen)');
    expect((await g.lead.visitor.get(g.path)).body).toContain('Gemeldete Beiträge (2 offen)');
    const list = (await g.lead.visitor.get('/netzwerk/meldungen')).body;
    expect(list).toContain('Hier steht die private Telefonnummer von Frau X');
    expect(list).toContain(`${reader.user.display_name} am `);
    expect(list).toContain('Enthält eine private Telefonnummer.');
    const staff = await signedInVisitor(t, 'editor');
    expect((await staff.visitor.get('/netzwerk/meldungen')).body).toContain('Harmlose Frage zum Sommerfest');

    // A member cannot decide; the lead marks one done (it stays in the feed) and hides the other.
    expect((await reader.visitor.submit(g.path, `/netzwerk/beitraege/${private_}/ausblenden`, {})).statusCode).toBe(403);
    const done = await g.lead.visitor.submit('/netzwerk/meldungen', `/netzwerk/beitraege/${harmless}/erledigt`, {});
    expect(done.headers.location).toBe('/netzwerk/meldungen?hinweis=erledigt');
    expect((await g.lead.visitor.get(done.headers.location!)).body).toContain('Die Meldungen sind erledigt.');
    expect((await g.lead.visitor.submit('/netzwerk/meldungen', `/netzwerk/beitraege/${private_}/ausblenden`, {})).statusCode).toBe(303);
    const after = (await g.lead.visitor.get('/netzwerk/meldungen')).body;
    expect(after).toContain('Zurzeit wartet keine Meldung.');
    expect(after).toContain('Ausgeblendete Beiträge');
    expect(after).toContain('Hier steht die private Telefonnummer von Frau X');
    const feed = (await reader.visitor.get(g.path)).body;
    expect(feed).toContain('Harmlose Frage zum Sommerfest');
    expect(feed).not.toContain('private Telefonnummer von Frau X');
    expect((await reader.visitor.submit(g.path, `/netzwerk/beitraege/${private_}/kommentare`, { [`kommentar-${private_}`]: 'Ich auch' })).statusCode).toBe(404);
    expect((await g.lead.visitor.get('/netzwerk/mein')).body).toContain('Gemeldete Beiträge</a>');

    // Shown again, it is back in the feed.
    expect((await g.lead.visitor.submit('/netzwerk/meldungen', `/netzwerk/beitraege/${private_}/einblenden`, {})).statusCode).toBe(303);
    expect((await reader.visitor.get(g.path)).body).toContain('private Telefonnummer von Frau X');
    expect((await auditOf(harmless)).map((a) => [a.action, a.actor_id])).toEqual([['network.report_handled', g.lead.user.id]]);
    expect((await auditOf(private_)).map((a) => a.action)).toEqual(['network.post_hidden', 'network.post_shown']);
  });
});

async function visitorOf(role: 'family') {
  return (await signedInVisitor(t, role)).visitor.get('/netzwerk/meldungen');
}

describe('retention per group', () => {
  it('lets the lead set how long posts and documents are kept; the nightly job deletes older ones of that group only', async () => {
    const g = await groupWithLead(t, 'open');
    const member = await memberOfGroup(t, g.id);
    const edit = `${g.path}/bearbeiten`;
    expect((await g.lead.visitor.get(edit)).body).toContain('Zurzeit behält die Gruppe alles.');
    for (const months of ['abc', '0', '241']) {
      const bad = await g.lead.visitor.submit(edit, `${g.path}/aufbewahrung`, { months });
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('Geben Sie eine Zahl von 1 bis 240 ein oder lassen Sie das Feld leer.');
    }
    expect((await member.visitor.submit(g.path, `${g.path}/aufbewahrung`, { months: '6' })).statusCode).toBe(403);
    const saved = await g.lead.visitor.submit(edit, `${g.path}/aufbewahrung`, { months: '6' });
    expect(saved.statusCode).toBe(303);
    expect((await g.lead.visitor.get(edit)).body).toContain('Zurzeit löscht die Gruppe nach 6 Monaten.');
    const audit = await auditOf(g.id);
    expect(audit.map((a) => a.action)).toEqual(['network.retention_changed']);

    const other = await groupWithLead(t, 'open');
    const { db } = t.deps;
    const old = new Date(Date.now() - 7 * 31 * 86_400_000);
    const post = async (groupId: string, body: string, createdAt?: Date) =>
      (
        await db
          .insertInto('network_posts')
          .values({ group_id: groupId, author_id: member.user.id, body, ...(createdAt ? { created_at: createdAt } : {}) })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const oldPost = await post(g.id, 'Alter Beitrag', old);
    await db.insertInto('network_comments').values({ post_id: oldPost, author_id: member.user.id, body: 'Alter Kommentar' }).execute();
    const newPost = await post(g.id, 'Neuer Beitrag');
    const otherOld = await post(other.id, 'Alter Beitrag ohne Frist', old);
    const document = async (groupId: string, title: string, updatedAt?: Date) => {
      const { id } = await db
        .insertInto('network_documents')
        .values({ group_id: groupId, title, visibility: 'group', created_by: member.user.id, ...(updatedAt ? { updated_at: updatedAt } : {}) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('network_document_versions')
        .values({ document_id: id, number: 1, filename: 'a.pdf', content_type: 'application/pdf', size_bytes: 3, bytes: Buffer.from('%PD') })
        .execute();
      return id;
    };
    const oldDoc = await document(g.id, 'Altes Protokoll', old);
    const newDoc = await document(g.id, 'Neues Protokoll');

    const service = createNetworkService(t.deps);
    const totals = await service.applyRetention();
    expect(totals.posts).toBeGreaterThanOrEqual(1);
    const postsLeft = (await db.selectFrom('network_posts').select('id').where('id', 'in', [oldPost, newPost, otherOld]).execute()).map((p) => p.id);
    expect(postsLeft.sort()).toEqual([newPost, otherOld].sort());
    expect(await db.selectFrom('network_comments').select('id').where('post_id', '=', oldPost).execute()).toHaveLength(0);
    const docsLeft = (await db.selectFrom('network_documents').select('id').where('id', 'in', [oldDoc, newDoc]).execute()).map((d) => d.id);
    expect(docsLeft).toEqual([newDoc]);
    expect(await db.selectFrom('network_document_versions').select('id').where('document_id', '=', oldDoc).execute()).toHaveLength(0);
    const applied = (await auditOf(g.id)).find((a) => a.action === 'network.retention_applied');
    expect(applied?.details).toMatchObject({ posts: 1, documents: 1 });
    // A second run finds nothing more.
    expect(await service.applyRetention()).toEqual({ posts: 0, documents: 0 });

    // Empty: the group keeps everything again.
    await g.lead.visitor.submit(edit, `${g.path}/aufbewahrung`, { months: '' });
    expect((await db.selectFrom('network_groups').select('retention_months').where('id', '=', g.id).executeTakeFirstOrThrow()).retention_months).toBeNull();
  });

  it('is declared: posts, comments and documents name the job that enforces the group’s retention', () => {
    for (const table of ['network_posts', 'network_comments', 'network_documents', 'network_document_versions'])
      expect(networkPersonalData.find((d) => d.table === table)?.retention.job).toBe('network.retention');
  });
});
