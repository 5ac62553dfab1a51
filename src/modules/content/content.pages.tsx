import type { FastifyRequest } from 'fastify';
import type { CityProfile } from '../../platform/city.js';
import { requireActor } from '../../platform/auth/guard.js';
import { pageContext, type PageContext } from '../../platform/http/context.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { formValues, parseForm } from '../../platform/http/forms.js';
import { formBody, NoQuery, type RouteApp } from '../../platform/http/routes.js';
import { contentMessages } from './content.messages.js';
import { authorize } from './content.policy.js';
import { contentPageInfo, contentPages, EditParams, editTarget, PageForm, parseVersion, SavedQuery, type ContentSlug } from './content.schemas.js';
import type { ContentService } from './content.service.js';
import type { SignLanguageService } from './sign-language/sign-language.service.js';
import { SignLanguageVideos } from './sign-language/views/sign-language-videos.js';
import { EasyLanguageIndex } from './views/easy-language.js';
import { EditPageForm, PageListPage } from './views/editor-pages.js';
import { PublicContentPage } from './views/public-page.js';

/*
 * Routes of the content module's pages (HTML):
 *   GET       /impressum, /datenschutz, /barrierefreiheit, /gebaerdensprache (with the videos)
 *   GET       /leichte-sprache                        overview of the pages in Leichte Sprache
 *   GET       /leichte-sprache/familienrathaus, …/angebote, …/veranstaltungen, …/ferienbetreuung,
 *             …/befragung, …/familienbuero, …/bedienung, …/barrierefreiheit
 *   GET       /verwaltung/seiten                      editors: list of pages and languages
 *   GET  POST /verwaltung/seiten/:slug/:locale        editors: edit one page in one language
 */
export function registerContentPages(app: RouteApp, service: ContentService, signLanguage: SignLanguageService, city: CityProfile): void {
  const ctxOf = (req: FastifyRequest) => pageContext(req, city);
  /** What a page shows between its heading and its text: the topics in Leichte Sprache, the videos. */
  const leads: Partial<Record<ContentSlug, (ctx: PageContext) => Promise<JSX.Element>>> = {
    'leichte-sprache': async (ctx) => <EasyLanguageIndex ctx={ctx} links={await service.easyLanguageLinks()} />,
    gebaerdensprache: async (ctx) => <SignLanguageVideos ctx={ctx} videos={await signLanguage.list()} />,
  };

  for (const { slug, path } of contentPages) {
    app.get(path, { schema: { querystring: NoQuery }, config: { pageCache: true } }, async (req, reply) => {
      const shown = await service.getPublicPage(slug, req.locale);
      if (!shown) throw notFound();
      const ctx = ctxOf(req);
      return reply.html(<PublicContentPage ctx={ctx} shown={shown} lead={await leads[slug]?.(ctx)} />);
    });
  }

  app.get('/verwaltung/seiten', { schema: { querystring: SavedQuery } }, async (req, reply) => {
    const entries = await service.listForEditor(requireActor(req));
    const [slug, locale] = (req.query.gespeichert ?? '').split('/');
    const target = editTarget({ slug, locale });
    const saved = target && entries.find((e) => e.info.slug === target.slug && e.locale === target.locale)?.page;
    return reply.html(<PageListPage ctx={ctxOf(req)} entries={entries} saved={saved ? { page: saved } : undefined} />);
  });

  app.get('/verwaltung/seiten/:slug/:locale', { schema: { params: EditParams, querystring: NoQuery } }, async (req, reply) => {
    const actor = requireActor(req);
    authorize(actor, 'pages.edit');
    const target = editTarget(req.params);
    if (!target) throw notFound();
    const stored = await service.getForEditing(actor, target.slug, target.locale);
    return reply.html(
      <EditPageForm
        ctx={ctxOf(req)}
        info={contentPageInfo(target.slug)}
        locale={target.locale}
        stored={stored}
        values={{ title: stored?.title, body: stored?.body }}
        version={stored?.version ?? 0}
      />,
    );
  });

  app.post('/verwaltung/seiten/:slug/:locale', { schema: { params: EditParams, body: formBody(PageForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    // Refuse before looking at the form, so a non-editor learns nothing from validation messages.
    authorize(actor, 'pages.edit');
    const target = editTarget(req.params);
    if (!target) throw notFound();
    const t = contentMessages(req.locale);
    const info = contentPageInfo(target.slug);
    const version = parseVersion(formValues(req.body).version);
    if (version === null) throw new AppError('validation_failed', t('error.version'));

    const form = parseForm(PageForm, req.body, { title: t('field.title'), body: t('field.body') }, req.locale);
    if (!form.ok) {
      // Our own wording: the generic messages read badly with these labels.
      const length = (name: 'title' | 'body') => form.values[name]?.trim().length ?? 0;
      if (form.errors.title) form.errors.title = length('title') ? t('error.titleTooLong', { count: length('title') }) : t('error.titleMissing');
      if (form.errors.body) form.errors.body = length('body') ? t('error.bodyTooLong', { count: length('body') }) : t('error.bodyMissing');
      const stored = await service.getForEditing(actor, target.slug, target.locale);
      const page = (
        <EditPageForm ctx={ctxOf(req)} info={info} locale={target.locale} stored={stored} values={form.values} version={version} errors={form.errors} />
      );
      return reply.status(422).html(page);
    }

    const result = await service.savePage(actor, target, form.value, version);
    if (!result.ok) {
      // Keep the editor's text; the form now carries the current version, so saving again is a deliberate overwrite.
      const current = result.current;
      const page = (
        <EditPageForm
          ctx={ctxOf(req)}
          info={info}
          locale={target.locale}
          stored={current}
          values={formValues(req.body)}
          version={current?.version ?? 0}
          conflict={current}
        />
      );
      return reply.status(409).html(page);
    }
    return reply.redirect(`/verwaltung/seiten?gespeichert=${target.slug}/${target.locale}`, 303);
  });
}
