import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { NetworkVisibility } from '../../db/tables/network.js';

/** Queries of the network's documents: files with versions, their text and the full-text search. */

export function findDocument(db: Executor, id: string) {
  return db
    .selectFrom('network_documents as d')
    .innerJoin('network_groups as g', 'g.id', 'd.group_id')
    .select([
      'd.id',
      'd.group_id',
      'd.folder',
      'd.title',
      'd.description',
      'd.visibility',
      'd.current_version',
      'd.updated_at',
      'g.slug as group_slug',
      'g.name as group_name',
      'g.access as group_access',
    ])
    .where('d.id', '=', id)
    .executeTakeFirst();
}

export function groupDocuments(db: Executor, groupId: string, limit = 50) {
  return db
    .selectFrom('network_documents')
    .select(['id', 'folder', 'title', 'visibility', 'current_version', 'updated_at'])
    .where('group_id', '=', groupId)
    .orderBy('folder')
    .orderBy('updated_at', 'desc')
    .limit(limit)
    .execute();
}

/** Every document of a group by title, for choosing one (an agenda item's). */
export function documentChoices(db: Executor, groupId: string, limit = 300) {
  return db
    .selectFrom('network_documents')
    .select(['id', 'title', 'folder'])
    .where('group_id', '=', groupId)
    .orderBy('folder')
    .orderBy('title')
    .limit(limit)
    .execute();
}

/** Documents every visitor may see, for the public page. */
export function publicDocuments(db: Executor, limit = 20) {
  return db
    .selectFrom('network_documents as d')
    .innerJoin('network_groups as g', 'g.id', 'd.group_id')
    .select(['d.id', 'd.title', 'd.updated_at', 'd.group_id'])
    .where('d.visibility', '=', 'public')
    .where('g.access', '!=', 'private')
    .orderBy('d.updated_at', 'desc')
    .limit(limit)
    .execute();
}

export async function insertDocument(
  trx: Executor,
  input: { group_id: string; folder: string; title: string; description: string; visibility: NetworkVisibility; created_by: string },
): Promise<string> {
  return (await trx.insertInto('network_documents').values(input).returning('id').executeTakeFirstOrThrow()).id;
}

/** Adds the next version (numbered under the document's row lock, so two uploads get two numbers) and makes it current. */
export async function addVersion(
  trx: Executor,
  documentId: string,
  file: { filename: string; content_type: string; bytes: Buffer; note: string; uploaded_by: string },
): Promise<number> {
  await trx.selectFrom('network_documents').select('id').where('id', '=', documentId).forUpdate().executeTakeFirstOrThrow();
  const last = await trx
    .selectFrom('network_document_versions')
    .select((eb) => eb.fn.max<number | null>('number').as('n'))
    .where('document_id', '=', documentId)
    .executeTakeFirstOrThrow();
  const number = (last.n ?? 0) + 1;
  await trx
    .insertInto('network_document_versions')
    .values({ document_id: documentId, number, ...file, size_bytes: file.bytes.length })
    .execute();
  await trx.updateTable('network_documents').set({ current_version: number, updated_at: new Date() }).where('id', '=', documentId).execute();
  return number;
}

export function documentVersions(db: Executor, documentId: string) {
  return db
    .selectFrom('network_document_versions as v')
    .leftJoin('users as u', 'u.id', 'v.uploaded_by')
    .select(['v.number', 'v.filename', 'v.content_type', 'v.size_bytes', 'v.note', 'v.created_at', 'u.display_name as uploaded_by'])
    .where('v.document_id', '=', documentId)
    .orderBy('v.number', 'desc')
    .execute();
}

export function versionFile(db: Executor, documentId: string, number: number) {
  return db
    .selectFrom('network_document_versions')
    .select(['filename', 'content_type', 'bytes', 'number'])
    .where('document_id', '=', documentId)
    .where('number', '=', number)
    .executeTakeFirst();
}

// Full-text search over documents ------------------------------------------------------------------

/** Writes the text of a version into the search index, if it is still the document's current one. */
export async function setDocumentText(db: Executor, documentId: string, number: number, text: string): Promise<boolean> {
  const result = await db
    .updateTable('network_documents')
    .set({ body_text: text })
    .where('id', '=', documentId)
    .where('current_version', '=', number)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * The passage is looked for in this many characters from the start: ts_headline reads all it is given,
 * and 30 hits in 200-page reports would take a second. A match further on shows the beginning unmarked.
 */
const headlineChars = 50_000;

/**
 * Documents matching the words (German stemming), best first, with the matching passage: those of the
 * groups the person belongs to, those for all partners in groups that are not private, and public ones.
 * Staff (`everything`) search all documents.
 */
export function searchDocuments(db: Executor, query: string, viewer: { userId: string; everything: boolean }, limit = 30) {
  const tsquery = sql`websearch_to_tsquery('german', ${query})`;
  return db
    .selectFrom('network_documents as d')
    .innerJoin('network_groups as g', 'g.id', 'd.group_id')
    .select([
      'd.id',
      'd.title',
      'd.visibility',
      'd.updated_at',
      'g.name as group_name',
      sql<string>`ts_headline('german', left(d.description || E'\\n' || d.body_text, ${headlineChars}), ${tsquery}, 'StartSel=<<, StopSel=>>, MaxWords=30, MinWords=12, MaxFragments=1')`.as(
        'passage',
      ),
      sql<number>`ts_rank(d.search_vector, ${tsquery})`.as('rank'),
    ])
    .where(sql<boolean>`d.search_vector @@ ${tsquery}`)
    .where((eb) =>
      viewer.everything
        ? eb.val(true)
        : eb.or([
            eb.exists(
              eb
                .selectFrom('network_group_members as m')
                .select('m.user_id')
                .whereRef('m.group_id', '=', 'd.group_id')
                .where('m.user_id', '=', viewer.userId)
                .where('m.state', '=', 'member'),
            ),
            eb.and([eb('d.visibility', 'in', ['partners', 'public']), eb('g.access', '!=', 'private')]),
          ]),
    )
    .orderBy('rank', 'desc')
    .orderBy('d.updated_at', 'desc')
    .limit(limit)
    .execute();
}
