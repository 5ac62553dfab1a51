import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';

const t = useTestApp();

describe('CSRF cookies only where a form needs them', () => {
  it('sets no CSRF cookie on feeds and calendar files, so they can be cached publicly', async () => {
    for (const path of [
      '/veranstaltungen.ics',
      '/veranstaltungen.rss?bezirk=Heessen',
      '/veranstaltungen.atom',
      '/neuigkeiten/feed.rss',
      '/infobrief/archiv.rss',
    ]) {
      const res = await new Visitor(() => t.app).get(path);
      expect([path, res.statusCode, res.headers['set-cookie']]).toEqual([path, 200, undefined]);
    }
  });

  it('sets one with the first form, and none on pages without a form (they stay the same for everyone)', async () => {
    const visitor = new Visitor(() => t.app);
    const list = await visitor.get('/veranstaltungen');
    expect([list.headers['set-cookie'], list.headers['cache-control']]).toEqual([undefined, 'public, no-cache']);
    const form = await visitor.get('/barriere-melden');
    expect(String(form.headers['set-cookie'])).toContain('frh_csrf=');
    expect(form.headers['cache-control']).toBe('no-store');
    // The cookie made with the form vouches for the form's token.
    const sent = await visitor.submit('/barriere-melden', '/barriere-melden', { page: '/angebote', message: 'Der Kontrast ist zu schwach.' });
    expect(sent.statusCode).toBe(303);
  });
});
