import type { AppDeps } from '../../platform/deps.js';
import { formatDateTime, storedLocale } from '../../platform/i18n/i18n.js';
import { holidayMessages } from './holidays.messages.js';
import { lotteryAnswerDays } from './places.service.js';
import { lotteryPseudonyms } from './lottery-pseudonyms.js';
import { placeTitlesOfChildren } from './places.repository.js';
import { allocatedSeason } from './seasons.repository.js';
import { waitingTitlesOfChildren } from './waitlist.repository.js';
import { handedInChildrenOfParents, parentsWithHandedInLists } from './wishes.repository.js';

export const resultMailsJob = 'holidays.result-mails';
/** Where a season's lottery is published (stable). */
export const publicationPath = (seasonId: string) => `/api/v1/ferien/saisons/${seasonId}/verlosung`;
/** Families per transaction. */
export const resultMailChunk = 500;

/**
 * One mail per parent with the results of all their children, 500 parents per transaction: each
 * chunk queues its mails and the job for the next chunk together, so a retry never mails twice and
 * a big season never holds the (embedded: only) connection for long.
 */
export async function sendResultMails(deps: AppDeps, seasonId: string, after: string | null, chunk = resultMailChunk): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const season = await allocatedSeason(trx, seasonId);
    if (!season?.allocated_at) return 0;
    const deadline = new Date(season.allocated_at.getTime() + lotteryAnswerDays * 86_400_000);
    const parentIds = await parentsWithHandedInLists(trx, seasonId, after, chunk);
    if (parentIds.length === 0) return 0;
    const rows = await handedInChildrenOfParents(trx, seasonId, parentIds);
    const childIds = rows.map((r) => r.child_id);
    const places = await placeTitlesOfChildren(trx, seasonId, childIds);
    const waits = await waitingTitlesOfChildren(trx, seasonId, childIds);
    const group = <T extends { child_id?: string; parent_id?: string }>(list: T[], key: (item: T) => string) => {
      const map = new Map<string, T[]>();
      for (const item of list) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
      return map;
    };
    const pseudonyms = await lotteryPseudonyms(trx, seasonId, childIds);
    const placesOf = group(places, (p) => p.child_id);
    const waitsOf = group(waits, (w) => w.child_id);
    for (const children of group(rows, (r) => r.parent_id).values()) {
      const first = children[0] as (typeof rows)[number];
      const locale = storedLocale(first.locale);
      const t = holidayMessages(locale);
      const list = children
        .map((c) => {
          const lines = [
            ...(placesOf.get(c.child_id) ?? []).map((p) => t('result.place', { offer: p.title })),
            ...(waitsOf.get(c.child_id) ?? []).map((w) => t('result.waiting', { offer: w.title, position: w.position })),
          ];
          const pseudonym = pseudonyms.get(c.child_id);
          const child = pseudonym ? t('result.child', { child: c.first_name, pseudonym }) : c.first_name;
          return `- ${child}: ${lines.length ? lines.join('; ') : t('result.nothing')}`;
        })
        .join('\n');
      await deps.mail.enqueue(trx, {
        to: first.email,
        subject: t('mail.results.subject', { season: season.name }),
        text: t('mail.results.text', {
          name: first.display_name,
          season: season.name,
          list,
          deadline: formatDateTime(deadline, locale),
          url: `${deps.config.publicUrl}/ferien/ergebnis`,
          publication: `${deps.config.publicUrl}${publicationPath(seasonId)}`,
        }),
      });
    }
    if (parentIds.length === chunk) await deps.jobs.send(trx, resultMailsJob, { seasonId, after: parentIds[parentIds.length - 1], chunk });
    return parentIds.length;
  });
}
