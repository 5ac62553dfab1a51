import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { attachContentTriggers } from './db/content-version.js';
import { openDatabase, type Database } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { portalModules } from './modules.js';
import { withSessionSecret } from './platform/auth/secrets.js';
import { loadCityProfile } from './platform/city.js';
import { createAppDeps, type AppDeps } from './platform/deps.js';
import { createJobs } from './platform/jobs/jobs.js';
import { installModules } from './platform/modules/install.js';
import type { ModuleManifest } from './platform/modules/manifest.js';

/** What web and worker processes share: the migrated database, the platform services and the modules' contributions. */
export interface Portal {
  deps: AppDeps;
  modules: readonly ModuleManifest[];
  database: Database;
}

export interface Booted extends Portal {
  app: FastifyInstance;
  close(): Promise<void>;
}

/** Opens the database, migrates, and installs every module's jobs, personal data, search and footer. */
async function openPortal(config: Config, options: { snapshot?: Blob }): Promise<Portal> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, snapshot: options.snapshot });
  await migrateToLatest(database.db);
  await attachContentTriggers(database.db);
  config = await withSessionSecret(config, database.db); // without SESSION_SECRET: the one every process on this database shares
  const jobs = createJobs(database.db, { serializeStart: Boolean(config.databaseUrl) });
  const deps = createAppDeps({ config, db: database.db, jobs, city: loadCityProfile(config.cityProfilePath) });
  const modules = portalModules(deps);
  installModules(deps, modules);
  return { deps, modules, database };
}

/** The web process: the portal with its routes, and the job queue started (not yet its worker). */
export async function boot(config: Config, options: { snapshot?: Blob } = {}): Promise<Booted> {
  const portal = await openPortal(config, options);
  const { deps, database } = portal;
  const app = await buildApp(deps, portal.modules);
  await deps.jobs.start();
  await app.ready();
  return {
    ...portal,
    app,
    async close() {
      await app.close();
      await deps.jobs.stop();
      await database.close();
    },
  };
}

/** The worker process: jobs only, no routes. */
export async function bootWorker(config: Config): Promise<Portal & { close(): Promise<void> }> {
  const portal = await openPortal(config, {});
  await portal.deps.jobs.start();
  return {
    ...portal,
    async close() {
      await portal.deps.jobs.stop();
      await portal.database.close();
    },
  };
}
