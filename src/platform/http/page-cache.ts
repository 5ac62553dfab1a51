import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import { readContentVersion } from '../../db/content-version.js';
import type { DB } from '../../db/types.js';
import { cookieNames } from './context.js';
import { FreshRead } from './fresh-read.js';

/*
 * The page cache: anonymous visitors of pages that are the same for everyone get the bytes this
 * process rendered for an earlier visitor, as long as no content changed since.
 *
 * - Which pages: routes with `config: { pageCache: true }` — pages that read only content (see
 *   db/content-version.ts: a page that reads private or bookkeeping tables must not opt in).
 * - Who: GET requests without a session cookie. A page that put a per-visitor value in its HTML (a
 *   form's CSRF token) or set a cookie is sent, never kept.
 * - Fresh: every transaction that writes content adds one to the content version in the same
 *   transaction (a trigger); each request reads the version after it arrived (one query per round
 *   trip for all waiting requests, FreshRead), and an entry rendered under an older version is never
 *   served. So an editor's change shows on the next request, in every process on the database.
 *   Entries also expire after PAGE_CACHE_SECONDS, for what changes with the clock (the next dates).
 * - Bounded: PAGE_CACHE_MB in all, the least recently used go first. Nothing durable lives here.
 * - Shared caches (a city's reverse proxy or CDN) may keep these pages too: `Cache-Control: public,
 *   no-cache` with an ETag makes them ask each time, and an unchanged page answers 304 without a body.
 */

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Anonymous GETs may be answered from the page cache (platform/http/page-cache.ts). */
    pageCache?: boolean;
  }
  interface FastifyRequest {
    /** The content version this request's page was rendered under, when it may be cached. */
    pageCacheVersion: number | null;
    pageCacheHit: boolean;
  }
}

interface Entry {
  readonly body: Buffer;
  readonly etag: string;
  readonly contentType: string;
  readonly version: number;
  readonly expiresAt: number;
}

/** Least recently used first out: a Map keeps insertion order, and a hit moves its entry to the end. */
export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly ttlMs: number,
  ) {}

  get(key: string, version: number, now = Date.now()): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.version !== version || entry.expiresAt <= now) {
      this.remove(key, entry);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, entry: Omit<Entry, 'expiresAt'>, now = Date.now()): void {
    if (entry.body.length > this.maxBytes / 8) return; // one page never crowds out the rest
    const old = this.entries.get(key);
    if (old) this.remove(key, old);
    this.entries.set(key, { ...entry, expiresAt: now + this.ttlMs });
    this.bytes += entry.body.length;
    for (const [oldest, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest, e);
    }
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.body.length;
  }
}

const sharedCacheControl = 'public, no-cache';

const etagOf = (body: Buffer) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

function matchesIfNoneMatch(req: FastifyRequest, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  return header === '*' || header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** The page in this language at this address. */
const keyOf = (req: FastifyRequest) => `${req.locale} ${req.url}`;

/** Installs the page cache; after requestContext, whose locale and session it reads. */
export function registerPageCache(app: FastifyInstance, config: Config, db: Kysely<DB>): PageCache | null {
  if (config.pageCacheSeconds === 0) return null;
  const cache = new PageCache(config.pageCacheMegabytes * 1024 * 1024, config.pageCacheSeconds * 1000);
  const version = new FreshRead(() => readContentVersion(db));
  const sessionCookie = cookieNames(config).session;
  app.decorateRequest('pageCacheVersion', null);
  app.decorateRequest('pageCacheHit', false);

  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'GET' || !req.routeOptions.config?.pageCache || req.cookies[sessionCookie]) return;
    try {
      req.pageCacheVersion = await version.value();
    } catch {
      return; // the database is away: the page is rendered (and answers 503) as without a cache
    }
    const hit = cache.get(keyOf(req), req.pageCacheVersion);
    if (!hit) return;
    req.pageCacheHit = true;
    reply.header('cache-control', sharedCacheControl).header('etag', hit.etag);
    if (matchesIfNoneMatch(req, hit.etag)) return reply.code(304).send();
    return reply.type(hit.contentType).send(hit.body);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (req.pageCacheHit || req.pageCacheVersion === null) return payload;
    const contentType = String(reply.getHeader('content-type') ?? '');
    const shareable =
      reply.statusCode === 200 && Buffer.isBuffer(payload) && contentType.startsWith('text/html') && !reply.hasHeader('set-cookie') && !req.csrfTokenUsed;
    if (!shareable) return payload;
    const etag = etagOf(payload);
    cache.set(keyOf(req), { body: payload, etag, contentType, version: req.pageCacheVersion });
    reply.header('cache-control', sharedCacheControl).header('etag', etag);
    return payload;
  });
  return cache;
}
