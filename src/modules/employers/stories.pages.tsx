import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.js';
import { pageContext } from '../../platform/http/context.js';
import { attempt, formValues, parseForm } from '../../platform/http/forms.js';
import { ButtonForm, formBody, IdParams, pageQuery, QueryText, type RouteApp } from '../../platform/http/routes.js';
import { translationOverview } from '../../platform/translations/translations.service.js';
import { TranslationsSection } from '../../platform/translations/views/translations-section.js';
import { storyTranslatable } from './employers.translations.js';
import { StoryForm, storyFormLabels, storyFormValues } from './stories.form.js';
import { storiesMessages } from './stories.messages.js';
import { storyAdminPaths } from './stories.paths.js';
import type { StoriesService } from './stories.service.js';
import { StoriesAdminPage, StoryFormPage } from './views/stories-admin.js';

/*
 * The editors' pages of the good-practice stories (HTML):
 *   GET       /verwaltung/gute-beispiele?hinweis=              every story with its state
 *   GET  POST /verwaltung/gute-beispiele/neu                   write a new story (saved as a draft)
 *   GET  POST /verwaltung/gute-beispiele/:id?hinweis=          change it; its translations (/uebersetzungen/gutes-beispiel/:id/:sprache)
 *        POST /verwaltung/gute-beispiele/:id/veroeffentlichen  put it on the portal
 *        POST /verwaltung/gute-beispiele/:id/zurueckziehen     take it off again
 * Visitors read the published ones at /arbeitgeber/gute-beispiele (employers.pages.tsx).
 */

const NoticeQuery = pageQuery({ hinweis: QueryText(40) });
const notices = ['created', 'saved', 'published', 'withdrawn'] as const;

export function registerStoryPages(app: RouteApp, deps: AppDeps, service: StoriesService): void {
  const ctxOf = (req: FastifyRequest) => pageContext(req, deps.city);
  const noticeOf = (req: FastifyRequest, hint: string | undefined) => {
    const found = notices.find((n) => n === hint);
    return found ? storiesMessages(req.locale)(`notice.${found}`) : undefined;
  };

  app.get(storyAdminPaths.list, { schema: { querystring: NoticeQuery } }, async (req, reply) =>
    reply.html(<StoriesAdminPage ctx={ctxOf(req)} stories={await service.all(req.actor)} notice={noticeOf(req, req.query.hinweis)} />),
  );

  /** The form, new (id null) or of a stored story, with the values and errors of a failed POST. */
  async function form(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string | null,
    posted?: { values: Record<string, string>; errors: Record<string, string> },
    notice?: string,
  ) {
    const employers = await service.employers(req.actor);
    const story = id ? await service.find(req.actor, id) : undefined;
    const translations = story ? (
      <TranslationsSection ctx={ctxOf(req)} slug="gutes-beispiel" id={story.id} languages={await translationOverview(deps.db, storyTranslatable(), story)} />
    ) : (
      ''
    );
    const values = posted?.values ?? (story ? storyFormValues(story) : {});
    return reply
      .status(posted ? 422 : 200)
      .html(
        <StoryFormPage
          ctx={ctxOf(req)}
          story={story}
          employers={employers}
          values={values}
          errors={posted?.errors}
          notice={notice}
          translations={translations}
        />,
      );
  }

  /** Reads and saves the form; a failure shows it again with 422, the values kept. */
  async function save(req: FastifyRequest, reply: FastifyReply, id: string | null) {
    // Ask the policy before reading the form: someone who may not write stories gets 403, not field errors.
    await service.employers(req.actor);
    const parsed = parseForm(StoryForm, req.body, storyFormLabels(req.locale), req.locale);
    if (!parsed.ok) return form(req, reply, id, { values: parsed.values, errors: parsed.errors });
    const done = await attempt(async () =>
      id ? (await service.update(req.actor, id, parsed.value, req.locale), id) : service.create(req.actor, parsed.value, req.locale),
    );
    if (!done.ok) return form(req, reply, id, { values: formValues(req.body), errors: done.errors });
    return reply.redirect(`${storyAdminPaths.edit(done.value)}?hinweis=${id ? 'saved' : 'created'}`, 303);
  }

  app.get(storyAdminPaths.create, { schema: { querystring: NoticeQuery } }, (req, reply) => form(req, reply, null));
  app.post(storyAdminPaths.create, { schema: { body: formBody(StoryForm) } }, (req, reply) => save(req, reply, null));
  app.get('/verwaltung/gute-beispiele/:id', { schema: { params: IdParams, querystring: NoticeQuery } }, (req, reply) =>
    form(req, reply, req.params.id, undefined, noticeOf(req, req.query.hinweis)),
  );
  app.post('/verwaltung/gute-beispiele/:id', { schema: { params: IdParams, body: formBody(StoryForm) } }, (req, reply) => save(req, reply, req.params.id));
  for (const [segment, published] of [
    ['veroeffentlichen', true],
    ['zurueckziehen', false],
  ] as const) {
    app.post(`/verwaltung/gute-beispiele/:id/${segment}`, { schema: { params: IdParams, body: ButtonForm } }, async (req, reply) => {
      await service.setPublished(req.actor, req.params.id, published);
      return reply.redirect(`${storyAdminPaths.edit(req.params.id)}?hinweis=${published ? 'published' : 'withdrawn'}`, 303);
    });
  }
}
