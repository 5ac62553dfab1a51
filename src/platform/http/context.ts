import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { SessionCache } from '../auth/session-cache.js';
import { sessionSettings } from '../auth/sessions.js';
import type { Actor } from '../auth/roles.js';
import { newToken } from '../auth/tokens.js';
import type { CityProfile } from '../city.js';
import { chosenLocale, type Locale } from '../i18n/i18n.js';
import type { FooterLink, NavigationEntry } from '../views/navigation.js';
import { csrfTokenFor, refuseCrossSite, verifyCsrfToken } from './csrf.js';
import { queryParam } from './request-values.js';
import { type VersionReader, versionsFor } from './versions.js';

/** What every page needs to know about the request it answers. */
export interface PageContext {
  readonly locale: Locale;
  readonly actor: Actor | null;
  readonly csrfToken: string;
  /** Path and query of this page, for the language switch and "Barriere melden". */
  readonly path: string;
  /** The portal's public address (https://…, no trailing slash), for absolute links such as hreflang. */
  readonly publicUrl?: string;
  readonly city: CityProfile;
  /** What modules add to the footer of every page (see LayoutSlots). */
  readonly footer?: readonly FooterSlot[];
  /** The main navigation and the footer's links, from the modules' manifests. */
  readonly navigation?: readonly NavigationEntry[];
  readonly footerLinks?: readonly FooterLink[];
}

/** Something a module adds to every page, e.g. the newsletter sign-up in the footer. */
export type FooterSlot = (ctx: PageContext) => JSX.Element;

/**
 * Places in the layout that modules fill, so the platform shows them without knowing the module.
 * Modules list theirs in their manifest; every page context carries the list (views/slots.ts creates it).
 */
export interface LayoutSlots {
  addToFooter(slot: FooterSlot): void;
  addNavigation(entry: NavigationEntry): void;
  addFooterLink(link: FooterLink): void;
  readonly footer: readonly FooterSlot[];
  readonly navigation: readonly NavigationEntry[];
  readonly footerLinks: readonly FooterLink[];
}

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    actor: Actor | null;
    /**
     * The token this request's forms carry. Made when first read: a page without a form sets no CSRF
     * cookie and stays the same for every visitor (the page cache keeps it).
     */
    readonly csrfToken: string;
    /** Whether this answer carries a CSRF token (so it belongs to one visitor). */
    csrfTokenUsed: boolean;
    issueCsrfToken: (() => string) | null;
    /** The token a state-changing request must send; null when nothing vouches for one yet. */
    csrfExpected: string | null;
    sessionToken: string | null;
    layoutSlots: LayoutSlots | null;
    publicUrl: string;
  }
  interface FastifyReply {
    startSession(token: string): void;
    endSession(): void;
  }
  interface FastifyContextConfig {
    /** Set false for routes that need no CSRF token; requests from other sites are still refused. */
    csrf?: boolean;
    /** Set true for routes other sites may post to (a signed token in the URL authorises them). */
    allowCrossSite?: boolean;
  }
}

export const cookieNames = (config: Config) => {
  // __Host- demands Secure; on plain-http development the prefix would make browsers drop the cookie.
  const prefix = config.cookieSecure ? '__Host-' : '';
  return { session: `${prefix}frh_session`, csrf: `${prefix}frh_csrf`, locale: 'frh_lang' };
};

// Answers the same for everyone (the service worker keeps the offline page): no session is read for them.
const anonymousPaths = /^\/(assets\/|offline(\?|$)|manifest\.webmanifest(\?|$)|sw\.js(\?|$))/;

export function pageContext(req: FastifyRequest, city: CityProfile): PageContext {
  const slots = req.layoutSlots;
  return {
    locale: req.locale,
    actor: req.actor,
    // Read only by a page that renders a form (see FastifyRequest.csrfToken).
    get csrfToken() {
      return req.csrfToken;
    },
    path: req.url,
    publicUrl: req.publicUrl,
    city,
    footer: slots?.footer,
    navigation: slots?.navigation,
    footerLinks: slots?.footerLinks,
  };
}

/**
 * Reads locale, session and CSRF cookies on every request and guards state-changing ones against
 * cross-site forgery (see csrf.ts): other sites are refused at once, the form token once the body is read.
 */
export const requestContext = fp(async (app: FastifyInstance, opts: { config: Config; db: Kysely<DB>; versions: VersionReader; slots?: LayoutSlots }) => {
  const { config, db } = opts;
  const names = cookieNames(config);
  const base = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.cookieSecure };
  const sessions = new SessionCache(db, sessionSettings(config));

  await app.register(cookie);
  app.decorateRequest('locale', 'de');
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfTokenUsed', false);
  app.decorateRequest('issueCsrfToken', null);
  app.decorateRequest('csrfToken', {
    getter(this: FastifyRequest) {
      return this.issueCsrfToken?.() ?? '';
    },
  });
  app.decorateRequest('csrfExpected', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('versions', null);
  app.decorateRequest('layoutSlots', null);
  app.decorateRequest('publicUrl', '');
  app.decorateReply('startSession', function (this: FastifyReply, token: string) {
    this.setCookie(names.session, token, base);
  });
  app.decorateReply('endSession', function (this: FastifyReply) {
    this.clearCookie(names.session, base);
  });

  // The database is away: the session is looked up (and the request answered 503) as without a cache.
  const versionsOrNull = (req: FastifyRequest) => versionsFor(req, opts.versions).catch(() => null);

  app.addHook('onRequest', async (req, reply) => {
    req.layoutSlots = opts.slots ?? null;
    req.publicUrl = config.publicUrl.replace(/\/$/, '');
    req.locale = chosenLocale(queryParam(req, 'lang'), req.cookies[names.locale], req.headers['accept-language']);
    // The same address answers in several languages: caches must keep them apart.
    if (!req.url.startsWith('/assets/')) reply.header('vary', 'Cookie, Accept-Language');
    refuseCrossSite(req, config.publicUrl);
    const token = req.cookies[names.session];
    if (token && !anonymousPaths.test(req.url)) {
      req.actor = await sessions.resume(token, await versionsOrNull(req));
      req.sessionToken = req.actor ? token : null;
      if (!req.actor) reply.clearCookie(names.session, base);
    }
    // The browser's CSRF cookie signs anonymous forms. A cookie born in this request does not vouch
    // for this request's own form post.
    const cookieSeed = req.cookies[names.csrf];
    const seed = cookieSeed && cookieSeed.length >= 32 ? cookieSeed : undefined;
    req.csrfExpected = csrfTokenFor(config.sessionSecret, req.sessionToken, seed);
    let formToken: string | undefined;
    req.issueCsrfToken = () => {
      req.csrfTokenUsed = true;
      if (formToken === undefined) {
        let browserSeed = seed;
        // Made with the first anonymous form, and kept for when a session ends.
        if (!browserSeed && !req.sessionToken) {
          browserSeed = newToken();
          reply.setCookie(names.csrf, browserSeed, base);
        }
        formToken = csrfTokenFor(config.sessionSecret, req.sessionToken, browserSeed) ?? '';
      }
      return formToken;
    };
  });

  // Form bodies are parsed by preHandler, so the token check runs here.
  app.addHook('preHandler', async (req) => verifyCsrfToken(req));

  // Registered after the cookie plugin, so its Set-Cookie headers are written by now.
  app.addHook('onSend', async (req, reply) => {
    // An answer that sets a cookie belongs to one browser: no cache may keep it (and a service worker cannot see Set-Cookie).
    if (reply.hasHeader('set-cookie')) reply.header('cache-control', 'no-store');
    // Pages say their language, so the service worker keeps its offline page in the one last seen.
    if (String(reply.getHeader('content-type')).startsWith('text/html')) reply.header('content-language', req.locale);
  });
});
