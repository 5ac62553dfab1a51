import type { PageContext } from '../../http/context.js';
import { dateFormat, intlLocale } from '../../i18n/i18n.js';
import { DataTable } from '../../views/data-table.js';
import { translationPath } from '../translatable.js';
import { translationMessages } from '../translations.messages.js';
import type { LanguageStatus } from '../translations.service.js';
import { languageLabel, languageName } from './language-name.js';

/**
 * "Übersetzungen" on a module's edit page: every language with its state and a link to its form.
 * `languages` comes from translationOverview(); `slug` is the one the module registered.
 */
export function TranslationsSection({
  ctx,
  slug,
  id,
  languages,
}: {
  ctx: PageContext;
  slug: string;
  id: string;
  languages: readonly LanguageStatus[];
}): JSX.Element {
  const t = translationMessages(ctx.locale);
  const day = (date: Date) => dateFormat(intlLocale[ctx.locale], { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(date);
  const state = (l: LanguageStatus) =>
    [
      l.published ? t(l.published.current ? 'state.published' : 'state.outdated', { date: day(l.published.updatedAt) }) : '',
      l.proposed ? t('state.proposed', { date: day(l.proposed.updatedAt) }) : '',
    ]
      .filter(Boolean)
      .join('; ') || t('state.none');
  const action = (l: LanguageStatus) => t(l.proposed ? 'action.review' : l.published ? 'action.edit' : 'action.translate');
  return (
    <section aria-labelledby="uebersetzungen" class="translations-section">
      <h2 class="kern-heading-medium" id="uebersetzungen">
        {t.html('section.title')}
      </h2>
      <p class="kern-body">{t.html('section.intro')}</p>
      <DataTable
        caption={t('section.caption')}
        captionHidden
        labelledBy="uebersetzungen"
        rows={languages}
        columns={[
          { header: t('section.language'), rowHeader: true, text: (l) => languageLabel(l.locale, ctx.locale) },
          { header: t('section.state'), text: state },
          {
            header: t('section.action'),
            html: (l) => (
              <a class="kern-link" href={translationPath(slug, id, l.locale)}>
                <span safe>{action(l)}</span>
                <span class="visually-hidden" safe>
                  {`: ${languageName(l.locale, ctx.locale)}`}
                </span>
              </a>
            ),
          },
        ]}
      />
    </section>
  );
}
