import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoLogins } from '../../src/modules/accounts/index.js';
import { createUser } from '../support/auth.js';
import { expectNoAxeViolations, submitForm, useBrowserHarness, visit } from './harness.js';

const h = useBrowserHarness();

/** The field with this name whose label (accessible name) contains the given text. */
function field(page: Page, name: string, label: string) {
  return page
    .locator('main')
    .getByLabel(label)
    .and(page.locator(`[name="${name}"]`));
}

function submitButtonOf(page: Page, fieldName: string) {
  return page
    .locator('main form')
    .filter({ has: page.locator(`[name="${fieldName}"]`) })
    .locator('button[type="submit"], input[type="submit"]')
    .first();
}

async function logIn(page: Page, email: string, password: string) {
  const response = await visit(page, h.url('/anmelden'));
  expect(response.status()).toBe(200);
  await expectNoAxeViolations(page);
  await field(page, 'email', 'E-Mail-Adresse').fill(email);
  await field(page, 'password', 'Passwort').fill(password);
  return submitForm(page, submitButtonOf(page, 'password'));
}

describe('registration', () => {
  it('registers, confirms the address from the mail, logs in and reaches Mein Konto', async () => {
    const email = `neu-${Date.now()}@example.org`;
    const password = 'Lippeauen-Spaziergang-2026';
    const page = await h.newPage();

    expect((await visit(page, h.url('/registrieren'))).status()).toBe(200);
    await expectNoAxeViolations(page);
    await field(page, 'displayName', 'Name').fill('Alex Beispiel');
    await field(page, 'email', 'E-Mail-Adresse').fill(email);
    await field(page, 'password', 'Passwort').fill(password);
    const privacy = page.locator('main input[type="checkbox"][name="privacy"]');
    expect(await privacy.count(), 'a checkbox to consent to the privacy notice').toBe(1);
    expect(
      await page
        .locator('main')
        .getByLabel(/Datenschutz/)
        .and(privacy)
        .count(),
      'the consent checkbox is labelled with the privacy notice',
    ).toBe(1);
    await privacy.check();
    const registered = await submitForm(page, submitButtonOf(page, 'privacy'));
    expect(registered.status(), 'a successful registration redirects (POST/redirect/GET)').toBe(303);
    await expectNoAxeViolations(page);
    expect(await page.locator('main').innerText()).toMatch(/bestätigen/i);

    const mails = await h.mailsTo(email);
    expect(mails, 'exactly one confirmation mail').toHaveLength(1);
    const link = /\/konto\/bestaetigen\?token=[A-Za-z0-9_\-.~%]+/.exec(mails[0]!.text_body)?.[0];
    expect(link, `a confirmation link in:\n${mails[0]!.text_body}`).toBeDefined();
    expect(mails[0]!.html_body ?? '', 'the HTML part carries the same link').toContain(link!.replace(/&/g, '&amp;'));

    const confirmed = await visit(page, h.url(link!));
    expect(confirmed.status()).toBe(200);
    await expectNoAxeViolations(page);
    expect(await page.locator('main').innerText()).toMatch(/bestätigt/i);

    await logIn(page, email, password);
    if (new URL(page.url()).pathname !== '/konto') await visit(page, h.url('/konto'));
    await expectNoAxeViolations(page);
    expect(new URL(page.url()).pathname).toBe('/konto');
    expect(await page.locator('main h1').innerText()).toContain('Mein Konto');
  });
});

describe('login', () => {
  it('with a wrong password answers 422, says "Fehler: " first and focuses the error summary', async () => {
    const user = await createUser(h, { password: 'das-richtige-Passwort-2026' });
    const page = await h.newPage();
    const response = await logIn(page, user.email, 'ein-falsches-Passwort-2026');
    expect(response.status()).toBe(422);
    await expectNoAxeViolations(page);
    expect(await page.title()).toMatch(/^Fehler: /);
    const focused = await page.evaluate(() => ({
      summary: document.activeElement?.hasAttribute('data-error-summary') ?? false,
      tag: document.activeElement?.tagName,
    }));
    expect(focused.summary, `focus is on <${focused.tag}>, not on the error summary`).toBe(true);
    // The address stays filled in; the password does not.
    expect(await field(page, 'email', 'E-Mail-Adresse').inputValue()).toBe(user.email);
    expect(await field(page, 'password', 'Passwort').inputValue()).toBe('');
    // Still logged out.
    expect((await visit(page, h.url('/konto'))).status()).toBe(401);
    await expectNoAxeViolations(page);
  });
});

describe('Mein Konto', () => {
  it('shows a demo family their profile, their consents and a download of their data', async () => {
    const family = demoLogins.users.find((u) => u.role === 'family');
    expect(family, 'src/modules/accounts/accounts.seed.ts lists a demo login with role "family"').toBeDefined();
    const page = await h.newPage();
    await logIn(page, family!.email, demoLogins.password);
    if (new URL(page.url()).pathname !== '/konto') await visit(page, h.url('/konto'));
    await expectNoAxeViolations(page);
    expect(new URL(page.url()).pathname).toBe('/konto');
    const main = page.locator('main');
    const text = await main.innerText();
    expect(await page.locator('main h1').innerText()).toContain('Mein Konto');
    expect(text, 'the profile shows the address').toContain(family!.email);
    expect(text).toMatch(/Einwilligung/i);

    const download = main.getByRole('link', { name: /herunterladen|download|exportieren/i });
    expect(await download.count(), 'one link to download my data').toBe(1);
    const href = await download.getAttribute('href');
    const data = await page.request.get(h.url(href!));
    expect(data.status()).toBe(200);
    expect(await data.text()).toContain(family!.email);
  });

  it('works on a 320 px phone: the consents table scrolls by keyboard, nothing else scrolls sideways', async () => {
    const family = demoLogins.users.find((u) => u.role === 'family')!;
    const context = await h.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await logIn(page, family.email, demoLogins.password);
    if (new URL(page.url()).pathname !== '/konto') await visit(page, h.url('/konto'));
    await expectNoAxeViolations(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'the page itself does not scroll sideways').toBeLessThanOrEqual(0);
    const scrollers = page.locator('main .table-scroll');
    for (let i = 0; i < (await scrollers.count()); i++) expect(await scrollers.nth(i).getAttribute('tabindex')).toBe('0');
  });
});
