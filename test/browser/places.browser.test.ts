import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoLogins } from '../../src/modules/accounts/index.js';
import { expectNoAxeViolations, submitForm, useBrowserHarness, visit } from './harness.js';

/** Places for young people: a pupil filters on a phone without JavaScript; an employer enters a place, the editors approve it. */
const h = useBrowserHarness();

const emailOf = (role: string) => demoLogins.users.find((u) => u.role === role)!.email;
const narrow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

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
      .locator('button[type="submit"]')
      .first(),
  );
  await expectNoAxeViolations(page);
}

describe('internships and apprenticeships', () => {
  it('a pupil filters the places on a 320 px phone without JavaScript and opens one', async () => {
    const context = await h.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
    const page = await context.newPage();
    expect((await visit(page, h.url('/jugend-beruf'))).status()).toBe(200);
    await expectNoAxeViolations(page);
    await page.locator('main a[href="/jugend-beruf/plaetze"]').click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    expect(await narrow(page)).toBeLessThanOrEqual(320);
    // The filters fold behind "Filter" on a phone (a <details>, no JavaScript).
    await page.locator('main .filter-panel__toggle').click();
    await page.locator('main [name="feld"]').selectOption('health');
    await page.locator('main [name="abschluss"]').selectOption('hauptschule');
    await page.locator('main form[action="/jugend-beruf/plaetze"] button[type="submit"]').click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    expect(new URL(page.url()).search).toContain('feld=health');
    const titles = await page.locator('main .idea-card h3').allInnerTexts();
    expect(titles).toContain('Ausbildung Pflegefachassistenz in der ambulanten Pflege');
    expect(titles).not.toContain('Ausbildung Pflegefachfrau / Pflegefachmann');
    await page.locator('main .idea-card a', { hasText: 'Pflegefachassistenz' }).click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    expect(await narrow(page)).toBeLessThanOrEqual(320);
    expect(await page.locator('main').innerText()).toContain('So bewirbst du dich');
    expect(await page.locator('script[type="application/ld+json"]').textContent()).toContain('"@type":"JobPosting"');
  });

  it('an employer enters a place, gets a clear error first, and the editors approve it', async () => {
    const page = await (await h.newContext()).newPage();
    await logIn(page, emailOf('provider'));
    expect((await visit(page, h.url('/plaetze-verwalten'))).status()).toBe(200);
    await expectNoAxeViolations(page);
    await page.locator('main a', { hasText: 'Familienzentrum Sonnenblume' }).click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    await page.locator('main a', { hasText: 'Neuen Platz eintragen' }).click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);

    await page.locator('main [name="kind"]').selectOption('apprenticeship');
    await page.locator('main [name="occupation"]').fill('Sozialassistent/in');
    await page.locator('main [name="field"]').selectOption('social');
    await page.locator('main [name="certificate"]').selectOption('hauptschule');
    await page.locator('main [name="start_date"]').fill('01.08.2020');
    await page.locator('main [name="description"]').fill('Du begleitest Kinder im Alltag der Kita.');
    await page.locator('main [name="how_to_apply"]').fill('Ruf uns an.');
    const submit = page.locator('main button[name="intent"][value="submit"]');
    expect((await submitForm(page, submit)).status()).toBe(422);
    await expectNoAxeViolations(page);
    const summary = await page.locator('main .error-summary').innerText();
    expect(summary).toContain('Füllen Sie das Feld „Titel“ aus.');

    await page.locator('main [name="title"]').fill('Ausbildung Sozialassistenz im Familienzentrum');
    const next = new Date(Date.now() + 200 * 86_400_000);
    await page
      .locator('main [name="start_date"]')
      .fill(`${String(next.getUTCDate()).padStart(2, '0')}.${String(next.getUTCMonth() + 1).padStart(2, '0')}.${next.getUTCFullYear()}`);
    expect((await submitForm(page, submit)).status()).toBe(303);
    await expectNoAxeViolations(page);
    expect(await page.locator('main').innerText()).toContain('Der Platz ist zur Prüfung eingereicht.');

    const staff = await (await h.newContext()).newPage();
    await logIn(staff, emailOf('editor'));
    expect((await visit(staff, h.url('/verwaltung/pruefung'))).status()).toBe(200);
    await expectNoAxeViolations(staff);
    await staff.locator('main a', { hasText: 'Ausbildung Sozialassistenz im Familienzentrum' }).click();
    await staff.waitForLoadState('load');
    await expectNoAxeViolations(staff);
    expect(await staff.locator('main').innerText()).toContain('Sozialassistent/in');
    expect((await submitForm(staff, staff.locator('main form[action$="/freigeben"] button[type="submit"]'))).status()).toBe(303);
    await expectNoAxeViolations(staff);

    expect((await visit(page, h.url('/jugend-beruf/plaetze?feld=social'))).status()).toBe(200);
    await expectNoAxeViolations(page);
    expect(await page.locator('main .idea-card h3').allInnerTexts()).toContain('Ausbildung Sozialassistenz im Familienzentrum');
  });
});
