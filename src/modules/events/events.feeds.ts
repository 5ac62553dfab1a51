import type { Locale } from '../../platform/i18n/i18n.js';
import { categoryName } from './events.categories.js';
import { eventsMessages } from './events.messages.js';
import { exceptionsOf, ruleOf, timingOf } from './events.model.js';
import { placeLine, placeOf, type LoadedEvent, type OccurrenceListRow } from './events.repository.js';
import type { IcsEvent } from './ics.js';
import { whenText } from './views/format.js';

/** Turns stored events into iCalendar events and occurrence lists into RSS 2.0 and Atom 1.0. */

export function toIcsEvent(e: LoadedEvent, options: { publicUrl: string; locale: Locale }): IcsEvent {
  const place = placeOf(e);
  const host = new URL(options.publicUrl).host;
  return {
    uid: `${e.id}@${host}`,
    sequence: e.sequence,
    modified: e.updated_at,
    created: e.created_at,
    timing: timingOf(e),
    rule: ruleOf(e),
    exceptions: exceptionsOf(e.exceptions),
    status: e.status,
    summary: e.title,
    description: [e.status_note, e.description].filter(Boolean).join('\n\n'),
    location: placeLine(place),
    geo: place.latitude !== null && place.longitude !== null ? [place.latitude, place.longitude] : null,
    url: `${options.publicUrl}/veranstaltungen/${e.id}`,
    categories: e.categories.map((c) => categoryName(c, options.locale)),
    organizer: e.organization_name ?? null,
  };
}

const xml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
// XML 1.0 forbids most control characters; a stray one from a pasted text must not break the feed.
const clean = (value: string) => value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
const text = (value: string) => xml(clean(value));

interface FeedOptions {
  publicUrl: string;
  locale: Locale;
  /** Path and query of this feed (self link). */
  selfPath: string;
  /** Path and query of the matching list page. */
  pagePath: string;
  portalName: string;
  city: string;
  now: Date;
}

function itemOf(row: OccurrenceListRow, o: FeedOptions) {
  const t = eventsMessages(o.locale);
  const status = row.status === 'cancelled' ? `${t('feed.cancelled')}: ` : row.status === 'postponed' ? `${t('feed.postponed')}: ` : '';
  const when = whenText({ start: row.starts_at, end: row.ends_at, allDay: row.all_day }, o.locale);
  const place = placeLine(placeOf(row));
  return {
    id: `${o.publicUrl}/veranstaltungen/${row.event_id}#${row.occurrence_date}`,
    link: `${o.publicUrl}/veranstaltungen/${row.event_id}`,
    title: `${status}${row.title} – ${when}`,
    summary: [when, place, row.note, row.status_note, row.description].filter(Boolean).join('\n'),
    updated: row.updated_at,
    categories: row.categories.map((c) => categoryName(c, o.locale)),
  };
}

/** RSS 2.0: one item per occurrence, guid stable per event and date. */
export function buildRss(rows: readonly OccurrenceListRow[], o: FeedOptions): string {
  const t = eventsMessages(o.locale);
  const items = rows.map((r) => itemOf(r, o));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    `<title>${text(t('feed.title', { portal: o.portalName }))}</title>`,
    `<link>${text(o.publicUrl + o.pagePath)}</link>`,
    `<description>${text(t('feed.description', { city: o.city }))}</description>`,
    `<language>${o.locale}</language>`,
    `<lastBuildDate>${o.now.toUTCString()}</lastBuildDate>`,
    `<atom:link href="${text(o.publicUrl + o.selfPath)}" rel="self" type="application/rss+xml"/>`,
    ...items.map((i) =>
      [
        '<item>',
        `<title>${text(i.title)}</title>`,
        `<link>${text(i.link)}</link>`,
        `<guid isPermaLink="false">${text(i.id)}</guid>`,
        `<pubDate>${i.updated.toUTCString()}</pubDate>`,
        `<description>${text(i.summary)}</description>`,
        ...i.categories.map((c) => `<category>${text(c)}</category>`),
        '</item>',
      ].join(''),
    ),
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}

/** Atom 1.0 (RFC 4287). */
export function buildAtom(rows: readonly OccurrenceListRow[], o: FeedOptions): string {
  const t = eventsMessages(o.locale);
  const items = rows.map((r) => itemOf(r, o));
  const updated = items.reduce((max, i) => (i.updated > max ? i.updated : max), new Date(0));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${o.locale}">`,
    `<id>${text(o.publicUrl + o.selfPath)}</id>`,
    `<title>${text(t('feed.title', { portal: o.portalName }))}</title>`,
    `<subtitle>${text(t('feed.description', { city: o.city }))}</subtitle>`,
    `<updated>${(items.length ? updated : o.now).toISOString()}</updated>`,
    `<author><name>${text(o.portalName)}</name></author>`,
    `<link rel="self" type="application/atom+xml" href="${text(o.publicUrl + o.selfPath)}"/>`,
    `<link rel="alternate" type="text/html" href="${text(o.publicUrl + o.pagePath)}"/>`,
    ...items.map((i) =>
      [
        '<entry>',
        `<id>${text(i.id)}</id>`,
        `<title>${text(i.title)}</title>`,
        `<link rel="alternate" type="text/html" href="${text(i.link)}"/>`,
        `<updated>${i.updated.toISOString()}</updated>`,
        `<summary>${text(i.summary)}</summary>`,
        ...i.categories.map((c) => `<category term="${text(c)}"/>`),
        '</entry>',
      ].join(''),
    ),
    '</feed>',
    '',
  ].join('\n');
}
