import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import { requireActor } from '../../platform/auth/guard.js';
import type { CityProfile } from '../../platform/city.js';
import { pageContext } from '../../platform/http/context.js';
import { notFound } from '../../platform/http/errors.js';
import { attempt, formValues, parseForm } from '../../platform/http/forms.js';
import { ButtonForm, formBody, IdParams, NoQuery, pageQuery, QueryText, type RouteApp } from '../../platform/http/routes.js';
import { toBerlinLocal } from '../../platform/time/berlin.js';
import { atomFeed, rssFeed, type Feed } from './feeds.js';
import { can } from './newsletter.policy.js';
import { checkedTopics } from './newsletter.schemas.js';
import { newsMessages } from './news.messages.js';
import type { NewsPost } from './news.repository.js';
import { imageFromForm } from '../../platform/media/media.js';
import { acceptMultipart, type UploadLimits } from '../../platform/media/uploads.js';
import { NewsForm, type ImageChange, type NewsService } from './news.service.js';
import { newsletterTopics } from './subscribe.messages.js';
import { NewsAdminListPage, NewsFormPage } from './views/news-editor.js';
import { NewsListPage, NewsPostPage } from './views/news-public.js';
import { TranslationsSection } from '../../platform/translations/views/translations-section.js';

/*
 * Routes of the news (HTML and feeds):
 *   GET       /neuigkeiten?thema=&seite=        list, topic filter, pages
 *   GET       /neuigkeiten/feed.rss | feed.atom newest 30 posts
 *   GET       /neuigkeiten/:id                  one post (NewsArticle JSON-LD)
 *   GET       /verwaltung/neuigkeiten           editors: all posts
 *   GET  POST /verwaltung/neuigkeiten/neu       write a post
 *   GET  POST /verwaltung/neuigkeiten/:id       edit it
 *        POST /verwaltung/neuigkeiten/:id/loeschen
 * Translations of a post: the platform's form at /uebersetzungen/neuigkeit/:id/:sprache (news.translations.ts).
 */
/** The news form: a handful of fields and topic boxes; the body at most 50,000 characters. */
const newsUploadLimits: UploadLimits = { files: 1, fields: 60, fieldBytes: 256 * 1024 };

const imageChange = (body: unknown, form: { imageAlt?: string; removeImage?: 'ja' }): ImageChange => ({
  upload: imageFromForm(body, 'image'),
  alt: form.imageAlt,
  remove: form.removeImage === 'ja',
});

export function registerNewsPages(app: RouteApp, service: NewsService, city: CityProfile, config: Config): void {
  const ctxOf = (req: FastifyRequest) => pageContext(req, city);
  const labels = (req: FastifyRequest) => {
    const t = newsMessages(req.locale);
    return { title: t('field.title'), teaser: t('field.teaser'), body: t('field.body'), publishedAt: t('field.publishedAt'), expiresAt: t('field.expiresAt') };
  };
  const validTopic = (topic?: string) => (topic && (newsletterTopics as readonly string[]).includes(topic) ? topic : undefined);

  app.get(
    '/neuigkeiten',
    { schema: { querystring: pageQuery({ thema: QueryText(), seite: QueryText() }) }, config: { pageCache: true } },
    async (req, reply) => {
      const topic = validTopic(req.query.thema);
      const page = Math.min(Math.max(1, Number.parseInt(req.query.seite ?? '1', 10) || 1), 10_000);
      const { posts, total } = await service.listPublic(topic, page, req.locale, { contentVersion: req.pageCacheVersion });
      const pages = Math.max(1, Math.ceil(total / 10));
      return reply.html(<NewsListPage ctx={ctxOf(req)} posts={posts} total={total} topic={topic} page={page} pages={pages} />);
    },
  );

  const feed = async (): Promise<Feed> => {
    const posts = await service.latest(30);
    return {
      title: newsMessages('de')('feed.title', { portal: city.portalName }),
      description: newsMessages('de')('list.intro'),
      link: `${config.publicUrl}/neuigkeiten`,
      self: '',
      items: posts.map((p: NewsPost) => ({
        id: p.id,
        title: p.title,
        summary: p.teaser,
        link: `${config.publicUrl}/neuigkeiten/${p.id}`,
        published: p.publishedAt!,
        updated: p.updatedAt,
      })),
    };
  };
  app.get('/neuigkeiten/feed.rss', { schema: { querystring: NoQuery } }, async (_req, reply) =>
    reply.type('application/rss+xml; charset=utf-8').send(rssFeed({ ...(await feed()), self: `${config.publicUrl}/neuigkeiten/feed.rss` })),
  );
  app.get('/neuigkeiten/feed.atom', { schema: { querystring: NoQuery } }, async (_req, reply) =>
    reply.type('application/atom+xml; charset=utf-8').send(atomFeed({ ...(await feed()), self: `${config.publicUrl}/neuigkeiten/feed.atom` })),
  );

  app.get('/neuigkeiten/:id', { schema: { params: IdParams, querystring: NoQuery }, config: { pageCache: true } }, async (req, reply) => {
    const post = await service.findPublic(req.params.id, req.locale, { contentVersion: req.pageCacheVersion });
    if (!post) throw notFound('Neuigkeit');
    const image = post.shown.imageId ? await service.imageSize(post.shown.imageId) : undefined;
    return reply.html(<NewsPostPage ctx={ctxOf(req)} post={post} publicUrl={config.publicUrl} image={image} />);
  });

  // --- editors ---------------------------------------------------------------------------
  app.get('/verwaltung/neuigkeiten', { schema: { querystring: pageQuery({ geloescht: QueryText() }) } }, async (req, reply) => {
    const posts = await service.listForEditor(requireActor(req));
    return reply.html(<NewsAdminListPage ctx={ctxOf(req)} posts={posts} notice={req.query.geloescht ? newsMessages(req.locale)('edit.deleted') : undefined} />);
  });
  app.get('/verwaltung/neuigkeiten/neu', { schema: { querystring: NoQuery } }, async (req, reply) => {
    return reply.html(<NewsFormPage ctx={ctxOf(req)} values={service.newPostValues(requireActor(req))} />);
  });
  const createFromForm = async (req: FastifyRequest, reply: FastifyReply) => {
    const actor = requireActor(req);
    const values = formValues(req.body);
    const form = parseForm(NewsForm, req.body, labels(req), req.locale);
    if (!form.ok) return reply.status(422).html(<NewsFormPage ctx={ctxOf(req)} values={values} errors={form.errors} />);
    const result = await attempt(() => service.create(actor, form.value, checkedTopics(values), req.locale, imageChange(req.body, form.value)));
    if (!result.ok) return reply.status(422).html(<NewsFormPage ctx={ctxOf(req)} values={values} errors={result.errors} />);
    return reply.redirect(`/verwaltung/neuigkeiten/${result.value}?gespeichert=1`, 303);
  };

  app.get('/verwaltung/neuigkeiten/:id', { schema: { params: IdParams, querystring: pageQuery({ gespeichert: QueryText() }) } }, async (req, reply) => {
    const actor = requireActor(req);
    const post = await service.findForEditor(actor, req.params.id);
    const languages = await service.translations(actor, post);
    const values: Record<string, string> = {
      title: post.title,
      teaser: post.teaser,
      body: post.body,
      publishedAt: post.publishedAt ? toBerlinLocal(post.publishedAt) : '',
      expiresAt: post.expiresAt ? toBerlinLocal(post.expiresAt) : '',
      ...Object.fromEntries(post.topics.map((key) => [`topic_${key}`, 'ja'])),
    };
    return reply.html(
      <NewsFormPage
        ctx={ctxOf(req)}
        id={post.id}
        values={{ ...values, imageAlt: post.imageAlt ?? '' }}
        saved={req.query.gespeichert === '1'}
        image={post.imageId ? { id: post.imageId, alt: post.imageAlt ?? '' } : undefined}
        translations={<TranslationsSection ctx={ctxOf(req)} slug={service.translationEditing.slug} id={post.id} languages={languages} />}
      />,
    );
  });
  const updateFromForm = async (req: FastifyRequest, id: string, reply: FastifyReply) => {
    const actor = requireActor(req);
    const values = formValues(req.body);
    const form = parseForm(NewsForm, req.body, labels(req), req.locale);
    if (!form.ok) {
      const existing = await service.findForEditor(actor, id);
      return reply
        .status(422)
        .html(
          <NewsFormPage
            ctx={ctxOf(req)}
            id={id}
            values={values}
            errors={form.errors}
            image={existing.imageId ? { id: existing.imageId, alt: existing.imageAlt ?? '' } : undefined}
          />,
        );
    }
    const result = await attempt(() => service.update(actor, id, form.value, checkedTopics(values), req.locale, imageChange(req.body, form.value)));
    if (!result.ok) {
      const existing = await service.findForEditor(actor, id);
      return reply
        .status(422)
        .html(
          <NewsFormPage
            ctx={ctxOf(req)}
            id={id}
            values={values}
            errors={result.errors}
            image={existing.imageId ? { id: existing.imageId, alt: existing.imageAlt ?? '' } : undefined}
          />,
        );
    }
    return reply.redirect(`/verwaltung/neuigkeiten/${id}?gespeichert=1`, 303);
  };
  acceptMultipart(app, { limits: newsUploadLimits, who: (actor) => can(actor, 'news.edit') }, (scope) => {
    const uploads = scope.withTypeProvider<TypeBoxTypeProvider>();
    uploads.post('/verwaltung/neuigkeiten/neu', { schema: { body: formBody(NewsForm) } }, createFromForm);
    uploads.post('/verwaltung/neuigkeiten/:id', { schema: { params: IdParams, body: formBody(NewsForm) } }, (req, reply) =>
      updateFromForm(req, req.params.id, reply),
    );
  });
  app.post('/verwaltung/neuigkeiten/:id/loeschen', { schema: { params: IdParams, body: ButtonForm } }, async (req, reply) => {
    await service.remove(requireActor(req), req.params.id);
    return reply.redirect('/verwaltung/neuigkeiten?geloescht=1', 303);
  });
}
