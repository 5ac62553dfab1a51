import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ensure, requireActor } from '../auth/guard.js';
import type { Actor } from '../auth/roles.js';
import { unsafeMethods } from '../http/csrf.js';
import { AppError } from '../http/errors.js';
import { statusMessages } from '../views/status-pages.messages.js';
import { maxImageBytes, type UploadedImage } from './media.js';

/** What one multipart form may send. */
export interface UploadLimits {
  /** Images: 1 for a form with a file field, 0 for a client that merely chose multipart. */
  readonly files: 0 | 1;
  /** Text fields, counted generously (checkbox groups repeat a name). */
  readonly fields: number;
  /** The longest text field, in bytes. */
  readonly fieldBytes: number;
}

/** A Content-Length above this is refused before a byte is read: the image, one long text and the short fields around it. */
export const uploadBodyLimit = (limits: UploadLimits) => limits.files * maxImageBytes + limits.fieldBytes + 64 * 1024;

/**
 * Routes that take multipart/form-data (forms with a file field), registered in a scope of their own:
 * only there is it parsed (everywhere else it is refused with 415, unread), within the route's limits,
 * and only once the person is known to be allowed to post here (`who`), so an anonymous post to an
 * upload form costs no memory. Text fields land in `req.body` as with ordinary forms (CSRF and
 * parseForm work unchanged), the file as an UploadedImage.
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
      limits: { fileSize: maxImageBytes, files: limits.files, fields: limits.fields, fieldSize: limits.fieldBytes, parts: limits.fields + limits.files },
    });
    scope.addHook('onRequest', async (req) => {
      if (!unsafeMethods.has(req.method) || !req.headers['content-type']?.toLowerCase().startsWith('multipart/')) return;
      if (options.who !== 'anyone') ensure(options.who(requireActor(req)));
      if (Number(req.headers['content-length'] ?? 0) > bodyLimit) throw new AppError('payload_too_large', statusMessages(req.locale)('tooLarge.text'));
    });
    scope.addHook('preValidation', async (req) => {
      if (req.isMultipart()) req.body = await readUploadForm(req, bodyLimit - limits.files * maxImageBytes);
    });
    routes(scope);
  });
}

/**
 * Fields as strings (a repeated name as a list), the file as an UploadedImage; a broken body is a 400,
 * not a 500. The text fields together may hold textBudget bytes, also when no Content-Length said so.
 */
async function readUploadForm(req: FastifyRequest, textBudget: number): Promise<Record<string, unknown>> {
  const body: Record<string, unknown> = {};
  let textBytes = 0;
  const add = (name: string, value: unknown) => {
    const before = body[name];
    body[name] = before === undefined ? value : Array.isArray(before) ? [...(before as unknown[]), value] : [before, value];
  };
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        add(part.fieldname, { kind: 'upload', filename: part.filename, bytes, tooLarge: part.file.truncated } satisfies UploadedImage);
      } else if (typeof part.value === 'string') {
        textBytes += Buffer.byteLength(part.value);
        if (textBytes > textBudget) throw new AppError('payload_too_large', statusMessages(req.locale)('tooLarge.text'));
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
