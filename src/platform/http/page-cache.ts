import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import { hashToken } from '../auth/tokens.js';
import { cookieNames } from './context.js';
import { type VersionReader, versionsFor } from './versions.js';

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
 * - Signed-in pages (routes with `config: { sessionPageCache: true }`) are kept per session: only the
 *   same session gets its page again, while neither the content nor the private version (accounts,
 *   consents, registrations, …; migration 0029) has moved. Such a page may carry the session's CSRF
 *   token (it is bound to the session); it is never shared with other caches (`no-store` stays).
 * - Bounded: PAGE_CACHE_MB in all, the least recently used go first. Nothing durable lives here.
 * - Shared caches (a city's reverse proxy or CDN) may keep these pages too: `Cache-Control: public,
 *   no-cache` with an ETag makes them ask each time, and an unchanged page answers 304 without a body.
 */

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Anonymous GETs may be answered from the page cache (platform/http/page-cache.ts). */
    pageCache?: boolean;
    /**
     * Signed-in GETs may be answered with the page this session got before at this address. Only for
     * pages that read nothing but tables (no other files or services) and show nothing per request.
     */
    sessionPageCache?: boolean;
  }
  interface FastifyRequest {
    /** The content version this request's page was rendered under, when it may be cached. */
    pageCacheVersion: number | null;
    pageCacheHit: boolean;
    /** Where this request's page is kept, and under which versions; null when it may not be kept. */
    pageCacheSlot: { key: string; version: string; shared: boolean } | null;
  }
}

interface Entry {
  readonly body: Buffer;
  readonly etag: string;
  readonly contentType: string;
  readonly version: string;
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

  get(key: string, version: string, now = Date.now()): Entry | undefined {
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

/** The page in this language at this address; a signed-in page for this session only. */
const keyOf = (req: FastifyRequest) => `${req.locale} ${req.url}`;
const sessionKeyOf = (req: FastifyRequest, token: string) => `${hashToken(token)} ${req.locale} ${req.url}`;

/** Installs the page cache; after requestContext, whose locale, session and versions it reads. */
export function registerPageCache(app: FastifyInstance, config: Config, readVersions: VersionReader): PageCache | null {
  if (config.pageCacheSeconds === 0) return null;
  const cache = new PageCache(config.pageCacheMegabytes * 1024 * 1024, config.pageCacheSeconds * 1000);
  const sessionCookie = cookieNames(config).session;
  app.decorateRequest('pageCacheVersion', null);
  app.decorateRequest('pageCacheHit', false);
  app.decorateRequest('pageCacheSlot', null);

  /** Where this GET's page may be kept: anonymous ones shared, signed-in ones per session. */
  const slotOf = async (req: FastifyRequest) => {
    const route = req.routeOptions.config;
    if (req.sessionToken) {
      if (!route?.sessionPageCache) return null;
      const v = await versionsFor(req, readVersions);
      req.pageCacheVersion = v.content;
      return { key: sessionKeyOf(req, req.sessionToken), version: `${v.content}.${v.private}`, shared: false };
    }
    if (!route?.pageCache || req.cookies[sessionCookie]) return null;
    const v = await versionsFor(req, readVersions);
    req.pageCacheVersion = v.content;
    return { key: keyOf(req), version: String(v.content), shared: true };
  };

  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'GET') return;
    try {
      req.pageCacheSlot = await slotOf(req);
    } catch {
      return; // the database is away: the page is rendered (and answers 503) as without a cache
    }
    const slot = req.pageCacheSlot;
    const hit = slot && cache.get(slot.key, slot.version);
    if (!hit) return;
    req.pageCacheHit = true;
    if (!slot.shared) return reply.type(hit.contentType).send(hit.body);
    reply.header('cache-control', sharedCacheControl).header('etag', hit.etag);
    if (matchesIfNoneMatch(req, hit.etag)) return reply.code(304).send();
    return reply.type(hit.contentType).send(hit.body);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const slot = req.pageCacheSlot;
    if (req.pageCacheHit || !slot) return payload;
    const contentType = String(reply.getHeader('content-type') ?? '');
    const keepable = reply.statusCode === 200 && Buffer.isBuffer(payload) && contentType.startsWith('text/html') && !reply.hasHeader('set-cookie');
    // A form's token belongs to one visitor; on a signed-in page it belongs to the session the page is kept for.
    if (!keepable || (slot.shared && req.csrfTokenUsed)) return payload;
    const etag = etagOf(payload);
    cache.set(slot.key, { body: payload, etag, contentType, version: slot.version });
    if (slot.shared) reply.header('cache-control', sharedCacheControl).header('etag', etag);
    return payload;
  });
  return cache;
}
