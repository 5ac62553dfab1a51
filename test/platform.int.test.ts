import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from './support/app.js';

const t = useTestApp();

describe('portal shell', () => {
  it('shows the start page with the city, the navigation and the footer links', async () => {
    const res = await new Visitor(() => t.app).get('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="de"');
    expect(res.body).toContain('Familienrathaus Hamm');
    for (const label of ['Angebote', 'Veranstaltungen', 'Ferien', 'Infobrief', 'Neuigkeiten', 'Mitmachen', 'Netzwerk', 'Jugend &amp; Beruf', 'Arbeitgeber']) {
      expect(res.body).toContain(label);
    }
    expect(res.body).toContain('href="#inhalt"');
  });

  it('answers /healthz and /readyz', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject('/readyz')).json()).toEqual({ status: 'ok' });
  });
});
