import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoLogins } from '../../src/modules/accounts/index.js';
import { networkKindNames } from '../../src/modules/network/network.notifications.js';
import { addDays, fromLocal, todayIn } from '../../src/platform/time/berlin.js';
import { testPdf } from '../support/documents.js';
import { testPng } from '../support/images.js';
import { expectNoAxeViolations, submitForm, useBrowserHarness, visit } from './harness.js';

/** The Bündnis-Netzwerk as partners use it, at 320 px and without JavaScript. */
const h = useBrowserHarness();

const email = (role: 'partner' | 'editor') => demoLogins.users.find((u) => u.role === role)!.email;
const submitOf = (page: Page, name: string) =>
  page
    .locator('main form')
    .filter({ has: page.locator(`[name="${name}"]`) })
    .locator('button[type="submit"]')
    .first();

/** The next 07:05 in Berlin, when a daily summary at the default hour goes out. */
function nextSevenOClock(): Date {
  for (let d = 0; ; d++) {
    const moment = fromLocal(addDays(todayIn(), d), '07:05');
    if (moment.getTime() > Date.now()) return moment;
  }
}

async function logIn(page: Page, address: string) {
  expect((await visit(page, h.url('/anmelden'))).status()).toBe(200);
  await expectNoAxeViolations(page);
  await page.locator('main [name="email"]').fill(address);
  await page.locator('main [name="password"]').fill(demoLogins.password);
  await submitForm(page, submitOf(page, 'password'));
  await expectNoAxeViolations(page);
}

describe('alliance network', () => {
  it('a partner joins a group, uploads a document and plans a meeting; a member answers from the mail link; a daily summary leads to a new post', async () => {
    const context = await h.newContext({ viewport: { width: 320, height: 720 }, javaScriptEnabled: false });
    const page = await context.newPage();
    expect((await visit(page, h.url('/netzwerk'))).status()).toBe(200);
    await expectNoAxeViolations(page);
    expect(await page.locator('main h1').innerText()).toBe('Bündnis für Familie');
    expect(await page.locator('main').innerText()).toContain('AG Kinderbetreuung');

    await logIn(page, email('partner'));
    expect((await visit(page, h.url('/netzwerk/mein'))).status()).toBe(200);
    await expectNoAxeViolations(page);

    // Join the open health group.
    expect((await visit(page, h.url('/netzwerk/gruppen/gesundheit'))).status()).toBe(200);
    await expectNoAxeViolations(page);
    expect((await submitForm(page, page.locator('main form[action$="/beitreten"] button'))).status()).toBe(303);
    await expectNoAxeViolations(page);
    expect(await page.locator('main').innerText()).toContain('Sie sind jetzt Mitglied der Gruppe.');

    // A post with a photo: its description is the image's text alternative.
    await page.locator('main [name="body"]').fill('Fotos vom Bewegungstag');
    await page.locator('main [name="file"]').setInputFiles({ name: 'wiese.png', mimeType: 'image/png', buffer: testPng(40, 30) });
    await page.locator('main [name="fileTitle"]').fill('Kinder spielen Fangen auf der Wiese');
    expect((await submitForm(page, submitOf(page, 'body'))).status()).toBe(303);
    await expectNoAxeViolations(page);
    expect(await page.locator('main img[alt="Kinder spielen Fangen auf der Wiese"]').count()).toBe(1);

    // Upload a document: a wrong file first (422 with the summary), then the PDF.
    expect((await visit(page, h.url('/netzwerk/gruppen/gesundheit/dokumente/neu'))).status()).toBe(200);
    await expectNoAxeViolations(page);
    await page.locator('main [name="title"]').fill('Ideensammlung Bewegung');
    await page.locator('main [name="file"]').setInputFiles({ name: 'ideen.pdf', mimeType: 'application/pdf', buffer: Buffer.from('kein PDF') });
    expect((await submitForm(page, submitOf(page, 'title'))).status()).toBe(422);
    await expectNoAxeViolations(page);
    expect(await page.locator('main .error-summary').innerText()).toContain('Diese Datei können wir nicht annehmen.');
    await page.locator('main [name="file"]').setInputFiles({ name: 'ideen.pdf', mimeType: 'application/pdf', buffer: testPdf('Bewegung im Park') });
    expect((await submitForm(page, submitOf(page, 'title'))).status()).toBe(303);
    await expectNoAxeViolations(page);
    expect(await page.locator('main h1').innerText()).toBe('Ideensammlung Bewegung');

    // Found by a word inside the file once its text is read.
    await h.runJobs();
    expect((await visit(page, h.url('/netzwerk/suche?q=Parks'))).status()).toBe(200);
    await expectNoAxeViolations(page);
    expect(await page.locator('main ol a').first().innerText()).toBe('Ideensammlung Bewegung');
    expect(await page.locator('main mark').first().innerText()).toBe('Park');

    // The lead of the steering group plans a meeting; every member is invited.
    expect((await visit(page, h.url('/netzwerk/gruppen/lenkungsgruppe/termine/neu'))).status()).toBe(200);
    await expectNoAxeViolations(page);
    await page.locator('main [name="title"]').fill('Sondersitzung Familientag');
    await page.locator('main [name="date"]').fill('15.03.2099');
    await page.locator('main [name="start"]').fill('10:00');
    await page.locator('main [name="end"]').fill('11:00');
    await page.locator('main [name="place"]').fill('Rathaus, Raum 2.14');
    expect((await submitForm(page, submitOf(page, 'title'))).status()).toBe(303);
    await expectNoAxeViolations(page);
    expect(await page.locator('main').innerText()).toContain('Der Termin ist geplant');

    // The lead's other pages: the group's settings with its retention, the calendar addresses, the reported posts.
    for (const path of ['/netzwerk/gruppen/lenkungsgruppe/bearbeiten', '/netzwerk/benachrichtigungen', '/netzwerk/meldungen']) {
      expect((await visit(page, h.url(path))).status(), path).toBe(200);
      await expectNoAxeViolations(page);
    }
    expect(await page.locator('main').innerText()).toContain('Gemeldete Beiträge');

    const invitation = (await h.mailsTo(email('editor'))).find((m) => m.subject.includes('Sondersitzung Familientag'));
    expect(invitation).toBeDefined();
    const link = /\/netzwerk\/termine\/[0-9a-f-]+\/antwort\?token=\S+antwort=yes/.exec(invitation!.text_body)![0];
    const other = await (await h.newContext({ viewport: { width: 320, height: 720 }, javaScriptEnabled: false })).newPage();
    expect((await visit(other, h.url(link))).status()).toBe(200);
    await expectNoAxeViolations(other);
    expect((await submitForm(other, other.locator('main button[value="yes"]'))).status()).toBe(200);
    await expectNoAxeViolations(other);
    expect(await other.locator('main').innerText()).toContain('Danke! Sie haben zugesagt.');

    // The partner reads the network in a daily summary; a member of the steering group writes in it.
    const partner = await h.deps.db.selectFrom('users').select('id').where('email', '=', email('partner')).executeTakeFirstOrThrow();
    await h.deps.notifications.setCadence(await h.deps.notifications.userRecipient(partner.id), networkKindNames, 'daily');
    const editor = await (await h.newContext({ viewport: { width: 320, height: 720 }, javaScriptEnabled: false })).newPage();
    await logIn(editor, email('editor'));
    expect((await visit(editor, h.url('/netzwerk/gruppen/lenkungsgruppe'))).status()).toBe(200);
    await expectNoAxeViolations(editor);
    await editor.locator('main [name="body"]').fill('Die Tagesordnung für die Sondersitzung steht.');
    expect((await submitForm(editor, submitOf(editor, 'body'))).status()).toBe(303);
    await expectNoAxeViolations(editor);
    await h.runJobs();
    await h.deps.notifications.sendDigests('daily', nextSevenOClock());
    const digest = (await h.mailsTo(email('partner'))).find((m) => m.subject.startsWith('Ihre Tagesübersicht'));
    expect(digest?.text_body).toContain('Die Tagesordnung für die Sondersitzung steht.');
    const postLink = /\/netzwerk\/gruppen\/lenkungsgruppe#beitrag-[0-9a-f-]+/.exec(digest!.text_body)![0];
    expect((await visit(page, h.url(postLink))).status()).toBe(200);
    await expectNoAxeViolations(page);
    expect(await page.locator('main').innerText()).toContain('Die Tagesordnung für die Sondersitzung steht.');
  });
});
