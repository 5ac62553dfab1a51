import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, useBrowserHarness, visit } from './harness.js';

/**
 * Results come before the filters' bulk (WCAG 2.4.1 is the skip link; this is about finding
 * what one searched for without scrolling), and no page is wider than a 320 px screen (1.4.10).
 */
const h = useBrowserHarness();

const desktop = { width: 1280, height: 800 };
const phone = { width: 320, height: 568 };
const resultPages = [
  { path: '/angebote?q=Kinderarzt', firstResult: 'li.directory-result' },
  { path: '/veranstaltungen', firstResult: 'main .event-list > li' },
];

async function topOf(page: Page, selector: string): Promise<number> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not shown on ${page.url()}`);
  // Measured from the top of the document, whatever the page scrolled to.
  return box.y + (await page.evaluate(() => window.scrollY));
}

const documentWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('the first result is on the first screen', () => {
  for (const viewport of [desktop, phone]) {
    for (const { path, firstResult } of resultPages) {
      it(`${path} at ${viewport.width}×${viewport.height}`, async () => {
        const context = await h.newContext({ viewport });
        const page = await context.newPage();
        expect((await visit(page, h.url(path))).status()).toBe(200);
        await expectNoAxeViolations(page);
        const top = await topOf(page, firstResult);
        expect(top, `the first result starts ${Math.round(top)} px down`).toBeLessThan(viewport.height);
        expect(await documentWidth(page)).toBeLessThanOrEqual(viewport.width);
        if (viewport === desktop) {
          // Wide screens show every filter, beside the results rather than above them.
          const filters = await page.locator('main .filter-panel__body').boundingBox();
          const results = await page.locator(firstResult).first().boundingBox();
          expect(filters && results && filters.x + filters.width <= results.x, 'the filters stand beside the results').toBe(true);
          expect(await page.locator('main summary').isVisible()).toBe(false);
        }
      });
    }
  }
});

describe('a 320 px screen without JavaScript', () => {
  it('opens the menu and follows a link from it', async () => {
    const context = await h.newContext({ viewport: phone, javaScriptEnabled: false });
    const page = await context.newPage();
    await visit(page, h.url('/'));
    await expectNoAxeViolations(page);
    const events = page.locator('header nav a[href="/veranstaltungen"]');
    expect(await events.isVisible()).toBe(false);
    await page.locator('header summary', { hasText: 'Menü' }).click();
    expect(await events.isVisible()).toBe(true);
    expect(await page.locator('header form[role="search"] input[name="q"]').isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    await events.click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe('/veranstaltungen');
    await expectNoAxeViolations(page);
  });

  it('filters the services behind "Filter", which then counts what is on', async () => {
    const context = await h.newContext({ viewport: phone, javaScriptEnabled: false });
    const page = await context.newPage();
    await visit(page, h.url('/angebote?q=Kinderarzt'));
    await expectNoAxeViolations(page);
    const toggle = page.locator('main summary');
    expect((await toggle.textContent())?.trim()).toBe('Filter');
    expect(await page.getByLabel('Stadtbezirk', { exact: true }).isVisible()).toBe(false);
    await toggle.click();
    await expectNoAxeViolations(page);
    await page.getByLabel('Stadtbezirk', { exact: true }).selectOption('Heessen');
    await page.getByLabel('Nur kostenlose Angebote').check();
    await page.getByRole('button', { name: 'Angebote anzeigen' }).click();
    await page.waitForLoadState('load');
    const url = new URL(page.url());
    expect([url.searchParams.get('q'), url.searchParams.get('bezirk'), url.searchParams.get('kostenlos')]).toEqual(['Kinderarzt', 'Heessen', 'ja']);
    await expectNoAxeViolations(page);
    expect((await page.locator('main summary').textContent())?.trim()).toBe('Filter (2 aktiv)');
    expect(await documentWidth(page)).toBeLessThanOrEqual(phone.width);
  });

  it('filters the events behind "Filter"', async () => {
    const context = await h.newContext({ viewport: phone, javaScriptEnabled: false });
    const page = await context.newPage();
    await visit(page, h.url('/veranstaltungen'));
    await expectNoAxeViolations(page);
    await page.locator('main summary', { hasText: 'Filter' }).click();
    await page.getByLabel('Nur kostenlose').check();
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).searchParams.get('kostenlos')).toBe('ja');
    await expectNoAxeViolations(page);
    expect((await page.locator('main summary').textContent())?.trim()).toBe('Filter (1 aktiv)');
    expect(await topOf(page, 'main .event-list > li')).toBeLessThan(phone.height);
  });
});

describe('a 320 px screen', () => {
  it('shows the month without widening the page', async () => {
    const context = await h.newContext({ viewport: phone });
    const page = await context.newPage();
    expect((await visit(page, h.url('/veranstaltungen/monat'))).status()).toBe(200);
    await expectNoAxeViolations(page);
    const width = await documentWidth(page);
    expect(width, `the month page is ${width} px wide`).toBeLessThanOrEqual(phone.width);
  });
});
