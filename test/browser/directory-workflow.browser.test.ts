import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { paths } from '../../src/modules/directory/workflow/workflow.paths.js';
import { demoLogins } from '../../src/modules/accounts/index.js';
import { buildService } from '../support/directory.js';
import path from 'node:path';
import { expectNoAxeViolations, screenshotDir, submitForm, useBrowserHarness, visit } from './harness.js';

/** The review workflow as people use it: a provider changes a service, an editor approves it. */
const h = useBrowserHarness();
const providerEmail = 'anbieter@familienrathaus.example';
const editorEmail = 'redaktion@familienrathaus.example';
const organizationName = 'Familienzentrum Sonnenblume e. V.';

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
      .locator('button[type="submit"]'),
  );
  await expectNoAxeViolations(page);
}

/** A published service of the demo provider's organisation (the seed makes some; else one is made here). */
async function sonnenblumeService(): Promise<{ orgId: string; id: string; name: string }> {
  const org = await h.deps.db.selectFrom('organizations').select('id').where('name', '=', organizationName).executeTakeFirstOrThrow();
  let service = await h.deps.db
    .selectFrom('directory_services')
    .select(['id', 'name'])
    .where('organization_id', '=', org.id)
    .orderBy('name')
    .executeTakeFirst();
  service ??= await buildService(h, org.id, { name: 'Offener Treff Sonnenblume', cost_options: [{ id: crypto.randomUUID(), amount: 0, option: 'kostenlos' }] });
  return { orgId: org.id, id: service.id, name: service.name };
}

/** Makes the form valid where seed data leaves a required choice open (costs, topics). */
async function completeRequired(page: Page) {
  const form = page.locator('main form[method="post"]').last();
  if (!(await form.locator('[name="free"]').isChecked()) && !(await form.locator('[name="price"]').inputValue())) await form.locator('[name="free"]').check();
  if ((await form.locator('#topics input:checked').count()) === 0) await form.locator('#topics input').first().check();
}

describe('provider and editor', () => {
  it('the provider submits a change, the editor approves it, and only then is it published', async () => {
    const service = await sonnenblumeService();
    const newText = `Neu: jeden Dienstag offene Sprechstunde im Familienzentrum (${Date.now()}).`;
    const page = await h.newPage();
    await logIn(page, providerEmail);

    expect((await visit(page, h.url(paths.home))).status()).toBe(200);
    await expectNoAxeViolations(page);
    expect(await page.locator('main h1').innerText()).toBe('Mein Verzeichnis');
    expect(await page.locator('main').innerText()).toContain(organizationName);

    await page
      .locator('main')
      .getByRole('link', { name: `Bearbeiten: ${service.name}`, exact: true })
      .click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe(paths.edit('service', service.orgId, service.id));
    await expectNoAxeViolations(page);

    // A wrong LeiKa key first: the form comes back with the error, everything else kept.
    await completeRequired(page);
    await page.getByLabel('Beschreibung', { exact: true }).fill(newText);
    await page.getByLabel('LeiKa-Schlüssel').fill('123');
    const invalid = await submitForm(page, page.getByRole('button', { name: 'Zur Prüfung einreichen' }));
    expect(invalid.status()).toBe(422);
    await expectNoAxeViolations(page);
    expect(await page.title()).toMatch(/^Fehler: /);
    expect(await page.locator('[data-error-summary]').innerText()).toContain('Der LeiKa-Schlüssel hat genau 14 Ziffern.');
    await page.screenshot({ path: path.join(screenshotDir, 'workflow-service-form-error.png'), fullPage: true });
    expect(await page.getByLabel('Beschreibung', { exact: true }).inputValue()).toBe(newText);

    await page.getByLabel('LeiKa-Schlüssel').fill('');
    await page.getByLabel('Angaben geprüft').check();
    const submitted = await submitForm(page, page.getByRole('button', { name: 'Zur Prüfung einreichen' }));
    expect(submitted.status()).toBe(303);
    await expectNoAxeViolations(page);
    expect(await page.locator('main').innerText()).toContain('zur Prüfung eingereicht');
    expect(await page.locator('main').innerText()).toContain('in Prüfung');
    await page.screenshot({ path: path.join(screenshotDir, 'workflow-my-directory.png'), fullPage: true });
    const before = await h.deps.db.selectFrom('directory_services').select('hsds').where('id', '=', service.id).executeTakeFirstOrThrow();
    expect((before.hsds as { description?: string }).description).not.toBe(newText);

    const editor = await (await h.newContext()).newPage();
    await logIn(editor, editorEmail);
    expect((await visit(editor, h.url(paths.queue))).status()).toBe(200);
    await expectNoAxeViolations(editor);
    const row = editor.locator('main table tr').filter({ hasText: service.name }).filter({ hasText: 'Paul Anbieter (Demo)' });
    expect(await row.count()).toBe(1);
    await row.getByRole('link').click();
    await editor.waitForLoadState('load');
    await expectNoAxeViolations(editor);
    const diff = editor.locator('main table').filter({ hasText: 'Bisher' });
    expect(await diff.locator('tr').filter({ hasText: 'Beschreibung' }).innerText()).toContain(newText);
    expect(await diff.locator('tr').filter({ hasText: 'Zuletzt geprüft' }).count()).toBe(1);
    await editor.screenshot({ path: path.join(screenshotDir, 'workflow-review.png'), fullPage: true });

    const approved = await submitForm(editor, editor.getByRole('button', { name: 'Freigeben und veröffentlichen' }));
    expect(approved.status()).toBe(303);
    await expectNoAxeViolations(editor);
    expect(await editor.locator('main').innerText()).toContain('freigegeben und veröffentlicht');

    const after = await h.deps.db.selectFrom('directory_services').select('hsds').where('id', '=', service.id).executeTakeFirstOrThrow();
    expect((after.hsds as { description?: string }).description).toBe(newText);
    const mails = await h.mailsTo(providerEmail);
    expect(mails.map((m) => m.subject)).toContain(`Freigegeben: ${service.name}`);
  });

  it('the edit form works at 320 px without JavaScript', async () => {
    const service = await sonnenblumeService();
    const context = await h.newContext({ viewport: { width: 320, height: 800 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await logIn(page, providerEmail);
    expect((await visit(page, h.url(paths.edit('service', service.orgId, service.id)))).status()).toBe(200);
    await expectNoAxeViolations(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.screenshot({ path: path.join(screenshotDir, 'workflow-service-form-320.png'), fullPage: true });
    expect(overflow, 'no sideways scrolling of the page (the hours table scrolls in its own box)').toBeLessThanOrEqual(0);
    await page.getByLabel('Montag, Von').fill('08:00');
    await page.getByLabel('Montag, Bis').fill('08:00');
    const response = await submitForm(page, page.getByRole('button', { name: 'Als Entwurf speichern' }));
    expect(response.status()).toBe(422);
    await expectNoAxeViolations(page);
    expect(await page.locator('[data-error-summary]').innerText()).toContain('Montag: Anfang und Ende dürfen nicht gleich sein.');
  });

  it('the other workflow pages pass axe too: organisations, organisation and location forms, history', async () => {
    const service = await sonnenblumeService();
    const page = await h.newPage();
    await logIn(page, editorEmail);
    for (const url of [
      paths.organizations,
      paths.edit('organization', service.orgId, service.orgId),
      paths.create(service.orgId, 'location'),
      paths.history('service', service.orgId, service.id),
      paths.organization(service.orgId),
    ]) {
      expect((await visit(page, h.url(url))).status(), url).toBe(200);
      await expectNoAxeViolations(page);
      expect(await page.locator('main h1').count(), `one h1 on ${url}`).toBe(1);
    }
    expect((await visit(page, h.url(paths.create(service.orgId, 'location')))).status()).toBe(200);
    await expectNoAxeViolations(page);
    const empty = await submitForm(page, page.getByRole('button', { name: 'Speichern und veröffentlichen' }));
    expect(empty.status()).toBe(422);
    await expectNoAxeViolations(page);
    expect(await page.locator('[data-error-summary]').innerText()).toContain('Wählen Sie den Stadtbezirk aus.');
  });
});
