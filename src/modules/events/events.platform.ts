import { sql } from 'kysely';
import type { AppDeps } from '../../app.js';
import { fromLocal, todayIn } from './berlin-time.js';
import { applyRetention } from './events.service.js';
import { whenText } from './views/format.js';

/** What the events module plugs into the platform: site search, privacy (export/erase), the retention job. */

export const retentionJob = 'events.retention';

const likePattern = (text: string) => `%${text.replace(/[%_\\]/g, '\\$&')}%`;

/** Published events with a date from today on whose title or description contains every word. */
export async function searchEvents(deps: Pick<AppDeps, 'db'>, query: string, limit: number) {
  const words = query.trim().split(/\s+/).filter((w) => w.length >= 2).slice(0, 6);
  if (words.length === 0) return [];
  let q = deps.db
    .selectFrom('events as e')
    .innerJoin('event_occurrences as o', 'o.event_id', 'e.id')
    .select(['e.id', 'e.title', 'e.description', 'e.all_day', sql<Date>`min(o.starts_at)`.as('next_start')])
    .where('e.review_state', '=', 'published')
    .where('o.starts_at', '>=', fromLocal(todayIn(new Date())))
    .groupBy(['e.id', 'e.title', 'e.description', 'e.all_day']);
  for (const word of words) q = q.where((w) => w.or([w('e.title', 'ilike', likePattern(word)), w('e.description', 'ilike', likePattern(word))]));
  return q.orderBy(sql`min(o.starts_at)`).limit(limit).execute();
}

export function registerEventsPlatform(deps: AppDeps): void {
  deps.search.register({
    id: 'events',
    label: { de: 'Veranstaltungen', en: 'Events' },
    async search(query, locale, limit) {
      const rows = await searchEvents(deps, query, limit);
      return rows.map((r) => ({
        title: r.title,
        url: `/veranstaltungen/${r.id}`,
        excerpt: `${whenText({ start: new Date(r.next_start), end: null, allDay: r.all_day }, locale)}: ${r.description.length > 160 ? `${r.description.slice(0, 159)}…` : r.description}`,
      }));
    },
  });

  // Personal data: the address someone gave with a suggestion (matched by the account's email),
  // and the authorship of events a person created.
  deps.privacy.register({
    name: 'veranstaltungen',
    async export(db, userId) {
      const user = await db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst();
      const rows = await db
        .selectFrom('events')
        .select(['id', 'title', 'review_state', 'created_at', 'suggester_email'])
        .where((w) => w.or([w('created_by', '=', userId), ...(user ? [w(sql`lower(suggester_email)`, '=', user.email.toLowerCase())] : [])]))
        .orderBy('created_at')
        .execute();
      return rows.map((r) => ({ veranstaltung: r.title, stand: r.review_state, angelegt: r.created_at, eMailFuerEntscheidung: r.suggester_email }));
    },
    async erase(trx, userId) {
      const user = await trx.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst();
      if (user) await trx.updateTable('events').set({ suggester_email: null }).where(sql`lower(suggester_email)`, '=', user.email.toLowerCase()).execute();
      await trx.updateTable('events').set({ created_by: null }).where('created_by', '=', userId).execute();
    },
  });

  deps.jobs.register(retentionJob, async () => void (await applyRetention(deps, new Date())), { cron: '40 3 * * *' });
}
