import type { FastifyRequest } from 'fastify';

/*
 * Reading one value of a request whose route declares no schema, without casting request data in the
 * handler. Query strings hold one string per name (request-input.ts keeps the first of repeated ones);
 * path parameters are strings; a form body is whatever formbody or multipart made of it.
 */

const field = (source: unknown, name: string): unknown =>
  typeof source === 'object' && source !== null ? (source as Record<string, unknown>)[name] : undefined;

/** A path parameter; '' when the route has none by that name. */
export function pathParam(req: FastifyRequest, name: string): string {
  const value = field(req.params, name);
  return typeof value === 'string' ? value : '';
}

/** A query parameter, or undefined. */
export function queryParam(req: FastifyRequest, name: string): string | undefined {
  const value = field(req.query, name);
  return typeof value === 'string' ? value : undefined;
}

/** A copy of all query parameters, for parsers that read many (the directory's filters). */
export function queryParams(req: FastifyRequest): Record<string, unknown> {
  return typeof req.query === 'object' && req.query !== null ? { ...(req.query as Record<string, unknown>) } : {};
}

/** One field of a form body as sent: a string, a list of strings for a repeated name, or undefined. */
export function bodyField(req: FastifyRequest, name: string): unknown {
  return field(req.body, name);
}
