import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/roles.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import type { SearchHit } from '../../platform/search/search.js';
import { authorize } from './content.policy.js';
import * as repo from './content.repository.js';
import type { StoredPage } from './content.repository.js';
import { contentPageInfo, contentPages, easyLanguagePages, pageLocales, type ContentPageInfo, type ContentSlug, type PageInput } from './content.schemas.js';
import { markdownToText } from './markdown.js';

export type { StoredPage };

export interface PublicPage {
  page: StoredPage;
  info: ContentPageInfo;
  /** True when the visitor's language has no version and the German one is shown. */
  fallback: boolean;
}

/** A page in Leichte Sprache as the overview links it: its path and its current (German) title. */
export interface EasyLanguageLink {
  path: string;
  title: string;
}

export interface EditorListEntry {
  info: ContentPageInfo;
  locale: Locale;
  page: StoredPage | undefined;
}

export type SaveResult = { ok: true; version: number } | { ok: false; current: StoredPage | undefined };

export type ContentService = ReturnType<typeof createContentService>;

/** Longest excerpt shown under a search hit, in characters. */
const excerptLength = 200;

/** Up to `length` characters of `text` around the first place one of the words occurs. */
export function excerptAround(text: string, words: string[], length = excerptLength): string {
  const lower = text.toLocaleLowerCase('de');
  const positions = words.map((w) => lower.indexOf(w.toLocaleLowerCase('de'))).filter((i) => i >= 0);
  const hit = positions.length ? Math.min(...positions) : 0;
  let start = Math.max(0, hit - Math.floor(length / 3));
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  let end = Math.min(text.length, start + length);
  if (end < text.length) end = text.lastIndexOf(' ', end) > start ? text.lastIndexOf(' ', end) : end;
  return `${start > 0 ? '… ' : ''}${text.slice(start, end).trim()}${end < text.length ? ' …' : ''}`;
}

/** Reading, editing and finding the legal and help pages. */
export function createContentService({ db }: { db: Kysely<DB> }) {
  return {
    /** The page in the visitor's language, or the German one when that language has none (Leichte Sprache: always German). */
    async getPublicPage(slug: ContentSlug, locale: Locale): Promise<PublicPage | null> {
      const info = contentPageInfo(slug);
      if (info.easyLanguage) {
        const page = await repo.findPage(db, slug, 'de');
        return page ? { page, info, fallback: false } : null;
      }
      const own = await repo.findPage(db, slug, locale);
      if (own) return { page: own, info, fallback: false };
      const german = locale === 'de' ? undefined : await repo.findPage(db, slug, 'de');
      return german ? { page: german, info, fallback: true } : null;
    },

    /** Every page in every language, including those not written yet. */
    async listForEditor(actor: Actor | null): Promise<EditorListEntry[]> {
      authorize(actor, 'pages.edit');
      const stored = await repo.listPages(db);
      return contentPages.flatMap((info) =>
        pageLocales(info).map((locale) => ({ info, locale, page: stored.find((p) => p.slug === info.slug && p.locale === locale) })),
      );
    },

    /** The pages in Leichte Sprache that exist, in the order of the overview. */
    async easyLanguageLinks(): Promise<EasyLanguageLink[]> {
      const stored = await repo.findPages(
        db,
        easyLanguagePages.map((p) => p.slug),
        'de',
      );
      return easyLanguagePages.flatMap((info) => {
        const page = stored.find((p) => p.slug === info.slug);
        return page ? [{ path: info.path, title: page.title }] : [];
      });
    },

    async getForEditing(actor: Actor | null, slug: ContentSlug, locale: Locale): Promise<StoredPage | undefined> {
      authorize(actor, 'pages.edit');
      return repo.findPage(db, slug, locale);
    },

    /**
     * Saves an edit unless someone else saved the page after the editor opened it (version 0:
     * the page did not exist yet). The audit entry is written in the same transaction.
     */
    async savePage(actor: Actor | null, target: { slug: ContentSlug; locale: Locale }, input: PageInput, expectedVersion: number): Promise<SaveResult> {
      authorize(actor, 'pages.edit');
      const change = { ...target, title: input.title, body: input.body, actorId: actor.id };
      const version = await db.transaction().execute(async (trx) => {
        const saved = expectedVersion === 0 ? await repo.insertPageIfMissing(trx, change) : await repo.updatePageIfVersion(trx, change, expectedVersion);
        if (saved === undefined) return undefined;
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'content.page_updated',
          subjectType: 'content_page',
          subjectId: `${target.slug}/${target.locale}`,
          details: { version: saved },
        });
        return saved;
      });
      if (version !== undefined) return { ok: true, version };
      return { ok: false, current: await repo.findPage(db, target.slug, target.locale) };
    },

    /** The site search's view of these pages: every word must occur in the title or the text. */
    async search(query: string, locale: Locale, limit: number): Promise<SearchHit[]> {
      const words = query.replaceAll('·', '').split(/\s+/).filter(Boolean).slice(0, 8);
      const found = await repo.searchPages(
        db,
        words,
        locale,
        contentPages.map((p) => p.slug),
        limit,
      );
      return found.map((page) => ({ title: page.title, url: contentPageInfo(page.slug).path, excerpt: excerptAround(markdownToText(page.body), words) }));
    },
  };
}
