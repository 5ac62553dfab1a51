import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoLogins } from '../../src/modules/accounts/index.js';
import { expectNoAxeViolations, submitForm, useBrowserHarness, visit } from './harness.js';

/**
 * Familienfreundliche Arbeitgeber: a parent filters on a phone without JavaScript; an employer does the
 * self-check and saves it to the profile; the editors review a profile change; a parent uses the
 * holiday places the Klinikum reserved for its staff; an editor writes, publishes and translates a
 * good-practice story.
 */
const h = useBrowserHarness();

const emailOf = (role: string) => demoLogins.users.find((u) => u.role === role)!.email;
const width = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

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

describe('family-friendly employers', () => {
  it('a parent filters employers by "Notfallbetreuung" on a 320 px phone without JavaScript and opens one', async () => {
    const context = await h.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
    const page = await context.newPage();
    expect((await visit(page, h.url('/'))).status()).toBe(200);
    await expectNoAxeViolations(page);
    await page.locator('main a[href="/arbeitgeber"]').first().click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    expect(await width(page)).toBeLessThanOrEqual(320);
    await page.locator('main .filter-panel__toggle').click();
    await page.locator('main [name="massnahme"]').selectOption({ label: 'Notfallbetreuung' });
    await page.locator('main form[action="/arbeitgeber"] button[type="submit"]').click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    expect(new URL(page.url()).search).toContain('massnahme=emergency_care');
    const names = await page.locator('main .idea-card h3').allInnerTexts();
    expect(names).toContain('Klinikum Lippeaue (Demo)');
    expect(names).not.toContain('Malerbetrieb Farbenfroh GmbH (Demo)');
    await page.locator('main .idea-card a', { hasText: 'Klinikum Lippeaue' }).click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    expect(await width(page)).toBeLessThanOrEqual(320);
    expect(await page.locator('main').innerText()).toContain('Notfallbetreuung');
    expect(await page.locator('script[type="application/ld+json"]').textContent()).toContain('"@type":"Organization"');
  });

  it('an employer completes the self-check, sees a clear error first, and saves the result to the profile', async () => {
    const page = await (await h.newContext()).newPage();
    await logIn(page, emailOf('provider'));
    expect((await visit(page, h.url('/arbeitgeber/selbstcheck'))).status()).toBe(200);
    await expectNoAxeViolations(page);
    const ids = await page.locator('main input[type="radio"][value="2"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).name));
    expect(ids).toHaveLength(25);
    for (const [i, name] of ids.entries()) {
      if (i === 24) break; // the last one left out on purpose
      await page.locator(`main input[name="${name}"][value="${i % 3}"]`).check();
    }
    const submit = page.locator('main form[action="/arbeitgeber/selbstcheck"] button[type="submit"]');
    expect((await submitForm(page, submit)).status()).toBe(422);
    await expectNoAxeViolations(page);
    expect(await page.locator('main .error-summary').innerText()).toContain('Beantworten Sie Frage 25.');
    await page.locator(`main input[name="${ids[24]}"][value="2"]`).check();
    expect((await submitForm(page, submit)).status()).toBe(303);
    await expectNoAxeViolations(page);
    expect(await page.locator('main').innerText()).toContain('Ihre nächsten Schritte');
    expect(await page.locator('main a[href="/termine/beratung-arbeitgeber"]').count()).toBe(1);
    await page.locator('main [name="organisation"]').selectOption({ label: 'Familienzentrum Sonnenblume e. V.' });
    expect((await submitForm(page, page.locator('main form[action="/arbeitgeber/selbstcheck/speichern"] button[type="submit"]'))).status()).toBe(303);
    await expectNoAxeViolations(page);
    const main = await page.locator('main').innerText();
    expect(main).toContain('Der Selbstcheck ist im Profil gespeichert.');
    expect(main).toContain('Gespeicherter Selbstcheck');
  });

  it('staff review a change to an employer profile and approve it', async () => {
    const page = await (await h.newContext()).newPage();
    await logIn(page, emailOf('provider'));
    expect((await visit(page, h.url('/arbeitgeber-verwalten'))).status()).toBe(200);
    await expectNoAxeViolations(page);
    await page.locator('main a', { hasText: 'Familienzentrum Sonnenblume' }).click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    await page.locator('main a', { hasText: 'Profil bearbeiten' }).click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    await page.locator('main [name="summary"]').fill('Familienzentrum mit Kita und Beratung. Neu: Homeoffice an zwei Tagen.');
    await page.locator('main [name="m_parent_child_office"]').check();
    expect((await submitForm(page, page.locator('main button[name="intent"][value="submit"]'))).status()).toBe(303);
    await expectNoAxeViolations(page);
    expect(await page.locator('main').innerText()).toContain('Das Profil ist zur Prüfung eingereicht.');

    const staff = await (await h.newContext()).newPage();
    await logIn(staff, emailOf('editor'));
    expect((await visit(staff, h.url('/verwaltung/pruefung'))).status()).toBe(200);
    await expectNoAxeViolations(staff);
    await staff.locator('main a', { hasText: 'Familienzentrum Sonnenblume e. V.' }).first().click();
    await staff.waitForLoadState('load');
    await expectNoAxeViolations(staff);
    const diff = await staff.locator('main').innerText();
    expect(diff).toContain('Eltern-Kind-Büro');
    expect(diff).toContain('Neu: Homeoffice an zwei Tagen.');
    expect((await submitForm(staff, staff.locator('main form[action$="/freigeben"] button[type="submit"]'))).status()).toBe(303);
    await expectNoAxeViolations(staff);

    const employerId = new URL(page.url()).pathname.split('/')[2]!;
    expect((await visit(page, h.url(`/arbeitgeber/${employerId}`))).status()).toBe(200);
    await expectNoAxeViolations(page);
    expect(await page.locator('main').innerText()).toContain('Neu: Homeoffice an zwei Tagen.');
  });

  it('a Klinikum employee finds the reserved holiday places on a 320 px phone without JavaScript and hands in a wish list with the code', async () => {
    const db = h.deps.db;
    const clinic = await db.selectFrom('organizations').select('id').where('name', '=', 'Klinikum Lippeaue (Demo)').executeTakeFirstOrThrow();
    const { code } = await db.selectFrom('holiday_employer_codes').select('code').where('organization_id', '=', clinic.id).executeTakeFirstOrThrow();
    const context = await h.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
    const page = await context.newPage();
    expect((await visit(page, h.url(`/arbeitgeber/${clinic.id}`))).status()).toBe(200);
    await expectNoAxeViolations(page);
    expect(await width(page)).toBeLessThanOrEqual(320);
    const offer = page.locator('main a[href^="/ferien/angebote/"]', { hasText: 'Zirkuswoche' });
    expect(await offer.innerText()).toContain('4 Plätze für Kinder der Beschäftigten');
    await offer.click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    expect(await page.locator('main').innerText()).toContain('davon 4 zuerst für Kinder von Beschäftigten eines Arbeitgebers');

    await logIn(page, emailOf('family'));
    const family = await db.selectFrom('users').select('id').where('email', '=', emailOf('family')).executeTakeFirstOrThrow();
    const lena = await db
      .selectFrom('holiday_children')
      .select('id')
      .where('parent_id', '=', family.id)
      .where('first_name', '=', 'Lena')
      .executeTakeFirstOrThrow();
    expect((await visit(page, h.url(`/ferien/wuensche/${lena.id}`))).status()).toBe(200);
    await expectNoAxeViolations(page);
    const circus = await page.locator('main select[name="wish1"] option', { hasText: 'Zirkuswoche (' }).first().getAttribute('value');
    await page.locator('main [name="wish1"]').selectOption(circus);
    await page.locator('main [name="employerCode"]').fill('AAAAA-BBBBB');
    const next = page.locator('main form[action^="/ferien/wuensche/"] button[type="submit"]').first();
    expect((await submitForm(page, next)).status()).toBe(422);
    await expectNoAxeViolations(page);
    expect(await page.locator('main .error-summary').innerText()).toContain('Diesen Code eines Arbeitgebers gibt es in dieser Ferienzeit nicht.');
    await page.locator('main [name="employerCode"]').fill(code.toLowerCase());
    expect((await submitForm(page, next)).status()).toBe(200);
    await expectNoAxeViolations(page);
    expect(await width(page)).toBeLessThanOrEqual(320);
    expect(await page.locator('main').innerText()).toContain('Für 1 Ihrer Wünsche hat Klinikum Lippeaue (Demo) Plätze reserviert.');
    expect((await submitForm(page, page.locator('main form[action$="/absenden"] button'))).status()).toBe(303);
    await expectNoAxeViolations(page);
    const list = await db.selectFrom('holiday_wish_lists').select('employer_id').where('child_id', '=', lena.id).executeTakeFirstOrThrow();
    expect(list.employer_id).toBe(clinic.id);
  });

  it('an editor writes a good-practice story, fixes a missing part, publishes and translates it; an English reader sees it', async () => {
    const page = await (await h.newContext()).newPage();
    await logIn(page, emailOf('editor'));
    expect((await visit(page, h.url('/verwaltung'))).status()).toBe(200);
    await expectNoAxeViolations(page);
    await page.locator('main a[href="/verwaltung/gute-beispiele"]').click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    expect(await page.locator('main').innerText()).toContain('Die Kliniken der Stadt teilen sich eine Notfallbetreuung');
    await page.locator('main a[href="/verwaltung/gute-beispiele/neu"]').click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    await page.locator('main [name="title"]').fill('Ferienbetreuung im Klinikum');
    await page.locator('main [name="sector"]').selectOption('health');
    await page.locator('main [name="m_holiday_care"]').check();
    await page.locator('main [name="solution"]').fill('Das Klinikum reserviert Plätze in den Ferienangeboten der Stadt.');
    await page.locator('main [name="cost"]').fill('Ein Zuschuss von 50 Euro je Platz.');
    await page.locator('main [name="effect"]').fill('Weniger Streit um Urlaub in den Sommerferien.');
    const save = page.locator('main form[action="/verwaltung/gute-beispiele/neu"] button[type="submit"]');
    expect((await submitForm(page, save)).status()).toBe(422);
    await expectNoAxeViolations(page);
    expect(await page.locator('main .error-summary').innerText()).toContain('Füllen Sie „Die Ausgangslage“ aus.');
    expect(await page.locator('main [name="solution"]').inputValue()).toContain('Das Klinikum reserviert Plätze');
    await page.locator('main [name="problem"]').fill('Im Sommer wollen alle Eltern zur selben Zeit Urlaub.');
    expect((await submitForm(page, save)).status()).toBe(303);
    await expectNoAxeViolations(page);
    expect(await page.locator('main').innerText()).toContain('Das Beispiel ist als Entwurf gespeichert.');
    expect((await submitForm(page, page.locator('main form[action$="/veroeffentlichen"] button'))).status()).toBe(303);
    await expectNoAxeViolations(page);
    expect(await page.locator('main').innerText()).toContain('Das Beispiel ist veröffentlicht.');

    await page.locator('main a[href$="/en"]', { hasText: 'Übersetzen' }).click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
    await page.locator('main [name="title"]').fill('Holiday care at the hospital');
    await page.locator('main [name="problem"]').fill('In summer, all parents want their holidays at the same time.');
    await page.locator('main [name="solution"]').fill('The hospital reserves places in the city’s holiday programmes.');
    await page.locator('main [name="cost"]').fill('A grant of 50 euros per place.');
    await page.locator('main [name="effect"]').fill('Fewer arguments about summer leave.');
    expect((await submitForm(page, page.locator('main form button[type="submit"]').first())).status()).toBe(303);
    await expectNoAxeViolations(page);

    const reader = await (await h.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false })).newPage();
    expect((await visit(reader, h.url('/arbeitgeber/gute-beispiele/ferienbetreuung-im-klinikum?lang=en'))).status()).toBe(200);
    await expectNoAxeViolations(reader);
    expect(await width(reader)).toBeLessThanOrEqual(320);
    const text = await reader.locator('main').innerText();
    expect(text).toContain('Holiday care at the hospital');
    expect(text).toContain('Fewer arguments about summer leave.');
  });
});
