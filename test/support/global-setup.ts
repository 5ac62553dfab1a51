import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { boot } from '../../src/boot.js';
import { loadConfig } from '../../src/config.js';
import { snapshotEmbedded } from '../../src/db/database.js';
import { adminQuery, serverUrl, templateNames, withDatabase } from './database.js';

/** Migrates one template database once; every test file then starts from a copy of it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const names = templateNames();
  const url = serverUrl();
  if (url) {
    await adminQuery(`DROP DATABASE IF EXISTS ${names.database} WITH (FORCE)`);
    await adminQuery(`CREATE DATABASE ${names.database}`);
    const booted = await boot(
      loadConfig({ NODE_ENV: 'test', DATABASE_URL: withDatabase(url, names.database), DATA_DIR: path.join(tmpdir(), `frh-template-${process.pid}`) }),
    );
    await booted.close();
    project.provide('frhTemplate', names.database);
    return async () => adminQuery(`DROP DATABASE IF EXISTS ${names.database} WITH (FORCE)`);
  }
  const dataDir = path.join(tmpdir(), `frh-template-embedded-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const booted = await boot(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }));
  await booted.close();
  const snapshot = await snapshotEmbedded(dataDir);
  writeFileSync(names.file, Buffer.from(await snapshot.arrayBuffer()));
  rmSync(dataDir, { recursive: true, force: true });
  project.provide('frhTemplate', names.file);
  return async () => rmSync(names.file, { force: true });
}
