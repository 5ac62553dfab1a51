import { Readable } from 'node:stream';
import { sql, type Kysely } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { DB } from '../../db/types.js';
import { notFound } from '../http/errors.js';
import { IdParams, NoQuery, type RouteApp } from '../http/routes.js';
import { parseByteRange } from './byte-range.js';
import { maxCaptionBytes, readCaptions, type CaptionsProblem } from './captions.js';
import type { UploadedFile } from './uploaded-file.js';
import { videoTypeOf, type VideoType } from './video-format.js';

export { maxCaptionBytes, type CaptionsProblem };

/**
 * Videos with their captions, stored in the database like images (every web process serves them, the
 * backup holds them) and served from the portal itself with range requests, so players can seek.
 */
export const maxVideoBytes = 50 * 1024 * 1024;

/** What a form with a video and its caption file may send (uploads.ts). */
export const videoUploadLimits = { files: 2, fileBytes: maxVideoBytes, allFilesBytes: maxVideoBytes + maxCaptionBytes } as const;

export type VideoProblem = 'video.type' | 'video.size';

/** Why a video upload cannot be used, as a message key for the form (or null when it is fine). */
export function validateVideo(video: UploadedFile): VideoProblem | null {
  if (video.tooLarge || video.bytes.length > maxVideoBytes) return 'video.size';
  return videoTypeOf(video.bytes) ? null : 'video.type';
}

/** The caption file's text, or why it cannot be used. */
export function captionsFromUpload(captions: UploadedFile): { ok: true; text: string } | { ok: false; problem: CaptionsProblem } {
  return captions.tooLarge ? { ok: false, problem: 'captions.size' } : readCaptions(captions.bytes);
}

export interface StoredVideo {
  id: string;
  contentType: VideoType;
  sizeBytes: number;
  createdAt: Date;
}

/** Stores a video with its captions; call validateVideo and captionsFromUpload first. */
export async function storeVideo(executor: Executor, video: UploadedFile, captions: string, uploadedBy: string | null): Promise<{ id: string }> {
  const type = videoTypeOf(video.bytes);
  if (!type || video.tooLarge) throw new Error('storeVideo called with an invalid video');
  return executor
    .insertInto('media_videos')
    .values({ content_type: type, bytes: video.bytes, size_bytes: video.bytes.length, captions, uploaded_by: uploadedBy })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/**
 * The same video under a new id with new captions: an id never changes what it serves (browsers cache
 * it for good). The bytes are copied inside the database, never loaded here.
 */
export async function storeWithNewCaptions(executor: Executor, videoId: string, captions: string, uploadedBy: string | null): Promise<{ id: string }> {
  return executor
    .insertInto('media_videos')
    .columns(['content_type', 'bytes', 'size_bytes', 'captions', 'uploaded_by'])
    .expression((eb) =>
      eb
        .selectFrom('media_videos')
        .select(['content_type', 'bytes', 'size_bytes', eb.val(captions).as('captions'), eb.val(uploadedBy).as('uploaded_by')])
        .where('id', '=', videoId),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function deleteVideo(executor: Executor, id: string): Promise<void> {
  await executor.deleteFrom('media_videos').where('id', '=', id).execute();
}

export async function findVideo(executor: Executor, id: string): Promise<StoredVideo | undefined> {
  const row = await executor.selectFrom('media_videos').select(['id', 'content_type', 'size_bytes', 'created_at']).where('id', '=', id).executeTakeFirst();
  return row && { id: row.id, contentType: row.content_type, sizeBytes: row.size_bytes, createdAt: row.created_at };
}

/** Public addresses of a stored video and of its captions. */
export const videoPath = (id: string): string => `/medien/videos/${id}`;
export const captionsPath = (id: string): string => `/medien/videos/${id}/untertitel.vtt`;

/** A response reads the video in slices of this size, so a 50 MB video never sits in memory whole. */
const sliceBytes = 1024 * 1024;

async function* videoBytes(db: Kysely<DB>, id: string, start: number, end: number): AsyncGenerator<Buffer> {
  for (let at = start; at <= end; at += sliceBytes) {
    const length = Math.min(sliceBytes, end - at + 1);
    const row = await db
      .selectFrom('media_videos')
      .select(sql<Buffer>`substring(bytes FROM ${at + 1} FOR ${length})`.as('slice'))
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new Error('The video was deleted while it was being sent.');
    yield row.slice;
  }
}

/** Video and captions, inert (no script or style runs in them) and cacheable for good. */
export function registerVideoRoutes(app: RouteApp, db: Kysely<DB>): void {
  app.get('/medien/videos/:id', { schema: { hide: true, params: IdParams, querystring: NoQuery } }, async (req, reply) => {
    const video = await findVideo(db, req.params.id);
    if (!video) throw notFound('Video');
    reply
      .type(video.contentType)
      .header('accept-ranges', 'bytes')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('content-security-policy', "default-src 'none'")
      .header('content-disposition', 'inline');
    const range = parseByteRange(req.headers.range, video.sizeBytes);
    if (range === 'unsatisfiable') return reply.status(416).header('content-range', `bytes */${video.sizeBytes}`).send();
    const { start, end } = range ?? { start: 0, end: video.sizeBytes - 1 };
    if (range) reply.status(206).header('content-range', `bytes ${start}-${end}/${video.sizeBytes}`);
    reply.header('content-length', end - start + 1);
    return reply.send(Readable.from(videoBytes(db, video.id, start, end)));
  });

  app.get('/medien/videos/:id/untertitel.vtt', { schema: { hide: true, params: IdParams, querystring: NoQuery } }, async (req, reply) => {
    const row = await db.selectFrom('media_videos').select('captions').where('id', '=', req.params.id).executeTakeFirst();
    if (!row) throw notFound('Untertitel');
    return reply
      .type('text/vtt; charset=utf-8')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('content-security-policy', "default-src 'none'")
      .send(row.captions);
  });
}
