import type { Static } from '@sinclair/typebox';
import type { AppDeps } from '../../platform/deps.js';
import { pageContext } from '../../platform/http/context.js';
import { IdParams, NoQuery, type RouteApp } from '../../platform/http/routes.js';
import { imagePath, imageSize } from '../../platform/media/media.js';
import { fromLocal, todayIn } from '../../platform/time/berlin.js';
import { buildAtom, buildRss, toIcsEvent } from './events.feeds.js';
import { parseEventFilters, withQuery, type ParsedEventFilters } from './events.filters.js';
import { eventJsonLd, jsonLdText } from './events.json-ld.js';
import { eventsMessages } from './events.messages.js';
import { EventFilterQuery, SavedQuery } from './events.schemas.js';
import { visibleEvent } from './event-access.service.js';
import { countOccurrences, eventIdsInWindow, listOccurrences, loadEvents, upcomingOf } from './events.repository.js';
import { buildCalendar } from './ics.js';
import { eventTranslatable, occurrenceTranslatable } from './events.translations.js';
import { withTranslation, withTranslations } from '../../platform/translations/translations.service.js';
import { shiftMonth, MonthPage } from './views/month-page.js';
import { EventPage } from './views/event-page.js';
import { ListPage } from './views/list-page.js';

/*
 * Public calendar routes (HTML and feeds); every one reads the same filter parameters:
 *   GET /veranstaltungen                      upcoming dates grouped by day, filters, pages
 *   GET /veranstaltungen/monat?monat=YYYY-MM  the month as a table
 *   GET /veranstaltungen/:id                  one event, schema.org JSON-LD
 *   GET /veranstaltungen/:id/kalender.ics     "In meinen Kalender": this event as iCalendar
 *   GET /veranstaltungen.ics | .rss | .atom   feeds for any filter
 * Pages show the visitor's language where an editor translated the event (events.translations.ts); feeds stay German.
 */

/** Dates per list page. */
export const perPage = 20;
/** The list counts dates only up to this; past it, it says "more than 1,000" and offers 50 pages. */
export const countCap = 1000;
/** Items in an RSS/Atom feed (the next ones). */
export const feedItems = 200;
/** Events in one .ics feed: the soonest ones with a date in the filter's window (each with all its dates). */
export const icsEventLimit = 2000;

// Not "public": the platform sets its CSRF cookie on these answers too, and a shared cache must not hand one visitor's cookie to another.
const feedCache = 'private, max-age=900';

export function registerEventPages(app: RouteApp, deps: AppDeps): void {
  const { db, city, config } = deps;
  const parse = (query: Static<typeof EventFilterQuery>) => parseEventFilters(query, { districts: city.districts, now: new Date() });
  const filtered = { schema: { querystring: EventFilterQuery } };
  const cachedPage = { ...filtered, config: { pageCache: true } };

  app.get('/veranstaltungen', cachedPage, async (req, reply) => {
    const parsed = parse(req.query);
    const total = await countOccurrences(db, parsed.filter, countCap);
    const pages = Math.max(1, Math.ceil(Math.min(total, countCap) / perPage));
    const page = Math.min(parsed.page, pages);
    const rows = await withTranslations(
      db,
      occurrenceTranslatable,
      req.locale,
      await listOccurrences(db, parsed.filter, { limit: perPage, offset: (page - 1) * perPage }),
      { contentVersion: req.pageCacheVersion },
    );
    return reply.html(
      <ListPage
        ctx={pageContext(req, city)}
        parsed={{ ...parsed, page }}
        rows={rows}
        total={total}
        cap={countCap}
        perPage={perPage}
        publicUrl={config.publicUrl}
      />,
    );
  });

  app.get('/veranstaltungen/monat', cachedPage, async (req, reply) => {
    const parsed = parse(req.query);
    const filter = { ...parsed.filter, from: fromLocal(`${parsed.month}-01`), to: fromLocal(`${shiftMonth(parsed.month, 1)}-01`) };
    // A month has at most a few hundred dates in a city; 3000 keeps one request bounded.
    const rows = (await listOccurrences(db, filter, { limit: 3000, offset: 0 })).filter((r) => r.starts_at >= filter.from);
    const translated = await withTranslations(db, occurrenceTranslatable, req.locale, rows, { contentVersion: req.pageCacheVersion });
    return reply.html(<MonthPage ctx={pageContext(req, city)} parsed={parsed} rows={translated} publicUrl={config.publicUrl} />);
  });

  app.get('/veranstaltungen/:id', { schema: { params: IdParams, querystring: SavedQuery }, config: { pageCache: true } }, async (req, reply) => {
    const { event, canEdit } = await visibleEvent(deps, req.actor, req.params.id);
    const today = fromLocal(todayIn(new Date()));
    const upcoming = await upcomingOf(db, event.id, today, 12);
    const next = upcoming[0] ?? { starts_at: event.starts_at, ends_at: event.ends_at, status: event.status };
    const pageUrl = `${config.publicUrl}/veranstaltungen/${event.id}`;
    const imageUrl = event.image_id ? imagePath(event.image_id) : null;
    const size = event.image_id ? await imageSize(db, event.image_id) : undefined;
    const translated = await withTranslation(db, eventTranslatable, req.locale, event, { contentVersion: req.pageCacheVersion });
    const jsonLd = jsonLdText(
      eventJsonLd(
        translated.shown,
        { start: next.starts_at, end: next.ends_at, status: next.status },
        { pageUrl, imageUrl: imageUrl ? `${config.publicUrl}${imageUrl}` : undefined, locale: req.locale },
      ),
    );
    if (event.review_state !== 'published') reply.header('x-robots-tag', 'noindex');
    return reply.html(
      <EventPage
        ctx={pageContext(req, city)}
        event={translated}
        upcoming={upcoming}
        jsonLd={jsonLd}
        canEdit={canEdit}
        imageUrl={imageUrl}
        imageSize={size}
        saved={canEdit && req.query.gespeichert === '1'}
      />,
    );
  });

  app.get('/veranstaltungen/:id/kalender.ics', { schema: { params: IdParams, querystring: NoQuery } }, async (req, reply) => {
    const { event } = await visibleEvent(deps, req.actor, req.params.id);
    const body = buildCalendar([toIcsEvent(event, { publicUrl: config.publicUrl, locale: req.locale })], {
      name: event.title,
      prodId: prodId(city.portalName),
    });
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="veranstaltung-${event.id.slice(0, 8)}.ics"`)
      .header('cache-control', 'no-cache')
      .send(body);
  });

  /** Feeds look from the start of today, a year ahead by default (or the filter's range). */
  const feedPaths = (parsed: ParsedEventFilters, ext: string) => ({
    selfPath: withQuery(`/veranstaltungen.${ext}`, parsed.kept),
    pagePath: withQuery('/veranstaltungen', parsed.kept),
  });

  app.get('/veranstaltungen.ics', filtered, async (req, reply) => {
    const parsed = parse(req.query);
    const ids = await eventIdsInWindow(db, parsed.filter, icsEventLimit);
    const events = await loadEvents(db, ids);
    const t = eventsMessages(req.locale);
    const body = buildCalendar(
      events.map((e) => toIcsEvent(e, { publicUrl: config.publicUrl, locale: req.locale })),
      { name: t('feed.title', { portal: city.portalName }), prodId: prodId(city.portalName) },
    );
    return reply.type('text/calendar; charset=utf-8').header('cache-control', feedCache).send(body);
  });

  const listFeed = (ext: 'rss' | 'atom', type: string, build: typeof buildRss) =>
    app.get(`/veranstaltungen.${ext}`, filtered, async (req, reply) => {
      const parsed = parse(req.query);
      const rows = await listOccurrences(db, parsed.filter, { limit: feedItems, offset: 0 });
      const body = build(rows, {
        publicUrl: config.publicUrl,
        locale: req.locale,
        ...feedPaths(parsed, ext),
        portalName: city.portalName,
        city: city.name,
        now: new Date(),
      });
      return reply.type(`${type}; charset=utf-8`).header('cache-control', feedCache).send(body);
    });
  listFeed('rss', 'application/rss+xml', buildRss);
  listFeed('atom', 'application/atom+xml', buildAtom);
}

const prodId = (portal: string) => `-//${portal.replace(/[^\w .-]/g, '')}//Veranstaltungskalender//DE`;
