import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type TObject, type TProperties, type TSchema, type TUnsafe } from '@sinclair/typebox';
import type { FastifyBaseLogger, FastifyInstance, RouteOptions } from 'fastify';

/*
 * Typed routes (docs/architecture.md, "Routen"). Every route declares what it reads: `params` when its
 * path has parameters, `querystring` when it answers GET, `body` when it takes a POST. Fastify checks
 * params and query against the schema before the handler runs, and the handler's `req.params` and
 * `req.query` are typed from it; nothing casts request data.
 *
 * HTML forms are the exception on purpose: a form that does not fit must come back as the same page with
 * German messages beside the fields (422), not as an error page. So a form route declares
 * `body: formBody(TheForm)`: Fastify only checks that a form arrived, and the handler reads it with
 * `parseForm(TheForm, req.body, labels, locale)` -- the same schema, worded per field.
 */

/** The Fastify instance a module's `routes` receives: schemas give the handlers their types. */
export type RouteApp = FastifyInstance<Server, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

/** One of our ids (UUID). A path with anything else is a page that does not exist: 404, see the error handler. */
// The pattern as well: ajv's "uuid" format also takes "urn:uuid:…", which PostgreSQL refuses (a 500, not a 404).
export const Id = () => Type.String({ format: 'uuid', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' });

/** Path parameters; a value that does not fit answers 404 ("Seite nicht gefunden"), not 400. */
export const params = <P extends TProperties>(properties: P) => Type.Object(properties);

/** `/:id` */
export const IdParams = params({ id: Id() });

/**
 * The query string of a page or feed: every parameter optional, at most 500 characters unless said
 * otherwise, and unknown parameters ignored (links from newsletters and social media carry `utm_…`).
 */
export function pageQuery<P extends TProperties>(properties: P): TObject<P> {
  return Type.Object(properties, { additionalProperties: true });
}

/** A page that reads nothing from its query string. */
export const NoQuery = pageQuery({});

/** A query value as typed into a form or link: a string, bounded. */
export const QueryText = (maxLength = 500) => Type.Optional(Type.String({ maxLength }));

/** A form body as it arrives: each field a string, a repeated name a list, a file (multipart) an object. */
export type FormFields = Record<string, unknown>;

const formSchema = Symbol('form schema');

/** The body of an HTML form, read with `parseForm(form, req.body, …)`; `form` documents the fields here. */
export function formBody(form: TObject): TUnsafe<FormFields> {
  const schema = Type.Unsafe<FormFields>({ type: 'object' });
  Object.defineProperty(schema, formSchema, { value: form, enumerable: false });
  return schema;
}

/** A form with no fields of its own (a button: sign out, accept a place); only its CSRF token travels. */
export const ButtonForm = formBody(Type.Object({}));

/** The form schema a route declared with formBody(), for tests and documentation. */
export function declaredForm(schema: TSchema | undefined): TObject | undefined {
  return schema ? ((schema as unknown as Record<symbol, TObject | undefined>)[formSchema] ?? undefined) : undefined;
}

const bodyMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What a route fails to declare; empty when it is typed. Static file routes (`/assets/*`) are exempt. */
export function missingDeclarations(route: Pick<RouteOptions, 'method' | 'url' | 'schema'>): string[] {
  const methods = [route.method].flat().map(String);
  // HEAD routes are Fastify's copies of GET routes, with the same schema.
  if (route.url.endsWith('*') || methods.every((m) => m === 'HEAD')) return [];
  const schema = (route.schema ?? {}) as Record<string, unknown>;
  const missing: string[] = [];
  if (route.url.includes(':') && !schema.params) missing.push('params');
  if (methods.includes('GET') && !schema.querystring) missing.push('querystring');
  if (methods.some((m) => bodyMethods.has(m)) && !schema.body) missing.push('body');
  return missing;
}

/** Refuses to start a portal with an untyped route (listing every one), so a new module cannot forget one. */
export function requireTypedRoutes(app: FastifyInstance): void {
  const untyped: string[] = [];
  app.addHook('onRoute', (route) => {
    const missing = missingDeclarations(route);
    if (missing.length > 0) untyped.push(`${[route.method].flat().join(',')} ${route.url}: ${missing.join(', ')}`);
  });
  app.addHook('onReady', async () => {
    if (untyped.length > 0) throw new Error(`Routes without a declared schema (docs/architecture.md, "Routen"):\n  ${untyped.join('\n  ')}`);
  });
}
