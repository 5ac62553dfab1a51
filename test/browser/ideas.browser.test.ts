import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoLogins } from '../../src/modules/accounts/index.js';
import { expectNoAxeViolations, submitForm, useBrowserHarness, visit } from './harness.js';

/** Ideen & Anliegen as people use it: a family submits without an account, the city answers, followers hear of it. */
const h = useBrowserHarness();

const submitOf = (page: Page, fieldName: string) =>
  page
    .locator('main form')
    .filter({ has: page.locator(`[name="${fieldName}"]`) })
    .locator('button[type="submit"]')
    .first();

const editorEmail = () => demoLogins.users.find((u) => u.role === 'editor')!.email;
const familyEmail = () => demoLogins.users.find((u) => u.role === 'family')!.email;

async function logIn(page: Page, email: string) {
  expect((await visit(page, h.url('/anmelden'))).status()).toBe(200);
  await expectNoAxeViolations(page);
  await page.locator('main [name="email"]').fill(email);
  await page.locator('main [name="password"]').fill(demoLogins.password);
  await submitForm(page, submitOf(page, 'password'));
  await expectNoAxeViolations(page);
}

describe('ideas and concerns', () => {
  it('a family submits without an account and confirms by mail, sees a similar idea, supports and follows it; the city answers and the follower’s mail arrives', async () => {
    const email = `idee-${Date.now()}@example.org`;
    const page = await h.newPage();
    expect((await visit(page, h.url('/mitmachen/ideen'))).status()).toBe(200);
    await expectNoAxeViolations(page);
    await page.locator('main a', { hasText: 'Idee oder Anliegen einreichen' }).click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);

    // While typing the heading, the similar demo idea appears (public/ideas.js asks the JSON API).
    await page.locator('main [name="title"]').pressSequentially('Schatten am Spielgelände Kurpark');
    const suggestion = page.locator('#similar-live a', { hasText: 'Schattenplätze am Spielplatz Kurpark' });
    await suggestion.waitFor();
    await expectNoAxeViolations(page);

    await page.locator('main [name="body"]').fill('Auf dem Spielplatz im Kurpark gibt es im Sommer keinen Schatten. Bitte Sonnensegel aufstellen.');
    await page.locator('main [name="topic"]').selectOption('spielen-sport');
    await page.locator('main [name="name"]').fill('Jana Beispiel');
    await page.locator('main [name="email"]').fill(email);
    // Without consent: 422 with the error summary.
    const refused = await submitForm(page, submitOf(page, 'privacy'));
    expect(refused.status()).toBe(422);
    await expectNoAxeViolations(page);
    expect(await page.locator('main .error-summary').innerText()).toContain('Bestätigen Sie, dass Sie mit der Veröffentlichung einverstanden sind.');
    await page.locator('main [name="privacy"]').check();
    // The check page names the similar idea before sending.
    expect((await submitForm(page, submitOf(page, 'privacy'))).status()).toBe(200);
    await expectNoAxeViolations(page);
    expect(await page.locator('main h1').innerText()).toBe('Gibt es das schon?');
    await page.locator('main [name="privacy"]').check();
    expect((await submitForm(page, submitOf(page, 'privacy'))).status()).toBe(303);
    await expectNoAxeViolations(page);
    expect(await page.locator('main').innerText()).toContain('Wir haben Ihnen eine E-Mail geschickt.');

    const [confirm] = await h.mailsTo(email);
    const link = /\/mitmachen\/ideen\/bestaetigen\?token=\S+/.exec(confirm!.text_body)![0];
    expect((await visit(page, h.url(link))).status()).toBe(200);
    await expectNoAxeViolations(page);
    expect(await page.locator('main h1').innerText()).toBe('Danke, Ihr Beitrag ist bestätigt');

    // The editors publish it.
    const staff = await (await h.newContext()).newPage();
    await logIn(staff, editorEmail());
    expect((await visit(staff, h.url('/verwaltung/ideen'))).status()).toBe(200);
    await expectNoAxeViolations(staff);
    await staff.locator('main a', { hasText: 'Schatten am Spielgelände Kurpark' }).click();
    await staff.waitForLoadState('load');
    await expectNoAxeViolations(staff);
    const ideaPath = new URL(staff.url()).pathname.replace('/verwaltung/ideen/', '/mitmachen/ideen/');
    expect(
      (
        await submitForm(
          staff,
          staff
            .locator('main form[action$="/pruefung"]')
            .filter({ has: staff.locator('[name="title"]') })
            .locator('button'),
        )
      ).status(),
    ).toBe(303);
    await expectNoAxeViolations(staff);

    // A family with an account supports and follows it.
    const family = await (await h.newContext()).newPage();
    await logIn(family, familyEmail());
    expect((await visit(family, h.url(ideaPath))).status()).toBe(200);
    await expectNoAxeViolations(family);
    await submitForm(family, family.locator('main form[action$="/unterstuetzen"] button'));
    await expectNoAxeViolations(family);
    expect(await family.locator('main').innerText()).toContain('Sie unterstützen diesen Beitrag.');
    await submitForm(family, family.locator('main form[action$="/folgen"] button'));
    expect(await family.locator('main').innerText()).toContain('Sie bekommen jede Antwort');
    await expectNoAxeViolations(family);

    // The city answers; the follower's mail arrives, once.
    await staff.locator('main [name="status"]').selectOption('in_progress');
    await staff.locator('main [name="office"]').fill('Tiefbau- und Grünflächenamt');
    await staff.locator('main [name="answer"]').fill('Wir stellen im Frühjahr zwei Sonnensegel auf.');
    expect((await submitForm(staff, submitOf(staff, 'answer'))).status()).toBe(303);
    await expectNoAxeViolations(staff);
    const answers = (await h.mailsTo(familyEmail())).filter((m) => m.subject === 'Neuer Stand: Schatten am Spielgelände Kurpark');
    expect(answers).toHaveLength(1);
    expect(answers[0]!.text_body).toContain('Wir stellen im Frühjahr zwei Sonnensegel auf.');
    expect((await visit(page, h.url(ideaPath))).status()).toBe(200);
    expect(await page.locator('main').innerText()).toContain('Antwort von Tiefbau- und Grünflächenamt');
    await expectNoAxeViolations(page);
  });

  it('works on a 320 px phone without JavaScript: list, an idea, the form with its errors, the figures', async () => {
    const context = await h.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
    const page = await context.newPage();
    for (const path of ['/mitmachen/ideen?thema=spielen-sport', '/mitmachen/ideen/zahlen', '/mitmachen/ideen/neu']) {
      expect((await visit(page, h.url(path))).status()).toBe(200);
      await expectNoAxeViolations(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    }
    expect((await submitForm(page, submitOf(page, 'privacy'))).status()).toBe(422);
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await visit(page, h.url('/mitmachen/ideen'));
    await expectNoAxeViolations(page);
    await page.locator('main .idea-card a').first().click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  it('shows the roadmap and an initiative with its milestones, on a 320 px phone without JavaScript too', async () => {
    const page = await h.newPage();
    expect((await visit(page, h.url('/vorhaben'))).status()).toBe(200);
    await expectNoAxeViolations(page);
    await page.locator('main a', { hasText: 'Familienrathaus: alle Angebote' }).first().click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    expect(await page.locator('main').innerText()).toContain('3 von 5 Meilensteinen erreicht');
    expect(await page.locator('main table').innerText()).toContain('Netzwerkbereich für das Bündnis');

    const context = await h.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
    const phone = await context.newPage();
    for (const path of ['/vorhaben', '/vorhaben/familienrathaus', '/mitmachen']) {
      expect((await visit(phone, h.url(path))).status()).toBe(200);
      await expectNoAxeViolations(phone);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    }
  });
});
