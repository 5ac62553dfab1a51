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

    // The language menu in the header opens without script and names each language in itself.
    await page.locator('.language-switch summary').click();
    const turkish = page.locator('.language-switch a[hreflang="tr"]');
    expect(await turkish.textContent()).toBe('Türkçe');
    expect(await turkish.getAttribute('href')).toBe('/sprache/tr?zurueck=%2F');
    await turkish.click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname, 'the switch returns to the same page').toBe('/');
    expect(await page.locator('html').getAttribute('lang')).toBe('tr');
    await expectNoAxeViolations(page);

    // Arabic turns the page right to left; the choice is remembered on the next page.
    await page.locator('.language-switch summary').click();
    await page.locator('.language-switch a[hreflang="ar"]').click();
    await page.waitForLoadState('load');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expectNoAxeViolations(page);
    await visit(page, h.url('/angebote'));
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    await expectNoAxeViolations(page);

    await page.locator('.language-switch summary').click();
    await page.locator('.language-switch a[hreflang="de"]').click();
    await page.waitForLoadState('load');
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await expectNoAxeViolations(page);
  });

  it('the language switch keeps a deeper page and its query', async () => {
    const context = await h.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await visit(page, h.url('/gibt-es-nicht?seite=2'));
    await expectNoAxeViolations(page);
    await page.locator('.language-switch summary').click();
    await page.locator('.language-switch a[hreflang="en"]').click();
    await page.waitForLoadState('load');
    const url = new URL(page.url());
    expect(url.pathname + url.search).toBe('/gibt-es-nicht?seite=2');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectNoAxeViolations(page);
  });
});
