/*
 * The installable portal (home screen on Android and iOS), for every module alike:
 *
 *   GET /manifest.webmanifest?lang=    the web app manifest in the page's language (the layout links it)
 *   GET /assets/city/<icon>.png        the home-screen icons, drawn from the city's logo (npm run app-icons)
 *   GET /sw.js                         the service worker (app.js registers it; nothing depends on it)
 *   GET /offline                       what the worker shows when a page cannot load
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.js';
import { pageContext } from '../http/context.js';
import { NoQuery } from '../http/routes.js';
import { locales } from '../i18n/i18n.js';
import { appIconUrl, appIcons, appIconsDir } from './icons.js';
import { webAppManifest } from './manifest.js';
import { anonymous, OfflinePage } from './offline-page.js';
import { precacheEntries } from './precache.js';
import { offlineUrl, serviceWorkerScript } from './worker-script.js';

const hidden = { hide: true, querystring: NoQuery };

export async function registerWebApp(app: FastifyInstance, deps: Pick<AppDeps, 'city' | 'config' | 'layout'>): Promise<void> {
  const { city, config, layout } = deps;

  app.get('/manifest.webmanifest', { schema: hidden }, (req, reply) =>
    reply
      .type('application/manifest+json; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(JSON.stringify(webAppManifest(city, req.locale))),
  );

  for (const icon of appIcons) {
    const file = path.join(appIconsDir(city), icon.file);
    if (!existsSync(file)) throw new Error(`${file} is missing: npm run app-icons draws it from the city's logo`);
    const png = readFileSync(file);
    app.get(appIconUrl(icon), { schema: hidden }, (_req, reply) => reply.type('image/png').header('cache-control', 'public, max-age=86400').send(png));
  }

  // The offline page as it is cached, in every language, goes into the worker's version.
  const publicUrl = config.publicUrl.replace(/\/$/, '');
  const offlinePages = await Promise.all(
    locales.map(async (locale) => {
      const ctx = { locale, actor: null, csrfToken: '', path: offlineUrl, publicUrl, city, navigation: layout.navigation, footerLinks: layout.footerLinks };
      return String(await (<OfflinePage ctx={anonymous(ctx)} />));
    }),
  );
  const script = serviceWorkerScript(precacheEntries(city), offlinePages);
  app.get('/sw.js', { schema: hidden }, (_req, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(script));

  // The same for everyone in a language (context.ts reads no session here), so any cache may keep it.
  app.get(offlineUrl, { schema: hidden }, (req, reply) =>
    reply.header('cache-control', 'public, no-cache').html(<OfflinePage ctx={anonymous(pageContext(req, city))} />),
  );
}
