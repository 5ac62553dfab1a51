import type { PageContext } from '../../http/context.js';
import { formatDateTime } from '../../i18n/i18n.js';
import { DataTable } from '../../views/data-table.js';
import type { TranslationLocale } from '../translatable.js';
import { translationMessages } from '../translations.messages.js';
import { languageLabel } from './language-name.js';
import { germanOnly } from './translated.js';

/** A provider's translation waiting for an editor: the record's German title and the form to review it in. */
export interface TranslationProposal {
  title: string;
  href: string;
  locale: TranslationLocale;
  proposedAt: Date;
}

/** "Übersetzungen zur Prüfung": a section for a module's review queue. */
export function TranslationProposals({ ctx, proposals }: { ctx: PageContext; proposals: readonly TranslationProposal[] }): JSX.Element {
  const t = translationMessages(ctx.locale);
  return (
    <section aria-labelledby="uebersetzungen-pruefen">
      <h2 class="kern-heading-medium" id="uebersetzungen-pruefen">
        {t.html('review.title')}
      </h2>
      {proposals.length === 0 ? (
        <p class="kern-body">{t.html('review.none')}</p>
      ) : (
        <DataTable
          caption={t('review.title')}
          captionHidden
          labelledBy="uebersetzungen-pruefen"
          rows={proposals}
          columns={[
            {
              header: t('review.entry'),
              rowHeader: true,
              html: (p) => (
                <a class="kern-link" href={p.href} {...germanOnly(ctx.locale)} safe>
                  {p.title}
                </a>
              ),
            },
            { header: t('section.language'), text: (p) => languageLabel(p.locale, ctx.locale) },
            { header: t('review.proposedAt'), text: (p) => formatDateTime(p.proposedAt, ctx.locale) },
          ]}
        />
      )}
    </section>
  );
}
