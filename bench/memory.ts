/**
 * Memory and start-up time of the embedded portal, as people start it.
 *
 *   npm run bench:memory                 `npm start` (tsx), and the compiled portal if `npm run build` made dist/
 *
 * Starts the portal in a fresh data folder (first start: migrations and demo data), waits for the
 * start page, lets it idle, reads the resident memory of the whole process tree (the server and what
 * it started: tsx's esbuild) from /proc, stops it and starts it again on the same data (the cold start
 * people see every day). Prints a table and writes bench/results/memory.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const idleSeconds = 15;
const port = 3987;

interface Variant {
  label: string;
  command: string[];
}

const variants: Variant[] = [{ label: 'npm start (tsx)', command: ['node', path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/server.ts'] }];
if (existsSync(path.join(root, 'dist/src/server.js'))) variants.push({ label: 'npm run start:built (compiled)', command: ['node', 'dist/src/server.js'] });

/** Resident memory of a process and all its descendants, in MB. */
function treeRssMb(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  let kb = 0;
  const visit = (p: number) => {
    try {
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      kb += Number(rss?.[1] ?? 0);
    } catch {
      return;
    }
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return Math.round(kb / 1024);
}

async function firstPage(child: ChildProcess, started: number): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the portal stopped with exit code ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`);
      await res.arrayBuffer();
      if (res.ok) return (performance.now() - started) / 1000;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function run(variant: Variant, dataDir: string): Promise<{ seconds: number; rssMb: number }> {
  const started = performance.now();
  const child = spawn(variant.command[0]!, variant.command.slice(1), {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'development' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const seconds = await firstPage(child, started);
    await new Promise((r) => setTimeout(r, idleSeconds * 1000));
    return { seconds: Math.round(seconds * 10) / 10, rssMb: treeRssMb(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

async function main(): Promise<void> {
  const rows = [];
  for (const variant of variants) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'frh-memory-'));
    try {
      const first = await run(variant, dataDir);
      const again = await run(variant, dataDir);
      rows.push({ variant: variant.label, firstStartSeconds: first.seconds, firstRssMb: first.rssMb, startSeconds: again.seconds, idleRssMb: again.rssMb });
      console.error(`${variant.label}: first start ${first.seconds} s (${first.rssMb} MB), again ${again.seconds} s, idle ${again.rssMb} MB`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  console.log('\nvariant                          first start (with demo data)  start with data  RSS idle');
  for (const r of rows) {
    console.log(
      `${r.variant.padEnd(32)} ${`${r.firstStartSeconds} s`.padStart(28)}  ${`${r.startSeconds} s`.padStart(15)}  ${`${r.idleRssMb} MB`.padStart(8)}`,
    );
  }
  const file = path.join(root, 'bench/results/memory.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, idleSeconds, results: rows }, null, 2) + '\n');
  console.log(`written to ${path.relative(process.cwd(), file)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
