import type { PageContext } from '../../../../platform/http/context.js';
import { formatDateTime, textDirection } from '../../../../platform/i18n/i18n.js';
import { PageStyles } from '../../../../platform/views/page-styles.js';
import type { ServiceDetails } from '../directory.details.js';
import { servicePageMessages } from '../service-page.messages.js';
import { ServiceFooter } from './public-service.js';
import { ServiceBody } from './public-service-parts.js';
import type { Translated } from '../../../../platform/translations/translations.service.js';
import { textLang, TranslationNotice } from '../../../../platform/translations/views/translated.js';

/**
 * GET /angebote/:id/drucken: the service on its own, without navigation, search or footer, so it
 * prints on paper as it reads on screen. No script; the browser's print function does the rest.
 */
export function PrintPage({ ctx, d: translated, now, pageUrl }: { ctx: PageContext; d: Translated<ServiceDetails>; now: Date; pageUrl: string }): JSX.Element {
  const t = servicePageMessages(ctx.locale);
  const d = translated.shown;
  const s = d.service;
  const lang = (field: string) => textLang(translated, field);
  const title = `${t('print.title', { name: s.name })} – ${ctx.city.portalName}`;
  return (
    <>
      {'<!doctype html>'}
      <html lang={ctx.locale} dir={textDirection(ctx.locale)}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title safe>{title}</title>
          <PageStyles locale={ctx.locale} />
          <link rel="canonical" href={pageUrl} />
        </head>
        <body>
          <main class="kern-container site-main directory-print">
            <p class="kern-body kern-body--small">
              <a class="kern-link" href={`/angebote/${s.id}`}>
                {t.html('print.back')}
              </a>
              {' · '}
              <span safe>{t('print.hint')}</span>
            </p>
            <p class="kern-body kern-body--bold" safe>
              {ctx.city.portalName}
            </p>
            <TranslationNotice ctx={ctx} translated={translated} />
            <h1 class="kern-heading-x-large" {...lang('name')} safe>
              {s.name}
            </h1>
            <p class="kern-body kern-body--large" safe>
              {t('by', { organization: d.organization.name })}
            </p>
            <ServiceBody ctx={ctx} d={d} now={now} lang={lang} />
            <ServiceFooter ctx={ctx} d={d} links={false} />
            <p class="kern-body kern-body--small" safe>
              {t('print.source', { portal: ctx.city.portalName, url: pageUrl })}
            </p>
            <p class="kern-body kern-body--small" safe>
              {t('print.asOf', { date: formatDateTime(now, ctx.locale) })}
            </p>
          </main>
        </body>
      </html>
    </>
  );
}
