import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../platform/deps.js';
import { ensure } from '../../platform/auth/guard.js';
import type { Actor } from '../../platform/auth/roles.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, notFound, type FieldErrors } from '../../platform/http/errors.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import type { SearchHit } from '../../platform/search/search.js';
import { deleteImage, imageSize, storeImage, validateImage, type UploadedImage } from '../../platform/media/media.js';
import type { Executor } from '../../db/executor.js';
import { fromBerlinLocal, toBerlinLocal } from '../../platform/time/berlin.js';
import { can } from './newsletter.policy.js';
import {
  deleteNews,
  findNews,
  findPublicNews,
  insertNews,
  listAllNews,
  listPublicNews,
  searchNews,
  setNewsImage,
  updateNews,
  type NewsInput,
  type NewsPost,
} from './news.repository.js';
import { newsMessages } from './news.messages.js';
import { newsTranslatable } from './news.translations.js';
import { cleanTopics } from './subscriptions.service.js';
import { translationEditing } from '../../platform/translations/translatable.js';
import { translationOverview, withTranslation, withTranslations, type TranslationReading } from '../../platform/translations/translations.service.js';

export const newsPageSize = 10;

export const NewsForm = Type.Object({
  title: Type.String({ minLength: 3, maxLength: 200 }),
  teaser: Type.String({ minLength: 10, maxLength: 600 }),
  body: Type.String({ minLength: 1, maxLength: 50_000 }),
  publishedAt: Type.Optional(Type.String({ maxLength: 20 })),
  expiresAt: Type.Optional(Type.String({ maxLength: 20 })),
  imageAlt: Type.Optional(Type.String({ maxLength: 300 })),
  removeImage: Type.Optional(Type.Literal('ja')),
});

/** The image part of the news form: a new upload (or null), its alt text, and whether to drop the old one. */
export interface ImageChange {
  upload: UploadedImage | null;
  alt?: string;
  remove: boolean;
}

/** News posts: editors write, everyone reads what is published and not expired. */
export function createNewsService(deps: AppDeps) {
  const { db } = deps;

  /** Turns the form's wall-clock fields into instants; field errors in the visitor's language. */
  function toInput(
    form: { title: string; teaser: string; body: string; publishedAt?: string; expiresAt?: string },
    topics: string[],
    locale: Locale,
    image: ImageChange,
    hadImage: boolean,
  ): NewsInput {
    const t = newsMessages(locale);
    const errors: FieldErrors = {};
    const problem = image.upload ? validateImage(image.upload) : null;
    if (problem) errors.image = t(problem === 'image.size' ? 'error.imageSize' : 'error.imageType');
    const willHaveImage = !!image.upload || (hadImage && !image.remove);
    if (willHaveImage && !image.alt?.trim()) errors.imageAlt = t('error.alt');
    const publishedAt = form.publishedAt ? fromBerlinLocal(form.publishedAt) : null;
    const expiresAt = form.expiresAt ? fromBerlinLocal(form.expiresAt) : null;
    if (form.publishedAt && !publishedAt) errors.publishedAt = t('error.date');
    if (form.expiresAt && !expiresAt) errors.expiresAt = t('error.date');
    if (publishedAt && expiresAt && expiresAt <= publishedAt) errors.expiresAt = t('error.expiry');
    if (Object.keys(errors).length) throw new AppError('validation_failed', 'Ungültige Eingaben', { fields: errors });
    return { title: form.title, teaser: form.teaser, body: form.body.replace(/\r\n/g, '\n'), topics: cleanTopics(topics), publishedAt, expiresAt };
  }

  /** Stores a new image (stripped of metadata) and drops a replaced or removed one. */
  async function applyImage(trx: Executor, actor: Actor, id: string, oldImageId: string | null, image: ImageChange): Promise<void> {
    if (image.upload) {
      const stored = await storeImage(trx, image.upload, actor.id);
      await setNewsImage(trx, id, stored.id, image.alt!.trim());
      if (oldImageId) await deleteImage(trx, oldImageId);
    } else if (oldImageId && image.remove) {
      await setNewsImage(trx, id, null, null);
      await deleteImage(trx, oldImageId);
    } else if (oldImageId) {
      await setNewsImage(trx, id, oldImageId, image.alt!.trim());
    }
  }

  async function findForEditor(actor: Actor, id: string) {
    ensure(can(actor, 'news.edit'));
    const post = await findNews(db, id);
    if (!post) throw notFound('Neuigkeit');
    return post;
  }

  return {
    /** A page of public posts in the visitor's language where translated (German elsewhere). */
    async listPublic(topic: string | undefined, page: number, locale: Locale, reading?: TranslationReading) {
      const { posts, total } = await listPublicNews(db, { topic, limit: newsPageSize, offset: (page - 1) * newsPageSize });
      return { posts: await withTranslations(db, newsTranslatable, locale, posts, reading), total };
    },
    async findPublic(id: string, locale: Locale, reading?: TranslationReading) {
      const post = await findPublicNews(db, id);
      return post && withTranslation(db, newsTranslatable, locale, post, reading);
    },
    imageSize: (id: string) => imageSize(db, id),
    latest: async (limit: number) => (await listPublicNews(db, { limit, offset: 0 })).posts,

    /** The form of a new post starts published now; editors only. */
    newPostValues(actor: Actor): Record<string, string> {
      ensure(can(actor, 'news.edit'));
      return { publishedAt: toBerlinLocal(new Date()) };
    },
    async listForEditor(actor: Actor) {
      ensure(can(actor, 'news.edit'));
      return listAllNews(db);
    },
    findForEditor,
    /** The post's languages for the "Übersetzungen" section of its edit page. */
    async translations(actor: Actor, post: NewsPost) {
      ensure(can(actor, 'news.edit'));
      return translationOverview(db, newsTranslatable, post);
    },
    /** The translation form's view of posts: editors and admins translate, and publish at once. */
    translationEditing: translationEditing(newsTranslatable, 'neuigkeit', async (actor, id) => {
      const post = await findForEditor(actor, id);
      return { record: post, title: post.title, backPath: `/verwaltung/neuigkeiten/${id}`, publicPath: `/neuigkeiten/${id}`, publishes: true };
    }),
    async create(actor: Actor, form: Parameters<typeof toInput>[0], topics: string[], locale: Locale, image: ImageChange): Promise<string> {
      ensure(can(actor, 'news.edit'));
      const input = toInput(form, topics, locale, image, false);
      return db.transaction().execute(async (trx) => {
        const id = await insertNews(trx, input, actor.id);
        await applyImage(trx, actor, id, null, image);
        await recordAudit(trx, { actorId: actor.id, action: 'news.created', subjectType: 'news_post', subjectId: id, details: { title: input.title } });
        return id;
      });
    },
    async update(actor: Actor, id: string, form: Parameters<typeof toInput>[0], topics: string[], locale: Locale, image: ImageChange): Promise<void> {
      ensure(can(actor, 'news.edit'));
      const existing = await findNews(db, id);
      if (!existing) throw notFound('Neuigkeit');
      const input = toInput(form, topics, locale, image, !!existing.imageId);
      await db.transaction().execute(async (trx) => {
        if (!(await updateNews(trx, id, input))) throw notFound('Neuigkeit');
        await applyImage(trx, actor, id, existing.imageId, image);
        await recordAudit(trx, { actorId: actor.id, action: 'news.updated', subjectType: 'news_post', subjectId: id, details: { title: input.title } });
      });
    },
    async remove(actor: Actor, id: string): Promise<void> {
      ensure(can(actor, 'news.edit'));
      const existing = await findNews(db, id);
      await db.transaction().execute(async (trx) => {
        if (!(await deleteNews(trx, id))) throw notFound('Neuigkeit');
        if (existing?.imageId) await deleteImage(trx, existing.imageId);
        await recordAudit(trx, { actorId: actor.id, action: 'news.deleted', subjectType: 'news_post', subjectId: id });
      });
    },
    /** The site search provider. */
    async search(query: string, _locale: Locale, limit: number): Promise<SearchHit[]> {
      if (!query.trim()) return [];
      const posts = await searchNews(db, query, limit);
      return posts.map((p) => ({ title: p.title, url: `/neuigkeiten/${p.id}`, excerpt: p.teaser }));
    },
  };
}

export type NewsService = ReturnType<typeof createNewsService>;
