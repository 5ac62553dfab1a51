import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoLogins } from '../../src/modules/accounts/index.js';
import { createCouncilService } from '../../src/modules/council/council.service.js';
import { expectNoAxeViolations, submitForm, useBrowserHarness, visit } from './harness.js';

/** The family council as people use it: apply, register with needs, cancel by link (the next moves up), staff publish a report. */
const h = useBrowserHarness();

const submitOf = (page: Page, fieldName: string) =>
  page
    .locator('main form')
    .filter({ has: page.locator(`[name="${fieldName}"]`) })
    .locator('button[type="submit"]')
    .first();

const editorEmail = () => demoLogins.users.find((u) => u.role === 'editor')!.email;

describe('family council', () => {
  it('a family applies on a phone without JavaScript; members register with childcare and interpreter, cancel by link and the next moves up; staff publish a report', async () => {
    const phone = await (await h.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false })).newPage();
    expect((await visit(phone, h.url('/mitmachen/familienbeirat'))).status()).toBe(200);
    await expectNoAxeViolations(phone);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await phone.locator('main a', { hasText: 'Jetzt für den Familienbeirat bewerben' }).click();
    await phone.waitForLoadState('load');
    await expectNoAxeViolations(phone);
    await phone.locator('main [name="name"]').fill('Lina Beispiel');
    await phone.locator('main [name="email"]').fill(`lina-${Date.now()}@example.org`);
    await phone.locator('main [name="district"]').selectOption('Heessen');
    await phone.locator('main [name="needsChildcare"]').check();
    const refused = await submitForm(phone, submitOf(phone, 'privacy'));
    expect(refused.status()).toBe(422);
    await expectNoAxeViolations(phone);
    expect(await phone.locator('main .error-summary').innerText()).toContain('Setzen Sie das Häkchen bei der Einwilligung');
    await phone.locator('main [name="optionalConsent"]').check();
    await phone.locator('main [name="privacy"]').check();
    expect((await submitForm(phone, submitOf(phone, 'privacy'))).status()).toBe(303);
    await expectNoAxeViolations(phone);
    expect(await phone.locator('main h1').innerText()).toBe('Danke für Ihre Bewerbung');

    // Two demo members register for the upcoming workshop through the links from their invitations.
    const { db } = h.deps;
    const service = createCouncilService(h.deps);
    const workshop = await db.selectFrom('council_workshops').select(['id', 'places_taken']).where('report_published_at', 'is', null).executeTakeFirstOrThrow();
    const member = async (email: string) => {
      const m = await db.selectFrom('council_applications').select(['id', 'link_key']).where('email', '=', email).executeTakeFirstOrThrow();
      return h.url(`/mitmachen/familienbeirat/workshops/${workshop.id}/anmelden?token=${service.memberToken(m)}`);
    };
    const first = await (await h.newContext({ javaScriptEnabled: false })).newPage();
    expect((await visit(first, await member('beirat03@example.org'))).status()).toBe(200);
    await expectNoAxeViolations(first);
    await first.locator('main [name="persons"]').fill('2');
    await first.locator('main [name="childcareChildren"]').fill('1');
    await first.locator('main [name="childcareAges"]').fill('5 Jahre');
    await first.locator('main [name="interpreterLanguage"]').fill('Arabisch');
    expect((await submitForm(first, submitOf(first, 'persons'))).status()).toBe(303);
    await expectNoAxeViolations(first);
    expect(await first.locator('main').innerText()).toContain('Ihre Anmeldung ist bestätigt.');

    // The workshop is now full: the next member waits.
    await db
      .updateTable('council_workshops')
      .set({ capacity: workshop.places_taken + 2 })
      .where('id', '=', workshop.id)
      .execute();
    const second = await (await h.newContext({ javaScriptEnabled: false })).newPage();
    expect((await visit(second, await member('beirat04@example.org'))).status()).toBe(200);
    await expectNoAxeViolations(second);
    expect((await submitForm(second, submitOf(second, 'persons'))).status()).toBe(303);
    await expectNoAxeViolations(second);
    expect(await second.locator('main').innerText()).toContain('Sie stehen auf der Warteliste, an Stelle 1.');

    // The first cancels by the signed link, without logging in; the second moves up and is told.
    expect((await submitForm(first, first.locator('main button', { hasText: 'Anmeldung absagen' }))).status()).toBe(303);
    await expectNoAxeViolations(first);
    expect(await first.locator('main').innerText()).toContain('Diese Anmeldung ist abgesagt.');
    // Told in the member's language (Arabic), once.
    const movedUp = (await h.mailsTo('beirat04@example.org')).filter((m) => m.subject.startsWith('أصبح مكان شاغرًا'));
    expect(movedUp).toHaveLength(1);
    const link = /\/mitmachen\/familienbeirat\/anmeldung\?token=[^\s\u2066-\u2069]+/.exec(movedUp[0]!.text_body)![0];
    expect((await visit(second, h.url(link))).status()).toBe(200);
    await expectNoAxeViolations(second);
    expect(await second.locator('main').innerText()).toContain('Ihre Anmeldung ist bestätigt.');

    // Staff see the needs and publish a report.
    const staff = await (await h.newContext()).newPage();
    expect((await visit(staff, h.url('/anmelden'))).status()).toBe(200);
    await expectNoAxeViolations(staff);
    await staff.locator('main [name="email"]').fill(editorEmail());
    await staff.locator('main [name="password"]').fill(demoLogins.password);
    await submitForm(staff, submitOf(staff, 'password'));
    await expectNoAxeViolations(staff);
    expect((await visit(staff, h.url('/verwaltung/familienbeirat'))).status()).toBe(200);
    await expectNoAxeViolations(staff);
    await staff.locator('main a', { hasText: 'Ankommen in Hamm' }).first().click();
    await staff.waitForLoadState('load');
    await expectNoAxeViolations(staff);
    expect(await staff.locator('main').innerText()).toContain('Kinder: 4 und 7 Jahre');
    await staff.locator('main [name="discussed"]').fill('Neue Familien finden die Beratung oft erst spät.');
    expect((await submitForm(staff, submitOf(staff, 'discussed'))).status()).toBe(303);
    await expectNoAxeViolations(staff);
    expect((await submitForm(staff, submitOf(staff, 'publish'))).status()).toBe(303);
    await expectNoAxeViolations(staff);
    expect(await staff.locator('main').innerText()).toContain('Der Bericht ist veröffentlicht.');
    expect((await visit(phone, h.url(`/mitmachen/familienbeirat/workshops/${workshop.id}`))).status()).toBe(200);
    await expectNoAxeViolations(phone);
    expect(await phone.locator('main').innerText()).toContain('Neue Familien finden die Beratung oft erst spät.');
  });
});
