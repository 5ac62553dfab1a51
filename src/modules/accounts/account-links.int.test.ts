import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { signedInVisitor } from '../../../test/support/auth.js';

const t = useTestApp();
const mainLinks = (html: string) => [...(/<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '').matchAll(/<a class="kern-link" href="(\/[^"]+)"/g)].map((m) => m[1]!);

describe('Mein Konto leads to what the person can do', () => {
  it('shows a family holiday care and the newsletter, and both open', async () => {
    const { visitor } = await signedInVisitor(t, 'family');
    const links = mainLinks((await visitor.get('/konto')).body);
    expect(links).toEqual(expect.arrayContaining(['/ferien', '/infobrief']));
    expect(links).not.toContain('/mein-verzeichnis');
    for (const link of ['/ferien', '/infobrief']) expect([link, (await visitor.get(link)).statusCode]).toEqual([link, 200]);
  });

  it("shows a member of a provider organisation the organisation's directory entries, events, holiday offers and places, and each opens", async () => {
    const { visitor, user } = await signedInVisitor(t, 'provider');
    const org = await t.deps.db
      .insertInto('organizations')
      .values({ name: 'Kinderschutzbund Test e. V.', kind: 'provider' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.deps.db.insertInto('memberships').values({ user_id: user.id, organization_id: org.id }).execute();
    const links = mainLinks((await visitor.get('/konto')).body);
    const areas = ['/mein-verzeichnis', '/veranstaltungen/verwalten', '/meine-ferienangebote', '/plaetze-verwalten'];
    expect(links).toEqual(expect.arrayContaining(areas));
    for (const link of areas) expect([link, (await visitor.get(link)).statusCode]).toEqual([link, 200]);
  });

  it('shows an analyst the surveys, and the page opens', async () => {
    const { visitor } = await signedInVisitor(t, 'analyst');
    expect(mainLinks((await visitor.get('/konto')).body)).toContain('/verwaltung/befragungen');
    expect((await visitor.get('/verwaltung/befragungen')).statusCode).toBe(200);
  });
});
