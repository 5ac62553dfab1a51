import { todayIn } from '../../platform/time/berlin.js';
import type { AppDeps } from '../../platform/deps.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import type { Executor } from '../../db/executor.js';
import type { ErasureStep, Person } from '../../platform/privacy/declarations.js';
import { dateRange } from './holidays.format.js';
import { activePlacesOfParent } from './places.repository.js';
import { returnPlace } from './places.service.js';
import { releaseMessages } from './release.messages.js';
import { waitingEntriesOfParent } from './waitlist.repository.js';
import { wishesOfParent } from './wishes.repository.js';

/** Phases in which a wish list still takes part in a lottery to come. */
const lotteryAhead = ['collecting', 'wishes', 'allocation'] as const;

/** The person's children's wish lists for lotteries to come, each with its offers (best first). */
async function wishesAhead(db: Executor, person: Person) {
  const lists = new Map<string, { child: string; season: string; offers: string[] }>();
  for (const row of await wishesOfParent(db, person.id, lotteryAhead)) {
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
      const places = (await activePlacesOfParent(db, person.id, todayIn())).map((p) =>
        t(p.status === 'accepted' ? 'preview.accepted' : 'preview.offered', { child: p.first_name, offer: p.title, dates: dates(p) }),
      );
      const waiting = (await waitingEntriesOfParent(db, person.id, todayIn())).map((w) =>
        t('preview.waiting', { child: w.first_name, offer: w.title, dates: dates(w) }),
      );
      const wishes = (await wishesAhead(db, person)).map((l) => t('preview.wishes', { child: l.child, season: l.season, offers: l.offers.join(', ') }));
      return [...places, ...waiting, ...wishes];
    },

    async apply(trx, person) {
      const t = releaseMessages('de');
      for (const place of await activePlacesOfParent(trx, person.id, todayIn())) {
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
