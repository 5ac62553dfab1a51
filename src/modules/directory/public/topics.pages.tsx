import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { queryParams } from '../../../platform/http/request-values.js';
import type { AppDeps } from '../../../platform/deps.js';
import { requireActor } from '../../../platform/auth/guard.js';
import { pageContext } from '../../../platform/http/context.js';
import { notFound, type FieldErrors } from '../../../platform/http/errors.js';
import { attempt, formValues, parseForm } from '../../../platform/http/forms.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { formBody, NoQuery, pageQuery, params as routeParams, type RouteApp } from '../../../platform/http/routes.js';
import { LenientText } from '../directory.routes.js';
import { parseFilters, params } from './directory.filters.js';
import { languagesPresent, searchServices } from './directory.search.js';
import { resultsInLanguage } from '../directory.translations.js';
import { topicMessages } from './topics.messages.js';
import {
  authorizeTopicEditing,
  countByTopic,
  createTopic,
  findTopic,
  IntroForm,
  listTopics,
  NewTopicForm,
  updateTopicIntro,
  topicCodePattern,
  type Topic,
} from './topics.service.js';
import { TopicListPage, TopicPage } from './views/public-topics.js';

/*
 * Routes of the topic pages (HTML):
 *   GET       /themen            every topic; editors also see "Neues Thema anlegen"
 *   POST      /themen            editors: add a topic            → 303 /themen/:code?angelegt=ja
 *   GET       /themen/:code      the introduction and the topic's services (?seite= pages them)
 *   POST      /themen/:code      editors: save the introduction  → 303 /themen/:code?gespeichert=ja
 */

/** Service field-error codes in the visitor's words. */
function fieldMessages(errors: FieldErrors, locale: Locale): FieldErrors {
  const t = topicMessages(locale);
  const known = { introEnWithoutDe: t('error.introEnWithoutDe'), codeTaken: t('error.codeTaken') } as Record<string, string>;
  return Object.fromEntries(Object.entries(errors).map(([field, code]) => [field, known[code] ?? code]));
}

/** `/themen/:code`: a code that cannot be a topic's is a page that does not exist (404). */
const TopicParams = routeParams({ code: Type.String({ pattern: topicCodePattern, maxLength: 60 }) });

/** Our notices after a redirect, and the page; any other parameter is named in a hint (parseFilters). */
const TopicQuery = pageQuery({ seite: LenientText(), gespeichert: LenientText(), angelegt: LenientText() });

export function registerTopicPages(app: RouteApp, deps: AppDeps): void {
  const { db, city } = deps;
  const ctxOf = (req: FastifyRequest) => pageContext(req, city);

  const renderList = async (req: FastifyRequest, extra: { created?: Topic; values?: Record<string, string>; errors?: FieldErrors } = {}) => {
    const [topics, counts] = await Promise.all([listTopics(db), countByTopic(db)]);
    return <TopicListPage ctx={ctxOf(req)} topics={topics} counts={counts} {...extra} />;
  };

  const renderTopic = async (
    req: FastifyRequest,
    query: Record<string, unknown>,
    topic: Topic,
    extra: { saved?: boolean; values?: Record<string, string>; errors?: FieldErrors } = {},
  ) => {
    // Our own notices after a redirect, not filters.
    const saved = query.gespeichert === 'ja' || extra.saved;
    const created = query.angelegt === 'ja';
    delete query.gespeichert;
    delete query.angelegt;
    // A topic page pages its services; the other filters live on /angebote.
    const [topics, languages] = await Promise.all([listTopics(db), languagesPresent(db)]);
    const pageOnly =
      req.method === 'GET'
        ? Object.fromEntries(Object.entries(query).filter(([name]) => name === params.page || !Object.values(params).includes(name as never)))
        : {};
    const filters = parseFilters(pageOnly, { topicCodes: topics.map((t) => t.code), city, languages, fixedTopic: topic.code });
    const now = new Date();
    const results = await resultsInLanguage(db, req.locale, await searchServices(db, { ...filters.query, now }));
    if (filters.query.page && results.page < filters.query.page)
      filters.hints.push({ key: 'hint.pageBeyond', vars: { page: filters.query.page, last: results.page } });
    return (
      <TopicPage
        ctx={ctxOf(req)}
        topic={topic}
        results={results}
        hints={filters.hints}
        kept={filters.kept}
        now={now}
        saved={saved}
        created={created}
        values={extra.values}
        errors={extra.errors}
      />
    );
  };

  app.get('/themen', { schema: { querystring: NoQuery } }, async (req, reply) => reply.html(await renderList(req)));

  app.post('/themen', { schema: { body: formBody(NewTopicForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    // Refuse before reading the form, so a non-editor learns nothing from validation messages.
    authorizeTopicEditing(actor);
    const t = topicMessages(req.locale);
    const labels = { code: t('field.code'), name: t('field.name'), name_en: t('field.name_en'), description: t('field.description') };
    const form = parseForm(NewTopicForm, req.body, labels, req.locale);
    if (!form.ok) {
      if (form.errors.code && form.values.code?.trim()) form.errors.code = t('error.code');
      return reply.status(422).html(await renderList(req, { values: form.values, errors: form.errors }));
    }
    const result = await attempt(() => createTopic(db, actor, form.value));
    if (!result.ok) return reply.status(422).html(await renderList(req, { values: formValues(req.body), errors: fieldMessages(result.errors, req.locale) }));
    return reply.redirect(`/themen/${result.value.code}?angelegt=ja`, 303);
  });

  app.get('/themen/:code', { schema: { params: TopicParams, querystring: TopicQuery } }, async (req, reply) => {
    const topic = await findTopic(db, req.params.code);
    if (!topic) throw notFound('Thema');
    return reply.html(await renderTopic(req, { ...req.query }, topic));
  });

  app.post('/themen/:code', { schema: { params: TopicParams, body: formBody(IntroForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    authorizeTopicEditing(actor);
    const topic = await findTopic(db, req.params.code);
    if (!topic) throw notFound('Thema');
    const t = topicMessages(req.locale);
    const form = parseForm(IntroForm, req.body, { intro: t('field.intro'), intro_en: t('field.intro_en') }, req.locale);
    if (!form.ok) {
      for (const field of ['intro', 'intro_en'] as const) {
        if (form.errors[field]) form.errors[field] = t('error.introTooLong', { count: form.values[field]?.trim().length ?? 0 });
      }
      return reply.status(422).html(await renderTopic(req, queryParams(req), topic, { values: form.values, errors: form.errors }));
    }
    const result = await attempt(() => updateTopicIntro(db, actor, topic.code, form.value));
    if (!result.ok)
      return reply
        .status(422)
        .html(await renderTopic(req, queryParams(req), topic, { values: formValues(req.body), errors: fieldMessages(result.errors, req.locale) }));
    return reply.redirect(`/themen/${topic.code}?gespeichert=ja`, 303);
  });
}
