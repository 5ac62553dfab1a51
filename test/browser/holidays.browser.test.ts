import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedHash } from '../../src/modules/holidays/allocation-rng.js';
import { commitSeed, confirmRun } from '../../src/modules/holidays/runs.service.js';
import type { Actor } from '../../src/platform/auth/roles.js';
import { demoLogins } from '../../src/modules/accounts/index.js';
import { expectNoAxeViolations, submitForm, useBrowserHarness, visit } from './harness.js';

const h = useBrowserHarness();

const field = (page: Page, name: string) => page.locator(`main [name="${name}"]`);
const submitOf = (page: Page, fieldName: string) =>
  page
    .locator('main form')
    .filter({ has: page.locator(`[name="${fieldName}"]`) })
    .locator('button[type="submit"]')
    .first();

async function logIn(page: Page, email: string, then = '/ferien') {
  await visit(page, h.url(`/anmelden?zurueck=${encodeURIComponent(then)}`));
  await expectNoAxeViolations(page);
  await field(page, 'email').fill(email);
  await field(page, 'password').fill(demoLogins.password);
  await submitForm(page, submitOf(page, 'password'));
  await expectNoAxeViolations(page);
}

/** The value of the first option of a select whose label starts with the offer title. */
async function optionFor(page: Page, select: string, title: string): Promise<string> {
  const value = await page
    .locator(`main select[name="${select}"] option`, { hasText: `${title} (` })
    .first()
    .getAttribute('value');
  expect(value, `an option for ${title}`).toBeTruthy();
  return value!;
}

describe('holiday care journey', () => {
  it('registers a child, builds a wish list with a refusal, checks the answers and sees the result', async () => {
    const page = await h.newPage();
    expect((await visit(page, h.url('/ferien'))).status()).toBe(200);
    await expectNoAxeViolations(page);
    expect(await page.locator('main').innerText()).toContain('Sommerferien 2027');

    await logIn(page, 'familie@familienrathaus.example');
    await visit(page, h.url('/ferien/kinder'));
    await expectNoAxeViolations(page);
    await visit(page, h.url('/ferien/kinder/neu'));
    await expectNoAxeViolations(page);
    await field(page, 'firstName').fill('Jana');
    await field(page, 'lastName').fill('Muster');
    await field(page, 'birthDate').fill('04.05.2018');
    await field(page, 'needs').fill('Heuschnupfen, Spray im Rucksack');
    await field(page, 'contactName').fill('Opa Kurt Muster');
    await field(page, 'contactPhone').fill('02381 222222');
    const refused = await submitForm(page, submitOf(page, 'firstName'));
    expect(refused.status(), 'needs without consent are refused').toBe(422);
    await expectNoAxeViolations(page);
    expect(await field(page, 'needs').inputValue()).toBe('Heuschnupfen, Spray im Rucksack');
    await page.locator('main input[name="needsConsent"]').check();
    expect((await submitForm(page, submitOf(page, 'firstName'))).status()).toBe(303);
    await expectNoAxeViolations(page);
    expect(await page.locator('main').innerText()).toContain('Jana Muster');

    const wishLink = page.locator('main a[href^="/ferien/wuensche/"]', { hasText: 'Wunschliste' }).filter({ hasText: 'Jana' });
    const wishPath = await wishLink.getAttribute('href');
    await visit(page, h.url(wishPath!));
    await expectNoAxeViolations(page);
    // Offers outside Jana's age (9 on the first day) are not offered; the page says why.
    expect(await page.locator('main select[name="wish1"] option', { hasText: 'Kanu-Freizeit an der Lippe' }).count()).toBe(0);
    await page.locator('main details summary', { hasText: 'Warum fehlen Angebote?' }).click();
    expect(await page.locator('main details').innerText()).toContain('Kanu-Freizeit an der Lippe');
    await field(page, 'wish1').selectOption(await optionFor(page, 'wish1', 'Zirkuswoche'));
    await field(page, 'wish2').selectOption(await optionFor(page, 'wish2', 'Robotik und Programmieren'));
    await field(page, 'maxPlaces').fill('2');
    expect((await submitForm(page, submitOf(page, 'maxPlaces'))).status()).toBe(422);
    await expectNoAxeViolations(page);
    expect(await page.locator('main .error-summary').innerText()).toContain('„Robotik und Programmieren“ überschneidet sich zeitlich mit „Zirkuswoche“.');

    await field(page, 'wish2').selectOption(await optionFor(page, 'wish2', 'Kunstwerkstatt'));
    expect((await submitForm(page, submitOf(page, 'maxPlaces'))).status()).toBe(200);
    await expectNoAxeViolations(page);
    const check = await page.locator('main').innerText();
    expect(check).toContain('Prüfen Sie Ihre Angaben');
    expect(check).toMatch(/Zirkuswoche[\s\S]*Kunstwerkstatt/);
    expect((await submitForm(page, page.locator('main form[action$="/absenden"] button'))).status()).toBe(303);
    await expectNoAxeViolations(page);
    expect(await page.locator('main').innerText()).toContain('Die Wunschliste ist abgegeben.');
    const mails = await h.mailsTo('familie@familienrathaus.example');
    expect(mails.map((m) => m.subject)).toContain('Wunschliste für Jana erhalten');

    // The admin closes the wish phase and runs the lottery with a committed seed.
    const season = await h.deps.db.selectFrom('holiday_seasons').select('id').executeTakeFirstOrThrow();
    const admin = await h.deps.db.selectFrom('users').selectAll().where('email', '=', 'admin@familienrathaus.example').executeTakeFirstOrThrow();
    const actor: Actor = { id: admin.id, role: 'admin', email: admin.email, displayName: admin.display_name };
    await commitSeed(h.deps, actor, season.id, seedHash('browser-journey-seed'));
    await h.deps.db.updateTable('holiday_seasons').set({ phase: 'allocation' }).where('id', '=', season.id).execute();

    // During the lottery the wish list is there to read, not an error page.
    await visit(page, h.url('/ferien/kinder'));
    await expectNoAxeViolations(page);
    const viewLink = page.locator('main a[href^="/ferien/wuensche/"]', { hasText: 'Wunschliste ansehen' }).filter({ hasText: 'Jana' });
    expect((await visit(page, h.url((await viewLink.getAttribute('href'))!))).status()).toBe(200);
    await expectNoAxeViolations(page);
    const readOnly = await page.locator('main').innerText();
    expect(readOnly).toContain('Die Plätze werden gerade verlost.');
    expect(readOnly).toMatch(/Zirkuswoche[\s\S]*Kunstwerkstatt/);
    expect(readOnly).not.toContain('HTTP');
    expect(await page.locator('main select, main form[action^="/ferien/wuensche/"]').count()).toBe(0);

    await confirmRun(h.deps, actor, season.id, 'browser-journey-seed');

    await visit(page, h.url('/ferien/ergebnis'));
    await expectNoAxeViolations(page);
    const results = await page.locator('main').innerText();
    expect(results).toContain('Zirkuswoche');
    expect(results).toContain('Kunstwerkstatt');
    expect((await submitForm(page, page.locator('main form[action$="/annehmen"] button').first())).status()).toBe(303);
    await expectNoAxeViolations(page);
    expect(await page.locator('main').innerText()).toContain('Zugesagt');
  });

  it('shows the admin dashboard (chart and table) and the provider participant list without axe violations', async () => {
    const admin = await h.newContext();
    const page = await admin.newPage();
    await logIn(page, 'admin@familienrathaus.example', '/verwaltung/ferien');
    const season = await h.deps.db.selectFrom('holiday_seasons').select('id').executeTakeFirstOrThrow();
    await visit(page, h.url('/verwaltung/ferien'));
    await expectNoAxeViolations(page);
    await visit(page, h.url(`/verwaltung/ferien/${season.id}`));
    await expectNoAxeViolations(page);
    expect(await page.locator('main svg[role="img"]').count()).toBe(1);
    const review = await page.locator('main a[href*="/angebote/"]', { hasText: 'Ansehen und prüfen' }).first().getAttribute('href');
    expect((await visit(page, h.url(review!))).status()).toBe(200);
    await expectNoAxeViolations(page);

    const provider = await h.newContext({ viewport: { width: 320, height: 640 } });
    const p = await provider.newPage();
    await logIn(p, 'anbieter@familienrathaus.example', '/meine-ferienangebote');
    await visit(p, h.url('/meine-ferienangebote'));
    await expectNoAxeViolations(p);
    const list = p.locator('main a[href$="/teilnehmende"]').first();
    await visit(p, h.url((await list.getAttribute('href'))!));
    await expectNoAxeViolations(p);
  });

  it('works without JavaScript on a 320 px screen: child form with a refusal, offer page and programme', async () => {
    const context = await h.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await logIn(page, 'familie@familienrathaus.example', '/ferien/kinder/neu');
    await field(page, 'firstName').fill('Paul');
    await field(page, 'lastName').fill('Muster');
    await field(page, 'birthDate').fill('01.01.2035');
    await field(page, 'contactName').fill('Opa Kurt Muster');
    await field(page, 'contactPhone').fill('02381 222222');
    expect((await submitForm(page, submitOf(page, 'firstName'))).status()).toBe(422);
    await expectNoAxeViolations(page);
    expect(await page.locator('main .error-summary').innerText()).toContain('gültiges Geburtsdatum');
    await field(page, 'birthDate').fill('1.1.2016');
    expect((await submitForm(page, submitOf(page, 'firstName'))).status()).toBe(303);
    await expectNoAxeViolations(page);
    await visit(page, h.url('/ferien/programm'));
    await expectNoAxeViolations(page);
    const offer = await page.locator('main a[href^="/ferien/angebote/"]').first().getAttribute('href');
    expect((await visit(page, h.url(offer!))).status()).toBe(200);
    await expectNoAxeViolations(page);
    expect(await page.locator('main h1').innerText()).toBeTruthy();
  });
});
