import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, screenshotDir, useBrowserHarness, visit } from './harness.js';

const h = useBrowserHarness();

describe('start page', () => {
  it('names the portal and its skip link takes keyboard users to the content', async () => {
    const page = await h.newPage();
    const response = await visit(page, h.url('/'));
    expect(response.status()).toBe(200);
    expect(await page.title()).toContain('Familienrathaus Hamm');
    await expectNoAxeViolations(page);

    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const el = document.activeElement as HTMLAnchorElement | null;
      const box = el?.getBoundingClientRect();
      return {
        href: el?.getAttribute('href'),
        text: el?.textContent?.trim(),
        visible: !!box && box.width > 0 && box.height > 0 && box.top >= 0 && box.bottom <= innerHeight,
      };
    });
    expect(skip.href).toBe('#inhalt');
    expect(skip.text).toBeTruthy();
    expect(skip.visible, 'the skip link shows when it has focus').toBe(true);

    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhalt');
  });
});

describe('page not found', () => {
  it('answers 404 inside the layout with a way home', async () => {
    const page = await h.newPage();
    const response = await visit(page, h.url('/gibt-es-nicht'));
    expect(response.status()).toBe(404);
    await expectNoAxeViolations(page);
    await expect.poll(() => page.locator('header nav').count()).toBeGreaterThan(0);
    expect(await page.locator('footer').count()).toBe(1);
    expect(await page.locator('main#inhalt h1').count()).toBe(1);
    const home = page.locator('main a[href="/"]');
    expect(await home.count()).toBe(1);
    await home.click();
    await page.waitForURL(h.url('/'));
    await expectNoAxeViolations(page);
  });
});

describe('a 320 px wide phone', () => {
  for (const url of ['/', '/anmelden']) {
    it(`shows ${url} without horizontal scrolling`, async () => {
      const context = await h.newContext({ viewport: { width: 320, height: 640 } });
      const page = await context.newPage();
      const response = await visit(page, h.url(url));
      expect(response.status()).toBe(200);
      await expectNoAxeViolations(page);
      const widths = await page.evaluate(() => ({ document: document.documentElement.scrollWidth, body: document.body.scrollWidth }));
      const name = url === '/' ? 'start' : url.slice(1);
      await page.screenshot({ path: path.join(screenshotDir, `${name}-320.png`), fullPage: true });
      await page.screenshot({ path: path.join(screenshotDir, `${name}-320-first-screen.png`) });
      expect(widths.document, `${url} is ${widths.document}px wide at 320px`).toBeLessThanOrEqual(320);
      expect(widths.body).toBeLessThanOrEqual(320);
    });
  }

  it('and the start page on a 1280 px screen, for the record', async () => {
    const page = await h.newPage();
    await visit(page, h.url('/'));
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(screenshotDir, 'start-1280.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  });
});
