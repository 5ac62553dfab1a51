import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, useBrowserHarness, visit } from './harness.js';

/** The installable portal: the service worker installs from any page and shows the offline page when the network is gone. */
const h = useBrowserHarness();

/** Resolves once the page is controlled by the installed worker (its precache complete): no waiting on time. */
const controlledByWorker = (page: Page) =>
  page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  });

const offlinePageLanguage = (page: Page, language: string) =>
  page.waitForFunction(async (wanted) => (await caches.match('/offline', { ignoreVary: true }))?.headers.get('content-language') === wanted, language, {
    polling: 100,
  });

describe('offline', () => {
  it('shows the offline page, styled from the cache, in the language of the last page seen', async () => {
    const context = await h.newContext({ serviceWorkers: 'allow' });
    const page = await context.newPage();
    await visit(page, h.url('/'));
    await expectNoAxeViolations(page);
    await controlledByWorker(page);
    await offlinePageLanguage(page, 'de');

    await context.setOffline(true);
    await visit(page, h.url('/veranstaltungen'));
    await expectNoAxeViolations(page);
    expect(await page.locator('h1').textContent()).toBe('Keine Verbindung');
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('Fira Sans');

    await context.setOffline(false);
    await visit(page, h.url('/?lang=ar'));
    await expectNoAxeViolations(page);
    await offlinePageLanguage(page, 'ar');

    await context.setOffline(true);
    await visit(page, h.url('/ferien'));
    await expectNoAxeViolations(page);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('h1').textContent()).toBe('لا يوجد اتصال');
  });
});
