import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../src/platform/time/berlin.js';
import { demoLogins } from '../../src/modules/accounts/index.js';
import { buildEvent } from '../support/events.js';
import { expectNoAxeViolations, submitForm, useBrowserHarness, visit } from './harness.js';

/** The calendar as families, suggesters, organisers and editors use it; axe on every page. */
const h = useBrowserHarness();

async function logIn(page: Page, email: string) {
  expect((await visit(page, h.url('/anmelden'))).status()).toBe(200);
  await expectNoAxeViolations(page);
  await page.locator('main [name="email"]').fill(email);
  await page.locator('main [name="password"]').fill(demoLogins.password);
  await submitForm(
    page,
    page
      .locator('main form')
      .filter({ has: page.locator('[name="password"]') })
      .locator('button[type="submit"]'),
  );
  await expectNoAxeViolations(page);
}

/** Parses XML as a browser does; a parsererror element means the feed is not well-formed. */
async function xmlRoot(page: Page, url: string): Promise<{ root: string; items: number; error: string | null }> {
  return page.evaluate(async (u) => {
    const text = await (await fetch(u)).text();
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const error = doc.getElementsByTagName('parsererror')[0];
    return {
      root: doc.documentElement.nodeName,
      items: doc.getElementsByTagName('item').length + doc.getElementsByTagName('entry').length,
      error: error ? error.textContent : null,
    };
  }, url);
}

describe('the events calendar', () => {
  it('lists, filters, shows a month and an event, and offers well-formed feeds for the filter', async () => {
    const page = await h.newPage();
    expect((await visit(page, h.url('/veranstaltungen'))).status()).toBe(200);
    await expectNoAxeViolations(page);
    await page.getByLabel('Stadtbezirk').selectOption('Heessen');
    await page.getByLabel('Nächste 7 Tage').check();
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await page.waitForLoadState('load');
    const url = new URL(page.url());
    expect(url.searchParams.get('bezirk')).toBe('Heessen');
    expect(url.searchParams.get('wann')).toBe('7-tage');
    await expectNoAxeViolations(page);
    const icsLink = await page.getByRole('link', { name: 'Kalender-Abo (iCal)' }).getAttribute('href');
    expect(icsLink).toContain('/veranstaltungen.ics?wann=7-tage&bezirk=Heessen');

    for (const feed of ['/veranstaltungen.rss?bezirk=Heessen', '/veranstaltungen.atom?bezirk=Heessen']) {
      const parsed = await xmlRoot(page, h.url(feed));
      expect(parsed.error).toBeNull();
      expect(['rss', 'feed']).toContain(parsed.root);
      expect(parsed.items).toBeGreaterThan(0);
    }

    await page.getByRole('link', { name: 'Monat', exact: true }).click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    expect(await page.locator('table caption').textContent()).toContain('eine Zeile pro Woche');

    await visit(page, h.url('/veranstaltungen'));
    await expectNoAxeViolations(page);
    const first = page.locator('main .event-list h4 a').first();
    const title = (await first.textContent())!.trim();
    await first.click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    expect(await page.locator('h1').textContent()).toContain(title);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as {
      '@type': string;
      startDate: string;
      location: { address: unknown };
    };
    expect(jsonLd['@type']).toBe('Event');
    expect(jsonLd.startDate).toMatch(/[+-]\d{2}:\d{2}$|^\d{4}-\d{2}-\d{2}$/);
    expect(jsonLd.location.address).toBeTruthy();
    expect(await page.getByRole('link', { name: 'In meinen Kalender' }).getAttribute('href')).toMatch(/\/kalender\.ics$/);
  });

  it('takes a suggestion, and the editor rejects it with a reason that is mailed', async () => {
    const page = await h.newPage();
    expect((await visit(page, h.url('/veranstaltungen/vorschlagen'))).status()).toBe(200);
    await expectNoAxeViolations(page);
    const form = page.locator('main form[method="post"]');
    const bad = await submitForm(page, form.getByRole('button', { name: 'Vorschlag senden' }));
    expect(bad.status()).toBe(422);
    await expectNoAxeViolations(page);
    expect(await page.locator('.error-summary').textContent()).toContain('Titel');

    const date = addDays(todayIn(new Date()), 12);
    // Typed the way people write dates here: TT.MM.JJJJ.
    const typed = `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
    await form.getByLabel('Titel').fill('Drachenbauen auf der Wiese');
    await form.getByLabel('Beschreibung').fill('Wir bauen Drachen und lassen sie steigen.');
    await form.getByLabel('Natur und Umwelt').check();
    await form.getByLabel('Datum (Beginn)').fill(typed);
    await form.getByLabel('Uhrzeit (Beginn)').fill('14:00');
    await form.getByLabel('Uhrzeit (Ende)').fill('16:00');
    await form.getByLabel('Name des Ortes').fill('Festwiese');
    await form.getByLabel('Ort', { exact: true }).fill('Hamm');
    await form.getByLabel('Stadtbezirk').selectOption('Uentrop');
    await form.getByLabel('Ihre E-Mail-Adresse (freiwillig)').fill('drachen@example.org');
    const sent = await submitForm(page, form.getByRole('button', { name: 'Vorschlag senden' }));
    expect(sent.status()).toBe(303);
    await expectNoAxeViolations(page);
    expect(await page.locator('h1').textContent()).toContain('Vielen Dank');

    await logIn(page, 'redaktion@familienrathaus.example');
    await visit(page, h.url('/veranstaltungen/pruefen'));
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: /Prüfen Drachenbauen/ }).click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    await page.getByLabel('Grund der Ablehnung').fill('Bitte melden Sie Veranstaltungen mit Anmeldung beim Veranstalter.');
    await submitForm(page, page.getByRole('button', { name: 'Ablehnen' }));
    await expectNoAxeViolations(page);
    const mails = await h.mailsTo('drachen@example.org');
    expect(mails.at(-1)?.text_body).toContain('Grund: Bitte melden Sie');
  });

  it('gives the organiser an accessible form for new and existing events', async () => {
    const org = await h.deps.db.selectFrom('organizations').select('id').where('name', '=', 'Familienzentrum Sonnenblume e. V.').executeTakeFirstOrThrow();
    await buildEvent(h, {
      title: 'Wöchentlicher Spieletreff',
      organizationId: org.id,
      rule: { freq: 'weekly', interval: 1, byWeekday: [], until: null, count: 4 },
    });
    const page = await h.newPage();
    await logIn(page, 'anbieter@familienrathaus.example');
    await visit(page, h.url('/veranstaltungen/neu'));
    await expectNoAxeViolations(page);
    await visit(page, h.url('/veranstaltungen/verwalten'));
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Bearbeiten Wöchentlicher Spieletreff' }).click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    expect(await page.locator('form[enctype="multipart/form-data"]').count()).toBe(1);
    // Cancel the second date only.
    await submitForm(page, page.getByRole('button', { name: /Diesen Termin absagen/ }).nth(1));
    await expectNoAxeViolations(page);
    expect(await page.locator('main').textContent()).toContain('Wieder ansetzen');
  });

  it('works without JavaScript and on a 320 px screen', async () => {
    const context = await h.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    expect((await visit(page, h.url('/veranstaltungen'))).status()).toBe(200);
    await expectNoAxeViolations(page);
    // A phone folds the filters; they open without JavaScript.
    await page.locator('main summary', { hasText: 'Filter' }).click();
    await page.getByLabel('Thema').selectOption('sport');
    await page.getByLabel('Nur kostenlose').check();
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).searchParams.get('kategorie')).toBe('sport');
    await expectNoAxeViolations(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(320);
  });
});
