import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoSurveySlug } from '../../src/modules/survey/seed/seed.js';
import { demoLogins } from '../../src/modules/accounts/index.js';
import { expectNoAxeViolations, submitForm, useBrowserHarness, visit } from './harness.js';

const h = useBrowserHarness();
const next = (page: Page) => page.locator('main button[name="aktion"][value="weiter"]');

async function noOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `no sideways scrolling at 320 px on ${page.url()}`).toBeLessThanOrEqual(0);
}

/** Answers every visible question on the current page with its first choice (or a fitting value). */
async function answerVisible(page: Page) {
  const main = page.locator('main form');
  const shown = (inputs: Element[]) => [...new Set(inputs.filter((i) => !i.closest('[hidden]')).map((i) => (i as HTMLInputElement).name))];
  for (const group of await main.locator('input[type="radio"]').evaluateAll(shown)) {
    await main.locator(`input[type="radio"][name="${group}"]`).first().check();
  }
  for (const name of await main.locator('input[type="text"][inputmode="numeric"]').evaluateAll(shown)) await main.locator(`input[name="${name}"]`).fill('2');
}

/** The childcare page of the demo survey and its two follow-up questions under "Kita?". */
const childcarePage = (slug: string) => h.url(`/mitmachen/befragung/${slug}/seite/3`);
const followUps = (page: Page) => [
  page.locator('main fieldset', { hasText: 'Wie zufrieden sind Sie mit der Kita-Betreuung?' }),
  page.locator('main fieldset', { hasText: 'Wie lange haben Sie auf den Kita-Platz gewartet?' }),
];

async function startDemoSurvey(page: Page) {
  await visit(page, h.url(`/mitmachen/befragung/${demoSurveySlug}`));
  await expectNoAxeViolations(page);
  await submitForm(page, page.locator('main button[type="submit"]'));
  await expectNoAxeViolations(page);
}

describe('answering the demo survey', () => {
  it('without JavaScript on a 320 px phone: overview, start, error summary, every page, back keeps answers, thank you', async () => {
    const context = await h.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 720 } });
    const page = await context.newPage();
    expect((await visit(page, h.url('/mitmachen'))).status()).toBe(200);
    await expectNoAxeViolations(page);
    await noOverflow(page);
    expect(await page.locator('main').innerText()).toContain('Familienbeirat');
    await page.locator('main a', { hasText: 'Wie familienfreundlich ist Hamm?' }).click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    await noOverflow(page);
    expect(await page.locator('main').innerText()).toContain('ohne IP-Adresse');
    await submitForm(page, page.locator('main button[type="submit"]'));
    await expectNoAxeViolations(page);
    expect(await page.locator('main').innerText()).toContain('Seite 1 von');

    // Nothing answered: the error summary lists the required questions and links to them.
    const failed = await submitForm(page, next(page));
    expect(failed.status()).toBe(422);
    await expectNoAxeViolations(page);
    await noOverflow(page);
    expect(await page.title()).toMatch(/^Fehler: /);
    expect(await page.locator('.error-summary a[href="#a_bezirk"]').count()).toBe(1);

    await page.locator('main input[name="a_bezirk"][value="Pelkum"]').check();
    await page.locator('main input[name="a_kinder"]').fill('2');
    await page.locator('main input[name="a_alter"][value="3-5"]').check();
    expect((await submitForm(page, next(page))).status()).toBe(303);
    await expectNoAxeViolations(page);
    // Back keeps the answers of page 1.
    await submitForm(page, page.locator('main button[value="zurueck"]'));
    await expectNoAxeViolations(page);
    expect(await page.locator('main input[name="a_bezirk"][value="Pelkum"]').isChecked()).toBe(true);
    expect(await page.locator('main input[name="a_kinder"]').inputValue()).toBe('2');
    await submitForm(page, next(page));
    await expectNoAxeViolations(page);

    for (let guard = 0; guard < 10 && !page.url().endsWith('/absenden'); guard++) {
      await answerVisible(page);
      await noOverflow(page);
      let response = await submitForm(page, next(page));
      if (response.status() === 200) {
        // An answer opened follow-up questions on this page: they are shown before moving on.
        await expectNoAxeViolations(page);
        await noOverflow(page);
        expect(await page.locator('main').innerText()).toContain('Weitere Fragen zu Ihrer Antwort');
        await answerVisible(page);
        response = await submitForm(page, next(page));
      }
      expect(response.status(), await page.locator('main').innerText()).toBe(303);
      await expectNoAxeViolations(page);
    }
    expect(page.url()).toContain('/absenden');
    await noOverflow(page);
    await submitForm(page, page.locator('main button[type="submit"]'));
    await expectNoAxeViolations(page);
    expect(await page.locator('h1').innerText()).toContain('Vielen Dank');
  });

  it('with JavaScript: Leichte Sprache, "später fortsetzen" and the resume link', async () => {
    const page = await h.newPage();
    await visit(page, h.url(`/mitmachen/befragung/${demoSurveySlug}?kanal=presse`));
    await expectNoAxeViolations(page);
    await page.locator('main a', { hasText: 'Leichte Sprache' }).first().click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    expect(await page.locator('h1').innerText()).toContain('Wie gut ist Hamm für Familien?');
    await submitForm(page, page.locator('main button[type="submit"]'));
    await expectNoAxeViolations(page);
    expect(await page.locator('main').innerText()).toContain('Wo wohnen Sie in Hamm?');
    await page.locator('main input[name="a_bezirk"][value="Heessen"]').check();
    await submitForm(page, page.locator('main button[value="spaeter"]'));
    await expectNoAxeViolations(page);
    const link = await page.locator('main .survey-link a').getAttribute('href');
    expect(link).toContain('/fortsetzen?token=');

    const other = await (await h.newContext()).newPage();
    await visit(other, link!.replace(/^https?:\/\/[^/]+/, h.origin));
    await expectNoAxeViolations(other);
    expect(await other.locator('main input[name="a_bezirk"][value="Heessen"]').isChecked()).toBe(true);
  });
});

describe('follow-up questions on the same page (Kita)', () => {
  it('without JavaScript: "Ja" and "Weiter" shows the page again with the follow-ups, answered they reach the next page', async () => {
    const context = await h.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 720 } });
    const page = await context.newPage();
    await startDemoSurvey(page);
    await visit(page, childcarePage(demoSurveySlug));
    await expectNoAxeViolations(page);
    for (const question of followUps(page)) expect(await question.isVisible()).toBe(false);
    await page.locator('main input[name="a_kita"][value="ja"]').check();
    const shownAgain = await submitForm(page, next(page));
    expect(shownAgain.status()).toBe(200);
    await expectNoAxeViolations(page);
    await noOverflow(page);
    expect(page.url()).toContain('/seite/3');
    expect(await page.title()).not.toMatch(/^Fehler/);
    expect(await page.locator('main').innerText()).toContain('Weitere Fragen zu Ihrer Antwort');
    for (const question of followUps(page)) expect(await question.isVisible()).toBe(true);
    expect(await page.locator('main input[name="a_kita"][value="ja"]').isChecked()).toBe(true);

    await page.locator('main input[name="a_kitazufrieden"][value="4"]').check();
    await page.locator('main input[name="a_kitaplatz"][value="6m"]').check();
    expect((await submitForm(page, next(page))).status()).toBe(303);
    await expectNoAxeViolations(page);
    expect(page.url()).toContain('/seite/4');
    // Back: the follow-up answers were kept.
    await submitForm(page, page.locator('main button[value="zurueck"]'));
    await expectNoAxeViolations(page);
    expect(await page.locator('main input[name="a_kitazufrieden"][value="4"]').isChecked()).toBe(true);
    expect(await page.locator('main input[name="a_kitaplatz"][value="6m"]').isChecked()).toBe(true);
  });

  it('with JavaScript: the follow-ups appear on "Ja", go on "Nein", and "Weiter" goes straight on with their answers', async () => {
    const page = await h.newPage();
    await startDemoSurvey(page);
    await visit(page, childcarePage(demoSurveySlug));
    await expectNoAxeViolations(page);
    const [satisfied, waited] = followUps(page);
    expect(await satisfied!.isVisible()).toBe(false);
    await page.locator('main input[name="a_kita"][value="ja"]').check();
    await satisfied!.waitFor({ state: 'visible' });
    expect(await waited!.isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    await page.locator('main input[name="a_kita"][value="nein"]').check();
    await satisfied!.waitFor({ state: 'hidden' });
    await page.locator('main input[name="a_kita"][value="ja"]').check();
    await page.locator('main input[name="a_kitazufrieden"][value="5"]').check();
    await page.locator('main input[name="a_kitaplatz"][value="12m"]').check();
    expect((await submitForm(page, next(page))).status()).toBe(303);
    await expectNoAxeViolations(page);
    expect(page.url()).toContain('/seite/4');
    await submitForm(page, page.locator('main button[value="zurueck"]'));
    await expectNoAxeViolations(page);
    expect(await page.locator('main input[name="a_kitazufrieden"][value="5"]').isChecked()).toBe(true);
    expect(await page.locator('main input[name="a_kitaplatz"][value="12m"]').isChecked()).toBe(true);
  });
});

describe('the results dashboard', () => {
  it('works without JavaScript on a 320 px screen', async () => {
    const context = await h.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 720 } });
    const page = await context.newPage();
    await visit(page, h.url('/anmelden'));
    await expectNoAxeViolations(page);
    const editor = demoLogins.users.find((u) => u.role === 'editor')!;
    await page.locator('main input[name="email"]').fill(editor.email);
    await page.locator('main input[name="password"]').fill(demoLogins.password);
    await submitForm(
      page,
      page
        .locator('main form')
        .filter({ has: page.locator('input[name="password"]') })
        .locator('button[type="submit"]'),
    );
    await expectNoAxeViolations(page);
    await visit(page, h.url('/verwaltung/befragungen'));
    await expectNoAxeViolations(page);
    await page.locator('main a', { hasText: 'Wie familienfreundlich ist Hamm?' }).click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    await visit(page, `${page.url()}/ergebnisse?zeilen=bezirk&spalten=_kanal`);
    await expectNoAxeViolations(page);
    await noOverflow(page);
    expect(await page.locator('main table caption', { hasText: '×' }).count()).toBe(1);
  });

  it('an editor sees charts with data tables and a cross-tab with hidden small cells', async () => {
    const page = await h.newPage();
    await visit(page, h.url('/anmelden'));
    await expectNoAxeViolations(page);
    const editor = demoLogins.users.find((u) => u.role === 'editor')!;
    await page.locator('main input[name="email"]').fill(editor.email);
    await page.locator('main input[name="password"]').fill(demoLogins.password);
    await submitForm(
      page,
      page
        .locator('main form')
        .filter({ has: page.locator('input[name="password"]') })
        .locator('button[type="submit"]'),
    );
    await expectNoAxeViolations(page);
    await visit(page, h.url('/verwaltung/befragungen'));
    await expectNoAxeViolations(page);
    await page.locator('main a', { hasText: 'Wie familienfreundlich ist Hamm?' }).click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    await page.locator('main a', { hasText: 'Ergebnisse ansehen' }).click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    expect(await page.locator('main svg.survey-chart[role="img"]').count()).toBeGreaterThan(25);
    expect(await page.locator('main table caption').count()).toBeGreaterThan(25);
    await page.locator('main select[name="zeilen"]').selectOption('prioritaet');
    await page.locator('main select[name="spalten"]').selectOption('bezirk');
    await page.locator('main select[name="filter"]').selectOption('_kanal');
    await page.locator('main form[method="get"] button[type="submit"]').click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    const table = page.locator('main table').filter({ has: page.locator('caption', { hasText: '×' }) });
    expect(await table.count()).toBe(1);
    const cells = await table.locator('td').allInnerTexts();
    expect(cells).toContain('–');
    expect(cells.every((c) => c === '–' || c === '0' || Number(c) >= 5)).toBe(true);

    // The question form, then close and publish: the public results page.
    await page.locator('main a').first().click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    const detail = page.url();
    await visit(page, `${detail}/fragen/neu?seite=2`);
    await expectNoAxeViolations(page);
    expect(await page.locator('main select[name="type"] option').count()).toBe(11);
    await visit(page, detail);
    await expectNoAxeViolations(page);
    await submitForm(page, page.locator('main form', { has: page.locator('input[value="close"]') }).locator('button'));
    await expectNoAxeViolations(page);
    await submitForm(page, page.locator('main form', { has: page.locator('input[value="publish"]') }).locator('button'));
    await expectNoAxeViolations(page);
    await visit(page, h.url(`/mitmachen/befragung/${demoSurveySlug}/ergebnisse`));
    await expectNoAxeViolations(page);
    expect(await page.locator('main svg.survey-chart').count()).toBeGreaterThan(25);
    await visit(page, h.url(`/mitmachen/befragung/${demoSurveySlug}`));
    await expectNoAxeViolations(page);
    expect(await page.locator('main').innerText()).toContain('beendet');
  });
});
