import { boot } from './boot.js';
import { ConfigError, loadConfig } from './config.js';
import { DataDirInUseError } from './db/data-dir-lock.js';
import { surviveDatabaseOutages } from './db/unavailable.js';
import { demoLogins } from './modules/accounts/index.js';
import { seedDemoModules } from './platform/modules/install.js';

/** The web role; in the embedded default it runs the job worker too. */
async function main(): Promise<void> {
  surviveDatabaseOutages();
  const config = loadConfig();
  const booted = await boot(config);
  const { app, deps } = booted;
  if (config.seedDemoData) {
    const seeded = await seedDemoModules(booted.modules);
    if (seeded) app.log.info('Demo-Daten für %s geladen', deps.city.name);
  }
  if (config.runWorkerInWeb) await deps.jobs.startWorker();
  await app.listen({ port: config.port, host: config.host });

  const lines = [
    '',
    `  ${deps.city.portalName} läuft: ${config.publicUrl}`,
    `  Datenbank: ${config.databaseUrl ? 'PostgreSQL-Server' : `eingebettet (PGlite) in ${config.dataDir}`}`,
    config.smtpUrl ? '  E-Mails: per SMTP' : `  E-Mails: lokaler Postausgang ${config.publicUrl}/admin/outbox`,
  ];
  if (config.seedDemoData) {
    lines.push('  Demo-Anmeldungen (Passwort für alle: ' + demoLogins.password + '):');
    for (const login of demoLogins.users) lines.push(`    ${login.role.padEnd(9)} ${login.email}`);
  }
  console.log(lines.join('\n') + '\n');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info('%s: beende, laufende Anfragen und Aufträge werden abgeschlossen', signal);
    await booted.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Konfigurationsfehler: ${error.message}` : error instanceof DataDirInUseError ? error.message : error);
  process.exit(1);
});
