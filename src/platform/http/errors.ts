/** Stable error codes: clients may rely on them, so never rename one. */
export type ErrorCode =
  | 'not_found'
  | 'forbidden'
  | 'unauthenticated'
  | 'validation_failed'
  | 'csrf_invalid'
  | 'cross_site'
  | 'rate_limited'
  | 'conflict'
  /** The appointment slot was taken (or held) by someone else a moment earlier. */
  | 'slot_taken'
  | 'invalid_token'
  /** The request itself is broken: a NUL character, a malformed body. */
  | 'bad_request'
  | 'payload_too_large'
  /** A body this route does not read (multipart outside the upload routes). */
  | 'unsupported_media_type'
  | 'internal'
  /** The database is away (restart, failover): try again in a few seconds (Retry-After). */
  | 'unavailable';

const statusByCode: Record<ErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  validation_failed: 422,
  csrf_invalid: 403,
  cross_site: 403,
  rate_limited: 429,
  conflict: 409,
  slot_taken: 409,
  invalid_token: 400,
  bad_request: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal: 500,
  unavailable: 503,
};

/** How long a client should wait while the database is away (Retry-After): a restart takes seconds. */
export const unavailableRetrySeconds = 5;

export type FieldErrors = Record<string, string>;

/** The one error type services throw; the error handler turns it into a page or JSON. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fields?: FieldErrors; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.status = statusByCode[code];
  }
}

export const notFound = (what = 'Seite') => new AppError('not_found', `${what} nicht gefunden`);
export const forbidden = () => new AppError('forbidden', 'Keine Berechtigung');
