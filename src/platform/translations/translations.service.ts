import type { Kysely } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { DB } from '../../db/types.js';
import { recordAudit } from '../audit/audit.js';
import type { Actor } from '../auth/roles.js';
import { ensure } from '../auth/guard.js';
import { AppError } from '../http/errors.js';
import type { Locale } from '../i18n/i18n.js';
import {
  digestOf,
  germanTexts,
  translationLocales,
  type Translatable,
  type TranslationEditing,
  type TranslationLocale,
  type TranslationSubject,
} from './translatable.js';
import { presenceOf } from './presence.js';
import { deleteTexts, publishedTexts, replaceTexts, translationsOf, waitingProposals, type StoredTranslation } from './translations.repository.js';

/** A record as a visitor reads it: translated where its language has a translation, German elsewhere. */
export interface Translated<T> {
  shown: T;
  /** Fields shown in German although the visitor reads another language (empty for German visitors). */
  german: ReadonlySet<string>;
  /** 'full': all of it is German for a visitor of another language; 'partial': some fields are. */
  fallback: 'none' | 'partial' | 'full';
}

/** What a page knows that saves a query: the content version it was read under (req.pageCacheVersion). */
export interface TranslationReading {
  contentVersion?: number | null;
}

/**
 * Lays the visitor's language over records: one query however many records (a list page), none for
 * German, and none when the page knows its content version and nothing of this kind is translated
 * into this language (see presence.ts).
 */
export async function withTranslations<T>(
  db: Executor,
  translatable: Translatable<T>,
  locale: Locale,
  records: readonly T[],
  reading: TranslationReading = {},
): Promise<Translated<T>[]> {
  const rows = (await mayHaveTranslations(db, translatable.kind, locale, reading))
    ? await publishedTexts(db, translatable.kind, records.map(translatable.idOf), locale)
    : [];
  const texts = new Map<string, string>(rows.map((r) => [`${r.entity_id} ${r.field}`, r.text]));
  return records.map((record) => {
    if (locale === 'de') return { shown: record, german: new Set<string>(), fallback: 'none' };
    let shown = record;
    let translated = 0;
    const german = new Set<string>();
    for (const field of translatable.fields) {
      if (!field.german(record)?.trim()) continue;
      const text = texts.get(`${translatable.idOf(record)} ${field.name}`);
      if (!text) {
        german.add(field.name);
        continue;
      }
      shown = field.show(shown, text);
      translated++;
    }
    return { shown, german, fallback: german.size === 0 ? 'none' : translated === 0 ? 'full' : 'partial' };
  });
}

export async function withTranslation<T>(
  db: Executor,
  translatable: Translatable<T>,
  locale: Locale,
  record: T,
  reading: TranslationReading = {},
): Promise<Translated<T>> {
  return (await withTranslations(db, translatable, locale, [record], reading))[0]!;
}

async function mayHaveTranslations(db: Executor, kind: string, locale: Locale, { contentVersion }: TranslationReading): Promise<boolean> {
  if (locale === 'de') return false;
  if (contentVersion === undefined || contentVersion === null) return true;
  return presenceOf(db).has(kind, locale, contentVersion);
}

/** One language of a record on its edit page. */
export interface LanguageStatus {
  locale: TranslationLocale;
  /** The translation visitors see; `current` is false when a German text changed since (or gained a field). */
  published?: { updatedAt: Date; current: boolean };
  /** A change waiting for an editor's review. */
  proposed?: { updatedAt: Date };
}

const latest = (rows: StoredTranslation[]) => new Date(Math.max(...rows.map((r) => r.updatedAt.getTime())));

/** Every language of a record: translated or not, up to date or not, a proposal waiting or not. */
export async function translationOverview<T>(db: Executor, translatable: Translatable<T>, record: T): Promise<LanguageStatus[]> {
  const german = germanTexts(translatable, record);
  const stored = await translationsOf(db, translatable.kind, translatable.idOf(record));
  return translationLocales.map((locale) => {
    const published = stored.filter((r) => r.locale === locale && r.state === 'published');
    const proposed = stored.filter((r) => r.locale === locale && r.state === 'proposed');
    const current = Object.entries(german).every(([field, text]) => published.find((r) => r.field === field)?.sourceDigest === digestOf(text));
    return {
      locale,
      ...(published.length ? { published: { updatedAt: latest(published), current } } : {}),
      ...(proposed.length ? { proposed: { updatedAt: latest(proposed) } } : {}),
    };
  });
}

/** Proposals of one kind waiting for review, oldest first (for the module's review queue). */
export function proposalsWaiting(db: Executor, kind: string, limit = 100) {
  return waitingProposals(db, kind, limit);
}

/** One language of a record as the translation form shows it. */
export interface TranslationDraft {
  subject: TranslationSubject;
  published: ReadonlyMap<string, StoredTranslation>;
  proposed: ReadonlyMap<string, StoredTranslation>;
}

const byField = (rows: StoredTranslation[]) => new Map(rows.map((r) => [r.field, r]));

/**
 * Writing translations. The module's `open` decides who may (and whether it is published at once or
 * proposed for review); each change is in the audit log, written in the same transaction.
 */
export function createTranslationEditor(db: Kysely<DB>) {
  async function load(editing: TranslationEditing, actor: Actor, id: string, locale: TranslationLocale): Promise<TranslationDraft> {
    const subject = await editing.open(actor, id);
    const stored = (await translationsOf(db, editing.kind, id)).filter((r) => r.locale === locale);
    return {
      subject,
      published: byField(stored.filter((r) => r.state === 'published')),
      proposed: byField(stored.filter((r) => r.state === 'proposed')),
    };
  }

  const auditEntry = (actor: Actor, editing: TranslationEditing, id: string, locale: TranslationLocale, subject: TranslationSubject) => ({
    actorId: actor.id,
    subjectType: editing.kind,
    subjectId: id,
    details: { locale, title: subject.title },
  });

  return {
    load,

    /**
     * Saves one language: published at once for those who publish (an editor's save also settles a
     * waiting proposal), else proposed for review. `texts` must hold every field that has German text.
     */
    async save(
      editing: TranslationEditing,
      actor: Actor,
      id: string,
      locale: TranslationLocale,
      texts: Record<string, string>,
    ): Promise<'published' | 'proposed'> {
      const { subject } = await load(editing, actor, id, locale);
      const rows = Object.entries(subject.german).map(([field, german]) => ({ field, text: texts[field]?.trim() ?? '', sourceDigest: digestOf(german) }));
      if (rows.some((r) => !r.text)) throw new AppError('validation_failed', 'Übersetzung unvollständig');
      const state = subject.publishes ? 'published' : 'proposed';
      await db.transaction().execute(async (trx) => {
        const key = { kind: editing.kind, id, locale };
        await replaceTexts(trx, key, state, rows, actor.id);
        if (state === 'published') await deleteTexts(trx, key, 'proposed');
        await recordAudit(trx, {
          ...auditEntry(actor, editing, id, locale, subject),
          action: state === 'proposed' ? 'translation.proposed' : 'translation.saved',
        });
      });
      return state;
    },

    /** Deletes one language of a record, published and proposed: visitors see German again. */
    async remove(editing: TranslationEditing, actor: Actor, id: string, locale: TranslationLocale): Promise<void> {
      const { subject } = await load(editing, actor, id, locale);
      await db.transaction().execute(async (trx) => {
        if ((await deleteTexts(trx, { kind: editing.kind, id, locale })) === 0) return;
        await recordAudit(trx, { ...auditEntry(actor, editing, id, locale, subject), action: 'translation.deleted' });
      });
    },

    /** An editor turns a proposal down; the published translation (if any) stays. */
    async discardProposal(editing: TranslationEditing, actor: Actor, id: string, locale: TranslationLocale): Promise<void> {
      const { subject } = await load(editing, actor, id, locale);
      ensure(subject.publishes);
      await db.transaction().execute(async (trx) => {
        if ((await deleteTexts(trx, { kind: editing.kind, id, locale }, 'proposed')) === 0) return;
        await recordAudit(trx, { ...auditEntry(actor, editing, id, locale, subject), action: 'translation.proposal_discarded' });
      });
    },
  };
}

export type TranslationEditor = ReturnType<typeof createTranslationEditor>;
