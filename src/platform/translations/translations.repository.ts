import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { TranslationState } from '../../db/tables/translations.js';

/** Queries of the content translations (one row per record, language, field and state). */

export interface RecordKey {
  kind: string;
  id: string;
  locale: string;
}

export interface StoredTranslation {
  locale: string;
  field: string;
  state: TranslationState;
  text: string;
  sourceDigest: string;
  updatedAt: Date;
}

/** The published texts of many records in one language: one query for a whole list page. */
export async function publishedTexts(db: Executor, kind: string, ids: readonly string[], locale: string) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('content_translations')
    .select(['entity_id', 'field', 'text'])
    .where('kind', '=', kind)
    .where('entity_id', 'in', [...new Set(ids)])
    .where('locale', '=', locale)
    .where('state', '=', 'published')
    .execute();
}

/** Every translation of one record, in every language and state. */
export async function translationsOf(db: Executor, kind: string, id: string): Promise<StoredTranslation[]> {
  const rows = await db
    .selectFrom('content_translations')
    .select(['locale', 'field', 'state', 'text', 'source_digest', 'updated_at'])
    .where('kind', '=', kind)
    .where('entity_id', '=', id)
    .execute();
  return rows.map((r) => ({ locale: r.locale, field: r.field, state: r.state, text: r.text, sourceDigest: r.source_digest, updatedAt: r.updated_at }));
}

/** The texts of one language and state become exactly `texts`. */
export async function replaceTexts(
  trx: Executor,
  key: RecordKey,
  state: TranslationState,
  texts: readonly { field: string; text: string; sourceDigest: string }[],
  actorId: string,
): Promise<void> {
  await deleteTexts(trx, key, state);
  if (texts.length === 0) return;
  await trx
    .insertInto('content_translations')
    .values(
      texts.map((t) => ({
        kind: key.kind,
        entity_id: key.id,
        locale: key.locale,
        field: t.field,
        state,
        text: t.text,
        source_digest: t.sourceDigest,
        updated_by: actorId,
        updated_at: sql<Date>`now()`,
      })),
    )
    .execute();
}

/** Deletes one language of a record (one state, or both); returns how many fields went. */
export async function deleteTexts(trx: Executor, key: RecordKey, state?: TranslationState): Promise<number> {
  let query = trx.deleteFrom('content_translations').where('kind', '=', key.kind).where('entity_id', '=', key.id).where('locale', '=', key.locale);
  if (state) query = query.where('state', '=', state);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Proposed translations of one kind waiting for review, oldest first: which record, which language, since when. */
export async function waitingProposals(db: Executor, kind: string, limit: number): Promise<{ entityId: string; locale: string; proposedAt: Date }[]> {
  const rows = await db
    .selectFrom('content_translations')
    .select(['entity_id', 'locale'])
    .select((eb) => eb.fn.max('updated_at').as('proposed_at'))
    .where('kind', '=', kind)
    .where('state', '=', 'proposed')
    .groupBy(['entity_id', 'locale'])
    .orderBy('proposed_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ entityId: r.entity_id, locale: r.locale, proposedAt: r.proposed_at }));
}
