import type { FastifyInstance, FastifyRequest } from 'fastify';
import { statusMessages } from '../views/status-pages.messages.js';
import { AppError } from './errors.js';

/*
 * Hostile input is met once, here, before any module sees it:
 * - a query string gives each parameter once, as a string: a repeated one keeps its first value
 *   (no route takes lists in the address, and `?q=1&q=2` must not turn into an array);
 * - a NUL character anywhere in the path, the query or the body is refused with 400. PostgreSQL
 *   cannot store it in text, no person types it, and stripping it would change what was signed or
 *   searched for behind the sender's back.
 */

/** The body limit of every route that does not name its own: forms and JSON. Uploads have their own (media.ts). */
export const defaultBodyLimit = 256 * 1024;

/** Fastify's querystringParser: every parameter once, first value wins; never throws. */
export function parseQueryString(raw: string): Record<string, string> {
  const query = Object.create(null) as Record<string, string>;
  // URLSearchParams decodes leniently: a broken escape ("%E0%A4%A") stays as typed, invalid UTF-8 becomes U+FFFD.
  for (const [key, value] of new URLSearchParams(raw)) if (!(key in query)) query[key] = value;
  return query;
}

/** True when a string, or any key or string inside an object or array, holds U+0000. Files (Buffers) are not text. */
export function containsNul(input: unknown): boolean {
  const pending: unknown[] = [input];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return true;
    } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
      for (const [key, inner] of Object.entries(value)) {
        if (key.includes('\u0000')) return true;
        pending.push(inner);
      }
    }
  }
  return false;
}

const refuseNul = (req: FastifyRequest, ...parts: unknown[]) => {
  if (parts.some(containsNul)) throw new AppError('bad_request', statusMessages(req.locale ?? 'de')('badRequest.nul'));
};

/** Refuses NUL in address and body. The body is checked in preHandler, once every parser (multipart too) is done. */
export function installInputGuards(app: FastifyInstance): void {
  app.addHook('onRequest', async (req) => refuseNul(req, req.params, req.query));
  app.addHook('preHandler', async (req) => refuseNul(req, req.body));
}
