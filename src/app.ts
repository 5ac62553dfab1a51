import { randomUUID } from 'node:crypto';
import formbody from '@fastify/formbody';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppDeps } from './platform/deps.js';
import { registerAssets } from './platform/http/assets.js';
import { registerHtmlReply } from './platform/http/html-reply.js';
import { requestContext } from './platform/http/context.js';
import { installErrorHandlers } from './platform/http/error-handler.js';
import { registerHealth } from './platform/http/health.js';
import { registerPageCache } from './platform/http/page-cache.js';
import { versionReader } from './platform/http/versions.js';
import { registerSecurityHeaders } from './platform/http/security.js';
import { registerMediaRoutes } from './platform/media/media.js';
import { registerWebApp } from './platform/web-app/web-app.pages.js';
import { registerTranslationPages } from './platform/translations/translation.pages.js';
import { registerNotificationPages } from './platform/notifications/notifications.pages.js';
import { defaultBodyLimit, installInputGuards, parseQueryString } from './platform/http/request-input.js';
import { requireTypedRoutes } from './platform/http/routes.js';
import type { ModuleManifest } from './platform/modules/manifest.js';
import { registerModuleRoutes } from './platform/modules/install.js';

/** The web process: platform plugins first, then every module's routes (src/modules.ts lists them). */
export async function buildApp(deps: AppDeps, modules: readonly ModuleManifest[]): Promise<FastifyInstance> {
  const { config, db, city } = deps;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // Never log secrets or personal data: no cookies, no bodies, no IP, and no query string
      // (it can carry tokens, search terms or email addresses).
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      serializers: {
        req: (req) => ({ method: req.method, path: String(req.url).split('?')[0], id: req.id }),
      },
    },
    genReqId: () => randomUUID(),
    trustProxy: config.trustProxy,
    // Forms and JSON; routes that take more say so (uploads: media.ts, the HSDS import).
    bodyLimit: defaultBodyLimit,
    routerOptions: { querystringParser: parseQueryString },
  });

  registerSecurityHeaders(app, config);
  // Multipart is parsed only in the scope of the routes that take uploads (acceptUploads in media.ts).
  await app.register(formbody);
  registerHtmlReply(app);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: `${city.portalName} API`,
        version: '1',
        description: 'Offene Schnittstelle des Familienrathauses.',
        license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
      },
      servers: [{ url: config.publicUrl }],
    },
    hideUntagged: true,
  });
  await registerAssets(app, city);
  const versions = versionReader(db);
  await app.register(requestContext, { config, db, versions, slots: deps.layout });
  registerPageCache(app, config, versions);
  installInputGuards(app);
  installErrorHandlers(app, city);
  await app.register(async (platform) => {
    requireTypedRoutes(platform);
    registerHealth(platform, db);
    registerMediaRoutes(platform.withTypeProvider<TypeBoxTypeProvider>(), db);
    await registerWebApp(platform, deps);
    registerTranslationPages(platform.withTypeProvider<TypeBoxTypeProvider>(), deps);
    registerNotificationPages(platform.withTypeProvider<TypeBoxTypeProvider>(), deps);
  });
  await registerModuleRoutes(app, modules);
  return app;
}
