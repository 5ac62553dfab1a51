import { describe, expect, it } from 'vitest';
import { useTestApp, type Visitor } from '../../../test/support/app.js';
import { signedInVisitor } from '../../../test/support/auth.js';
import { createSubscriber } from '../../../test/support/newsletter.js';

const t = useTestApp({ NEWSLETTER_MAX_PER_SECOND: '0' });
const db = () => t.deps.db;

async function composeIssue(editor: Visitor, subject: string): Promise<string> {
  const res = await editor.submit('/verwaltung/infobrief/neu', '/verwaltung/infobrief/neu', { subject, intro: 'Liebe Familien,' });
  expect(res.statusCode).toBe(303);
  return /\/verwaltung\/infobrief\/([0-9a-f-]{36})/.exec(res.headers.location as string)![1]!;
}

const deliveries = async (id: string) => (await db().selectFrom('newsletter_deliveries').select('id').where('issue_id', '=', id).execute()).length;

describe('"Jetzt an alle verschicken" asks first, on a page of its own (no JavaScript needed)', () => {
  it('shows the recipient count with the right plural, sends only from that page, and says so when nobody is subscribed', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const id = await composeIssue(editor, 'Infobrief Herbst');
    const base = `/verwaltung/infobrief/${id}`;

    // Nobody confirmed yet.
    const none = await editor.get(`${base}/senden`);
    expect(none.statusCode).toBe(200);
    expect(none.body).toContain('Zurzeit gibt es keine bestätigte Adresse: Die Ausgabe „Infobrief Herbst“ geht an niemanden und erscheint nur im Archiv.');

    await createSubscriber(t);
    await createSubscriber(t, { status: 'pending' });
    const composer = await editor.get(base);
    expect(composer.body).toContain('Zurzeit gibt es 1 bestätigte Adresse.');
    // The composer's button only opens the check page (a GET form).
    expect(composer.body).toMatch(new RegExp(`<form method="get" action="${base}/senden">`));
    const one = await editor.get(`${base}/senden`);
    expect(one.body).toContain('Die Ausgabe „Infobrief Herbst“ geht jetzt an 1 bestätigte Adresse.');
    expect(one.body).toContain('Ja, jetzt an 1 Adresse verschicken');
    expect(one.body).toContain('Das lässt sich nicht rückgängig machen');
    expect(one.body).toContain(`href="${base}"`);

    await createSubscriber(t);
    await createSubscriber(t);
    const three = await editor.get(`${base}/senden`);
    expect(three.body).toContain('Die Ausgabe „Infobrief Herbst“ geht jetzt an alle 3 bestätigten Adressen.');
    expect(three.body).toContain('Ja, jetzt an 3 Adressen verschicken');

    // A post without the check page's confirmation sends nothing and leads to that page.
    const unconfirmed = await editor.submit(base, `${base}/senden`, {});
    expect(unconfirmed.statusCode).toBe(303);
    expect(unconfirmed.headers.location).toBe(`${base}/senden`);
    expect(await deliveries(id)).toBe(0);

    const sent = await editor.submit(`${base}/senden`, `${base}/senden`, { bestaetigt: 'ja' });
    expect(sent.headers.location).toBe(`${base}/fortschritt?hinweis=gestartet`);
    expect(await deliveries(id)).toBe(3);
    // Once sent, the check page is gone: it leads to the progress.
    const after = await editor.get(`${base}/senden`);
    expect(after.headers.location).toBe(`${base}/fortschritt?hinweis=schon`);
  });

  it('speaks English to an English-speaking editor, with English plurals', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const id = await composeIssue(editor, 'Winter issue');
    await editor.get('/sprache/en?zurueck=/');
    await createSubscriber(t);
    await createSubscriber(t);
    const { n } = await db()
      .selectFrom('newsletter_subscribers')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('status', '=', 'confirmed')
      .executeTakeFirstOrThrow();
    const page = await editor.get(`/verwaltung/infobrief/${id}/senden`);
    expect(page.body).toContain(`The issue “Winter issue” now goes to all ${n} confirmed addresses.`);
    expect(page.body).toContain(`Yes, send to ${n} addresses now`);
  });

  it('keeps families out', async () => {
    const { visitor: editor } = await signedInVisitor(t, 'editor');
    const id = await composeIssue(editor, 'Nur für die Redaktion');
    const { visitor: family } = await signedInVisitor(t, 'family');
    expect((await family.get(`/verwaltung/infobrief/${id}/senden`)).statusCode).toBe(403);
  });
});
