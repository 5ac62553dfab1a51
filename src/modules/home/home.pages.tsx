import type { Kysely } from 'kysely';
import type { AppDeps } from '../../platform/deps.js';
import type { DB } from '../../db/types.js';
import { cookieNames, pageContext } from '../../platform/http/context.js';
import { safeLocalPath } from '../../platform/http/local-path.js';
import { isLocale, type Locale } from '../../platform/i18n/i18n.js';
import { withTranslations, type Translated } from '../../platform/translations/translations.service.js';
import { FamilyOfficeContact } from '../../platform/views/family-office.js';
import { Layout } from '../../platform/views/layout.js';
import { listEventsInRange, summaryTranslatable, type EventOccurrenceSummary } from '../events/index.js';
import { homeMessages } from './home.messages.js';
import { UpcomingEvents } from './upcoming-events.js';
import { NoQuery, pageQuery, params, QueryText, type RouteApp } from '../../platform/http/routes.js';
import { Type } from '@sinclair/typebox';

/**
 * The next dates for the start page in a language (titles translated where editors translated them).
 * Read on every render: the page cache (platform/http/page-cache.ts) keeps the whole page instead, and
 * drops it as soon as an editor changes a date.
 */
async function upcomingEvents(db: Kysely<DB>, locale: Locale, contentVersion: number | null): Promise<Translated<EventOccurrenceSummary>[]> {
  const now = Date.now();
  const rows = await listEventsInRange(db, { from: new Date(now), to: new Date(now + 14 * 86_400_000), limit: 4 });
  return withTranslations(db, summaryTranslatable, locale, rows, { contentVersion });
}

/** The start page and the language switch. */
export function registerHomePages(app: RouteApp, { city, config, db }: AppDeps): void {
  app.get('/', { schema: { querystring: NoQuery }, config: { pageCache: true } }, async (req, reply) => {
    const ctx = pageContext(req, city);
    const t = homeMessages(ctx.locale);
    const office = city.familyOffice;
    const upcoming = await upcomingEvents(db, ctx.locale, req.pageCacheVersion);
    return reply.html(
      <Layout ctx={ctx} title={t('title')}>
        <h1 class="kern-heading-x-large" safe>
          {t('title')}
        </h1>
        <p class="kern-body kern-body--large" safe>
          {t('intro', { city: city.name })}
        </p>
        <h2 class="kern-heading-medium" safe>
          {t('sectionsHeading')}
        </h2>
        <ul class="home-sections">
          {(ctx.navigation ?? []).map((s) => (
            <li class="kern-card">
              <div class="kern-card__container">
                <div class="kern-card__header">
                  <h3 class="kern-title">
                    <a class="kern-link kern-link--stretched" href={s.path} safe>
                      {s.label(ctx.locale)}
                    </a>
                  </h3>
                </div>
                <div class="kern-card__body">
                  <p class="kern-body" safe>
                    {s.teaser(ctx.locale)}
                  </p>
                </div>
              </div>
            </li>
          ))}
        </ul>
        <UpcomingEvents ctx={ctx} events={upcoming} />
        <h2 class="kern-heading-medium" safe>
          {t('office.heading')}
        </h2>
        <p class="kern-body" safe>
          {t('office.text', { office: office.name, hours: office.openingHours[ctx.locale] })}
        </p>
        <FamilyOfficeContact city={city} locale={ctx.locale} />
      </Layout>,
    );
  });

  const LanguageParams = params({ locale: Type.String({ maxLength: 10 }) });
  const LanguageQuery = pageQuery({ zurueck: QueryText(2000) });
  app.get('/sprache/:locale', { schema: { params: LanguageParams, querystring: LanguageQuery } }, async (req, reply) => {
    const { locale } = req.params;
    if (isLocale(locale)) {
      reply.setCookie(cookieNames(config).locale, locale, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, maxAge: 31_536_000 });
    }
    return reply.redirect(safeLocalPath(req.query.zurueck), 303);
  });
}
