import type { PageContext } from '../../../platform/http/context.js';
import { ErrorSummary, SubmitButton, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { layoutMessages } from '../../../platform/views/layout.messages.js';
import { searchMessages } from '../search.messages.js';
import { maxQueryLength, type ResultGroup, type SearchOutcome } from '../search.service.js';

/** The query as the page title shows it: long ones are cut, the page itself shows them whole. */
const short = (query: string) => (query.length > 60 ? `${query.slice(0, 59)}…` : query);

function SearchForm({ ctx, value, error }: { ctx: PageContext; value: string; error?: string }): JSX.Element {
  const t = searchMessages(ctx.locale);
  return (
    <form method="get" action="/suche" novalidate>
      <TextField name="q" type="search" label={t('field.q')} hint={t('field.qHint')} value={value} error={error} />
      <SubmitButton label={t('submit')} />
    </form>
  );
}

function Group({ ctx, group }: { ctx: PageContext; group: ResultGroup }): JSX.Element {
  const t = searchMessages(ctx.locale);
  const count = group.hits.length;
  return (
    <section aria-labelledby={`treffer-${group.id}`}>
      <h3 class="kern-heading-small" id={`treffer-${group.id}`} safe>
        {t('group', { label: group.label, count })}
      </h3>
      <ul class="kern-list">
        {group.hits.map((hit) => (
          <li>
            <p class="kern-body kern-body--bold">
              <a class="kern-link" href={hit.url} safe>
                {hit.title}
              </a>
            </p>
            <p class="kern-body kern-body--small" safe>
              {hit.excerpt}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function NothingFound({ ctx, query }: { ctx: PageContext; query: string }): JSX.Element {
  const t = searchMessages(ctx.locale);
  const office = ctx.city.familyOffice;
  return (
    <>
      <h2 class="kern-heading-medium" safe>
        {t('none.heading', { query })}
      </h2>
      <p class="kern-body">{t.html('none.tips')}</p>
      <ul class="kern-list kern-list--bullet">
        <li>{t.html('none.spelling')}</li>
        <li>{t.html('none.fewer')}</li>
        <li>
          <span safe>{t('none.office', { office: office.name })}</span>{' '}
          <a class="kern-link" href={`tel:${office.phone.replace(/[^\d+]/g, '')}`} safe>
            {office.phone}
          </a>
          {', '}
          <span safe>{t('none.officeEmail')}</span>{' '}
          <a class="kern-link" href={`mailto:${office.email}`} safe>
            {office.email}
          </a>
          {'. '}
          <span safe>{t('none.hours', { hours: office.openingHours[ctx.locale] })}</span>
        </li>
      </ul>
    </>
  );
}

/** GET /suche?q= in all its states: empty, too long, results, nothing found. */
export function SearchPage({ ctx, outcome, typed }: { ctx: PageContext; outcome: SearchOutcome; typed: string }): JSX.Element {
  const t = searchMessages(ctx.locale);
  if (outcome.kind === 'empty') {
    return (
      <Layout ctx={ctx} title={t('title')}>
        <h1 class="kern-heading-large">{t.html('title')}</h1>
        <p class="kern-body">{t.html('empty.intro')}</p>
        <SearchForm ctx={ctx} value="" />
        <p class="kern-body">{t.html('empty.what')}</p>
        <ul class="kern-list kern-list--bullet">
          <li>{t.html('empty.pages')}</li>
          <li>{t.html('empty.soon')}</li>
        </ul>
      </Layout>
    );
  }
  if (outcome.kind === 'tooLong') {
    const error = t('tooLong', { max: maxQueryLength, count: outcome.query.length });
    return (
      <Layout ctx={ctx} title={t('titleWithQuery', { query: short(outcome.query) })} hasErrors>
        <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={{ q: error }} />
        <h1 class="kern-heading-large">{t.html('title')}</h1>
        <SearchForm ctx={ctx} value={typed} error={error} />
      </Layout>
    );
  }
  const { query, groups, total } = outcome;
  return (
    <Layout ctx={ctx} title={t('titleWithQuery', { query: short(query) })}>
      <h1 class="kern-heading-large">{t.html('title')}</h1>
      <SearchForm ctx={ctx} value={typed} />
      {total === 0 ? (
        <NothingFound ctx={ctx} query={query} />
      ) : (
        <>
          <h2 class="kern-heading-medium" safe>
            {t('results', { query, count: total })}
          </h2>
          {groups.map((group) => (
            <Group ctx={ctx} group={group} />
          ))}
        </>
      )}
    </Layout>
  );
}
