import type { FastifyInstance } from 'fastify';
import { buildApp, type AppDeps } from './app.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { withSessionSecret } from './platform/auth/secrets.js';
import { loadCityProfile } from './platform/city.js';
import { createJobs } from './platform/jobs/jobs.js';

export interface Booted {
  app: FastifyInstance;
  deps: AppDeps;
  database: Database;
  close(): Promise<void>;
}

/** Opens the database, migrates, builds the app and starts the job queue (not yet its worker). */
export async function boot(config: Config, options: { snapshot?: Blob } = {}): Promise<Booted> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, snapshot: options.snapshot });
  await migrateToLatest(database.db);
  config = await withSessionSecret(config, database.db); // without SESSION_SECRET: the one every process on this database shares
  const jobs = createJobs(database.db);
  const city = loadCityProfile(config.cityProfilePath);
  const { app, deps } = await buildApp({ config, db: database.db, jobs, city });
  await jobs.start();
  await app.ready();
  return {
    app,
    deps,
    database,
    async close() {
      await app.close();
      await jobs.stop();
      await database.close();
    },
  };
}
