import { todayIn } from '../../platform/time/berlin.js';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../platform/deps.js';
import type { DB } from '../../db/types.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import type { Executor } from '../../db/executor.js';
import type { ErasureStep, Person } from '../../platform/privacy/declarations.js';
import { dateRange } from './holidays.format.js';
import { activeStatuses, returnPlace } from './places.service.js';
import { releaseMessages } from './release.messages.js';

/** Phases in which a wish list still takes part in a lottery to come. */
const lotteryAhead = ['collecting', 'wishes', 'allocation'] as const;

/** Places of the person's children in offers that still run, offered or accepted. */
function activePlaces(db: Executor, person: Person) {
  return db
    .selectFrom('holiday_places as p')
    .innerJoin('holiday_children as c', 'c.id', 'p.child_id')
    .innerJoin('holiday_offers as o', 'o.id', 'p.offer_id')
    .select(['p.id', 'p.status', 'p.offer_id', 'c.first_name', 'o.title', 'o.first_day', 'o.last_day', 'o.contact_email'])
    .where('c.parent_id', '=', person.id)
    .where('p.status', 'in', activeStatuses)
    .where('o.status', '=', 'approved')
    .where('o.last_day', '>=', todayIn())
    .orderBy('c.first_name')
    .orderBy('o.first_day')
    .execute();
}

async function waitingEntries(db: Kysely<DB>, person: Person) {
  return db
    .selectFrom('holiday_waitlist as w')
    .innerJoin('holiday_children as c', 'c.id', 'w.child_id')
    .innerJoin('holiday_offers as o', 'o.id', 'w.offer_id')
    .select(['c.first_name', 'o.title', 'o.first_day', 'o.last_day'])
    .where('c.parent_id', '=', person.id)
    .where('w.status', '=', 'waiting')
    .where('o.status', '=', 'approved')
    .where('o.last_day', '>=', todayIn())
    .orderBy('c.first_name')
    .orderBy('o.first_day')
    .execute();
}

async function wishesAhead(db: Kysely<DB>, person: Person) {
  const rows = await db
    .selectFrom('holiday_wish_lists as l')
    .innerJoin('holiday_children as c', 'c.id', 'l.child_id')
    .innerJoin('holiday_seasons as s', 's.id', 'l.season_id')
    .innerJoin('holiday_wishes as w', 'w.wish_list_id', 'l.id')
    .innerJoin('holiday_offers as o', 'o.id', 'w.offer_id')
    .select(['l.id', 'c.first_name', 's.name as season', 'o.title'])
    .where('c.parent_id', '=', person.id)
    .where('s.phase', 'in', lotteryAhead)
    .orderBy('c.first_name')
    .orderBy('l.id')
    .orderBy('w.rank')
    .execute();
  const lists = new Map<string, { child: string; season: string; offers: string[] }>();
  for (const row of rows) {
    const list = lists.get(row.id) ?? { child: row.first_name, season: row.season, offers: [] };
    list.offers.push(`„${row.title}“`);
    lists.set(row.id, list);
  }
  return [...lists.values()];
}

/**
 * When parents delete their account, their children's places are given back like any returned
 * place (the waiting list moves up), and the organiser of a confirmed place is told by mail. The
 * mail names neither child nor family: the updated participant list says who still comes.
 */
export function placesReleasedOnDeletion(deps: Pick<AppDeps, 'jobs' | 'mail' | 'config'>): ErasureStep {
  return {
    async preview(db, person, locale: Locale) {
      const t = releaseMessages(locale);
      const dates = (o: { first_day: string; last_day: string }) => dateRange(o.first_day, o.last_day, locale);
      const places = (await activePlaces(db, person)).map((p) =>
        t(p.status === 'accepted' ? 'preview.accepted' : 'preview.offered', { child: p.first_name, offer: p.title, dates: dates(p) }),
      );
      const waiting = (await waitingEntries(db, person)).map((w) => t('preview.waiting', { child: w.first_name, offer: w.title, dates: dates(w) }));
      const wishes = (await wishesAhead(db, person)).map((l) => t('preview.wishes', { child: l.child, season: l.season, offers: l.offers.join(', ') }));
      return [...places, ...waiting, ...wishes];
    },

    async apply(trx, person) {
      const t = releaseMessages('de');
      for (const place of await activePlaces(trx, person)) {
        await returnPlace(deps, trx, { id: place.id, offerId: place.offer_id });
        if (place.status !== 'accepted' || !place.contact_email) continue;
        const vars = {
          offer: place.title,
          dates: dateRange(place.first_day, place.last_day, 'de'),
          url: `${deps.config.publicUrl}/meine-ferienangebote/angebote/${place.offer_id}/teilnehmende`,
        };
        await deps.mail.enqueue(trx, { to: place.contact_email, subject: t('mail.organiser.subject', vars), text: t('mail.organiser.text', vars) });
      }
    },
  };
}
