import type { PageContext } from '../../../platform/http/context.js';
import { Layout } from '../../../platform/views/layout.js';
import type { Dashboard } from '../results.types.js';
import { surveyMessages } from '../survey.messages.js';
import { DistributionBlock } from './results-views.js';
import { surveyPath } from './respond-views.js';
import { dateFormat, intlLocale } from '../../../platform/i18n/i18n.js';

interface Listed {
  slug: string;
  title: string;
  closes_on: string | null;
}

export function ParticipatePage({ ctx, open, published }: { ctx: PageContext; open: Listed[]; published: Listed[] }): JSX.Element {
  const t = surveyMessages(ctx.locale);
  const date = (iso: string) => dateFormat(intlLocale[ctx.locale], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  return (
    <Layout ctx={ctx} title={t('participate.title')} section="/mitmachen">
      <h1 class="kern-heading-x-large" safe>
        {t('participate.title')}
      </h1>
      <p class="kern-body kern-body--large" safe>
        {t('participate.lead')}
      </p>
      <h2 class="kern-heading-medium">{t.html('participate.open')}</h2>
      {open.length === 0 ? <p class="kern-body">{t.html('participate.none')}</p> : ''}
      <ul class="kern-list">
        {open.map((s) => (
          <li>
            <a class="kern-link" href={surveyPath(s.slug)} safe>
              {s.title}
            </a>
            {s.closes_on ? <span class="kern-body" safe>{` – ${t('participate.until', { date: date(s.closes_on) })}`}</span> : ''}
          </li>
        ))}
      </ul>
      <h2 class="kern-heading-medium">{t.html('participate.results')}</h2>
      {published.length === 0 ? <p class="kern-body">{t.html('participate.noResults')}</p> : ''}
      <ul class="kern-list">
        {published.map((s) => (
          <li>
            <a class="kern-link" href={`${surveyPath(s.slug)}/ergebnisse`} safe>
              {s.title}
            </a>
          </li>
        ))}
      </ul>
      <h2 class="kern-heading-medium">{t.html('participate.ideasHeading')}</h2>
      <p class="kern-body">
        <a class="kern-link" href="/mitmachen/ideen">
          {t.html('participate.ideasLink')}
        </a>
      </p>
      <p class="kern-body">
        <a class="kern-link" href="/vorhaben">
          {t.html('participate.roadmapLink')}
        </a>
      </p>
      <h2 class="kern-heading-medium">{t.html('participate.councilHeading')}</h2>
      <p class="kern-body">
        <a class="kern-link" href="/mitmachen/familienbeirat">
          {t.html('participate.council')}
        </a>
      </p>
    </Layout>
  );
}

export function PublicResultsPage({
  ctx,
  title,
  dashboard,
  quotes,
}: {
  ctx: PageContext;
  title: string;
  dashboard: Dashboard;
  quotes: { label: string; answers: { text: string }[] }[];
}): JSX.Element {
  const t = surveyMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('results.title', { title })} section="/mitmachen">
      <h1 class="kern-heading-x-large" safe>
        {t('results.title', { title })}
      </h1>
      <p class="kern-body kern-body--large" safe>
        {t('results.count', { count: dashboard.total })}
      </p>
      <p class="kern-body" safe>
        {t('results.suppressed')}
      </p>
      <h2 class="kern-heading-medium">{t.html('results.questions')}</h2>
      {dashboard.distributions.map((d, i) => (
        <DistributionBlock ctx={ctx} d={d} index={i} />
      ))}
      {quotes.some((q) => q.answers.length > 0) ? (
        <>
          <h2 class="kern-heading-medium">{t.html('results.quotes')}</h2>
          {quotes
            .filter((q) => q.answers.length > 0)
            .map((q) => (
              <section>
                <h3 class="kern-heading-small" safe>
                  {q.label}
                </h3>
                {q.answers.map((a) => (
                  <blockquote class="kern-body" safe>
                    {a.text}
                  </blockquote>
                ))}
              </section>
            ))}
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}
