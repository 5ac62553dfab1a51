import type { PageContext } from '../../../platform/http/context.js';
import { formatDateTime } from '../../../platform/i18n/i18n.js';
import { Alert, CsrfField, SubmitButton } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import type { familyResults } from '../families.service.js';
import { familyMessages } from '../family.messages.js';
import { dateRange } from '../holidays.format.js';
import type { ChildRow } from './family-views.js';

type Results = Awaited<ReturnType<typeof familyResults>>;

/** /ferien/ergebnis: places (accept / give back) and waiting-list positions per child. */
export function ResultsPage({
  ctx,
  children,
  results,
  pseudonyms,
  notice,
  error,
}: {
  ctx: PageContext;
  children: ChildRow[];
  results: Results;
  pseudonyms: Map<string, string>;
  notice?: string;
  error?: string;
}): JSX.Element {
  const t = familyMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('results.title')} section="/ferien">
      {notice ? <Alert kind="success" title={notice} /> : ''}
      {error ? <Alert kind="danger" title={error} /> : ''}
      <h1 class="kern-heading-large">{t.html('results.title')}</h1>
      {results.places.length === 0 && results.waiting.length === 0 && pseudonyms.size === 0 ? <p class="kern-body">{t.html('results.none')}</p> : ''}
      {children.map((c) => {
        const places = results.places.filter((p) => p.child_id === c.id);
        const waiting = results.waiting.filter((w) => w.child_id === c.id);
        const pseudonym = pseudonyms.get(c.id);
        if (places.length === 0 && waiting.length === 0 && !pseudonym) return '';
        return (
          <section>
            <h2 class="kern-heading-medium" safe>
              {c.first_name}
            </h2>
            {pseudonym ? (
              <p class="kern-body">
                <span safe>{t('results.pseudonym', { pseudonym })}</span>
              </p>
            ) : (
              ''
            )}
            {places.length === 0 && waiting.length === 0 ? <p class="kern-body">{t.html('results.nothing')}</p> : ''}
            <ul class="kern-list">
              {places.map((p) => (
                <li>
                  <strong safe>{p.title}</strong>
                  <span safe>{` – ${dateRange(p.first_day, p.last_day, ctx.locale)}: ${t(`results.status.${p.status}`)}`}</span>
                  {p.respond_by ? <span safe>{` (${t('results.respondBy', { date: formatDateTime(p.respond_by, ctx.locale) })})`}</span> : ''}
                  {p.status === 'offered' || p.status === 'accepted' ? (
                    <div class="site-inline-form">
                      {p.status === 'offered' ? (
                        <form method="post" action={`/ferien/plaetze/${p.id}/annehmen`}>
                          <CsrfField token={ctx.csrfToken} />
                          <SubmitButton label={t('results.accept')} />
                        </form>
                      ) : (
                        ''
                      )}
                      <form method="post" action={`/ferien/plaetze/${p.id}/zurueckgeben`}>
                        <CsrfField token={ctx.csrfToken} />
                        <SubmitButton label={t('results.return')} variant="secondary" />
                      </form>
                    </div>
                  ) : (
                    ''
                  )}
                </li>
              ))}
              {waiting.map((w) => (
                <li safe>{t('results.waiting', { offer: w.title, position: w.position })}</li>
              ))}
            </ul>
          </section>
        );
      })}
    </Layout>
  );
}
