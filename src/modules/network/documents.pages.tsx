import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.js';
import { ensure } from '../../platform/auth/guard.js';
import { attempt, formValues, parseForm, type FieldWords } from '../../platform/http/forms.js';
import { ButtonForm, formBody, IdParams, NoQuery, type RouteApp } from '../../platform/http/routes.js';
import { maxDocumentBytes } from '../../platform/media/document-format.js';
import { fileFromForm } from '../../platform/media/uploaded-file.js';
import { acceptMultipart } from '../../platform/media/uploads.js';
import { isNetworkPerson } from './network.policy.js';
import { DocumentForm, FileQuery, SlugParams, SearchQuery, VersionForm, VersionParams } from './network.schemas.js';
import type { NetworkService } from './network.service.js';
import { documentPath } from './network.paths.js';
import { DocumentFormPage, DocumentPageView, DocumentSearchPage } from './views/documents.js';
import { NoticeQuery, pageTools } from './page-tools.js';

/** Documents: upload, versions, the file, the full-text search (routes in network.pages.tsx). */
export function registerDocumentPages(app: RouteApp, deps: AppDeps, service: NetworkService): void {
  const { ctxOf, t, networkActor, notice } = pageTools(deps, service);

  // Documents ----------------------------------------------------------------------------------------

  const documentLabels = (req: FastifyRequest): Record<string, FieldWords> => ({
    title: { label: t(req)('document.title'), required: t(req)('document.title.required') },
    description: t(req)('document.description'),
    folder: t(req)('document.folder'),
    visibility: t(req)('document.visibility'),
    note: t(req)('document.note'),
  });

  app.get('/netzwerk/gruppen/:slug/dokumente/neu', { schema: { params: SlugParams, querystring: NoQuery } }, async (req, reply) => {
    const view = await service.groupPage(networkActor(req), req.params.slug);
    ensure(view.isMember);
    return reply.html(<DocumentFormPage ctx={ctxOf(req)} group={view.group} />);
  });

  const uploadLimits = { files: 1, fileBytes: maxDocumentBytes, fields: 12, fieldBytes: 4000 };
  acceptMultipart(app, { limits: uploadLimits, who: isNetworkPerson }, (scope) => {
    const typed = scope.withTypeProvider<TypeBoxTypeProvider>();
    typed.post('/netzwerk/gruppen/:slug/dokumente/neu', { schema: { params: SlugParams, body: formBody(DocumentForm) } }, async (req, reply) => {
      const actor = networkActor(req);
      const values = formValues(req.body);
      const again = async (errors: Record<string, string>) => {
        const view = await service.groupPage(actor, req.params.slug);
        return reply.status(422).html(<DocumentFormPage ctx={ctxOf(req)} group={view.group} values={values} errors={errors} />);
      };
      const form = parseForm(DocumentForm, req.body, documentLabels(req), req.locale);
      if (!form.ok) return again(form.errors);
      const v = form.value;
      const done = await attempt(() =>
        service.upload(
          actor,
          req.params.slug,
          { title: v.title, description: v.description ?? '', folder: v.folder ?? '', visibility: v.visibility, note: v.note ?? '' },
          fileFromForm(req.body, 'file'),
          req.locale,
        ),
      );
      if (!done.ok) return again(done.errors);
      return reply.redirect(`${documentPath(done.value)}?hinweis=hochgeladen`, 303);
    });

    typed.post('/netzwerk/dokumente/:id/versionen', { schema: { params: IdParams, body: formBody(VersionForm) } }, async (req, reply) => {
      const actor = networkActor(req);
      const form = parseForm(VersionForm, req.body, { note: t(req)('document.note') }, req.locale);
      const done = form.ok
        ? await attempt(() => service.addVersion(actor, req.params.id, form.value.note ?? '', fileFromForm(req.body, 'file'), req.locale))
        : ({ ok: false, errors: form.errors } as const);
      if (!done.ok)
        return reply.status(422).html(<DocumentPageView ctx={ctxOf(req)} view={await service.documentPage(actor, req.params.id)} errors={done.errors} />);
      return reply.redirect(`${documentPath(req.params.id)}?hinweis=version`, 303);
    });
  });

  app.get('/netzwerk/suche', { schema: { querystring: SearchQuery } }, async (req, reply) => {
    const actor = networkActor(req);
    const query = (req.query.q ?? '').trim();
    const hits = query ? await service.searchDocuments(actor, query) : null;
    return reply.html(<DocumentSearchPage ctx={ctxOf(req)} query={query} hits={hits} />);
  });

  app.get('/netzwerk/dokumente/:id', { schema: { params: IdParams, querystring: NoticeQuery } }, async (req, reply) =>
    reply.html(<DocumentPageView ctx={ctxOf(req)} view={await service.documentPage(req.actor, req.params.id)} notice={notice(req, req.query.hinweis)} />),
  );

  app.post('/netzwerk/dokumente/:id/versionen/:number/wiederherstellen', { schema: { params: VersionParams, body: ButtonForm } }, async (req, reply) => {
    await service.restoreVersion(networkActor(req), req.params.id, Number(req.params.number), req.locale);
    return reply.redirect(`${documentPath(req.params.id)}?hinweis=version`, 303);
  });

  app.get('/netzwerk/dokumente/:id/datei', { schema: { params: IdParams, querystring: FileQuery } }, async (req, reply) => {
    const version = req.query.version && /^[1-9][0-9]{0,5}$/.test(req.query.version) ? Number(req.query.version) : undefined;
    const file = await service.documentFile(req.actor, req.params.id, version);
    // PDFs and images open in the browser; everything else downloads. Sandboxed either way: no script runs on our origin.
    const inline = file.content_type === 'application/pdf' || file.content_type.startsWith('image/');
    return reply
      .type(file.content_type)
      .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', file.visibility === 'public' ? 'public, max-age=300' : 'private, no-store')
      .send(file.bytes);
  });
}
