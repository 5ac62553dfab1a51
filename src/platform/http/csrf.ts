import type { FastifyRequest } from 'fastify';
import { bodyField } from './request-values.js';
import { hmac, safeEqual } from '../auth/tokens.js';
import { AppError } from './errors.js';

/*
 * Cross-site request forgery, in two layers (OWASP CSRF cheat sheet, ASVS 5 V3.5):
 * 1. Every state-changing request a browser marks as coming from another site is refused
 *    (`Sec-Fetch-Site`, else `Origin`), before its body is read. Requests without these headers
 *    (other programs, tests) pass: they carry no victim's cookies.
 * 2. Forms carry a token: bound to the session when someone is signed in (a token from another
 *    session is refused), otherwise signed from the browser's own CSRF cookie (double submit).
 * Routes may skip the token (`config: { csrf: false }`) yet keep layer 1, so a page that must be
 * the same for every visitor can still hold a form; only `allowCrossSite` skips layer 1.
 */

export const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The token forms carry: from the session when there is one, else from the browser's CSRF cookie. */
export function csrfTokenFor(secret: string, session: string | null, browserSeed: string | undefined): string | null {
  if (session) return hmac(secret, `csrf-session:${session}`);
  return browserSeed ? hmac(secret, browserSeed) : null;
}

const withoutDefaultPort = (host: string) => host.toLowerCase().replace(/:(80|443)$/, '');

/** True when the browser says the request comes from another site. */
export function isCrossSite(req: FastifyRequest, publicUrl: string): boolean {
  const site = req.headers['sec-fetch-site'];
  // Browsers set it and pages cannot; "none" is the person's own doing (a bookmark, the address bar).
  if (typeof site === 'string') return site !== 'same-origin' && site !== 'none';
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  if (origin === new URL(publicUrl).origin) return false;
  try {
    return withoutDefaultPort(new URL(origin).host) !== withoutDefaultPort(req.host);
  } catch {
    return true; // "null" (sandboxed frames, some redirects) or garbage
  }
}

/** Refuses a state-changing request from another site (403). Runs before the body is parsed. */
export function refuseCrossSite(req: FastifyRequest, publicUrl: string): void {
  if (!unsafeMethods.has(req.method) || req.routeOptions.config?.allowCrossSite) return;
  if (isCrossSite(req, publicUrl)) throw new AppError('cross_site', 'Diese Anfrage kam von einer anderen Website und wurde nicht ausgeführt.');
}

/**
 * Checks the form's token (field `_csrf` or header `x-csrf-token`) against the one this request's
 * session or browser cookie vouches for; throws 403 otherwise. Call it once the body is parsed.
 */
export function verifyCsrfToken(req: FastifyRequest): void {
  if (!unsafeMethods.has(req.method) || req.routeOptions.config?.csrf === false) return;
  const sent = bodyField(req, '_csrf') ?? req.headers['x-csrf-token'];
  if (!req.csrfExpected || typeof sent !== 'string' || !safeEqual(sent, req.csrfExpected)) {
    throw new AppError('csrf_invalid', 'Das Formular ist abgelaufen. Bitte laden Sie die Seite neu und senden Sie es noch einmal.');
  }
}
