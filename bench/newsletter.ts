/**
 * The Familieninfobrief at scale: one issue to 50,000 subscribers into a local SMTP sink.
 *
 *   npx tsx bench/newsletter.ts
 *   BENCH_DATABASE_URL=postgres://…  BENCH_SUBSCRIBERS=50000  BENCH_ENGINES=postgres,pglite  npx tsx bench/newsletter.ts
 *
 * The sink is smtp-server in this process; it counts every message per (subject, recipient).
 *   1. throughput (PostgreSQL): sendNow writes the delivery rows and freezes the content; a separate
 *      worker process (runSending, pooled SMTP, no rate limit) sends. Messages per second end to end
 *      = subscribers / (from the click on "send now" to the last message counted at the sink).
 *   2. crash (PostgreSQL): a second issue; the worker process is killed with SIGKILL once the sink
 *      has counted half; after its lease (5 s) runs out a new worker resumes. Counted at the sink:
 *      nobody twice; everyone not in the wave in flight at the kill exactly once; the rows of that
 *      wave are "unknown" (at most one wave, never re-sent — see src/modules/newsletter/sending.ts).
 *   3. throughput (PGlite, embedded): the same as 1 in one process (PGlite has one session).
 * Writes bench/results/newsletter.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { boot, type Booted } from '../src/boot.js';
import { loadConfig, type Config } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { createIssueService } from '../src/modules/newsletter/issues.service.js';
import { runSending } from '../src/modules/newsletter/sending.js';
import { createBulkTransport } from '../src/platform/mail/bulk.js';
import { createSubscribers } from '../test/support/newsletter.js';

const thisFile = fileURLToPath(import.meta.url);
const subscribers = Number(process.env.BENCH_SUBSCRIBERS ?? 50_000);
const engines = (process.env.BENCH_ENGINES ?? 'postgres,pglite').split(',');
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const connections = Number(process.env.BENCH_SMTP_CONNECTIONS ?? 8);
const secret = 'bench-secret-not-for-production-use';

function benchEnv(extra: Record<string, string>): Record<string, string> {
  return {
    NODE_ENV: 'test',
    SESSION_SECRET: secret,
    NEWSLETTER_MAX_PER_SECOND: '0',
    NEWSLETTER_SMTP_CONNECTIONS: String(connections),
    LOG_LEVEL: 'silent',
    ...extra,
  };
}

// --- worker process: `tsx bench/newsletter.ts worker <issueId>` with DATABASE_URL and SMTP_URL set --------------
async function worker(issueId: string): Promise<void> {
  const config = loadConfig(benchEnv({ DATABASE_URL: process.env.DATABASE_URL!, SMTP_URL: process.env.SMTP_URL!, DATA_DIR: os.tmpdir() }));
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: 4 });
  const transport = createBulkTransport({ config, db: database.db });
  const started = Date.now();
  const cpu = process.cpuUsage();
  const result = await runSending({ db: database.db, config, portalName: 'Bench', transport }, issueId, { leaseSeconds: 5, sliceSeconds: 3600 });
  const ms = Date.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMs = Math.round((used.user + used.system) / 1000);
  transport.close();
  await database.close();
  process.stdout.write(`${result} ${ms} ${cpuMs}\n`);
}

// --- the sink ---------------------------------------------------------------------------------------------------
interface Sink {
  port: number;
  /** subject → recipient → count */
  counts: Map<string, Map<string, number>>;
  total(subject: string): number;
  close(): Promise<void>;
}

async function startSink(): Promise<Sink> {
  const counts = new Map<string, Map<string, number>>();
  const server = new SMTPServer({
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    maxClients: 64,
    onData(stream, session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 4096) head += chunk.toString('utf8');
      });
      stream.on('end', () => {
        const subject = /^Subject: (.*)$/m.exec(head)?.[1]?.trim() ?? '?';
        let perSubject = counts.get(subject);
        if (!perSubject) counts.set(subject, (perSubject = new Map()));
        for (const r of session.envelope.rcptTo) perSubject.set(r.address, (perSubject.get(r.address) ?? 0) + 1);
        callback();
      });
    },
  });
  // A killed worker resets its connections; that is the point of the crash run, not an error.
  server.on('error', () => {});
  const port = 21_000 + Math.floor(Math.random() * 20_000);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port,
    counts,
    total: (subject) => [...(counts.get(subject)?.values() ?? [])].reduce((a, b) => a + b, 0),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function spawnWorker(issueId: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', thisFile, 'worker', issueId], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
}
const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return true;
    await sleep(10);
  }
  return check();
}

async function newIssue(booted: Booted, subject: string) {
  const service = createIssueService(booted.deps);
  const user = await booted.deps.db
    .insertInto('users')
    .values({ email: `bench-${Date.now()}-${Math.random()}@example.org`, display_name: 'Bench', role: 'editor', password_hash: null })
    .returning(['id', 'email'])
    .executeTakeFirstOrThrow();
  const actor = { id: user.id, email: user.email, role: 'editor' as const, displayName: 'Bench' };
  const intro = 'Liebe Familien,\n\n## Was neu ist\n\nIn diesem Infobrief finden Sie **Neuigkeiten** und [Termine](/veranstaltungen).';
  const id = await service.create(actor, {
    subject,
    intro,
    composition: {
      newsIds: [],
      events: null,
      holidayNotice: 'Die Anmeldung für die Osterferien beginnt am 1. Februar.',
      sections: [{ heading: 'Beratung', body: 'Die Erziehungsberatung hat neue Sprechzeiten.' }],
    },
  });
  return { id, send: () => service.sendNow(actor, id) };
}

async function states(db: Booted['deps']['db'], issueId: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('newsletter_deliveries')
    .select(['state', (eb) => eb.fn.countAll<string>().as('n')])
    .where('issue_id', '=', issueId)
    .groupBy('state')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}

async function postgresRuns(sink: Sink) {
  const name = `frh_bench_newsletter_${process.pid}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(statement).finally(() => client.end());
  };
  await admin(`DROP DATABASE IF EXISTS ${name}`);
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'frh-bench-nl-'));
  const config = loadConfig(benchEnv({ DATABASE_URL: url.toString(), DATA_DIR: dataDir, SMTP_URL: `smtp://127.0.0.1:${sink.port}` }));
  const booted = await boot(config);
  try {
    let t = Date.now();
    await createSubscribers(booted, subscribers, 'bench');
    console.log(`postgres: ${subscribers} subscribers in ${Date.now() - t} ms`);
    const workerEnv = { DATABASE_URL: url.toString(), SMTP_URL: `smtp://127.0.0.1:${sink.port}` };

    // 1. throughput
    const a = await newIssue(booted, 'Bench Durchsatz');
    t = Date.now();
    await a.send();
    const prepared = Date.now() - t;
    const sinkCpu = process.cpuUsage();
    const child = spawnWorker(a.id, workerEnv);
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    await waitFor(() => sink.total('Bench Durchsatz') >= subscribers, 600_000);
    const elapsed = Date.now() - t;
    const sinkUsed = process.cpuUsage(sinkCpu);
    await exited(child);
    const [, workerMs, workerCpuMs] = out.trim().split(' ').map(Number);
    const throughput = {
      subscribers,
      workerSendingMs: workerMs,
      workerCpuMs,
      sinkCpuMs: Math.round((sinkUsed.user + sinkUsed.system) / 1000),
      workerMessagesPerCpuSecond: workerCpuMs ? Math.round((subscribers / workerCpuMs) * 1000) : null,
      deliveryRowsAndFreezeMs: prepared,
      endToEndMs: elapsed,
      messagesPerSecond: Math.round((subscribers / elapsed) * 1000),
      atSink: sink.total('Bench Durchsatz'),
      states: await states(booted.deps.db, a.id),
    };
    console.log('postgres throughput:', throughput);

    if (process.env.BENCH_SKIP_CRASH) return { throughput };
    // 2. kill the worker at 50 %, resume
    const b = await newIssue(booted, 'Bench Absturz');
    await b.send();
    const victim = spawnWorker(b.id, workerEnv);
    await waitFor(() => sink.total('Bench Absturz') >= subscribers / 2, 600_000);
    victim.kill('SIGKILL');
    await exited(victim);
    await sleep(200);
    const atKill = sink.total('Bench Absturz');
    const afterKill = await states(booted.deps.db, b.id);
    const killedAt = Date.now();
    // A new worker takes over once the dead run's lease (5 s) has run out; until then it is refused.
    let resumed: ChildProcess;
    for (;;) {
      resumed = spawnWorker(b.id, workerEnv);
      let out = '';
      resumed.stdout!.on('data', (d: Buffer) => (out += d.toString()));
      await exited(resumed);
      if (!out.includes('busy')) break;
      await sleep(1000);
    }
    const resumeWaitMs = Date.now() - killedAt;
    const perRecipient = sink.counts.get('Bench Absturz') ?? new Map<string, number>();
    const final = await states(booted.deps.db, b.id);
    const duplicates = [...perRecipient.values()].filter((n) => n > 1).length;
    // Which rows were "unknown", and how many of those did reach the sink before the kill?
    const unknownRows = await booted.deps.db
      .selectFrom('newsletter_deliveries')
      .innerJoin('newsletter_subscribers', 'newsletter_subscribers.id', 'newsletter_deliveries.subscriber_id')
      .select('email')
      .where('issue_id', '=', b.id)
      .where('state', '=', 'unknown')
      .execute();
    const unknownArrived = unknownRows.filter((r) => perRecipient.has(r.email)).length;
    const sentRows = await booted.deps.db
      .selectFrom('newsletter_deliveries')
      .innerJoin('newsletter_subscribers', 'newsletter_subscribers.id', 'newsletter_deliveries.subscriber_id')
      .select('email')
      .where('issue_id', '=', b.id)
      .where('state', '=', 'sent')
      .execute();
    const sentExactlyOnce = sentRows.filter((r) => perRecipient.get(r.email) === 1).length;
    const crash = {
      subscribers,
      atSinkWhenKilled: atKill,
      statesAfterKill: afterKill,
      resumeWaitMs,
      finalStates: final,
      distinctRecipientsAtSink: perRecipient.size,
      recipientsWithDuplicates: duplicates,
      sentRows: sentRows.length,
      sentRowsReceivedExactlyOnce: sentExactlyOnce,
      unknownRows: unknownRows.length,
      unknownRowsThatDidArrive: unknownArrived,
      missing: subscribers - perRecipient.size,
    };
    console.log('postgres crash/resume:', crash);
    return { throughput, crash };
  } finally {
    await booted.close();
    rmSync(dataDir, { recursive: true, force: true });
    await admin(`DROP DATABASE IF EXISTS ${name}`);
  }
}

async function pgliteRun(sink: Sink) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'frh-bench-nl-lite-'));
  const config: Config = loadConfig(benchEnv({ DATA_DIR: dataDir, SMTP_URL: `smtp://127.0.0.1:${sink.port}` }));
  const booted = await boot(config);
  try {
    let t = Date.now();
    await createSubscribers(booted, subscribers, 'lite');
    console.log(`pglite: ${subscribers} subscribers in ${Date.now() - t} ms`);
    const issue = await newIssue(booted, 'Bench PGlite');
    t = Date.now();
    await issue.send();
    const prepared = Date.now() - t;
    const transport = createBulkTransport({ config, db: booted.deps.db });
    await runSending({ db: booted.deps.db, config, portalName: 'Bench', transport }, issue.id, { sliceSeconds: 3600 });
    transport.close();
    await waitFor(() => sink.total('Bench PGlite') >= subscribers, 60_000);
    const elapsed = Date.now() - t;
    const result = {
      subscribers,
      deliveryRowsAndFreezeMs: prepared,
      endToEndMs: elapsed,
      messagesPerSecond: Math.round((subscribers / elapsed) * 1000),
      atSink: sink.total('Bench PGlite'),
      states: await states(booted.deps.db, issue.id),
    };
    console.log('pglite throughput:', result);
    return result;
  } finally {
    await booted.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const sink = await startSink();
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}`,
    node: process.version,
    smtpConnections: connections,
  };
  try {
    if (engines.includes('postgres')) results.postgres = await postgresRuns(sink);
    if (engines.includes('pglite')) results.pglite = await pgliteRun(sink);
  } finally {
    await sink.close();
  }
  const file = path.resolve(path.dirname(thisFile), `results/newsletter-${subscribers}.json`);
  // A run of one engine keeps the other engine's last numbers.
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(file, `${JSON.stringify({ ...previous, ...results }, null, 2)}\n`);
  console.log(`written ${file}`);
}

if (process.argv[2] === 'worker') {
  worker(process.argv[3]!).catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
