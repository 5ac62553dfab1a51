import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { boot } from '../../src/boot.js';
import { loadConfig } from '../../src/config.js';
import { snapshotEmbedded } from '../../src/db/database.js';
import { adminQuery, serverUrl, templateDatabase, templateFile, withDatabase } from './database.js';

/** Migrates one template database once; every test file then starts from a copy of it. */
export default async function setup(): Promise<void> {
  const url = serverUrl();
  if (url) {
    await adminQuery(`DROP DATABASE IF EXISTS ${templateDatabase} WITH (FORCE)`);
    await adminQuery(`CREATE DATABASE ${templateDatabase}`);
    const booted = await boot(loadConfig({ NODE_ENV: 'test', DATABASE_URL: withDatabase(url, templateDatabase), DATA_DIR: path.join(tmpdir(), 'frh-template') }));
    await booted.close();
    return;
  }
  const dataDir = path.join(tmpdir(), 'frh-template-embedded');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const booted = await boot(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }));
  await booted.close();
  const snapshot = await snapshotEmbedded(dataDir);
  writeFileSync(templateFile, Buffer.from(await snapshot.arrayBuffer()));
  rmSync(dataDir, { recursive: true, force: true });
}
