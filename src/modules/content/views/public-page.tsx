import type { PageContext } from '../../../platform/http/context.js';
import { dateFormat, intlLocale, type Locale } from '../../../platform/i18n/i18n.js';
import { Layout } from '../../../platform/views/layout.js';
import { contentMessages } from '../content.messages.js';
import { contentPolicy } from '../content.policy.js';
import type { PublicPage } from '../content.service.js';
import { renderMarkdown } from '../markdown.js';

/** A page body from the editors, rendered by our own escaping Markdown renderer. */
export function Markdown({ source }: { source: string }): JSX.Element {
  return renderMarkdown(source);
}

export const formatDate = (date: Date, locale: Locale) => dateFormat(intlLocale[locale], { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(date);

/** Impressum, Datenschutz, Barrierefreiheit, Leichte Sprache, Gebärdensprache: one template for all. */
export function PublicContentPage({ ctx, shown }: { ctx: PageContext; shown: PublicPage }): JSX.Element {
  const t = contentMessages(ctx.locale);
  const { page, fallback } = shown;
  const editLocale = ctx.locale;
  return (
    <Layout ctx={ctx} title={page.title}>
      <article class="content-page" lang={fallback ? page.locale : undefined}>
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
        <div class="content-body">
          <Markdown source={page.body} />
        </div>
        <p class="kern-body kern-body--small kern-body--muted" lang={fallback ? ctx.locale : undefined} safe>
          {t('page.updated', { date: formatDate(page.updatedAt, ctx.locale) })}
        </p>
      </article>
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
