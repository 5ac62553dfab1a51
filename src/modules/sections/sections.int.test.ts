import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';
import { unbuiltSections } from './index.js';

const t = useTestApp();
const h1Of = (html: string) => /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.trim() ?? '';

describe('sections under construction', () => {
  const names: Record<string, string> = {
    '/arbeitgeber': 'Arbeitgeber',
  };

  for (const { path } of unbuiltSections) {
    it(`${path} says it is being built, marks its navigation entry and names the family office`, async () => {
      const res = await new Visitor(() => t.app).get(path);
      expect(res.statusCode).toBe(200);
      expect(h1Of(res.body)).toBe(names[path]);
      expect(res.body.match(/<h1/g)).toHaveLength(1);
      expect(res.body).toContain(`<title>${names[path]} (im Aufbau) – Familienrathaus Hamm</title>`);
      const current = [...res.body.matchAll(/<a href="([^"]+)" class="site-nav__link" aria-current="page">/g)].map((m) => m[1]);
      expect(current).toEqual([path]);
      expect(res.body).toContain('<span class="kern-label">Im Aufbau</span>');
      expect(res.body).toMatch(/<p class="kern-body kern-body--large">Hier [^<]+bald[^<]+<\/p>/);
      expect(res.body).toContain('href="tel:+492381000000"');
      expect(res.body).toContain('href="mailto:familienbuero@example.org"');
    });
  }

  it('speaks English when the visitor chose English', async () => {
    const v = new Visitor(() => t.app);
    await v.get('/sprache/en?zurueck=/arbeitgeber');
    const res = await v.get('/arbeitgeber');
    expect(res.body).toContain('<html lang="en"');
    expect(h1Of(res.body)).toBe('Employers');
    expect(res.body).toContain('<span class="kern-label">Under construction</span>');
    expect(res.body).toContain('family-friendly employers');
    expect(res.body).toContain('Monday to Thursday');
  });

  it('keeps every section in the main navigation, in its place, each once', async () => {
    const body = (await new Visitor(() => t.app).get('/')).body;
    const nav = /<nav class="site-nav"[\s\S]*?<\/nav>/.exec(body)?.[0] ?? '';
    const paths = [...nav.matchAll(/<a href="([^"]+)" class="site-nav__link"/g)].map((m) => m[1]);
    expect(paths).toEqual([
      '/angebote',
      '/veranstaltungen',
      '/ferien',
      '/infobrief',
      '/neuigkeiten',
      '/mitmachen',
      '/jugend-beruf',
      '/netzwerk',
      '/arbeitgeber',
    ]);
  });
});
