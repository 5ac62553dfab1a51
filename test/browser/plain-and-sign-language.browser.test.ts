import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoLogins } from '../../src/modules/accounts/accounts.seed.js';
import { expectNoAxeViolations, submitForm, useBrowserHarness, visit } from './harness.js';

/**
 * Leichte Sprache, Gebärdensprache and editors' translations, on a 320 px phone without JavaScript:
 * the pages BITV 2.0 § 4 asks for, and the forms editors use to keep them (and translations) up to date.
 */
const h = useBrowserHarness();

const placeholderVideo = new URL('../../src/modules/content/seed/media/gebaerdensprache-platzhalter.mp4', import.meta.url).pathname;
const placeholderCaptions = new URL('../../src/modules/content/seed/media/gebaerdensprache-platzhalter.vtt', import.meta.url).pathname;

async function phoneWithoutScript(): Promise<Page> {
  const context = await h.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
  return context.newPage();
}

async function checked(page: Page) {
  await expectNoAxeViolations(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `no sideways scrolling at 320 px on ${page.url()}`).toBeLessThanOrEqual(0);
}

async function signInAsEditor(page: Page) {
  const editor = demoLogins.users.find((u) => u.role === 'editor')!;
  await visit(page, h.url('/anmelden'));
  await expectNoAxeViolations(page);
  const login = page.locator('main form').filter({ has: page.locator('[name="password"]') });
  await login.locator('[name="email"]').fill(editor.email);
  await login.locator('[name="password"]').fill(demoLogins.password);
  expect((await submitForm(page, login.locator('button[type="submit"]'))).status()).toBeLessThan(400);
  await expectNoAxeViolations(page);
}

describe('Leichte Sprache and Gebärdensprache on a phone without JavaScript', () => {
  it('reaches every Leichte-Sprache page from the start page, and each reads as one', async () => {
    const page = await phoneWithoutScript();
    await visit(page, h.url('/'));
    await checked(page);
    await page.locator('a[href="/leichte-sprache"]').first().click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe('/leichte-sprache');
    await checked(page);
    const pages = await page.locator('main a[href^="/leichte-sprache/"]').evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute('href')!))]);
    expect(pages.length, 'the overview links the main topics').toBeGreaterThanOrEqual(6);
    for (const path of pages) {
      const response = await visit(page, h.url(path));
      expect(response.status(), path).toBe(200);
      await checked(page);
      expect((await page.locator('main h1').innerText()).length, path).toBeGreaterThan(0);
    }
  });

  it('plays the sign-language videos with German captions and offers their text', async () => {
    const page = await phoneWithoutScript();
    await visit(page, h.url('/'));
    await expectNoAxeViolations(page);
    await page.locator('a[href="/gebaerdensprache"]').first().click();
    await page.waitForLoadState('load');
    await checked(page);
    const videos = page.locator('main video[controls]');
    expect(await videos.count(), 'content, navigation and accessibility statement each have a video').toBe(3);
    const track = videos.first().locator('track[kind="captions"]');
    expect(await track.getAttribute('srclang')).toBe('de');
    const captions = await page.request.get(h.url((await track.getAttribute('src')) ?? '/keine-untertitel'));
    expect(captions.headers()['content-type']).toContain('text/vtt');
    const source = await videos.first().locator('source').getAttribute('src');
    const partial = await page.request.get(h.url(source!), { headers: { Range: 'bytes=0-99' } });
    expect(partial.status(), 'the player can seek: range requests answer 206').toBe(206);
  });

  it('lets an editor replace a video, with a clear message when the captions are missing', async () => {
    const page = await phoneWithoutScript();
    await signInAsEditor(page);
    await visit(page, h.url('/verwaltung/gebaerdensprache'));
    await checked(page);
    await visit(page, h.url('/verwaltung/gebaerdensprache/bedienung'));
    await checked(page);
    const form = page.locator('main form').filter({ has: page.locator('[name="video"]') });
    await form.locator('[name="title"]').fill('So bedienen Sie das Familienrathaus');
    await form.locator('[name="video"]').setInputFiles(placeholderCaptions);
    expect((await submitForm(page, form.locator('button[type="submit"]'))).status()).toBe(422);
    await checked(page);
    expect(await page.locator('main .error-summary').innerText()).toContain('Video');
    expect(await page.locator('main [name="title"]').inputValue(), 'the heading typed is kept').toBe('So bedienen Sie das Familienrathaus');

    const again = page.locator('main form').filter({ has: page.locator('[name="video"]') });
    await again.locator('[name="video"]').setInputFiles(placeholderVideo);
    await again.locator('[name="captions"]').setInputFiles(placeholderCaptions);
    expect((await submitForm(page, again.locator('button[type="submit"]'))).status()).toBe(303);
    await checked(page);
    await visit(page, h.url('/gebaerdensprache'));
    await checked(page);
    expect(await page.locator('main').innerText()).toContain('So bedienen Sie das Familienrathaus');
  });

  it('lets an editor translate a news post into Turkish, and families read it in Turkish', async () => {
    const post = await h.deps.db
      .selectFrom('news_posts')
      .select(['id', 'title'])
      .where('published_at', 'is not', null)
      .orderBy('published_at', 'desc')
      .executeTakeFirstOrThrow();
    const page = await phoneWithoutScript();
    await signInAsEditor(page);
    await visit(page, h.url(`/uebersetzungen/neuigkeit/${post.id}/tr`));
    await checked(page);
    const form = page.locator('main form').filter({ has: page.locator('[name="title"]') });
    await form.locator('[name="title"]').fill('');
    expect((await submitForm(page, form.locator('button[type="submit"]'))).status()).toBe(422);
    await checked(page);
    expect(await page.locator('main .error-summary a[href="#title"]').count()).toBe(1);

    const again = page.locator('main form').filter({ has: page.locator('[name="title"]') });
    await again.locator('[name="title"]').fill('Aileler için yeni haber');
    for (const name of ['teaser', 'body', 'imageAlt']) {
      const field = again.locator(`[name="${name}"]`);
      if ((await field.count()) && !(await field.inputValue())) await field.fill('Türkçe metin, aileler için.');
    }
    expect((await submitForm(page, again.locator('button[type="submit"]'))).status()).toBe(303);
    await checked(page);

    const reader = await phoneWithoutScript();
    await visit(reader, h.url(`/neuigkeiten/${post.id}?lang=tr`));
    await checked(reader);
    expect(await reader.locator('main h1').innerText()).toBe('Aileler için yeni haber');
  });
});
