import type { PageContext } from '../../../platform/http/context.js';
import { Alert, CsrfField, ErrorSummary, SubmitButton, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { fieldName, offeredField } from '../survey.answers.js';
import {
  dependsOnSamePage,
  htmlDir,
  htmlLang,
  inLanguage,
  isVisible,
  languageNames,
  type Answers,
  type Question,
  type SurveyDefinition,
  type SurveyLanguage,
  type SurveyPage,
} from '../survey.definition.js';
import { surveyMessages } from '../survey.messages.js';
import { categoryLabels, QuestionFields } from './question-fields.js';

export const surveyPath = (slug: string) => `/mitmachen/befragung/${slug}`;

interface SurveyInfo {
  slug: string;
  definition: SurveyDefinition;
}

function LanguageLinks({
  ctx,
  languages,
  current,
  base,
}: {
  ctx: PageContext;
  info: SurveyInfo;
  languages: SurveyLanguage[];
  current: SurveyLanguage;
  base: string;
}): JSX.Element {
  const t = surveyMessages(ctx.locale);
  if (languages.length < 2) return '';
  return (
    <nav aria-label={t('start.language')} class="survey-languages">
      <ul class="site-inline-list">
        {languages.map((lang) => (
          <li>
            {lang === current ? (
              <strong lang={htmlLang[lang]} safe>
                {languageNames[lang]}
              </strong>
            ) : (
              <a class="kern-link" href={`${base}${base.includes('?') ? '&' : '?'}sprache=${lang}`} lang={htmlLang[lang]} hreflang={htmlLang[lang]} safe>
                {languageNames[lang]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Start page: what, why, how anonymous; language choice; the access code if needed. */
export function StartPage(props: {
  ctx: PageContext;
  info: SurveyInfo;
  language: SurveyLanguage;
  languages: SurveyLanguage[];
  channel?: string;
  requiresCode: boolean;
  open: boolean;
  status?: number;
  codeError?: string;
  code?: string;
}): JSX.Element {
  const { ctx, info, language, languages, channel, requiresCode, open, codeError } = props;
  const t = surveyMessages(ctx.locale);
  const title = inLanguage(info.definition.title, language);
  const base = `${surveyPath(info.slug)}${channel ? `?kanal=${encodeURIComponent(channel)}` : ''}`;
  return (
    <Layout ctx={ctx} title={title} section="/mitmachen" hasErrors={!!codeError}>
      <div lang={htmlLang[language]} dir={htmlDir(language)}>
        <h1 class="kern-heading-x-large" safe>
          {title}
        </h1>
        <LanguageLinks ctx={ctx} info={info} languages={languages} current={language} base={base} />
        <p class="kern-body kern-body--large" safe>
          {inLanguage(info.definition.intro, language)}
        </p>
      </div>
      {open ? (
        <>
          <Alert kind="info" title={t('start.anonymous')}>
            <p class="kern-body" safe>
              {t('start.privacy')}
            </p>
          </Alert>
          {languages.includes('ls') && language !== 'ls' ? (
            <p class="kern-body">
              <a class="kern-link" href={`${base}${channel ? '&' : '?'}sprache=ls`} safe>
                {t('start.easy')}
              </a>
            </p>
          ) : (
            ''
          )}
          <form method="post" action={`${surveyPath(info.slug)}/start`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <ErrorSummary title={t('page.errorTitle')} errors={codeError ? { code: codeError } : {}} />
            <input type="hidden" name="sprache" value={language} />
            {channel ? <input type="hidden" name="kanal" value={channel} /> : ''}
            {requiresCode ? (
              <TextField name="code" label={t('start.code')} hint={t('start.codeHint')} error={codeError} value={props.code} autocomplete="off" />
            ) : (
              ''
            )}
            <SubmitButton label={t('start.takePart')} />
          </form>
        </>
      ) : (
        <Alert kind="warning" title={t('closed.title')}>
          <p class="kern-body" safe>
            {t('notYet.text')}
          </p>
        </Alert>
      )}
    </Layout>
  );
}

/** One page of questions. */
export function QuestionPage(props: {
  ctx: PageContext;
  info: SurveyInfo;
  language: SurveyLanguage;
  languages: SurveyLanguage[];
  pageIndex: number;
  position: number;
  pages: number;
  answers: Answers;
  errors: Record<string, string>;
  districts: readonly string[];
  /** Follow-up questions the last answers opened (shown again without JavaScript): named in a notice. */
  opened?: Question[];
}): JSX.Element {
  const { ctx, info, language, pageIndex, position, pages, answers, errors, districts, opened = [] } = props;
  const t = surveyMessages(ctx.locale);
  const page = info.definition.pages[pageIndex]!;
  const title = inLanguage(page.title, language);
  const action = `${surveyPath(info.slug)}/seite/${pageIndex + 1}`;
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Layout ctx={ctx} title={`${title} – ${inLanguage(info.definition.title, language)}`} section="/mitmachen" hasErrors={hasErrors}>
      <div lang={htmlLang[language]} dir={htmlDir(language)}>
        <p class="kern-body kern-body--small" safe>
          {inLanguage(info.definition.title, language)}
        </p>
        <div class="kern-progress">
          <label class="kern-label" for="survey-progress" safe>
            {t('page.progress', { page: position, pages })}
          </label>
          <progress id="survey-progress" max={String(pages)} value={String(position)} safe>
            {`${position}/${pages}`}
          </progress>
        </div>
        <h1 class="kern-heading-large" safe>
          {title}
        </h1>
        <LanguageLinks ctx={ctx} info={info} languages={props.languages} current={language} base={action} />
        <form method="post" action={action} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <ErrorSummary title={t('page.errorTitle')} errors={errors} />
          {opened.length > 0 ? (
            <Alert kind="info" title={t('page.opened.title')}>
              <>
                <p class="kern-body" safe>
                  {t('page.opened.text')}
                </p>
                <ul class="kern-list">
                  {opened.map((q) => (
                    <li>
                      <a class="kern-link" href={`#${questionAnchor(q)}`} safe>
                        {inLanguage(q.text, language)}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            </Alert>
          ) : (
            ''
          )}
          {page.questions.map((question) => (
            <PageQuestion page={page} question={question} answers={answers}>
              <QuestionFields question={question} answers={answers} errors={errors} language={language} districts={districts} t={t} />
            </PageQuestion>
          ))}
          <div class="survey-actions">
            <button type="submit" name="aktion" value="weiter" class="kern-btn kern-btn--primary">
              <span class="kern-label" safe>
                {t('page.next')}
              </span>
            </button>
            {position > 1 ? (
              <button type="submit" name="aktion" value="zurueck" class="kern-btn kern-btn--secondary">
                <span class="kern-label" safe>
                  {t('page.back')}
                </span>
              </button>
            ) : (
              ''
            )}
            <button type="submit" name="aktion" value="spaeter" class="kern-btn kern-btn--tertiary">
              <span class="kern-label" safe>
                {t('page.later')}
              </span>
            </button>
          </div>
        </form>
      </div>
      <script src="/assets/survey.js" defer></script>
    </Layout>
  );
}

const questionAnchor = (q: Question) => `frage-${q.id}`;

/**
 * A question of the page. One whose condition looks at a question on the same page is always in
 * the page, hidden while the condition is not met: survey.js shows it as soon as the answer fits.
 * Its marker field tells the server it was shown; without JavaScript the server shows it itself.
 */
function PageQuestion({ page, question, answers, children }: { page: SurveyPage; question: Question; answers: Answers; children: JSX.Element }): JSX.Element {
  const visible = isVisible(question, answers);
  if (!dependsOnSamePage(question, page)) return visible ? children : '';
  const condition = question.showIf!;
  return (
    <div
      class="survey-followup"
      id={questionAnchor(question)}
      data-show-if={fieldName(condition.question)}
      data-show-values={JSON.stringify(condition.values)}
      hidden={!visible}
    >
      <input type="hidden" name={offeredField} value={question.id} disabled={!visible} />
      {children}
    </div>
  );
}

/** The last step: send, with the draft's submission key (a second click stores nothing more). */
export function ReviewPage({
  ctx,
  info,
  language,
  submissionKey,
  lastPage,
  answers,
}: {
  ctx: PageContext;
  info: SurveyInfo;
  language: SurveyLanguage;
  submissionKey: string;
  lastPage: number;
  answers: Answers;
}): JSX.Element {
  const t = surveyMessages(ctx.locale);
  // What will be sent, question by question, so nobody sends blind.
  const rows = info.definition.pages.flatMap((page, pageIndex) =>
    page.questions
      .filter((q) => isVisible(q, answers))
      .flatMap((q) => {
        const labels = categoryLabels(q, language, t);
        const show = (value: string | string[] | undefined) =>
          value === undefined
            ? t('page.noAnswer')
            : (Array.isArray(value) ? value : [value]).map((v) => (v === 'other' ? t('page.other') : (labels[v] ?? v))).join(', ');
        if (q.type === 'likert')
          return (q.statements ?? []).map((st) => ({
            pageIndex,
            question: `${inLanguage(q.text, language)} – ${inLanguage(st.text, language)}`,
            answer: show(answers[`${q.id}.${st.value}`]),
          }));
        const other = answers[`${q.id}.other`];
        return [{ pageIndex, question: inLanguage(q.text, language), answer: `${show(answers[q.id])}${typeof other === 'string' ? ` (${other})` : ''}` }];
      }),
  );
  return (
    <Layout ctx={ctx} title={t('review.title')} section="/mitmachen">
      <h1 class="kern-heading-large" safe>
        {t('review.title')}
      </h1>
      <p class="kern-body" lang={htmlLang[language]} dir={htmlDir(language)} safe>
        {inLanguage(info.definition.title, language)}
      </p>
      <p class="kern-body" safe>
        {t('review.text')}
      </p>
      <dl class="survey-review" lang={htmlLang[language]} dir={htmlDir(language)}>
        {rows.map((row) => (
          <>
            <dt class="kern-body kern-body--bold" safe>
              {row.question}
            </dt>
            <dd class="kern-body">
              <span safe>{row.answer}</span>{' '}
              <a class="kern-link" href={`${surveyPath(info.slug)}/seite/${row.pageIndex + 1}`} aria-label={`${t('review.change')}: ${row.question}`} safe>
                {t('review.change')}
              </a>
            </dd>
          </>
        ))}
      </dl>
      <form method="post" action={`${surveyPath(info.slug)}/absenden`}>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="schluessel" value={submissionKey} />
        <div class="survey-actions">
          <SubmitButton label={t('review.submit')} />
          <a class="kern-link" href={`${surveyPath(info.slug)}/seite/${lastPage + 1}`} safe>
            {t('page.back')}
          </a>
        </div>
      </form>
    </Layout>
  );
}

export function LaterPage({ ctx, link }: { ctx: PageContext; link: string }): JSX.Element {
  const t = surveyMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('later.title')} section="/mitmachen">
      <h1 class="kern-heading-large" safe>
        {t('later.title')}
      </h1>
      <p class="kern-body" safe>
        {t('later.text')}
      </p>
      <h2 class="kern-heading-small" safe>
        {t('later.link')}
      </h2>
      <p class="kern-body survey-link">
        <a class="kern-link" href={link} safe>
          {link}
        </a>
      </p>
    </Layout>
  );
}

/** A plain message page: thank you, closed, invalid link, draft gone. */
export function MessagePage({
  ctx,
  title,
  text,
  link,
  kind = 'info',
}: {
  ctx: PageContext;
  title: string;
  text: string;
  link?: { href: string; label: string };
  kind?: 'info' | 'success' | 'warning' | 'danger';
}): JSX.Element {
  return (
    <Layout ctx={ctx} title={title} section="/mitmachen">
      <h1 class="kern-heading-large" safe>
        {title}
      </h1>
      <Alert kind={kind} title={title}>
        <p class="kern-body" safe>
          {text}
        </p>
      </Alert>
      {link ? (
        <p class="kern-body">
          <a class="kern-link" href={link.href} safe>
            {link.label}
          </a>
        </p>
      ) : (
        ''
      )}
    </Layout>
  );
}
