import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated template of this run: a PGlite snapshot file, or a database name on the server. */
    frhTemplate: string;
  }
}

/** Names unique to this run, so parallel runs on one machine never share a template. */
export const templateNames = () => ({
  file: path.join(tmpdir(), `familienrathaus-test-template-${process.pid}.tar`),
  database: `frh_test_template_${process.pid}`,
});

export const serverUrl = () => process.env.TEST_DATABASE_URL;

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  databaseUrl?: string;
  snapshot?: Blob;
  dataDir: string;
  drop(): Promise<void>;
}

/** A fresh database for one test file, cloned from the migrated template. */
export async function freshDatabase(): Promise<TestDatabase> {
  const dataDir = path.join(tmpdir(), `frh-test-${randomUUID()}`);
  mkdirSync(dataDir, { recursive: true });
  const url = serverUrl();
  if (url) {
    const name = `frh_test_${randomUUID().replace(/-/g, '')}`;
    await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${inject('frhTemplate')}`);
    return {
      databaseUrl: withDatabase(url, name),
      dataDir,
      async drop() {
        await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  return {
    snapshot: new Blob([readFileSync(inject('frhTemplate'))]),
    dataDir,
    async drop() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export { withDatabase };
