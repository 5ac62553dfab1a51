import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';
import { createUser } from '../../../test/support/auth.js';
import { buildEvent } from '../../../test/support/events.js';

const t = useTestApp();

describe('events in the site search and in privacy requests', () => {
  it('finds upcoming published events in the site search, never unpublished ones', async () => {
    const id = await buildEvent(t, { title: 'Zauberschau im Maxipark', description: 'Ein Zauberer zeigt Tricks.' });
    await buildEvent(t, { title: 'Zauberschau geheim' }, { reviewState: 'pending' });
    const page = await new Visitor(() => t.app).get('/suche?q=Zauberschau');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Veranstaltungen');
    expect(page.body).toContain(`/veranstaltungen/${id}`);
    expect(page.body).not.toContain('Zauberschau geheim');
  });

  it('exports and erases what a person gave with a suggestion', async () => {
    const user = await createUser(t, { email: 'Vorschlag@Example.org' });
    const id = await buildEvent(t, { title: 'Vorgeschlagenes Fest' }, { reviewState: 'pending', suggesterEmail: 'vorschlag@example.org' });
    const exported = await t.deps.privacy.exportFor(t.deps.db, user);
    expect(exported.veranstaltungsvorschlaege).toEqual([expect.objectContaining({ title: 'Vorgeschlagenes Fest', suggester_email: 'vorschlag@example.org' })]);
    await t.deps.db.transaction().execute((trx) => t.deps.privacy.erase(trx, user));
    const row = await t.deps.db.selectFrom('events').select('suggester_email').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.suggester_email).toBeNull();
  });
});
