import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoLogins } from '../../src/modules/accounts/index.js';
import { expectNoAxeViolations, submitForm, useBrowserHarness, visit } from './harness.js';

const h = useBrowserHarness();
const admin = demoLogins.users.find((u) => u.role === 'admin')!;

async function logInAsAdmin(page: Page) {
  await visit(page, h.url('/anmelden'));
  await expectNoAxeViolations(page);
  await page.locator('main [name="email"]').fill(admin.email);
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

function packageWith(email: string) {
  const org = { id: randomUUID(), name: 'Spielmobil Hamm e. V.', description: 'Spielaktionen in allen Stadtbezirken.' };
  return {
    organizations: [org],
    services: [{ id: randomUUID(), organization_id: org.id, name: 'Spielmobil auf dem Platz', status: 'active', email }],
  };
}

describe('HSDS import (admin)', () => {
  it('shows the import page, reports a bad package per record, then imports a file read into the field', async () => {
    const page = await h.newPage();
    await logInAsAdmin(page);
    expect((await visit(page, h.url('/admin/verzeichnis/import'))).status()).toBe(200);
    await expectNoAxeViolations(page);
    expect(await page.locator('main h1').innerText()).toContain('Verzeichnis importieren');
    const field = page.getByLabel('HSDS-Paket (JSON)');

    await field.fill(JSON.stringify(packageWith('keine-adresse')));
    const failed = await submitForm(page, page.getByRole('button', { name: 'Prüfen und importieren' }));
    expect(failed.status()).toBe(422);
    await expectNoAxeViolations(page);
    expect(await page.title()).toMatch(/^Fehler: /);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary') ?? false), 'focus on the error summary').toBe(true);
    const report = page.getByRole('region', { name: 'Fehlerbericht' });
    const row = report.getByRole('row').filter({ hasText: 'Angebot Nr. 1' });
    expect(await row.innerText()).toMatch(/Spielmobil auf dem Platz[\s\S]*email[\s\S]*gültige E-Mail-Adresse/);

    // With JavaScript, a JSON file can be chosen; it is read into the field.
    const file = page.getByLabel('Oder JSON-Datei auswählen');
    expect(await file.isVisible()).toBe(true);
    const good = packageWith('kontakt@spielmobil.example');
    await file.setInputFiles({ name: 'paket.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
    await expect.poll(() => field.inputValue()).toContain('kontakt@spielmobil.example');
    const done = await submitForm(page, page.getByRole('button', { name: 'Prüfen und importieren' }));
    expect(done.status(), 'POST/redirect/GET').toBe(303);
    await expectNoAxeViolations(page);
    expect(await page.locator('main').innerText()).toContain('Übernommen: 1 Träger, 0 Standorte und 1 Angebote');
    const api = await page.request.get(h.url(`/api/hsds/services/${good.services[0]!.id}`));
    expect((await api.json()).name).toBe('Spielmobil auf dem Platz');
  });

  it('works on a 320 px screen without JavaScript (paste only)', async () => {
    const context = await h.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await logInAsAdmin(page);
    await visit(page, h.url('/admin/verzeichnis/import'));
    await expectNoAxeViolations(page);
    expect(await page.locator('#paket-datei').isVisible(), 'the file field needs JavaScript, so it stays hidden').toBe(false);
    await page.getByLabel('HSDS-Paket (JSON)').fill('{"services": [ {"id": } ]}');
    const failed = await submitForm(page, page.getByRole('button', { name: 'Prüfen und importieren' }));
    expect(failed.status()).toBe(422);
    await expectNoAxeViolations(page);
    expect(await page.locator('main').innerText()).toContain('Das Paket ist kein gültiges JSON (Zeile 1, Zeichen 23).');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'no sideways scrolling of the whole page').toBeLessThanOrEqual(0);
  });
});
