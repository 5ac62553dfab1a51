import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { notFound } from '../http/errors.js';
import { IdParams, NoQuery, type RouteApp } from '../http/routes.js';
import type { Executor } from '../../db/executor.js';
import { cleanImage } from './image-format.js';
import { fileFromForm, type UploadedFile } from './uploaded-file.js';
import { registerVideoRoutes } from './videos.js';

export const maxImageBytes = 5 * 1024 * 1024;

/** An image field's upload: any uploaded file, until validateImage has looked at its bytes. */
export type UploadedImage = UploadedFile;

export type ImageProblem = 'image.type' | 'image.size';

/** The image of a file field, or null when the person chose no file. */
export const imageFromForm = fileFromForm;

/** Why an upload cannot be used, as a message key for the form (or null when it is fine). */
export function validateImage(image: UploadedImage): ImageProblem | null {
  if (image.tooLarge || image.bytes.length > maxImageBytes) return 'image.size';
  return cleanImage(image.bytes) ? null : 'image.type';
}

/** Stores the image without its metadata; call validateImage first. */
export async function storeImage(executor: Executor, image: UploadedImage, uploadedBy: string | null): Promise<{ id: string }> {
  const clean = cleanImage(image.bytes);
  if (!clean || image.tooLarge) throw new Error('storeImage called with an invalid image');
  return executor
    .insertInto('media_images')
    .values({ content_type: clean.type, bytes: clean.bytes, width: clean.width, height: clean.height, uploaded_by: uploadedBy })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function deleteImage(executor: Executor, id: string): Promise<void> {
  await executor.deleteFrom('media_images').where('id', '=', id).execute();
}

/** Public address of a stored image. */
export const imagePath = (id: string): string => `/medien/${id}`;

/** Size of a stored image, for width/height attributes (no layout shift). */
export async function imageSize(db: Kysely<DB>, id: string): Promise<{ width: number; height: number } | undefined> {
  return db.selectFrom('media_images').select(['width', 'height']).where('id', '=', id).executeTakeFirst();
}

/** Serves stored images and videos. Ids never change content, so browsers may cache them for good. */
export function registerMediaRoutes(app: RouteApp, db: Kysely<DB>): void {
  app.get('/medien/:id', { schema: { hide: true, params: IdParams, querystring: NoQuery } }, async (req, reply) => {
    const image = await db.selectFrom('media_images').select(['content_type', 'bytes']).where('id', '=', req.params.id).executeTakeFirst();
    if (!image) throw notFound('Bild');
    return reply
      .type(image.content_type)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('content-security-policy', "default-src 'none'")
      .header('content-disposition', 'inline')
      .send(image.bytes);
  });
  registerVideoRoutes(app, db);
}
