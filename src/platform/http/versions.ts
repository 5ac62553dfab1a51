import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { readVersions, type Versions } from '../../db/content-version.js';
import type { DB } from '../../db/types.js';
import { FreshRead } from './fresh-read.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The content and private versions as read after this request arrived (once per request, when needed). */
    versions: Versions | null;
  }
}

/** Reads both versions for all requests waiting at once (FreshRead): one query per round trip under load. */
export type VersionReader = () => Promise<Versions>;

export function versionReader(db: Kysely<DB>): VersionReader {
  const fresh = new FreshRead(() => readVersions(db));
  return () => fresh.value();
}

/** The versions for this request: read once, after it arrived, and shared by the session and the page cache. */
export async function versionsFor(req: FastifyRequest, read: VersionReader): Promise<Versions> {
  req.versions ??= await read();
  return req.versions;
}
