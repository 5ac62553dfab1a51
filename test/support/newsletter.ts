import { sql } from 'kysely';
import { randomBytes } from 'node:crypto';
import type { SubscriberStatus } from '../../src/db/tables/newsletter.js';
import { confirmToken, manageToken } from '../../src/modules/newsletter/links.js';
import type { TestApp } from './app.js';

let counter = 0;

/** Writes a subscriber straight into the database; returns the row and its personal tokens. */
export async function createSubscriber(
  t: TestApp,
  overrides: { email?: string; status?: SubscriberStatus; locale?: string; topics?: string[]; district?: string | null } = {},
) {
  counter += 1;
  const status = overrides.status ?? 'confirmed';
  const row = await t.deps.db
    .insertInto('newsletter_subscribers')
    .values({
      email: overrides.email ?? `abo${counter}-${randomBytes(4).toString('hex')}@example.org`,
      locale: overrides.locale ?? 'de',
      topics: overrides.topics ?? [],
      district: overrides.district ?? null,
      status,
      link_key: randomBytes(16).toString('base64url'),
      consent_text: 'Testeinwilligung',
      consent_version: 'test',
      signed_up_at: new Date(),
      confirmed_at: status === 'confirmed' ? new Date() : null,
      unsubscribed_at: status === 'unsubscribed' ? new Date() : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const secret = t.deps.config.sessionSecret;
  return {
    ...row,
    manageToken: manageToken(secret, row.id, row.link_key),
    confirmToken: (expiresAt = new Date(Date.now() + 3600_000)) => confirmToken(secret, row.id, row.link_key, expiresAt),
  };
}

/** Inserts many confirmed subscribers fast (one statement per 5,000). */
export async function createSubscribers(t: Pick<TestApp, 'deps'>, count: number, prefix = 'massen'): Promise<void> {
  for (let start = 0; start < count; start += 5000) {
    const rows = Array.from({ length: Math.min(5000, count - start) }, (_, i) => ({
      email: `${prefix}${start + i}@example.org`,
      status: 'confirmed' as const,
      link_key: randomBytes(12).toString('base64url'),
      consent_text: 'Testeinwilligung',
      consent_version: 'test',
      signed_up_at: new Date(),
      confirmed_at: new Date(),
    }));
    await t.deps.db.insertInto('newsletter_subscribers').values(rows).execute();
  }
}

/** Writes a news post; published an hour ago unless told otherwise. */
export async function createNewsPost(
  t: Pick<TestApp, 'deps'>,
  overrides: { title?: string; teaser?: string; body?: string; topics?: string[]; publishedAt?: Date | null; expiresAt?: Date | null } = {},
) {
  counter += 1;
  const title = overrides.title ?? `Neuigkeit ${counter}`;
  const teaser = overrides.teaser ?? `Kurztext zur Neuigkeit ${counter}.`;
  const body = overrides.body ?? '## Worum es geht\n\nEin Absatz mit [Link](/angebote).';
  return t.deps.db
    .insertInto('news_posts')
    .values({
      title,
      teaser,
      body,
      topics: overrides.topics ?? [],
      published_at: overrides.publishedAt === undefined ? new Date(Date.now() - 3600_000) : overrides.publishedAt,
      expires_at: overrides.expiresAt ?? null,
      search_vector: sql`to_tsvector('german', ${`${title} ${teaser} ${body}`})`,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
