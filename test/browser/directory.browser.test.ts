import type { Page } from 'playwright-core';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listPath } from '../../src/modules/directory/public/directory.filters.js';
import { demoLogins } from '../../src/modules/accounts/index.js';
import { buildLocation, buildOrganization, buildService } from '../support/directory.js';
import type { TestApp } from '../support/app.js';
import { expectNoAxeViolations, screenshotDir, submitForm, useBrowserHarness, visit } from './harness.js';

const h = useBrowserHarness();

beforeAll(async () => {
  // The demo seed brings the directory; should it be empty, a few services do for these journeys.
  const listed = await h.deps.db
    .selectFrom('directory_services')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(listed.n) > 0) return;
  const t = h as unknown as TestApp;
  const org = await buildOrganization(t, { name: 'Kinderärzte am Kurpark' });
  const place = await buildLocation(t, org.id, { district: 'Heessen', barrierFree: true });
  for (const name of ['Kinderarztpraxis am Kurpark', 'Impfsprechstunde für Kinder']) {
    await buildService(t, org.id, { name, description: 'Vorsorge beim Kinderarzt.', topics: ['gesundheit'], locationIds: [place.id] });
  }
});

const noHorizontalScroll = async (page: Page) => page.evaluate(() => ({ document: document.documentElement.scrollWidth, body: document.body.scrollWidth }));

describe('finding a service', () => {
  it('searches with a typo and filters, opens a service, and comes back with the filters kept', async () => {
    const page = await h.newPage();
    expect((await visit(page, h.url(listPath))).status()).toBe(200);
    await expectNoAxeViolations(page);

    await page.getByLabel('Suchbegriff', { exact: true }).fill('kinderartz');
    await page.getByLabel('Thema').selectOption('gesundheit');
    await page.getByLabel('Nur kostenlose Angebote').check();
    await page.getByRole('button', { name: 'Angebote anzeigen' }).click();
    await page.waitForLoadState('load');
    const url = new URL(page.url());
    expect(url.pathname).toBe(listPath);
    expect(url.searchParams.get('q')).toBe('kinderartz');
    expect(url.searchParams.get('thema')).toBe('gesundheit');
    expect(url.searchParams.get('kostenlos')).toBe('ja');
    await expectNoAxeViolations(page);
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/\d+ Angebote? gefunden/);
    expect(await page.locator('main').textContent()).toContain('Meinten Sie');

    const first = page.locator('li.directory-result h3 a').first();
    const name = (await first.textContent())!.trim();
    expect(name).toMatch(/Kinder|Impf|Vorsorge/);
    await first.click();
    await page.waitForLoadState('load');
    expect(await page.locator('h1').textContent()).toBe(name);
    await expectNoAxeViolations(page);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as { '@type': string; name: string };
    expect(['Service', 'GovernmentService']).toContain(jsonLd['@type']);
    expect(jsonLd.name).toBe(name);

    // The back button returns to the same search: everything is in the URL.
    await page.goBack();
    await page.waitForLoadState('load');
    expect(page.url()).toBe(url.toString());
    await expectNoAxeViolations(page);
    expect(await page.getByLabel('Suchbegriff', { exact: true }).inputValue()).toBe('kinderartz');
    expect(await page.getByLabel('Nur kostenlose Angebote').isChecked()).toBe(true);
  });

  it('shows the print view of a service', async () => {
    const page = await h.newPage();
    await visit(page, h.url(`${listPath}?thema=gesundheit`));
    await expectNoAxeViolations(page);
    await page.locator('li.directory-result h3 a').first().click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Druckansicht' }).click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toMatch(/^\/angebote\/[0-9a-f-]{36}\/drucken$/);
    await expectNoAxeViolations(page);
    expect(await page.locator('nav').count()).toBe(0);
  });

  it('works without JavaScript', async () => {
    const context = await h.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await visit(page, h.url(listPath));
    await expectNoAxeViolations(page);
    await page.getByLabel('Stadtbezirk', { exact: true }).selectOption('Heessen');
    await page.getByRole('button', { name: 'Angebote anzeigen' }).click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).searchParams.get('bezirk')).toBe('Heessen');
    await expectNoAxeViolations(page);
    const districts = await page.locator('li.directory-result').allTextContents();
    expect(districts.length).toBeGreaterThan(0);
    for (const text of districts) expect(text).toContain('Heessen');
  });
});

describe('topic pages', () => {
  it('lists topics and shows one with its services', async () => {
    const page = await h.newPage();
    await visit(page, h.url('/themen'));
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Gesundheit & Kinderärzte' }).click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe('/themen/gesundheit');
    await expectNoAxeViolations(page);
    expect(await page.locator('li.directory-result').count()).toBeGreaterThan(0);
  });
});

describe('an editor', () => {
  it('writes a topic introduction, sees the error first and then the saved text', async () => {
    const page = await h.newPage();
    await visit(page, h.url('/anmelden'));
    await expectNoAxeViolations(page);
    const editor = demoLogins.users.find((u) => u.role === 'editor')!;
    await page.locator('main [name="email"]').fill(editor.email);
    await page.locator('main [name="password"]').fill(demoLogins.password);
    await submitForm(page, page.locator('main form button[type="submit"]').first());
    await expectNoAxeViolations(page);

    await visit(page, h.url('/themen/familienbildung'));
    await expectNoAxeViolations(page);
    await page.getByLabel('Einführung auf Englisch').fill('Only English first.');
    const refused = await submitForm(page, page.getByRole('button', { name: 'Einführung speichern' }));
    expect(refused.status()).toBe(422);
    await expectNoAxeViolations(page);
    expect(await page.title()).toMatch(/^Fehler: /);

    await page.getByLabel('Einführung auf Deutsch').fill('Kurse und Treffpunkte für Eltern.\n\nAlle Angebote sind offen für alle Familien.');
    const saved = await submitForm(page, page.getByRole('button', { name: 'Einführung speichern' }));
    expect(saved.status()).toBe(303);
    await expectNoAxeViolations(page);
    expect(await page.locator('main').textContent()).toContain('Die Einführung ist gespeichert.');
    expect(await page.locator('main .content-body').textContent()).toContain('Kurse und Treffpunkte für Eltern.');
  });
});

describe('a 320 px wide phone', () => {
  it('shows the search page and a service without horizontal scrolling', async () => {
    const context = await h.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await visit(page, h.url(`${listPath}?q=Kinderarzt&sortierung=entfernung&von=Heessen`));
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(screenshotDir, 'angebote-320.png'), fullPage: true });
    let widths = await noHorizontalScroll(page);
    expect(widths.document, `the list is ${widths.document}px wide at 320px`).toBeLessThanOrEqual(320);
    expect(widths.body).toBeLessThanOrEqual(320);

    await page.locator('li.directory-result h3 a').first().click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(screenshotDir, 'angebot-320.png'), fullPage: true });
    widths = await noHorizontalScroll(page);
    expect(widths.document, `the service page is ${widths.document}px wide at 320px`).toBeLessThanOrEqual(320);
  });
});
