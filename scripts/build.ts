/**
 * `npm run build`: the portal as plain JavaScript in dist/, for `npm run start:built` (no tsx, no
 * esbuild at run time: less memory, faster start; bench/memory.ts measures both).
 *
 * tsc compiles src/ to dist/src/; the files the code reads next to itself (catalogues, word lists,
 * the service worker, demo media) are copied beside it, and the folders it reads relative to the
 * repository (assets/, public/) are copied to dist/ so the same relative paths hold.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');

function copyNonTypeScript(from: string, to: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) copyNonTypeScript(source, target);
    else if (!/\.tsx?$/.test(entry.name)) cpSync(source, target);
  }
}

rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
copyNonTypeScript(path.join(root, 'src'), path.join(dist, 'src'));
for (const folder of ['assets', 'public']) cpSync(path.join(root, folder), path.join(dist, folder), { recursive: true });
console.log('built into dist/ — start with: npm run start:built');
