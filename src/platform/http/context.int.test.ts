import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';

const t = useTestApp();

describe('cookies on answers without forms', () => {
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

  it('sets one on pages, which may carry forms', async () => {
    const res = await new Visitor(() => t.app).get('/veranstaltungen');
    expect(String(res.headers['set-cookie'])).toContain('frh_csrf=');
  });
});
