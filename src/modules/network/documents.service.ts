import type { Executor } from '../../db/executor.js';
import type { NetworkVisibility } from '../../db/tables/network.js';
import type { Actor } from '../../platform/auth/roles.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { documentExtension, recogniseDocument, type DocumentType } from '../../platform/media/document-format.js';
import { extractDocumentText, type ExtractionLimits } from '../../platform/media/text-extraction.js';
import type { UploadedFile } from '../../platform/media/uploaded-file.js';
import * as docs from './documents.repository.js';
import { fieldError, type NetworkContext } from './network.context.js';
import { networkMessages } from './network.messages.js';
import { documentPath } from './network.paths.js';
import { authorize, canContribute, canReadDocument, isNetworkPerson, isStaff } from './network.policy.js';
import * as repo from './network.repository.js';

export const extractJob = 'network.extract-text';
/** What of a document's text is indexed when all of it does not fit into a search vector. */
const shortText = 200_000;

/** A file as it is stored: its type recognised from the bytes, a safe name with the right ending. */
export interface StoredUpload {
  type: string;
  bytes: Buffer;
  filename: string;
}

/** The group's documents: upload with versions, the file's text for the search, reading by the visibility rules. */
export function createDocumentService(ctx: NetworkContext) {
  const { db, deps } = ctx;

  /** A new version, and its text extraction for the search queued in the same transaction. */
  async function addVersionAndIndex(trx: Executor, documentId: string, file: Parameters<typeof docs.addVersion>[2]): Promise<number> {
    const number = await docs.addVersion(trx, documentId, file);
    await deps.jobs.send(trx, extractJob, { documentId, number });
    return number;
  }

  /** The upload as it will be stored, or a 422 naming the field: no file, too large, not an accepted type. */
  function readUpload(file: UploadedFile | null, locale: Locale, field = 'file'): StoredUpload {
    const t = networkMessages(locale);
    if (!file) throw fieldError({ [field]: t('document.file.required') });
    if (file.tooLarge) throw fieldError({ [field]: t('document.file.size') });
    const found = recogniseDocument(file.bytes);
    if (!found) throw fieldError({ [field]: t('document.file.type') });
    const base =
      file.filename
        .replace(/[/\\]/g, '_')
        .replace(/\.[A-Za-z0-9]{1,8}$/, '')
        .slice(0, 150) || 'dokument';
    return { type: found.type, bytes: found.bytes, filename: `${base}.${documentExtension[found.type]}` };
  }

  /** A new document of the group with its first version (and the text extraction queued), in the caller's transaction. */
  async function storeDocument(
    trx: Executor,
    actor: Actor,
    groupId: string,
    input: { title: string; description: string; folder: string; visibility: NetworkVisibility; note: string },
    upload: StoredUpload,
  ): Promise<string> {
    const { note, ...document } = input;
    const id = await docs.insertDocument(trx, { group_id: groupId, ...document, created_by: actor.id });
    await addVersionAndIndex(trx, id, { filename: upload.filename, content_type: upload.type, bytes: upload.bytes, note, uploaded_by: actor.id });
    return id;
  }

  async function readableDocument(actor: Actor | null, id: string) {
    const doc = await docs.findDocument(db, id);
    if (!doc) throw notFound('Dokument');
    const s = await ctx.standing(db, actor, { id: doc.group_id, access: doc.group_access });
    if (!canReadDocument(actor, doc.visibility, s)) {
      if (!actor) throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
      throw notFound('Dokument');
    }
    return { doc, standing: s };
  }

  /**
   * The extraction job: reads the version's text in a worker thread (with a time and memory limit) and
   * puts it into the search index, if the version is still the current one. A file whose text cannot be
   * read within the limits stays findable by its title and description; the job ends either way (a retry
   * would only meet the same file again). True when the text was written.
   */
  async function extractText(documentId: string, number: number, limits?: ExtractionLimits): Promise<boolean> {
    const file = await docs.versionFile(db, documentId, number);
    if (!file) return false;
    const type = file.content_type as DocumentType;
    const result = type.startsWith('image/') ? { ok: true as const, text: '' } : await extractDocumentText(type, file.bytes, limits);
    const text = result.ok ? result.text : '';
    try {
      return await docs.setDocumentText(db, documentId, number, text);
    } catch (error) {
      // Very many different words (a list of codes, random text) make a search vector over PostgreSQL's 1 MB: then the first part.
      if (text.length <= shortText) throw error;
      return docs.setDocumentText(db, documentId, number, text.slice(0, shortText));
    }
  }

  return {
    readUpload,
    storeDocument,
    extractText,

    /** Documents the person may read that match the words, with the matching passage. */
    async searchDocuments(actor: Actor, query: string) {
      authorize(isNetworkPerson(actor));
      const words = query.trim().slice(0, 200);
      if (!words) return [];
      return docs.searchDocuments(db, words, { userId: actor.id, everything: isStaff(actor) });
    },

    async upload(
      actor: Actor,
      slug: string,
      input: { title: string; description: string; folder: string; visibility: NetworkVisibility; note: string },
      file: UploadedFile | null,
      locale: Locale,
    ): Promise<string> {
      const { group, standing: s } = await ctx.visibleGroup(actor, slug);
      authorize(canContribute(actor, s));
      const upload = readUpload(file, locale);
      return db.transaction().execute(async (trx) => {
        const id = await storeDocument(trx, actor, group.id, input, upload);
        const others = (await repo.memberIds(trx, group.id)).filter((m) => m !== actor.id);
        await ctx.notify(trx, others, { key: `document:${id}`, kind: 'document', groupId: group.id, title: input.title, link: documentPath(id) });
        return id;
      });
    },

    async documentPage(actor: Actor | null, id: string) {
      const { doc, standing: s } = await readableDocument(actor, id);
      return { doc, versions: await docs.documentVersions(db, id), canEdit: canContribute(actor, s) };
    },

    async addVersion(actor: Actor, id: string, note: string, file: UploadedFile | null, locale: Locale): Promise<number> {
      const { doc, standing: s } = await readableDocument(actor, id);
      authorize(canContribute(actor, s));
      const upload = readUpload(file, locale);
      return db
        .transaction()
        .execute((trx) =>
          addVersionAndIndex(trx, doc.id, { filename: upload.filename, content_type: upload.type, bytes: upload.bytes, note, uploaded_by: actor.id }),
        );
    },

    /** An old version becomes the newest again (as a new version: nothing is lost). */
    async restoreVersion(actor: Actor, id: string, number: number, locale: Locale): Promise<number> {
      const { doc, standing: s } = await readableDocument(actor, id);
      authorize(canContribute(actor, s));
      const old = await docs.versionFile(db, doc.id, number);
      if (!old) throw notFound('Version');
      const note = networkMessages(locale)('document.restored.note', { number });
      return db
        .transaction()
        .execute((trx) =>
          addVersionAndIndex(trx, doc.id, { filename: old.filename, content_type: old.content_type, bytes: old.bytes, note, uploaded_by: actor.id }),
        );
    },

    async documentFile(actor: Actor | null, id: string, number: number | undefined) {
      const { doc } = await readableDocument(actor, id);
      const file = await docs.versionFile(db, doc.id, number ?? doc.current_version);
      if (!file) throw notFound('Version');
      return { ...file, visibility: doc.visibility };
    },
  };
}

export type DocumentService = ReturnType<typeof createDocumentService>;
