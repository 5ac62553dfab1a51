import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { boot } from '../../src/boot.js';
import { loadConfig } from '../../src/config.js';
import { snapshotEmbedded } from '../../src/db/database.js';
import { seedDemoModules } from '../../src/platform/modules/install.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A snapshot of an embedded database, migrated and seeded with Hamm's demo data once per run. */
    frhBrowserTemplate: string;
  }
}

/** Migrates and seeds once; every browser test file then boots on its own copy (seconds saved per file). */
export default async function setup(project: TestProject): Promise<() => void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'frh-browser-template-'));
  const file = `${dataDir}.tar`;
  try {
    const booted = await boot(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }));
    await seedDemoModules(booted.modules);
    await booted.close();
    writeFileSync(file, Buffer.from(await (await snapshotEmbedded(dataDir)).arrayBuffer()));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  project.provide('frhBrowserTemplate', file);
  return () => rmSync(file, { force: true });
}
