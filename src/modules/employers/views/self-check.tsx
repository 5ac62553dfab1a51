import type { PageContext } from '../../../platform/http/context.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import { DataTable } from '../../../platform/views/data-table.js';
import { CsrfField, ErrorSummary, SelectField, SubmitButton } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { layoutMessages } from '../../../platform/views/layout.messages.js';
import { BarChart } from '../../survey/index.js';
import { employersMessages, type EmployersKey } from '../employers.messages.js';
import { employerPaths } from '../employers.paths.js';
import type { StoryRow } from '../stories.repository.js';
import type { Translated } from '../../../platform/translations/translations.service.js';
import { textLang } from '../../../platform/translations/views/translated.js';
import { answerValues, encodeAnswers, levels, questions, type Aggregates, type Answer, type AreaResult } from '../self-check.js';
import { section } from './employers-shared.js';

const answerKey = { 2: 'check.yes', 1: 'check.partly', 0: 'check.no' } as const;

/** GET/POST /arbeitgeber/selbstcheck: 25 questions, each a fieldset of three radio buttons. */
export function SelfCheckPage({ ctx, values = {}, errors = {} }: { ctx: PageContext; values?: Record<string, string>; errors?: FieldErrors }): JSX.Element {
  const t = employersMessages(ctx.locale);
  const failed = Object.keys(errors).length > 0;
  return (
    <Layout ctx={ctx} title={t('check.title')} section={section} hasErrors={failed}>
      <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} />
      <h1 class="kern-heading-large">{t.html('check.title')}</h1>
      <p class="kern-body kern-body--large">{t.html('check.lead')}</p>
      <p class="kern-body">{t.html('check.privacy')}</p>
      <form method="post" action={employerPaths.selfCheck} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {questions.map((q, i) => {
          const name = `q_${q.id}`;
          const error = errors[name];
          return (
            <fieldset class={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`} aria-describedby={error ? `${name}-error` : undefined}>
              <legend class="kern-label" safe>
                {t('check.question', { number: i + 1, count: questions.length, text: t(`q.${q.id}` as EmployersKey) })}
              </legend>
              {error ? (
                <p class="kern-error" id={`${name}-error`}>
                  <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
                  <span class="kern-body" safe>
                    {error}
                  </span>
                </p>
              ) : (
                ''
              )}
              <div class="kern-fieldset__body kern-fieldset__body--horizontal">
                {answerValues.map((value, j) => {
                  const id = j === 0 ? name : `${name}-${value}`;
                  return (
                    <div class="kern-form-check">
                      <input class="kern-form-check__radio" type="radio" id={id} name={name} value={String(value)} checked={values[name] === String(value)} />
                      <label class="kern-label" for={id}>
                        {t.html(answerKey[value])}
                      </label>
                    </div>
                  );
                })}
              </div>
            </fieldset>
          );
        })}
        <SubmitButton label={t('check.submit')} />
      </form>
      <p class="kern-body">
        <a class="kern-link" href={employerPaths.aggregates}>
          {t.html('check.aggregates', { city: ctx.city.name })}
        </a>
      </p>
    </Layout>
  );
}

/** GET /arbeitgeber/selbstcheck/ergebnis?antworten=… */
export function ResultPage({
  ctx,
  answers,
  result,
  stories,
  counselling,
  targets,
  signedIn,
}: {
  ctx: PageContext;
  answers: Answer[];
  result: AreaResult[];
  stories: Translated<StoryRow>[];
  /** The booking page of the family office's counselling for employers, when it is bookable. */
  counselling?: string;
  /** The organisations this person may save the result to. */
  targets: { id: string; name: string }[];
  signedIn: boolean;
}): JSX.Element {
  const t = employersMessages(ctx.locale);
  const areaName = (r: AreaResult) => t(`area.${r.area}`);
  return (
    <Layout ctx={ctx} title={t('result.title')} section={section}>
      <h1 class="kern-heading-large">{t.html('result.title')}</h1>
      <p class="kern-body kern-body--large">{t.html('result.lead')}</p>
      <ResultProfile ctx={ctx} result={result} />
      <h2 class="kern-heading-medium">{t.html('result.next')}</h2>
      <p class="kern-body">{t.html('result.nextIntro', { city: ctx.city.name })}</p>
      {[...result]
        .sort((a, b) => a.percent - b.percent)
        .map((r) => {
          const related = stories.filter((s) => s.shown.measures.some((m) => (r.nextSteps as string[]).includes(m)));
          return (
            <section aria-labelledby={`schritte-${r.area}`}>
              <h3 class="kern-heading-small" id={`schritte-${r.area}`} safe>
                {`${areaName(r)} (${t('result.percentValue', { percent: r.percent })})`}
              </h3>
              {r.nextSteps.length === 0 ? (
                <p class="kern-body">{t.html('result.done')}</p>
              ) : (
                <ul class="kern-list">
                  {r.nextSteps.map((m) => (
                    <li>
                      <a class="kern-link" href={`${employerPaths.list}?massnahme=${m}`} safe>
                        {t('result.learn', { measure: t(`measure.${m}`) })}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
              {related.length ? (
                <>
                  <p class="kern-body">{t.html('result.stories')}</p>
                  <ul class="kern-list">
                    {related.map((s) => (
                      <li>
                        <a class="kern-link" href={employerPaths.story(s.shown.slug)} {...textLang(s, 'title')} safe>
                          {s.shown.title}
                        </a>
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                ''
              )}
            </section>
          );
        })}
      <h2 class="kern-heading-medium">{t.html('result.counselling')}</h2>
      <p class="kern-body">{t.html('result.counsellingText')}</p>
      {counselling ? (
        <p class="kern-body">
          <a class="kern-link" href={counselling}>
            {t.html('result.book')}
          </a>
        </p>
      ) : (
        ''
      )}
      <h2 class="kern-heading-medium">{t.html('result.save')}</h2>
      {targets.length ? (
        <form method="post" action={employerPaths.saveResult}>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="antworten" value={encodeAnswers(answers)} />
          <SelectField name="organisation" label={t('result.saveFor')} options={targets.map((o) => ({ value: o.id, label: o.name }))} />
          <SubmitButton label={t('result.saveButton')} />
        </form>
      ) : signedIn ? (
        <p class="kern-body">{t.html('result.saveNoOrganization')}</p>
      ) : (
        <p class="kern-body">
          <a class="kern-link" href={`/anmelden?zurueck=${encodeURIComponent(`${employerPaths.result}?antworten=${encodeAnswers(answers)}`)}`}>
            {t.html('result.saveSignIn')}
          </a>
        </p>
      )}
      <p class="kern-body">
        <a class="kern-link" href={employerPaths.selfCheck}>
          {t.html('result.again')}
        </a>
      </p>
    </Layout>
  );
}

/** The profile per area: a bar chart (an image with a title) and the same figures in a table. */
export function ResultProfile({ ctx, result }: { ctx: PageContext; result: AreaResult[] }): JSX.Element {
  const t = employersMessages(ctx.locale);
  return (
    <>
      <BarChart id="ergebnis" title={t('result.chart')} scale={100} bars={result.map((r) => ({ label: t(`area.${r.area}`), value: r.percent }))} />
      <DataTable
        caption={t('result.chart')}
        rows={result}
        columns={[
          { header: t('result.area'), rowHeader: true, text: (r) => t(`area.${r.area}`) },
          { header: t('result.percent'), numeric: true, text: (r) => t('result.percentValue', { percent: r.percent }) },
          { header: t('result.level'), text: (r) => t(`level.${r.level}`) },
        ]}
      />
    </>
  );
}

/** GET /arbeitgeber/selbstcheck/auswertung: the city's aggregates, small cells hidden. */
export function AggregatesPage({ ctx, aggregates }: { ctx: PageContext; aggregates: Aggregates }): JSX.Element {
  const t = employersMessages(ctx.locale);
  const shown = (value: number | null) => (value === null ? t('agg.hidden') : String(value));
  return (
    <Layout ctx={ctx} title={t('agg.title', { city: ctx.city.name })} section={section}>
      <h1 class="kern-heading-large">{t.html('agg.title', { city: ctx.city.name })}</h1>
      <p class="kern-body kern-body--large">{t.html('agg.lead', { city: ctx.city.name })}</p>
      {aggregates.total === null || aggregates.total === 0 ? (
        <p class="kern-body">{t.html('agg.tooFew')}</p>
      ) : (
        <>
          <p class="kern-body" safe>
            {t('agg.total', { count: aggregates.total })}
          </p>
          <DataTable
            caption={t('agg.areas')}
            rows={aggregates.areas}
            columns={[
              { header: t('result.area'), rowHeader: true, text: (r) => t(`area.${r.area}`) },
              ...levels.map((level, i) => ({
                header: t(`level.${level}`),
                numeric: true,
                text: (r: Aggregates['areas'][number]) => shown(r.levels[i] ?? null),
              })),
            ]}
          />
          <DataTable
            caption={t('agg.questions')}
            rows={aggregates.questions}
            columns={[
              { header: t('agg.question'), rowHeader: true, text: (r) => t(`q.${r.id}` as EmployersKey) },
              ...answerValues.map((value, i) => ({
                header: t(answerKey[value]),
                numeric: true,
                text: (r: Aggregates['questions'][number]) => shown(r.answers[i] ?? null),
              })),
            ]}
          />
        </>
      )}
      <p class="kern-body">
        <a class="kern-link" href={employerPaths.selfCheck}>
          {t.html('list.selfCheck')}
        </a>
      </p>
    </Layout>
  );
}
