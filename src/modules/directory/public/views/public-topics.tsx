import type { PageContext } from '../../../../platform/http/context.js';
import type { FieldErrors } from '../../../../platform/http/errors.js';
import { canEditTopics } from '../topics.policy.js';
import { Alert, CsrfField, ErrorSummary, SubmitButton, TextArea, TextField } from '../../../../platform/views/forms.js';
import { Layout } from '../../../../platform/views/layout.js';
import { layoutMessages } from '../../../../platform/views/layout.messages.js';
import { renderMarkdown } from '../../../content/index.js';
import type { ShownResults } from '../../directory.translations.js';
import { topicMessages } from '../topics.messages.js';
import { inLocale, type Topic } from '../topics.service.js';
import { HintList, ResultSection } from './public-parts.js';
import { listPath, type Hint } from '../directory.filters.js';

/** Editors' text in the content module's escaping Markdown subset. */
function Intro({ source }: { source: string }): JSX.Element {
  return renderMarkdown(source);
}

export interface TopicListProps {
  ctx: PageContext;
  topics: Topic[];
  counts: Map<string, number>;
  created?: Topic;
  values?: Record<string, string>;
  errors?: FieldErrors;
}

/** GET /themen: every topic with its description and number of services; editors can add one. */
export function TopicListPage({ ctx, topics, counts, created, values = {}, errors = {} }: TopicListProps): JSX.Element {
  const t = topicMessages(ctx.locale);
  const hasErrors = Object.keys(errors).length > 0;
  const countText = (count: number) => t('list.count', { count });
  return (
    <Layout ctx={ctx} title={t('list.title')} section="/angebote" hasErrors={hasErrors}>
      <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} />
      {created ? <Alert kind="success" title={t('new.created', { name: inLocale(ctx.locale, created.name, created.nameEn, `${created.code}.name`) })} /> : ''}
      <h1 class="kern-heading-x-large">{t.html('list.title')}</h1>
      <p class="kern-body kern-body--large">{t.html('list.intro')}</p>
      <ul class="kern-list directory-topics">
        {topics.map((topic) => (
          <li>
            <h2 class="kern-heading-small">
              <a class="kern-link" href={`/themen/${topic.code}`} safe>
                {inLocale(ctx.locale, topic.name, topic.nameEn, `${topic.code}.name`)}
              </a>
            </h2>
            <p class="kern-body" safe>
              {inLocale(ctx.locale, topic.description, topic.descriptionEn, `${topic.code}.description`)}
            </p>
            <p class="kern-body kern-body--small" safe>
              {countText(counts.get(topic.code) ?? 0)}
            </p>
          </li>
        ))}
      </ul>
      <p class="kern-body">
        <a class="kern-link" href={listPath}>
          {t.html('list.search')}
        </a>
      </p>
      {canEditTopics(ctx.actor) ? (
        <section aria-labelledby="neues-thema">
          <h2 class="kern-heading-medium" id="neues-thema">
            {t.html('new.heading')}
          </h2>
          <p class="kern-body">{t.html('new.intro')}</p>
          <form method="post" action="/themen" novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextField name="code" label={t('field.code')} hint={t('field.codeHint')} value={values.code} error={errors.code} required />
            <TextField name="name" label={t('field.name')} value={values.name} error={errors.name} required />
            <TextField name="name_en" label={t('field.name_en')} value={values.name_en} error={errors.name_en} required />
            <TextArea name="description" label={t('field.description')} value={values.description} error={errors.description} rows={3} />
            <SubmitButton label={t('new.submit')} variant="secondary" />
          </form>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}

export interface TopicPageProps {
  ctx: PageContext;
  topic: Topic;
  results: ShownResults;
  hints: Hint[];
  kept: URLSearchParams;
  now: Date;
  saved?: boolean;
  created?: boolean;
  values?: Record<string, string>;
  errors?: FieldErrors;
}

/** GET /themen/:code: the editors' introduction, then the topic's services; editors see the form. */
export function TopicPage({ ctx, topic, results, hints, kept, now, saved, created, values, errors = {} }: TopicPageProps): JSX.Element {
  const t = topicMessages(ctx.locale);
  const name = inLocale(ctx.locale, topic.name, topic.nameEn, `${topic.code}.name`);
  const intro = inLocale(ctx.locale, topic.intro, topic.introEn);
  const hasErrors = Object.keys(errors).length > 0;
  const editor = canEditTopics(ctx.actor);
  return (
    <Layout ctx={ctx} title={name} section="/angebote" hasErrors={hasErrors}>
      <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} />
      {saved ? <Alert kind="success" title={t('edit.saved')} /> : ''}
      {created ? <Alert kind="success" title={t('new.created', { name })} /> : ''}
      <p class="kern-body">
        <a class="kern-link" href="/themen">
          <span class="kern-icon kern-icon--chevron-left kern-icon--small" aria-hidden="true"></span>
          {t.html('topic.all')}
        </a>
      </p>
      <h1 class="kern-heading-x-large" safe>
        {name}
      </h1>
      {intro ? (
        <div class="content-body" lang={ctx.locale === 'en' && !topic.introEn.trim() ? 'de' : undefined}>
          <Intro source={intro} />
        </div>
      ) : (
        <p class="kern-body kern-body--large" safe>
          {inLocale(ctx.locale, topic.description, topic.descriptionEn, `${topic.code}.description`)}
        </p>
      )}
      {editor && !intro ? <p class="kern-body kern-body--muted">{t.html('topic.noIntro')}</p> : ''}
      <HintList ctx={ctx} hints={hints} />
      <ResultSection ctx={ctx} results={results} path={`/themen/${topic.code}`} kept={kept} now={now} heading={t('topic.services')} headingId="angebote" />
      <p class="kern-body">
        <a class="kern-link" href={`${listPath}?thema=${encodeURIComponent(topic.code)}`}>
          {t.html('topic.filter')}
        </a>
      </p>
      {editor ? (
        <section aria-labelledby="einfuehrung-bearbeiten">
          <h2 class="kern-heading-medium" id="einfuehrung-bearbeiten">
            {t.html('edit.heading')}
          </h2>
          <p class="kern-body">{t.html('edit.intro')}</p>
          <form method="post" action={`/themen/${topic.code}`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextArea name="intro" label={t('field.intro')} hint={t('field.introHint')} value={values?.intro ?? topic.intro} error={errors.intro} rows={8} />
            <TextArea
              name="intro_en"
              label={t('field.intro_en')}
              hint={t('field.intro_enHint')}
              value={values?.intro_en ?? topic.introEn}
              error={errors.intro_en}
              rows={8}
            />
            <SubmitButton label={t('edit.submit')} />
          </form>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}
