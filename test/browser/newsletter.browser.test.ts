import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoLogins } from '../../src/modules/accounts/index.js';
import { expectNoAxeViolations, submitForm, useBrowserHarness, visit } from './harness.js';

/** The Familieninfobrief as people use it: families subscribe and manage it, editors write and send. */
const h = useBrowserHarness();

const submitOf = (page: Page, fieldName: string) =>
  page
    .locator('main form')
    .filter({ has: page.locator(`[name="${fieldName}"]`) })
    .locator('button[type="submit"]')
    .first();

async function logIn(page: Page, email: string) {
  expect((await visit(page, h.url('/anmelden'))).status()).toBe(200);
  await expectNoAxeViolations(page);
  await page.locator('main [name="email"]').fill(email);
  await page.locator('main [name="password"]').fill(demoLogins.password);
  await submitForm(page, submitOf(page, 'password'));
  await expectNoAxeViolations(page);
}

describe('subscribing', () => {
  it('signs up, confirms from the mail, changes preferences and unsubscribes — every page accessible', async () => {
    const email = `familie-${Date.now()}@example.org`;
    const page = await h.newPage();
    expect((await visit(page, h.url('/infobrief'))).status()).toBe(200);
    await expectNoAxeViolations(page);

    // Submitting without consent: 422 with the error summary, still accessible.
    await page.locator('main [name="email"]').fill(email);
    const refused = await submitForm(page, submitOf(page, 'consent'));
    expect(refused.status()).toBe(422);
    await expectNoAxeViolations(page);
    expect(await page.locator('main .error-summary').innerText()).toContain('Bestätigen Sie');

    await page.locator('main').getByLabel('Gesundheit').check();
    await page.locator('main [name="consent"]').check();
    expect((await submitForm(page, submitOf(page, 'consent'))).status()).toBe(303);
    await expectNoAxeViolations(page);
    expect(await page.locator('main h1').innerText()).toBe('Bitte schauen Sie in Ihr Postfach');

    const [mail, ...more] = await h.mailsTo(email);
    expect(more).toHaveLength(0);
    const link = /\/infobrief\/bestaetigen\?token=\S+/.exec(mail!.text_body)![0];
    expect((await visit(page, h.url(link))).status()).toBe(200);
    await expectNoAxeViolations(page);
    expect(await page.locator('main h1').innerText()).toBe('Anmeldung bestätigt');

    await page.locator('main a', { hasText: 'Einstellungen ansehen' }).click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    expect(await page.locator('main').getByLabel('Gesundheit').isChecked()).toBe(true);
    await page.locator('main [name="district"]').selectOption('Rhynern');
    expect((await submitForm(page, submitOf(page, 'district'))).status()).toBe(303);
    await expectNoAxeViolations(page);
    expect(await page.locator('main').innerText()).toContain('Ihre Einstellungen sind gespeichert.');

    await submitForm(page, page.locator('main form[action="/infobrief/abmelden"] button'));
    await expectNoAxeViolations(page);
    expect(await page.locator('main h1').innerText()).toBe('Sie sind abgemeldet');
  });

  it('works on a 320 px phone without JavaScript', async () => {
    const context = await h.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
    const page = await context.newPage();
    expect((await visit(page, h.url('/infobrief'))).status()).toBe(200);
    await expectNoAxeViolations(page);
    await page.locator('main [name="email"]').fill(`ohne-js-${Date.now()}@example.org`);
    await page.locator('main [name="consent"]').check();
    expect((await submitForm(page, submitOf(page, 'consent'))).status()).toBe(303);
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });
});

describe('editors', () => {
  it('write a post, compose an issue, preview, send it and find it in the public archive', async () => {
    const page = await h.newPage();
    await logIn(page, 'redaktion@familienrathaus.example');
    const title = `Neue Sprechzeiten im Familienbüro ${Date.now()}`;

    expect((await visit(page, h.url('/verwaltung/neuigkeiten/neu'))).status()).toBe(200);
    await expectNoAxeViolations(page);
    await page.locator('main [name="title"]').fill(title);
    await page.locator('main [name="teaser"]').fill('Ab Januar auch dienstags bis 18 Uhr.');
    await page.locator('main [name="body"]').fill('## Zeiten\n\n- Dienstag 9 bis 18 Uhr');
    await page.locator('main [name="topic_beratung"]').check();
    expect((await submitForm(page, submitOf(page, 'title'))).status()).toBe(303);
    await expectNoAxeViolations(page);

    expect((await visit(page, h.url('/neuigkeiten'))).status()).toBe(200);
    await expectNoAxeViolations(page);
    await page.locator('main a', { hasText: title }).click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);

    expect((await visit(page, h.url('/verwaltung/infobrief'))).status()).toBe(200);
    await expectNoAxeViolations(page);
    expect((await visit(page, h.url('/verwaltung/infobrief/neu'))).status()).toBe(200);
    await expectNoAxeViolations(page);
    await page.locator('main [name="subject"]').fill('Familieninfobrief Winter');
    await page.locator('main').getByLabel(new RegExp(title)).check();
    await page.locator('main [name="holidayNotice"]').fill('Anmeldung für die Osterferien ab 1. Februar.');
    expect((await submitForm(page, submitOf(page, 'subject'))).status()).toBe(303);
    await expectNoAxeViolations(page);

    await page.locator('main a', { hasText: 'Vorschau im Browser' }).click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    expect(await page.locator('main').innerText()).toContain(title);
    await page.goBack();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);

    // "Jetzt an alle verschicken" opens a check page with the recipient count; only its button sends.
    await page.locator('main form[action$="/senden"] button').click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    expect(await page.locator('main h1').innerText()).toBe('Ausgabe jetzt verschicken?');
    expect(await page.locator('main').innerText()).toMatch(
      /„Familieninfobrief Winter“ geht (jetzt an (alle \d+ bestätigten Adressen|1 bestätigte Adresse)|an niemanden)/,
    );
    expect((await submitForm(page, page.locator('main form[method="post"][action$="/senden"] button'))).status()).toBe(303);
    await expectNoAxeViolations(page);
    expect(await page.locator('main h1').innerText()).toContain('Familieninfobrief Winter');
    expect(await page.locator('main progress').getAttribute('value')).toBe('0');
    await h.runJobs();
    // The page follows the sending by itself (fortschritt.js polls the JSON state) and reloads when done.
    await page.locator('main').getByText('Der Versand ist abgeschlossen.').waitFor({ timeout: 20_000 });
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    await page.locator('main a', { hasText: 'Stand aktualisieren' }).click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    expect(await page.locator('main').innerText()).toContain('Der Versand ist abgeschlossen.');

    expect((await visit(page, h.url('/infobrief/archiv'))).status()).toBe(200);
    await expectNoAxeViolations(page);
    await page.locator('main a', { hasText: 'Familieninfobrief Winter' }).click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    expect(await page.locator('main').innerText()).toContain(title);
  });
  it('without JavaScript on a 320 px phone: "Jetzt an alle verschicken" asks on a check page, and "Nicht verschicken" leads back', async () => {
    const context = await h.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await logIn(page, 'redaktion@familienrathaus.example');
    expect((await visit(page, h.url('/verwaltung/infobrief/neu'))).status()).toBe(200);
    await expectNoAxeViolations(page);
    await page.locator('main [name="subject"]').fill('Infobrief ohne JavaScript');
    expect((await submitForm(page, submitOf(page, 'subject'))).status()).toBe(303);
    await expectNoAxeViolations(page);
    const composer = page.url();
    await page.locator('main form[action$="/senden"] button').click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    expect(await page.locator('main').innerText()).toMatch(
      /„Infobrief ohne JavaScript“ geht (jetzt an (alle \d+ bestätigten Adressen|1 bestätigte Adresse)|an niemanden)/,
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.locator('main a', { hasText: 'Nicht verschicken, zurück zur Ausgabe' }).click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    expect(page.url().split('?')[0]).toBe(composer.split('?')[0]);
  });
});
