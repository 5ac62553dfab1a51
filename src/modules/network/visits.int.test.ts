import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { groupWithLead, memberOfGroup } from '../../../test/support/network.js';

/** The start page shows the documents of my groups that are new since my last visit, and only those. */
const t = useTestApp();
const newSection = (html: string) => html.slice(html.indexOf('Neue Dokumente seit Ihrem letzten Besuch'), html.indexOf('Neuigkeiten</h2>'));

async function addDocument(groupId: string, title: string, updatedAt: Date) {
  await t.deps.db.insertInto('network_documents').values({ group_id: groupId, title, visibility: 'group', updated_at: updatedAt }).execute();
}

describe('new documents since the last visit', () => {
  it('lists what came after the visit before, keeps it while the visit lasts, and shows nothing of other groups', async () => {
    const g = await groupWithLead(t, 'open');
    const m = await memberOfGroup(t, g.id);
    const other = await groupWithLead(t, 'private');
    await addDocument(g.id, 'Protokoll vom Januar', new Date(Date.now() - 20 * 86_400_000)); // before the first visit's two weeks
    await addDocument(g.id, 'Konzeptskizze Familientag', new Date(Date.now() - 2 * 86_400_000));

    const first = newSection((await m.visitor.get('/netzwerk/mein')).body);
    expect(first).toContain('Konzeptskizze Familientag');
    expect(first).not.toContain('Protokoll vom Januar');

    // An hour later the person comes back; meanwhile a document came, in their group and in another.
    await t.deps.db
      .updateTable('network_notification_settings')
      .set({ visited_at: new Date(Date.now() - 3600_000) })
      .where('user_id', '=', m.user.id)
      .execute();
    await addDocument(g.id, 'Einladung Sommerfest', new Date());
    await addDocument(other.id, 'Vertrauliche Liste', new Date());
    const second = newSection((await m.visitor.get('/netzwerk/mein')).body);
    expect(second).toContain('Einladung Sommerfest');
    expect(second).not.toContain('Konzeptskizze Familientag');
    expect(second).not.toContain('Vertrauliche Liste');

    // A reload during the same visit still shows what was new when it began.
    expect(newSection((await m.visitor.get('/netzwerk/mein')).body)).toContain('Einladung Sommerfest');

    // The next visit, an hour after the last document.
    await t.deps.db
      .updateTable('network_documents')
      .set({ updated_at: new Date(Date.now() - 2 * 3600_000) })
      .where('group_id', '=', g.id)
      .execute();
    await t.deps.db
      .updateTable('network_notification_settings')
      .set({ visited_at: new Date(Date.now() - 3600_000) })
      .where('user_id', '=', m.user.id)
      .execute();
    expect(newSection((await m.visitor.get('/netzwerk/mein')).body)).toContain('ist in Ihren Gruppen kein Dokument dazugekommen');
  });
});
