import { describe, expect, it } from 'vitest';
import { demoLogins } from '../../src/modules/accounts/index.js';
import { expectNoAxeViolations, submitForm, useBrowserHarness, visit } from './harness.js';

const h = useBrowserHarness();

describe('deleting an account with holiday places', () => {
  it('lists what goes with it, readable on a 320 px phone without JavaScript', async () => {
    const family = demoLogins.users.find((u) => u.role === 'family')!;
    const db = h.deps.db;
    const lena = await db
      .selectFrom('holiday_children')
      .innerJoin('users', 'users.id', 'holiday_children.parent_id')
      .select('holiday_children.id')
      .where('users.email', '=', family.email)
      .where('first_name', '=', 'Lena')
      .executeTakeFirstOrThrow();
    const offer = await db
      .selectFrom('holiday_offers')
      .select(['id', 'season_id', 'title'])
      .where('status', '=', 'approved')
      .where('last_day', '>=', '2027-01-01')
      .orderBy('first_day')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('holiday_places')
      .values({ season_id: offer.season_id, offer_id: offer.id, child_id: lena.id, source: 'lottery', status: 'accepted' })
      .execute();

    const context = await h.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await visit(page, h.url('/anmelden?zurueck=/konto/loeschen'));
    await expectNoAxeViolations(page);
    const login = page.locator('main form').filter({ has: page.locator('[name="password"]') });
    await login.locator('[name="email"]').fill(family.email);
    await login.locator('[name="password"]').fill(demoLogins.password);
    await submitForm(page, login.locator('button[type="submit"]'));
    if (new URL(page.url()).pathname !== '/konto/loeschen') await visit(page, h.url('/konto/loeschen'));
    await expectNoAxeViolations(page);

    const consequences = page.getByRole('region', { name: 'Das passiert außerdem' });
    expect(await consequences.getByRole('listitem').allInnerTexts()).toEqual([expect.stringContaining(`Lena: Der zugesagte Platz in „${offer.title}“`)]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'the page does not scroll sideways').toBeLessThanOrEqual(0);
  });
});
