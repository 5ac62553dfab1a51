import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoLogins } from '../../src/modules/accounts/index.js';
import { expectNoAxeViolations, submitForm, useBrowserHarness, visit } from './harness.js';

/** Jugend & Beruf and counselling appointments as a 15-year-old and the staff use them. */
const h = useBrowserHarness();

async function click(page: Page, locator: ReturnType<Page['locator']>) {
  await locator.first().click();
  await page.waitForLoadState('load');
  await expectNoAxeViolations(page);
}

/** From /jugend-beruf through the guide to the booking form of the first free time. */
async function guideToForm(page: Page) {
  expect((await visit(page, h.url('/jugend-beruf'))).status()).toBe(200);
  await expectNoAxeViolations(page);
  await click(page, page.locator('main a', { hasText: 'Ich gehe noch zur Schule.' }));
  expect(await page.locator('main h1').innerText()).toBe('Ich gehe noch zur Schule.');
  await click(page, page.locator('main a', { hasText: 'Termin buchen: Berufsberatung' }));
  expect(await page.locator('main h1').innerText()).toBe('Berufsberatung');
  await click(page, page.locator('main .day-list a'));
  await click(page, page.locator('main .slot-list a'));
  expect(await page.locator('main h1').innerText()).toBe('Termin buchen');
}

describe('a 15-year-old books counselling', () => {
  it('finds it through the guide, books without an account under a nickname, confirms by mail and moves it', async () => {
    const email = `schuelerin-${Date.now()}@example.org`;
    const page = await h.newPage();
    await guideToForm(page);

    await page.locator('main [name="name"]').fill('Sternchen');
    await page.locator('main [name="email"]').fill(email);
    const refused = await submitForm(page, page.locator('main form button[type="submit"]'));
    expect(refused.status()).toBe(422);
    await expectNoAxeViolations(page);
    expect(await page.locator('main .error-summary').innerText()).toContain('Bestätigen Sie Ihr Alter');
    await page.locator('main [name="jung"]').check();
    expect((await submitForm(page, page.locator('main form button[type="submit"]'))).status()).toBe(303);
    await expectNoAxeViolations(page);
    expect(await page.locator('main h1').innerText()).toBe('Fast geschafft: Bitte bestätigen Sie Ihren Termin');

    const [mail] = await h.mailsTo(email);
    const link = /\/termine\/buchung\?token=\S+/.exec(mail!.text_body)![0];
    expect((await visit(page, h.url(link))).status()).toBe(200);
    await expectNoAxeViolations(page);
    expect((await submitForm(page, page.locator('main form[action="/termine/buchung/bestaetigen"] button'))).status()).toBe(303);
    await expectNoAxeViolations(page);
    expect(await page.locator('main').innerText()).toContain('Ihr Termin ist fest gebucht.');

    await click(page, page.locator('main a', { hasText: 'Anderen Termin wählen' }));
    expect(await page.locator('main h1').innerText()).toBe('Termin verschieben');
    await click(page, page.locator('main .slot-list a').nth(1));
    expect((await submitForm(page, page.locator('main form[action="/termine/buchung/verschieben"] button'))).status()).toBe(303);
    await expectNoAxeViolations(page);
    expect(await page.locator('main').innerText()).toContain('Ihr Termin ist verschoben.');
    const mails = await h.mailsTo(email);
    // The mails go out in any order (the queue runs them in parallel): one of each.
    const subjects = mails.map((m) => m.subject).sort();
    expect(subjects).toHaveLength(3);
    expect(subjects[0]).toBe('Bitte bestätigen Sie Ihren Termin: Berufsberatung');
    expect(subjects[1]).toContain('Ihr Termin ist gebucht: Berufsberatung');
    expect(subjects[2]).toContain('Ihr Termin wurde verschoben: Berufsberatung');
  });

  it('works on a 320 px phone without JavaScript', async () => {
    const context = await h.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await guideToForm(page);
    await page.locator('main [name="name"]').fill('Komet');
    await page.locator('main [name="email"]').fill(`ohne-js-${Date.now()}@example.org`);
    await page.locator('main [name="jung"]').check();
    expect((await submitForm(page, page.locator('main form button[type="submit"]'))).status()).toBe(303);
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect((await visit(page, h.url('/jugend-beruf/schulen'))).status()).toBe(200);
    await expectNoAxeViolations(page);
  });
});

describe('staff', () => {
  it('see the day view of their bookings', async () => {
    const page = await h.newPage();
    expect((await visit(page, h.url('/anmelden'))).status()).toBe(200);
    await expectNoAxeViolations(page);
    await page.locator('main [name="email"]').fill('admin@familienrathaus.example');
    await page.locator('main [name="password"]').fill(demoLogins.password);
    await submitForm(page, page.locator('main form button[type="submit"]').last());
    await expectNoAxeViolations(page);
    const demo = await h.deps.db.selectFrom('appointment_bookings').select('starts_at').where('name', '=', 'Lena (Demo)').executeTakeFirstOrThrow();
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(demo.starts_at);
    expect((await visit(page, h.url(`/verwaltung/termine?tag=${day}`))).status()).toBe(200);
    await expectNoAxeViolations(page);
    expect(await page.locator('main table').innerText()).toContain('Lena (Demo)');
    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoAxeViolations(page);
    await click(page, page.locator('main a', { hasText: 'Buchen, sperren, Ausfall melden' }));
    expect(await page.locator('main h1').innerText()).toBe('Buchen, sperren, Ausfall melden');
    const refused = await submitForm(page, page.locator('main form[action="/verwaltung/termine/sperren"] button'));
    expect(refused.status()).toBe(422);
    await expectNoAxeViolations(page);

    // Setting up: a counsellor's page with weekly pattern and exceptions, on the phone too.
    expect((await visit(page, h.url('/verwaltung/termine/einstellungen'))).status()).toBe(200);
    await expectNoAxeViolations(page);
    await click(page, page.locator('main a[href*="/beratende/"]'));
    expect(await page.locator('main h2', { hasText: 'Wochenplan' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const noPlace = await submitForm(page, page.locator('main form[action$="/zeiten"] button'));
    expect(noPlace.status()).toBe(422);
    await expectNoAxeViolations(page);
  });
});
