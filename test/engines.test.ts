import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; dev?: boolean; optional?: boolean }>;
};

describe('the Node.js version the README promises', () => {
  const oldestPromised = semver.minVersion(manifest.engines.node)!.version;

  it('is the oldest version package.json accepts (20.19)', () => {
    expect(oldestPromised).toBe('20.19.0');
  });

  it('is accepted by every installed package, so npm ci warns of no engine mismatch', () => {
    const refusing = Object.entries(lock.packages)
      .filter(([name]) => name !== '')
      .flatMap(([name, entry]) => {
        const range = entry.engines && !Array.isArray(entry.engines) ? entry.engines.node : undefined;
        return range && !semver.satisfies(oldestPromised, range) ? [`${name.replace(/^.*node_modules\//, '')}@${entry.version} needs node ${range}`] : [];
      });
    expect(refusing).toEqual([]);
  });
});
