import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';
import { unbuiltSections } from './index.js';

const t = useTestApp();

describe('sections under construction', () => {
  it('has no section left under construction: every entry of the navigation is a built module', async () => {
    expect(unbuiltSections).toEqual([]);
    const body = (await new Visitor(() => t.app).get('/arbeitgeber')).body;
    expect(body).not.toContain('<span class="kern-label">Im Aufbau</span>');
    expect(body).toContain('<title>Familienfreundliche Arbeitgeber – Familienrathaus Hamm</title>');
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
      '/arbeitgeber',
      '/netzwerk',
    ]);
  });
});
