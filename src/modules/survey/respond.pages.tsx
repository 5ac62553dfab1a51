import { isLocale, type Locale } from '../../platform/i18n/i18n.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.js';
import { cookieNames, pageContext } from '../../platform/http/context.js';
import { AppError } from '../../platform/http/errors.js';
import { formBody, NoQuery, type FormFields, type RouteApp } from '../../platform/http/routes.js';
import { consumeRateLimit } from '../../platform/http/rate-limit.js';
import { fieldName, offeredIds, questionsNotOffered, readPage, type AnswerProblem } from './survey.answers.js';
import {
  allQuestions,
  answerKeys,
  cleanAnswers,
  completeLanguages,
  inLanguage,
  isSurveyLanguage,
  visiblePages,
  type Answers,
  type Question,
  type SurveyLanguage,
} from './survey.definition.js';
import { surveyMessages } from './survey.messages.js';
import { RespondError, type Draft, type RespondService } from './respond.service.js';
import { AnswerPageForm, LanguageQuery, PageParams, ResumeQuery, SlugParams, StartForm, StartQuery, SubmitForm } from './survey.schemas.js';
import { LaterPage, MessagePage, QuestionPage, ReviewPage, StartPage, surveyPath } from './views/respond-views.js';

/*
 * Respondent routes (no account; works without JavaScript):
 *   GET  /mitmachen/befragung/:slug?kanal=&sprache=     start page (intro, privacy, access code)
 *   POST /mitmachen/befragung/:slug/start               creates the draft, sets the resume cookie
 *   GET  /mitmachen/befragung/:slug/seite/:n            one page of questions (from the draft)
 *   POST /mitmachen/befragung/:slug/seite/:n            aktion=weiter|zurueck|spaeter
 *   GET  /mitmachen/befragung/:slug/spaeter             the resume link to keep
 *   GET  /mitmachen/befragung/:slug/absenden            last step
 *   POST /mitmachen/befragung/:slug/absenden            stores the response once
 *   GET  /mitmachen/befragung/:slug/danke               thank-you page
 *   GET  /mitmachen/befragung/:slug/fortsetzen?token=   resume link ("später fortsetzen")
 */
export function registerRespondPages(app: RouteApp, deps: AppDeps, service: RespondService): void {
  const { city, config } = deps;
  const cookieName = `${cookieNames(config).session.replace('frh_session', 'frh_survey')}`;
  const cookieOptions = (slug: string) => ({
    path: surveyPath(slug),
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.cookieSecure,
    maxAge: 30 * 86400,
  });
  // A survey taken in another language than German speaks it throughout; a German survey keeps the
  // visitor's language around its questions (marked lang="de"), so buttons and help stay readable;
  // Leichte Sprache is German around it.
  const chromeLocale = (lang: SurveyLanguage, visitor: Locale): Locale => (lang === 'ls' ? 'de' : lang !== 'de' && isLocale(lang) ? lang : visitor);

  async function problemPage(req: FastifyRequest, reply: FastifyReply, slug: string, error: unknown) {
    if (!(error instanceof RespondError)) throw error;
    const ctx = pageContext(req, city);
    const t = surveyMessages(ctx.locale);
    switch (error.problem) {
      case 'closed':
        return reply
          .status(409)
          .html(
            <MessagePage ctx={ctx} title={t('closed.title')} text={t('closed.text')} kind="warning" link={{ href: '/mitmachen', label: t('thanks.back') }} />,
          );
      case 'channel':
        return reply
          .status(404)
          .html(
            <MessagePage
              ctx={ctx}
              title={t('channel.title')}
              text={t('channel.text')}
              kind="warning"
              link={{ href: surveyPath(slug), label: t('channel.link') }}
            />,
          );
      case 'draft_missing':
        return reply
          .status(404)
          .html(
            <MessagePage
              ctx={ctx}
              title={t('draft.title')}
              text={t('draft.text')}
              kind="warning"
              link={{ href: surveyPath(slug), label: t('draft.restart') }}
            />,
          );
      default:
        return reply.status(422).html(await startPage(req, slug, {}, {}, { codeError: t(error.problem === 'code_missing' ? 'code.missing' : 'code.invalid') }));
    }
  }

  async function startPage(
    req: FastifyRequest,
    slug: string,
    query: { kanal?: string; sprache?: string },
    body: FormFields,
    extra: { codeError?: string; code?: string } = {},
  ) {
    const { survey, definition, open } = await service.openSurvey(slug);
    const languages = completeLanguages(definition);
    const wanted = typeof body.sprache === 'string' ? body.sprache : query.sprache;
    const language =
      isSurveyLanguage(wanted) && languages.includes(wanted) ? wanted : isSurveyLanguage(req.locale) && languages.includes(req.locale) ? req.locale : 'de';
    const channel = typeof body.kanal === 'string' ? body.kanal : typeof query.kanal === 'string' ? query.kanal.slice(0, 80) : undefined;
    return (
      <StartPage
        ctx={pageContext(req, city)}
        info={{ slug, definition }}
        language={language}
        languages={languages}
        channel={channel}
        requiresCode={survey.requires_code}
        open={open}
        codeError={extra.codeError}
        code={extra.code}
      />
    );
  }

  const draftOf = (req: FastifyRequest, slug: string) => service.loadDraft(slug, req.cookies[cookieName]);

  function errorTexts(draft: Draft, problems: Record<string, AnswerProblem>, locale: Locale): Record<string, string> {
    const t = surveyMessages(locale);
    const labels = new Map<string, { text: string; q: Question }>();
    for (const q of allQuestions(draft.definition)) {
      labels.set(fieldName(q.id), { text: inLanguage(q.text, draft.language), q });
      labels.set(fieldName(`${q.id}.other`), { text: inLanguage(q.text, draft.language), q });
      for (const s of q.statements ?? []) labels.set(fieldName(`${q.id}.${s.value}`), { text: inLanguage(s.text, draft.language), q });
    }
    const out: Record<string, string> = {};
    for (const [field, problem] of Object.entries(problems)) {
      const label = labels.get(field);
      out[field] = t(`problem.${problem}`, { question: label?.text ?? field, min: label?.q.min ?? 0, max: label?.q.max ?? 0 });
    }
    return out;
  }

  function renderPage(
    req: FastifyRequest,
    reply: FastifyReply,
    draft: Draft,
    pageIndex: number,
    answers: Answers,
    errors: Record<string, string>,
    status = 200,
    opened: Question[] = [],
  ) {
    const pages = visiblePages(draft.definition, answers);
    const position = Math.max(1, pages.indexOf(pageIndex) + 1);
    const ctx = { ...pageContext(req, city), locale: chromeLocale(draft.language, req.locale) } as const;
    return reply
      .status(status)
      .html(
        <QuestionPage
          ctx={ctx}
          info={{ slug: draft.survey.slug, definition: draft.definition }}
          language={draft.language}
          languages={completeLanguages(draft.definition)}
          pageIndex={pageIndex}
          position={position}
          pages={pages.length}
          answers={answers}
          errors={errors}
          districts={city.districts}
          opened={opened}
        />,
      );
  }

  app.get('/mitmachen/befragung/:slug', { schema: { params: SlugParams, querystring: StartQuery } }, async (req, reply) => {
    const { slug } = req.params;
    // A link with an unknown channel says so at once, not only after "Befragung starten".
    if (typeof req.query.kanal === 'string' && !(await service.channelExists(slug, req.query.kanal)))
      return problemPage(req, reply, slug, new RespondError('channel'));
    return reply.html(await startPage(req, slug, req.query, {}));
  });

  const startSchema = { params: SlugParams, querystring: StartQuery, body: formBody(StartForm) };
  app.post('/mitmachen/befragung/:slug/start', { schema: startSchema }, async (req, reply) => {
    const { slug } = req.params;
    const body = req.body;
    await consumeRateLimit(deps.db, config.sessionSecret, { bucket: 'survey-start:ip', max: 300, windowSeconds: 3600 }, req.ip);
    try {
      const token = await service.start(slug, {
        channel: typeof body.kanal === 'string' ? body.kanal : undefined,
        language: typeof body.sprache === 'string' ? body.sprache : undefined,
        code: typeof body.code === 'string' ? body.code : undefined,
      });
      reply.setCookie(cookieName, token, cookieOptions(slug));
      return reply.redirect(`${surveyPath(slug)}/seite/1`, 303);
    } catch (error) {
      if (error instanceof RespondError && (error.problem === 'code_invalid' || error.problem === 'code_missing')) {
        const t = surveyMessages(req.locale);
        return reply.status(422).html(
          await startPage(req, slug, req.query, body, {
            codeError: t(error.problem === 'code_missing' ? 'code.missing' : 'code.invalid'),
            code: (typeof body.code === 'string' ? body.code : '').slice(0, 20),
          }),
        );
      }
      return problemPage(req, reply, slug, error);
    }
  });

  app.get('/mitmachen/befragung/:slug/seite/:n', { schema: { params: PageParams, querystring: LanguageQuery } }, async (req, reply) => {
    const { slug } = req.params;
    try {
      const draft = await draftOf(req, slug);
      const wanted = req.query.sprache;
      if (isSurveyLanguage(wanted) && completeLanguages(draft.definition).includes(wanted) && wanted !== draft.language) {
        await service.saveDraft(draft, { language: wanted });
        draft.language = wanted;
      }
      const index = Number.parseInt(req.params.n, 10) - 1;
      const pages = visiblePages(draft.definition, draft.answers);
      if (!pages.includes(index)) return reply.redirect(`${surveyPath(slug)}/seite/${(pages[0] ?? 0) + 1}`, 303);
      return renderPage(req, reply, draft, index, draft.answers, {});
    } catch (error) {
      return problemPage(req, reply, slug, error);
    }
  });

  app.post('/mitmachen/befragung/:slug/seite/:n', { schema: { params: PageParams, body: formBody(AnswerPageForm) } }, async (req, reply) => {
    const { slug } = req.params;
    try {
      const draft = await draftOf(req, slug);
      const index = Number.parseInt(req.params.n, 10) - 1;
      const page = draft.definition.pages[index];
      if (!page) throw new AppError('not_found', 'Seite nicht gefunden');
      const body = req.body;
      const action = body.aktion === 'zurueck' ? 'back' : body.aktion === 'spaeter' ? 'later' : 'next';
      const result = readPage(page.questions, body, draft.answers, city.districts, action === 'next');
      // This page's answers replace what the draft had for its questions (unticked boxes included).
      const merged: Answers = { ...draft.answers };
      for (const q of page.questions) for (const key of [q.id, `${q.id}.other`, ...(q.statements ?? []).map((s) => `${q.id}.${s.value}`)]) delete merged[key];
      Object.assign(merged, result.answers);
      const answers = cleanAnswers(draft.definition, merged);
      // Follow-up questions that this page's answers open and the page did not show yet (no
      // JavaScript): show the page again with them, keep what was answered, move on only after.
      const opened = action === 'next' ? questionsNotOffered(page, answers, offeredIds(body)) : [];
      if (opened.length > 0) {
        const openedKeys = new Set(opened.flatMap((q) => answerKeys(q)).map(fieldName));
        const problems = Object.fromEntries(Object.entries(result.problems).filter(([field]) => !openedKeys.has(field)));
        await service.saveDraft(draft, { answers, page: index });
        const errors = errorTexts(draft, problems, chromeLocale(draft.language, req.locale));
        return renderPage(req, reply, draft, index, { ...answers, ...result.answers }, errors, Object.keys(errors).length > 0 ? 422 : 200, opened);
      }
      if (action === 'next' && Object.keys(result.problems).length > 0) {
        return renderPage(
          req,
          reply,
          draft,
          index,
          { ...answers, ...result.answers },
          errorTexts(draft, result.problems, chromeLocale(draft.language, req.locale)),
          422,
        );
      }
      const pages = visiblePages(draft.definition, answers);
      const position = pages.indexOf(index);
      const target = action === 'back' ? pages[Math.max(0, position - 1)] : action === 'next' ? pages[position + 1] : index;
      await service.saveDraft(draft, { answers, page: target ?? index });
      if (action === 'later') return reply.redirect(`${surveyPath(slug)}/spaeter`, 303);
      if (target === undefined) return reply.redirect(`${surveyPath(slug)}/absenden`, 303);
      return reply.redirect(`${surveyPath(slug)}/seite/${target + 1}`, 303);
    } catch (error) {
      return problemPage(req, reply, slug, error);
    }
  });

  app.get('/mitmachen/befragung/:slug/spaeter', { schema: { params: SlugParams, querystring: NoQuery } }, async (req, reply) => {
    const { slug } = req.params;
    try {
      await draftOf(req, slug);
      const link = `${config.publicUrl}${surveyPath(slug)}/fortsetzen?token=${encodeURIComponent(req.cookies[cookieName]!)}`;
      return reply.header('cache-control', 'no-store').html(<LaterPage ctx={pageContext(req, city)} link={link} />);
    } catch (error) {
      return problemPage(req, reply, slug, error);
    }
  });

  app.get('/mitmachen/befragung/:slug/fortsetzen', { schema: { params: SlugParams, querystring: ResumeQuery } }, async (req, reply) => {
    const { slug } = req.params;
    try {
      const token = String(req.query.token ?? '');
      const draft = await service.loadDraft(slug, token);
      reply.setCookie(cookieName, token, cookieOptions(slug));
      return reply.redirect(`${surveyPath(slug)}/seite/${draft.page + 1}`, 303);
    } catch (error) {
      return problemPage(req, reply, slug, error);
    }
  });

  app.get('/mitmachen/befragung/:slug/absenden', { schema: { params: SlugParams, querystring: NoQuery } }, async (req, reply) => {
    const { slug } = req.params;
    try {
      const draft = await draftOf(req, slug);
      const check = service.checkAll(draft.definition, cleanAnswers(draft.definition, draft.answers));
      if (!check.ok) return reply.redirect(`${surveyPath(slug)}/seite/${check.page + 1}`, 303);
      const pages = visiblePages(draft.definition, draft.answers);
      const ctx = { ...pageContext(req, city), locale: chromeLocale(draft.language, req.locale) } as const;
      return reply.html(
        <ReviewPage
          ctx={ctx}
          info={{ slug, definition: draft.definition }}
          language={draft.language}
          submissionKey={draft.submissionKey}
          lastPage={pages[pages.length - 1] ?? 0}
          answers={cleanAnswers(draft.definition, draft.answers)}
        />,
      );
    } catch (error) {
      return problemPage(req, reply, slug, error);
    }
  });

  app.post('/mitmachen/befragung/:slug/absenden', { schema: { params: SlugParams, body: formBody(SubmitForm) } }, async (req, reply) => {
    const { slug } = req.params;
    const body = req.body;
    try {
      const outcome = await service.submit(slug, req.cookies[cookieName], typeof body.schluessel === 'string' ? body.schluessel : '');
      if (!outcome.ok) {
        const draft = await draftOf(req, slug);
        return renderPage(req, reply, draft, outcome.page, draft.answers, errorTexts(draft, outcome.problems, chromeLocale(draft.language, req.locale)), 422);
      }
      reply.clearCookie(cookieName, { path: surveyPath(slug) });
      return reply.redirect(`${surveyPath(slug)}/danke`, 303);
    } catch (error) {
      if (error instanceof RespondError && error.problem === 'code_invalid') {
        const ctx = pageContext(req, city);
        const t = surveyMessages(ctx.locale);
        return reply
          .status(409)
          .html(
            <MessagePage ctx={ctx} title={t('draft.title')} text={t('code.invalid')} kind="danger" link={{ href: '/mitmachen', label: t('thanks.back') }} />,
          );
      }
      return problemPage(req, reply, slug, error);
    }
  });

  app.get('/mitmachen/befragung/:slug/danke', { schema: { params: SlugParams, querystring: NoQuery } }, async (req, reply) => {
    const ctx = pageContext(req, city);
    const t = surveyMessages(ctx.locale);
    return reply.html(
      <MessagePage ctx={ctx} title={t('thanks.title')} text={t('thanks.text')} kind="success" link={{ href: '/mitmachen', label: t('thanks.back') }} />,
    );
  });
}
