import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { listEventsInRange, type EventOccurrenceSummary } from '../events/index.js';
import { todayIn, fromBerlinLocal } from '../../platform/time/berlin.js';
import { findNewsByIds } from './news.repository.js';

/** What the editor chose for an issue (stored as `composition`). */
export interface Composition {
  newsIds: string[];
  /** The events section: Berlin dates YYYY-MM-DD, both inclusive; null = no events section. */
  events: { from: string; to: string; district?: string; category?: string; age?: number; freeOnly?: boolean } | null;
  holidayNotice: string;
  sections: { heading: string; body: string }[];
}

/** The finished content of an issue: the same for every recipient and for the archive (`frozen`). */
export interface IssueContent {
  subject: string;
  intro: string;
  /** `topics` of a post (absent in issues frozen before it was recorded: then for everyone). */
  news: { title: string; teaser: string; url: string; topics?: string[] }[];
  events: {
    title: string;
    url: string;
    start: string;
    end: string | null;
    allDay: boolean;
    place: string;
    status: 'scheduled' | 'cancelled' | 'postponed';
    district?: string | null;
  }[];
  eventsRange: { from: string; to: string } | null;
  holidayNotice: string;
  sections: { heading: string; body: string }[];
}

export const emptyComposition = (): Composition => ({ newsIds: [], events: null, holidayNotice: '', sections: [] });

/** At most this many events in one issue: a calendar, not a phone book. */
export const maxIssueEvents = 40;

/** Enough rows that cancelled and finished dates cannot crowd out the ones worth announcing. */
const eventsToSift = 1000;

/** When an occurrence is over: its end, else the end of its day (all day) or its start. */
function endOf(e: EventOccurrenceSummary): Date {
  if (e.end) return e.end;
  return e.allDay ? new Date(e.start.getTime() + 86_400_000) : e.start;
}

/**
 * Resolves the chosen posts and the events of the range into fixed content, as of `now` (the
 * preview, or the moment sending starts): a range composed weeks ago starts today at the
 * earliest, and cancelled or finished dates are left out — an issue announces what one can go to.
 * Runs outside any transaction: listEventsInRange takes the pool, which has one connection in embedded mode.
 */
export async function resolveContent(
  db: Kysely<DB>,
  publicUrl: string,
  issue: { subject: string; intro: string; composition: Composition },
  now = new Date(),
): Promise<IssueContent> {
  const { composition } = issue;
  const posts = await findNewsByIds(db, composition.newsIds);
  let events: IssueContent['events'] = [];
  const range = composition.events;
  const today = todayIn(now);
  const fromDay = range && range.from < today && today <= range.to ? today : range?.from;
  if (range && fromDay) {
    const from = fromBerlinLocal(fromDay);
    const toDay = fromBerlinLocal(range.to);
    if (from && toDay) {
      const to = new Date(toDay.getTime() + 86_400_000);
      const found = await listEventsInRange(db, {
        from,
        to,
        district: range.district || undefined,
        category: range.category || undefined,
        age: range.age,
        freeOnly: range.freeOnly || undefined,
        limit: eventsToSift,
      });
      events = found
        .filter((e) => e.status !== 'cancelled' && endOf(e) > now)
        .slice(0, maxIssueEvents)
        .map((e) => ({
          title: e.title,
          url: `${publicUrl}${e.path}`,
          start: e.start.toISOString(),
          end: e.end?.toISOString() ?? null,
          allDay: e.allDay,
          place: e.place,
          status: e.status,
          district: e.district,
        }));
    }
  }
  return {
    subject: issue.subject,
    intro: issue.intro,
    news: posts.map((p) => ({ title: p.title, teaser: p.teaser, url: `${publicUrl}/neuigkeiten/${p.id}`, topics: p.topics })),
    events,
    eventsRange: range && fromDay ? { from: fromDay, to: range.to } : null,
    holidayNotice: composition.holidayNotice,
    sections: composition.sections.filter((s) => s.heading.trim() || s.body.trim()),
  };
}

/** What a subscriber chose: topics (none = all) and a district (none = the whole city). */
export interface Interests {
  topics: readonly string[];
  district: string | null;
}

/**
 * The issue as one subscriber gets it. A post with topics goes to those who chose none or one of
 * them; a post without topics goes to everyone. With a district chosen, the events section shows
 * that district's events and the city-wide ones (without district). Everything else is the same.
 */
export function contentFor(content: IssueContent, interests: Interests): IssueContent {
  const news =
    interests.topics.length === 0 ? content.news : content.news.filter((n) => !n.topics?.length || n.topics.some((t) => interests.topics.includes(t)));
  const events = interests.district ? content.events.filter((e) => !e.district || e.district === interests.district) : content.events;
  return { ...content, news, events };
}

/** A stable key of the interests that change the content, for caching rendered templates. */
export function interestsKey(content: IssueContent, interests: Interests): string {
  const topics = interests.topics.length && content.news.some((n) => n.topics?.length) ? [...interests.topics].sort().join(',') : '';
  const district = interests.district && content.events.some((e) => e.district) ? interests.district : '';
  return `${topics}|${district}`;
}
