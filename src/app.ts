import { randomUUID } from 'node:crypto';
import formbody from '@fastify/formbody';
import swagger from '@fastify/swagger';
import { fastifyKitaHtml } from '@kitajs/fastify-html-plugin';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { DB } from './db/types.js';
import type { CityProfile } from './platform/city.js';
import { registerAssets } from './platform/http/assets.js';
import { requestContext } from './platform/http/context.js';
import { installErrorHandlers } from './platform/http/error-handler.js';
import { registerHealth } from './platform/http/health.js';
import { registerSecurityHeaders } from './platform/http/security.js';
import type { Jobs } from './platform/jobs/jobs.js';
import { createMailer, type Mailer } from './platform/mail/mailer.js';
import { platformErasureSteps, platformPersonalData } from './platform/privacy/platform.privacy.js';
import { createPrivacyRegistry, type PrivacyRegistry } from './platform/privacy/privacy.js';
import { createSearchRegistry, type SearchRegistry } from './platform/search/search.js';
import { createLayoutSlots, type LayoutSlots } from './platform/views/slots.js';
import { registerMaintenanceJobs } from './platform/maintenance.js';
import { registerMediaRoutes } from './platform/media/media.js';
import { defaultBodyLimit, installInputGuards, parseQueryString } from './platform/http/request-input.js';
import { accountsModule } from './modules/accounts/index.js';
import { adminModule } from './modules/admin/index.js';
import { apiDocsModule } from './modules/api-docs/index.js';
import { contentModule } from './modules/content/index.js';
import { directoryModule } from './modules/directory/index.js';
import { eventsModule } from './modules/events/index.js';
import { holidaysModule } from './modules/holidays/index.js';
import { newsletterModule } from './modules/newsletter/index.js';
import { surveyModule } from './modules/survey/index.js';
import { homeModule } from './modules/home/index.js';
import { searchModule } from './modules/search/index.js';
import { sectionsModule } from './modules/sections/index.js';

/** What every module factory receives. Plain wiring, no container. */
export interface AppDeps {
  config: Config;
  db: Kysely<DB>;
  jobs: Jobs;
  mail: Mailer;
  city: CityProfile;
  privacy: PrivacyRegistry;
  search: SearchRegistry;
  /** Places in the page layout modules fill (the newsletter sign-up in the footer). */
  layout: LayoutSlots;
}

export interface BuildAppOptions {
  config: Config;
  db: Kysely<DB>;
  jobs: Jobs;
  city: CityProfile;
}

/** The composition root: platform plugins first, then the modules, listed so a reader can follow. */
export async function buildApp(options: BuildAppOptions): Promise<{ app: FastifyInstance; deps: AppDeps }> {
  const { config, db, jobs, city } = options;
  const deps: AppDeps = {
    config,
    db,
    jobs,
    city,
    mail: createMailer({ config, db, jobs }),
    privacy: createPrivacyRegistry(platformPersonalData, platformErasureSteps),
    search: createSearchRegistry(),
    layout: createLayoutSlots(),
  };

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

  await registerSecurityHeaders(app, config);
  // Multipart is parsed only in the scope of the routes that take uploads (acceptUploads in media.ts).
  await app.register(formbody);
  await app.register(fastifyKitaHtml);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: `${city.portalName} API`, version: '1', description: 'Offene Schnittstelle des Familienrathauses.', license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' } },
      servers: [{ url: config.publicUrl }],
    },
    hideUntagged: true,
  });
  await registerAssets(app, city);
  await app.register(requestContext, { config, db, slots: deps.layout });
  installInputGuards(app);
  installErrorHandlers(app, city);
  registerHealth(app, db);
  registerMediaRoutes(app, db);
  registerMaintenanceJobs(deps);

  await app.register(homeModule(deps));
  await app.register(accountsModule(deps));
  await app.register(contentModule(deps));
  await app.register(directoryModule(deps));
  await app.register(eventsModule(deps));
  await app.register(holidaysModule(deps));
  await app.register(newsletterModule(deps));
  await app.register(surveyModule(deps));
  await app.register(sectionsModule(deps));
  await app.register(searchModule(deps));
  await app.register(adminModule(deps));
  await app.register(apiDocsModule(deps));
  return { app, deps };
}
