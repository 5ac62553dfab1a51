import { intlLocale, perLocale } from '../../../../platform/i18n/i18n.js';
import type { PageContext } from '../../../../platform/http/context.js';
import { Checkbox, SelectField } from '../../../../platform/views/forms.js';
import { FilterPanel } from '../../../../platform/views/filter-panel.js';
import { Layout } from '../../../../platform/views/layout.js';
import { directoryMessages } from '../directory.messages.js';
import { activeFilterCount, languageName, listPath, maxAge, params, sortParam, type FormState, type Hint } from '../directory.filters.js';
import type { ShownResults } from '../../directory.translations.js';
import { HintList, ResultSection } from './public-parts.js';

export interface SearchPageProps {
  ctx: PageContext;
  form: FormState;
  hints: Hint[];
  kept: URLSearchParams;
  results: ShownResults;
  topics: { code: string; name: string }[];
  languages: string[];
  now: Date;
}

const collators = perLocale((locale) => new Intl.Collator(intlLocale[locale]));
const short = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

function AgeField({ ctx, value }: { ctx: PageContext; value: string }): JSX.Element {
  const t = directoryMessages(ctx.locale);
  return (
    <div class="kern-form-input">
      <label class="kern-label" for={params.age} safe>
        {t('form.age')}
      </label>
      <div class="kern-hint" id={`${params.age}-hint`} safe>
        {t('form.ageHint', { max: maxAge })}
      </div>
      <input
        class="kern-form-input__input"
        id={params.age}
        name={params.age}
        type="number"
        inputmode="numeric"
        min="0"
        max={String(maxAge)}
        step="1"
        value={value}
        aria-describedby={`${params.age}-hint`}
      />
    </div>
  );
}

function SearchForm(props: SearchPageProps): JSX.Element {
  const { ctx, form } = props;
  const t = directoryMessages(ctx.locale);
  const districts = ctx.city.districts.map((d) => ({ value: d, label: d }));
  // The chosen language stays selectable even if the list was read before it existed.
  const languages = [...new Set([...props.languages, ...(form.language ? [form.language] : [])])]
    .map((code) => ({ value: code, label: languageName(code, ctx.locale) }))
    .sort((a, b) => collators[ctx.locale].compare(a.label, b.label));
  return (
    <section class="search-layout__filters" aria-labelledby="suchen">
      <h2 class="kern-heading-medium search-layout__heading" id="suchen">
        {t.html('form.heading')}
      </h2>
      <form method="get" action={listPath} class="directory-search">
        <div class="kern-form-input">
          <label class="kern-label" for="q" safe>
            {t('form.q')}
          </label>
          <div class="kern-hint" id="q-hint" safe>
            {t('form.qHint')}
          </div>
          <input class="kern-form-input__input" id="q" name={params.text} type="search" value={form.q} aria-describedby="q-hint" maxlength="200" />
        </div>
        <FilterPanel locale={ctx.locale} active={activeFilterCount(form)} submitLabel={t('form.submit')}>
          <fieldset class="kern-fieldset">
            <legend class="kern-label" safe>
              {t('form.filters')}
            </legend>
            <div class="kern-fieldset__body">
              <SelectField
                name={params.topic}
                label={t('form.topic')}
                value={form.topic}
                options={[{ value: '', label: t('form.topicAll') }, ...props.topics.map((topic) => ({ value: topic.code, label: topic.name }))]}
              />
              <AgeField ctx={ctx} value={form.age} />
              <SelectField
                name={params.district}
                label={t('form.district')}
                value={form.district}
                options={[{ value: '', label: t('form.districtAll') }, ...districts]}
              />
              <SelectField
                name={params.language}
                label={t('form.language')}
                hint={t('form.languageHint')}
                value={form.language}
                options={[{ value: '', label: t('form.languageAll') }, ...languages]}
              />
            </div>
          </fieldset>
          <fieldset class="kern-fieldset">
            <legend class="kern-label" safe>
              {t('form.options')}
            </legend>
            <div class="kern-fieldset__body">
              <Checkbox name={params.free} label={t('form.free')} checked={form.free} />
              <Checkbox name={params.barrierFree} label={t('form.barrierFree')} checked={form.barrierFree} />
              <Checkbox name={params.openNow} label={t('form.openNow')} checked={form.openNow} />
            </div>
          </fieldset>
          <fieldset class="kern-fieldset">
            <legend class="kern-label" safe>
              {t('form.order')}
            </legend>
            <div class="kern-fieldset__body">
              <SelectField
                name={params.sort}
                label={t('form.sort')}
                value={sortParam[props.results.sort]}
                options={[
                  { value: 'relevanz', label: t('form.sortRelevance') },
                  { value: 'name', label: t('form.sortName') },
                  { value: 'entfernung', label: t('form.sortDistance') },
                ]}
              />
              <SelectField
                name={params.origin}
                label={t('form.origin')}
                hint={t('form.originHint')}
                value={form.origin}
                options={[{ value: '', label: t('form.originNone') }, ...districts]}
              />
            </div>
          </fieldset>
          <p class="kern-body">
            <a class="kern-link" href={listPath}>
              {t.html('form.reset')}
            </a>
          </p>
        </FilterPanel>
      </form>
    </section>
  );
}

/** GET /angebote: search form with filters, hints about unusable filters, results and pages. */
export function SearchPage(props: SearchPageProps): JSX.Element {
  const { ctx, results, form } = props;
  const t = directoryMessages(ctx.locale);
  const title = form.q ? t('list.titleWithQuery', { query: short(form.q) }) : t('list.title');
  return (
    <Layout ctx={ctx} title={title} section="/angebote">
      <h1 class="kern-heading-x-large">{t.html('list.heading')}</h1>
      <HintList ctx={ctx} hints={props.hints} />
      <div class="search-layout">
        <SearchForm {...props} />
        <div class="search-layout__results">
          <ResultSection
            ctx={ctx}
            results={results}
            path={listPath}
            kept={props.kept}
            now={props.now}
            originName={form.origin || undefined}
            heading={t('results.heading')}
            headingId="ergebnisse"
            headingClass="search-layout__heading"
          />
        </div>
      </div>
      {/* After the results, so they start on a phone's first screen. */}
      <p class="kern-body" safe>
        {t('list.intro', { city: ctx.city.name })}
      </p>
      <p class="kern-body">
        <a class="kern-link" href="/themen">
          {t.html('list.topics')}
        </a>
      </p>
      <section aria-labelledby="entwickler">
        <h2 class="kern-heading-medium" id="entwickler">
          {t.html('developers.heading')}
        </h2>
        <p class="kern-body">
          <span safe>{t('developers.text')}</span>{' '}
          <a class="kern-link" href="/api/hsds/">
            {t.html('developers.link')}
          </a>
        </p>
      </section>
    </Layout>
  );
}
