import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { resumeSession, sessionSettings } from '../auth/sessions.js';
import type { Actor } from '../auth/roles.js';
import { hmac, newToken, safeEqual } from '../auth/tokens.js';
import type { CityProfile } from '../city.js';
import { chosenLocale, type Locale } from '../i18n/i18n.js';
import type { FooterSlot, LayoutSlots } from '../views/slots.js';
import { AppError } from './errors.js';

/** What every page needs to know about the request it answers. */
export interface PageContext {
  readonly locale: Locale;
  readonly actor: Actor | null;
  readonly csrfToken: string;
  /** Path and query of this page, for the language switch and "Barriere melden". */
  readonly path: string;
  readonly city: CityProfile;
  /** What modules add to the footer of every page (see LayoutSlots). */
  readonly footer?: readonly FooterSlot[];
}

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    actor: Actor | null;
    csrfToken: string;
    sessionToken: string | null;
    layoutSlots: LayoutSlots | null;
  }
  interface FastifyReply {
    startSession(token: string): void;
    endSession(): void;
  }
  interface FastifyContextConfig {
    /** Set false for routes that need no CSRF token (none yet). */
    csrf?: boolean;
  }
}

export const cookieNames = (config: Config) => {
  // __Host- demands Secure; on plain-http development the prefix would make browsers drop the cookie.
  const prefix = config.cookieSecure ? '__Host-' : '';
  return { session: `${prefix}frh_session`, csrf: `${prefix}frh_csrf`, locale: 'frh_lang' };
};

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Answers that never carry a form get no CSRF cookie (assets and feeds may be cached publicly).
const noFormPaths = /^\/(assets\/|medien\/|api\/|healthz|readyz)|\.(ics|rss|atom)(\?|$)/;

export function pageContext(req: FastifyRequest, city: CityProfile): PageContext {
  return { locale: req.locale, actor: req.actor, csrfToken: req.csrfToken, path: req.url, city, footer: req.layoutSlots?.footer };
}

/**
 * Reads locale, session and CSRF cookies on every request. CSRF uses a signed double-submit token:
 * the form carries HMAC(secret, cookie), which another site can neither read nor forge.
 */
export const requestContext = fp(async (app: FastifyInstance, opts: { config: Config; db: Kysely<DB>; slots?: LayoutSlots }) => {
  const { config, db } = opts;
  const names = cookieNames(config);
  const base = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.cookieSecure };
  const settings = sessionSettings(config);

  await app.register(cookie);
  app.decorateRequest('locale', 'de');
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', '');
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('layoutSlots', null);
  app.decorateReply('startSession', function (this: FastifyReply, token: string) {
    this.setCookie(names.session, token, base);
  });
  app.decorateReply('endSession', function (this: FastifyReply) {
    this.clearCookie(names.session, base);
  });

  app.addHook('onRequest', async (req, reply) => {
    req.layoutSlots = opts.slots ?? null;
    req.locale = chosenLocale(req.cookies[names.locale]);
    let csrfSeed = req.cookies[names.csrf];
    if ((!csrfSeed || csrfSeed.length < 32) && !noFormPaths.test(req.url)) {
      csrfSeed = newToken();
      reply.setCookie(names.csrf, csrfSeed, base);
      // A cookie born in this request does not vouch for this request's own form post.
      req.cookies[names.csrf] = undefined;
    }
    req.csrfToken = csrfSeed ? hmac(config.sessionSecret, csrfSeed) : '';
    const token = req.cookies[names.session];
    if (token && !req.url.startsWith('/assets/')) {
      req.actor = await resumeSession(db, token, settings);
      req.sessionToken = req.actor ? token : null;
      if (!req.actor) reply.clearCookie(names.session, base);
    }
  });

  // Form bodies are parsed by preHandler, so the token check runs here.
  app.addHook('preHandler', async (req) => {
    if (!unsafeMethods.has(req.method) || req.routeOptions.config?.csrf === false) return;
    const seed = req.cookies[names.csrf];
    const sent = (req.body as Record<string, unknown> | undefined)?._csrf ?? req.headers['x-csrf-token'];
    if (!seed || typeof sent !== 'string' || !safeEqual(sent, hmac(config.sessionSecret, seed))) {
      throw new AppError('csrf_invalid', 'Das Formular ist abgelaufen. Bitte laden Sie die Seite neu und senden Sie es noch einmal.');
    }
  });
});
