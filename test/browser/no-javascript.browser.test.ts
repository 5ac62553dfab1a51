import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, useBrowserHarness, visit } from './harness.js';

const h = useBrowserHarness();

describe('with JavaScript switched off', () => {
  it('the start page keeps navigation, search and footer, and the language switch works', async () => {
    const context = await h.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await visit(page, h.url('/'));
    expect(response.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    await expectNoAxeViolations(page);

    // The main navigation with its sections.
    const mainNav = page.locator('header nav').filter({ has: page.locator('a[href="/angebote"]') });
    expect(await mainNav.count()).toBe(1);
    expect(await mainNav.locator('a').count()).toBeGreaterThanOrEqual(5);
    expect(await mainNav.isVisible()).toBe(true);
    // The search box: a real GET form that needs no script.
    const search = page.locator('form[role="search"]');
    expect(await search.getAttribute('method')).toBe('get');
    expect(await search.locator('input[name="q"]').isVisible()).toBe(true);
    expect(await search.locator('button[type="submit"]').isVisible()).toBe(true);
    // The footer with its links.
    const footer = page.locator('footer');
    expect(await footer.isVisible()).toBe(true);
    expect(await footer.locator('a').count()).toBeGreaterThanOrEqual(3);

    const english = footer.locator('a[hreflang="en"]');
    expect(await english.getAttribute('href')).toBe('/sprache/en?zurueck=%2F');
    await english.click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname, 'the switch returns to the same page').toBe('/');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectNoAxeViolations(page);

    // And back: the German link now sits where the English one was.
    const german = page.locator('footer a[hreflang="de"]');
    await german.click();
    await page.waitForLoadState('load');
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    await expectNoAxeViolations(page);
  });

  it('the language switch keeps a deeper page and its query', async () => {
    const context = await h.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await visit(page, h.url('/gibt-es-nicht?seite=2'));
    await expectNoAxeViolations(page);
    await page.locator('footer a[hreflang="en"]').click();
    await page.waitForLoadState('load');
    const url = new URL(page.url());
    expect(url.pathname + url.search).toBe('/gibt-es-nicht?seite=2');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectNoAxeViolations(page);
  });
});
