import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { signedInVisitor } from '../../../test/support/auth.js';

const t = useTestApp();
const linksOf = (html: string) => [...(/<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '').matchAll(/<a class="kern-link" href="([^"]+)"/g)].map((m) => m[1]!);

describe('the administration start page', () => {
  it('leads editors to every tool they may use, and each one opens', async () => {
    const { visitor } = await signedInVisitor(t, 'editor');
    const page = await visitor.get('/verwaltung');
    expect(page.statusCode).toBe(200);
    const links = linksOf(page.body);
    expect(links).toEqual(
      expect.arrayContaining([
        '/verwaltung/pruefung',
        '/veranstaltungen/pruefen',
        '/verwaltung/ferien',
        '/verwaltung/neuigkeiten',
        '/verwaltung/infobrief',
        '/verwaltung/befragungen',
        '/verwaltung/ideen',
        '/verwaltung/familienbeirat',
      ]),
    );
    expect(links).not.toContain('/admin/benutzer');
    for (const link of links) expect([link, (await visitor.get(link)).statusCode]).toEqual([link, 200]);
  });

  it('shows admins the admin tools too, and each one opens', async () => {
    const { visitor } = await signedInVisitor(t, 'admin');
    const links = linksOf((await visitor.get('/verwaltung')).body);
    expect(links).toEqual(expect.arrayContaining(['/admin/benutzer', '/admin/protokoll', '/admin/outbox', '/admin/verzeichnis/import']));
    for (const link of links) expect([link, (await visitor.get(link)).statusCode]).toEqual([link, 200]);
  });

  it('is closed to families and providers', async () => {
    for (const role of ['family', 'provider'] as const) {
      const { visitor } = await signedInVisitor(t, role);
      expect((await visitor.get('/verwaltung')).statusCode).toBe(403);
    }
  });
});
