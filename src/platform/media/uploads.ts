import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ensure, requireActor } from '../auth/guard.js';
import type { Actor } from '../auth/roles.js';
import { unsafeMethods } from '../http/csrf.js';
import { AppError } from '../http/errors.js';
import { statusMessages } from '../views/status-pages.messages.js';
import { maxImageBytes } from './media.js';
import type { UploadedFile } from './uploaded-file.js';

/** What one multipart form may send. */
export interface UploadLimits {
  /** File fields: 1 for an image, 2 for a video with its captions, 0 for a client that merely chose multipart. */
  readonly files: number;
  /** The largest one file may be, in bytes; an image's limit unless said otherwise. */
  readonly fileBytes?: number;
  /** All files together, in bytes; `files` times `fileBytes` unless said otherwise (a video and its small caption file). */
  readonly allFilesBytes?: number;
  /** Text fields, counted generously (checkbox groups repeat a name). */
  readonly fields: number;
  /** The longest text field, in bytes. */
  readonly fieldBytes: number;
}

const fileBytes = (limits: UploadLimits) => limits.fileBytes ?? maxImageBytes;
const allFilesBytes = (limits: UploadLimits) => limits.allFilesBytes ?? limits.files * fileBytes(limits);

/** A Content-Length above this is refused before a byte is read: the files, one long text and the short fields around it. */
export const uploadBodyLimit = (limits: UploadLimits) => allFilesBytes(limits) + limits.fieldBytes + 64 * 1024;

/**
 * Routes that take multipart/form-data (forms with a file field), registered in a scope of their own:
 * only there is it parsed (everywhere else it is refused with 415, unread), within the route's limits,
 * and only once the person is known to be allowed to post here (`who`), so an anonymous post to an
 * upload form costs no memory. Text fields land in `req.body` as with ordinary forms (CSRF and
 * parseForm work unchanged), each file as an UploadedFile.
 */
export function acceptMultipart(
  app: FastifyInstance,
  options: { limits: UploadLimits; who: 'anyone' | ((actor: Actor) => boolean) },
  routes: (scope: FastifyInstance) => void,
): void {
  const { limits } = options;
  const bodyLimit = uploadBodyLimit(limits);
  app.register(async (scope) => {
    await scope.register(multipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: fileBytes(limits), files: limits.files, fields: limits.fields, fieldSize: limits.fieldBytes, parts: limits.fields + limits.files },
    });
    scope.addHook('onRequest', async (req) => {
      if (!unsafeMethods.has(req.method) || !req.headers['content-type']?.toLowerCase().startsWith('multipart/')) return;
      if (options.who !== 'anyone') ensure(options.who(requireActor(req)));
      if (Number(req.headers['content-length'] ?? 0) > bodyLimit) throw new AppError('payload_too_large', statusMessages(req.locale)('tooLarge.text'));
    });
    scope.addHook('preValidation', async (req) => {
      if (req.isMultipart()) req.body = await readUploadForm(req, { text: bodyLimit - allFilesBytes(limits), files: allFilesBytes(limits) });
    });
    routes(scope);
  });
}

/**
 * Fields as strings (a repeated name as a list), files as UploadedFile; a broken body is a 400, not a
 * 500. Text fields and files together may hold what the budget says, also when no Content-Length said so.
 */
async function readUploadForm(req: FastifyRequest, budget: { text: number; files: number }): Promise<Record<string, unknown>> {
  const body: Record<string, unknown> = {};
  let textBytes = 0;
  let filesBytes = 0;
  const add = (name: string, value: unknown) => {
    const before = body[name];
    body[name] = before === undefined ? value : Array.isArray(before) ? [...(before as unknown[]), value] : [before, value];
  };
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        filesBytes += bytes.length;
        if (filesBytes > budget.files) throw new AppError('payload_too_large', statusMessages(req.locale)('tooLarge.text'));
        add(part.fieldname, { kind: 'upload', filename: part.filename, bytes, tooLarge: part.file.truncated } satisfies UploadedFile);
      } else if (typeof part.value === 'string') {
        textBytes += Buffer.byteLength(part.value);
        if (textBytes > budget.text) throw new AppError('payload_too_large', statusMessages(req.locale)('tooLarge.text'));
        add(part.fieldname, part.value);
      }
      // A part that calls itself JSON comes parsed; browsers never send one, so it is dropped.
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) throw error;
    // Busboy's own complaints (no boundary, cut off, malformed headers) carry no status.
    throw new AppError('bad_request', statusMessages(req.locale)('badRequest.malformed'));
  }
  return body;
}
