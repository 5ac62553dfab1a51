/** A file field of a multipart form, as the route handler finds it in `req.body` (see uploads.ts). */
export interface UploadedFile {
  readonly kind: 'upload';
  readonly filename: string;
  readonly bytes: Buffer;
  /** The file was larger than the form allows; only the start was read. */
  readonly tooLarge: boolean;
}

/** The file of a file field, or null when the person chose no file. */
export function fileFromForm(body: unknown, field: string): UploadedFile | null {
  const value = (body as Record<string, unknown> | undefined)?.[field];
  if (!value || typeof value !== 'object' || (value as UploadedFile).kind !== 'upload' || !Buffer.isBuffer((value as UploadedFile).bytes)) return null;
  const upload = value as UploadedFile;
  return upload.filename === '' && upload.bytes.length === 0 ? null : upload;
}
