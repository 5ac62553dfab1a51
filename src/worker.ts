import { bootWorker } from './boot.js';
import { ConfigError, loadConfig } from './config.js';
import { surviveDatabaseOutages } from './db/unavailable.js';

/** The job-runner role (production: `npm run worker` beside the web processes). */
async function main(): Promise<void> {
  surviveDatabaseOutages();
  const config = loadConfig();
  if (!config.databaseUrl) throw new ConfigError('npm run worker needs DATABASE_URL; the embedded database runs its worker inside npm start');
  const booted = await bootWorker(config);
  await booted.deps.jobs.startWorker();
  console.log('Auftragsverarbeitung läuft.');
  const stop = async () => {
    await booted.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Konfigurationsfehler: ${error.message}` : error);
  process.exit(1);
});
