import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';

/**
 * The Content Security Policy of every answer: nothing inline, nothing from elsewhere.
 * A route that serves something riskier (an uploaded file) sets a stricter one itself.
 */
function contentSecurityPolicy(config: Config): string {
  const directives = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    // KERN's icons are data: SVGs inside its stylesheet.
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    // The service worker (/sw.js) and the web app manifest, both ours.
    "worker-src 'self'",
    "manifest-src 'self'",
    "form-action 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    ...(config.cookieSecure ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join(';');
}

/**
 * The security headers of every answer, computed once. They are what @fastify/helmet sent with our
 * settings (CSP above, HSTS in production, COEP off), written in one call: helmet rebuilt them per
 * request through a chain of middleware, which cost a fifth of a cached page's time (bench/http.ts).
 */
export function securityHeaders(config: Config): Readonly<Record<string, string>> {
  return Object.freeze({
    'content-security-policy': contentSecurityPolicy(config),
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'strict-origin-when-cross-origin',
    ...(config.env === 'production' ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'SAMEORIGIN',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  });
}

/** Security headers for every answer, pages, errors and API alike. No request leaves the site from a page. */
export function registerSecurityHeaders(app: FastifyInstance, config: Config): void {
  const headers = securityHeaders(config);
  // Set before any handler runs, so an answer may still tighten one (a download's own CSP).
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers);
    done();
  });
  app.addHook('onSend', (_req, reply, _payload, done) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    done();
  });
}
