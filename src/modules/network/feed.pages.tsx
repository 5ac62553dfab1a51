import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../platform/deps.js';
import { pathParam } from '../../platform/http/request-values.js';
import { maxDocumentBytes } from '../../platform/media/document-format.js';
import { fileFromForm } from '../../platform/media/uploaded-file.js';
import { acceptMultipart } from '../../platform/media/uploads.js';
import { attachmentMessages } from './attachments.messages.js';
import { attempt, formValues, parseForm } from '../../platform/http/forms.js';
import { ButtonForm, formBody, IdParams, type RouteApp } from '../../platform/http/routes.js';
import { CommentForm, PostForm, postAttachmentSlots, ReportForm, SlugParams } from './network.schemas.js';
import type { NetworkService } from './network.service.js';
import { groupPath } from './network.paths.js';
import { GroupPageView } from './views/group.js';
import { pageTools } from './page-tools.js';

/** A group's feed: posts, comments, pinning, editing, reports (routes in network.pages.tsx). */
export function registerFeedPages(app: RouteApp, deps: AppDeps, service: NetworkService): void {
  const { ctxOf, t, networkActor, groupActor, groupAgain } = pageTools(deps, service);

  // A post, perhaps with files (multipart, read only once the person may post in the group).
  const postLimits = { files: postAttachmentSlots.length, fileBytes: maxDocumentBytes, fields: 8, fieldBytes: 40_000 };
  acceptMultipart(app, { limits: postLimits, who: () => true }, (scope) => {
    scope.withTypeProvider<TypeBoxTypeProvider>().post(
      '/netzwerk/gruppen/:slug/beitraege',
      {
        schema: { params: SlugParams, body: formBody(PostForm) },
        onRequest: async (req) => service.mayPost(groupActor(req), pathParam(req, 'slug')),
      },
      async (req, reply) => {
        const actor = groupActor(req);
        const a = attachmentMessages(req.locale);
        const labels = {
          body: { label: t(req)('post.body'), required: t(req)('post.body.required') },
          fileTitle: { label: a('post.fileTitle'), tooShort: a('post.fileTitle.required') },
          fileTitle2: { label: a('post.fileTitleN', { n: 2 }), tooShort: a('post.fileTitle.required') },
          fileTitle3: { label: a('post.fileTitleN', { n: 3 }), tooShort: a('post.fileTitle.required') },
        };
        const form = parseForm(PostForm, req.body, labels, req.locale);
        if (!form.ok) return groupAgain(req, reply, req.params.slug, form.errors);
        const attachments = postAttachmentSlots.map((fields) => ({ file: fileFromForm(req.body, fields.file), title: form.value[fields.title] ?? '', fields }));
        const done = await attempt(() => service.post(actor, req.params.slug, form.value.body, req.locale, attachments));
        if (!done.ok) return groupAgain(req, reply, req.params.slug, done.errors);
        return reply.redirect(`${groupPath(req.params.slug)}?hinweis=geteilt#feed`, 303);
      },
    );
  });

  app.post('/netzwerk/beitraege/:id/kommentare', { schema: { params: IdParams, body: formBody(CommentForm) } }, async (req, reply) => {
    const actor = groupActor(req);
    // Each post has its own comment field (ids stay unique on the page): kommentar-<post id>.
    const field = `kommentar-${req.params.id}`;
    const form = parseForm(
      CommentForm,
      { body: formValues(req.body)[field] ?? '' },
      { body: { label: t(req)('comment.body'), required: t(req)('comment.body.required') } },
      req.locale,
    );
    const done = form.ok
      ? await attempt(() => service.comment(actor, req.params.id, form.value.body, req.locale))
      : ({ ok: false, errors: form.errors } as const);
    if (!done.ok) {
      const slug = await service.postGroupSlug(actor, req.params.id);
      return reply
        .status(422)
        .html(<GroupPageView ctx={ctxOf(req)} view={await service.groupPage(actor, slug)} errors={{ [field]: Object.values(done.errors)[0] ?? '' }} />);
    }
    return reply.redirect(`${groupPath(done.value)}?hinweis=geteilt#beitrag-${req.params.id}`, 303);
  });

  app.post('/netzwerk/beitraege/:id/anheften', { schema: { params: IdParams, body: ButtonForm } }, async (req, reply) => {
    const slug = await service.togglePin(networkActor(req), req.params.id);
    return reply.redirect(`${groupPath(slug)}?hinweis=gespeichert#beitrag-${req.params.id}`, 303);
  });

  // Each post has its own fields on the page: bearbeiten-<post id>, meldung-<post id>.
  app.post('/netzwerk/beitraege/:id/bearbeiten', { schema: { params: IdParams, body: formBody(PostForm) } }, async (req, reply) => {
    const actor = networkActor(req);
    const field = `bearbeiten-${req.params.id}`;
    const form = parseForm(
      PostForm,
      { body: formValues(req.body)[field] ?? '' },
      { body: { label: t(req)('post.edit'), required: t(req)('post.body.required') } },
      req.locale,
    );
    const done = form.ok
      ? await attempt(() => service.editPost(actor, req.params.id, form.value.body, req.locale))
      : ({ ok: false, errors: form.errors } as const);
    if (!done.ok) return groupAgain(req, reply, await service.postGroupSlug(actor, req.params.id), { [field]: Object.values(done.errors)[0] ?? '' });
    return reply.redirect(`${groupPath(done.value)}?hinweis=gespeichert#beitrag-${req.params.id}`, 303);
  });

  app.post('/netzwerk/beitraege/:id/melden', { schema: { params: IdParams, body: formBody(ReportForm) } }, async (req, reply) => {
    const actor = networkActor(req);
    const field = `meldung-${req.params.id}`;
    const form = parseForm(
      ReportForm,
      { reason: formValues(req.body)[field] ?? '' },
      { reason: { label: t(req)('report.reason'), required: t(req)('report.reason.required'), tooShort: t(req)('report.reason.required') } },
      req.locale,
    );
    if (!form.ok) return groupAgain(req, reply, await service.postGroupSlug(actor, req.params.id), { [field]: Object.values(form.errors)[0] ?? '' });
    const slug = await service.reportPost(actor, req.params.id, form.value.reason);
    return reply.redirect(`${groupPath(slug)}?hinweis=gemeldet#beitrag-${req.params.id}`, 303);
  });
}
