import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoSurveySlug } from '../../src/modules/survey/seed/seed.js';
import { expectNoAxeViolations, submitForm, useBrowserHarness, visit } from './harness.js';

/** The main journeys of a family in Arabic (right to left) and Turkish, on a 320 px phone. */
const h = useBrowserHarness();

async function checked(page: Page, lang: string) {
  await expectNoAxeViolations(page);
  expect(await page.locator('html').getAttribute('lang'), page.url()).toBe(lang);
  expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `no sideways scrolling at 320 px on ${page.url()}`).toBeLessThanOrEqual(0);
}

const submitOf = (page: Page, fieldName: string) =>
  page
    .locator('main form')
    .filter({ has: page.locator(`[name="${fieldName}"]`) })
    .locator('button[type="submit"]')
    .first();

/** Letters of the language, so a test sees that a text is not German. */
const script: Record<string, RegExp> = { ar: /[\u0600-\u06FF]/, tr: /[çğışöüÇĞİŞÖÜ]/ };

describe.each(['ar', 'tr'])('in %s on a 320 px phone', (lang) => {
  async function phone() {
    const context = await h.newContext({ viewport: { width: 320, height: 720 } });
    const page = await context.newPage();
    // The language menu, as a family would choose it.
    await visit(page, h.url('/'));
    await expectNoAxeViolations(page);
    await page.locator('.language-switch summary').click();
    await page.locator(`.language-switch a[hreflang="${lang}"]`).click();
    await page.waitForLoadState('load');
    await checked(page, lang);
    expect(await page.locator('main h1').innerText()).toMatch(script[lang]!);
    return page;
  }

  it('finds an offer and opens it', async () => {
    const page = await phone();
    await visit(page, h.url('/angebote'));
    await checked(page, lang);
    await page.locator('main input[name="q"]').fill('Beratung');
    await page.locator('main form[role="search"] button[type="submit"], main form button[type="submit"]').first().click();
    await page.waitForLoadState('load');
    await checked(page, lang);
    await page.locator('main .directory-result a').first().click();
    await page.waitForLoadState('load');
    await checked(page, lang);
  });

  it('registers an account, and the confirmation mail speaks the language', async () => {
    const page = await phone();
    const email = `konto-${lang}-${Date.now()}@example.org`;
    await visit(page, h.url('/registrieren'));
    await checked(page, lang);
    // Without the consent: the error summary, in the language.
    await page.locator('main [name="displayName"]').fill('Ayşe Yılmaz');
    await page.locator('main [name="email"]').fill(email);
    await page.locator('main [name="password"]').fill('Lippeauen-Spaziergang-2026');
    expect((await submitForm(page, submitOf(page, 'privacy'))).status()).toBe(422);
    await checked(page, lang);
    expect(await page.locator('main .error-summary').innerText()).toMatch(script[lang]!);
    await page.locator('main [name="password"]').fill('Lippeauen-Spaziergang-2026');
    await page.locator('main input[name="privacy"]').check();
    expect((await submitForm(page, submitOf(page, 'privacy'))).status()).toBe(303);
    await checked(page, lang);
    const [mail] = await h.mailsTo(email);
    expect(mail!.subject).toMatch(script[lang]!);
  });

  it('signs up for the Familieninfobrief, with the mails in the language', async () => {
    const page = await phone();
    const email = `infobrief-${lang}-${Date.now()}@example.org`;
    await visit(page, h.url('/infobrief'));
    await checked(page, lang);
    expect(await page.locator('main select[name="locale"]').inputValue(), 'the mail language follows the page').toBe(lang);
    await page.locator('main [name="email"]').fill(email);
    await page.locator('main [name="consent"]').check();
    expect((await submitForm(page, submitOf(page, 'consent'))).status()).toBe(303);
    await checked(page, lang);
    const [mail] = await h.mailsTo(email);
    expect(mail!.subject).toMatch(script[lang]!);
  });

  it('answers the first page of the survey, with the error summary on the way', async () => {
    const page = await phone();
    await visit(page, h.url(`/mitmachen/befragung/${demoSurveySlug}`));
    await checked(page, lang);
    await submitForm(page, page.locator('main button[type="submit"]'));
    await checked(page, lang);
    const next = page.locator('main button[name="aktion"][value="weiter"]');
    expect((await submitForm(page, next)).status()).toBe(422);
    await checked(page, lang);
    // The demo survey is translated: its questions come in the visitor's language and direction too.
    const questions = page.locator('main div[lang][dir]').first();
    expect(await questions.getAttribute('lang')).toBe(lang);
    expect(await questions.getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    expect(await questions.locator('legend').first().innerText()).toMatch(script[lang]!);
    await page.locator('main input[name="a_bezirk"][value="Pelkum"]').check();
    await page.locator('main input[name="a_kinder"]').fill('2');
    await page.locator('main input[name="a_alter"][value="3-5"]').check();
    expect((await submitForm(page, next)).status()).toBe(303);
    await checked(page, lang);
  });
});
