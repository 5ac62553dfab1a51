import type { PageContext } from '../../../platform/http/context.js';
import { dateFormat, intlLocale, type Locale } from '../../../platform/i18n/i18n.js';
import { Layout } from '../../../platform/views/layout.js';
import { contentMessages } from '../content.messages.js';
import { contentPolicy } from '../content.policy.js';
import { easyLanguageOverview } from '../content.schemas.js';
import type { PublicPage } from '../content.service.js';
import { renderMarkdown } from '../markdown.js';
import { EasyLanguageBack } from './easy-language.js';

/** A page body from the editors, rendered by our own escaping Markdown renderer. */
export function Markdown({ source }: { source: string }): JSX.Element {
  return renderMarkdown(source);
}

export const formatDate = (date: Date, locale: Locale) => dateFormat(intlLocale[locale], { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(date);

/**
 * Every editable page: Impressum, Datenschutz, Barrierefreiheit, Gebärdensprache and the pages in
 * Leichte Sprache (German whatever the visitor's language, marked as such). `lead` comes between the
 * heading and the editors' text: the list of pages in Leichte Sprache, the sign-language videos.
 */
export function PublicContentPage({ ctx, shown, lead }: { ctx: PageContext; shown: PublicPage; lead?: JSX.Element }): JSX.Element {
  // Built from our own components by the page's route (content.pages.tsx), never from request text.
  const safeLead = lead ?? '';
  const t = contentMessages(ctx.locale);
  const { page, info, fallback } = shown;
  const german = fallback || info.easyLanguage;
  const visitorsLang = german && ctx.locale !== 'de' ? ctx.locale : undefined;
  // Editors land on the visitor's language (to write a missing translation); Leichte Sprache is German.
  const editLocale = info.easyLanguage ? 'de' : ctx.locale;
  return (
    <Layout ctx={ctx} title={page.title}>
      <article class="content-page" lang={german ? 'de' : undefined}>
        <h1 class="kern-heading-x-large" safe>
          {page.title}
        </h1>
        {fallback ? (
          <p class="kern-body kern-body--bold" lang={ctx.locale}>
            {t.html('page.fallback')}
          </p>
        ) : (
          ''
        )}
        {info.easyLanguage && ctx.locale !== 'de' ? (
          <p class="kern-body kern-body--bold" lang={ctx.locale}>
            {t.html('page.easyLanguageGerman')}
          </p>
        ) : (
          ''
        )}
        {safeLead}
        <div class="content-body">
          <Markdown source={page.body} />
        </div>
        <p class="kern-body kern-body--small kern-body--muted" lang={visitorsLang} safe>
          {t('page.updated', { date: formatDate(page.updatedAt, ctx.locale) })}
        </p>
      </article>
      {info.easyLanguage && info.slug !== easyLanguageOverview.slug ? <EasyLanguageBack ctx={ctx} /> : ''}
      {contentPolicy.can(ctx.actor, 'pages.edit') ? (
        <p class="kern-body">
          <a class="kern-link" href={`/verwaltung/seiten/${page.slug}/${editLocale}`}>
            {t.html('page.edit')}
            <span class="visually-hidden" safe>
              {t('page.editContext', { title: page.title, language: t(`language.${editLocale}`) })}
            </span>
          </a>
        </p>
      ) : (
        ''
      )}
    </Layout>
  );
}
