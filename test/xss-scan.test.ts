import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// CI relies on `xss-scan` to fail the build on unescaped output. That only means something if
// the scan really finds a known hole with the TypeScript we have installed (TypeScript 7 makes
// it crash and exit 0), so this proves it on a tiny fixture project with one hole and one fix.
const require = createRequire(import.meta.url);
const cli = require.resolve('@kitajs/ts-html-plugin/dist/cli.js');
const fixture = path.resolve(import.meta.dirname, 'fixtures/xss-scan');

interface ScanResult {
  code: number;
  output: string;
}

async function scan(...files: string[]): Promise<ScanResult> {
  // Run from inside the fixture, as CI runs it from the repository root: `--project tsconfig.json`.
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [cli, '--project', 'tsconfig.json', ...files], {
      cwd: fixture,
      timeout: 60_000,
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number | string; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('xss-scan', () => {
  it('fails on a string rendered without `safe` and names K601 at that file', async () => {
    const result = await scan();
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/unsafe\.tsx\(3,\d+\): error TS0 K601: Usage of xss-prone content/);
    expect(result.output).not.toMatch(/(^|[^n])safe\.tsx\(/m);
  });

  it('passes the same output once it is escaped with `safe`', async () => {
    const result = await scan('safe.tsx');
    expect(result.output).toContain('No XSS vulnerabilities found in 1 files!');
    expect(result.code).toBe(0);
  });

  it('fails when asked about the vulnerable file alone', async () => {
    const result = await scan('unsafe.tsx');
    expect(result.code).toBe(1);
    expect(result.output).toContain('K601');
  });
});
