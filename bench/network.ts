/**
 * Bündnis-Netzwerk at scale, on PostgreSQL.
 *
 *   npm run bench:network
 *   BENCH_DATABASE_URL=postgres://…  npm run bench:network
 *
 * A fresh, migrated database gets, set-based (INSERT … SELECT generate_series): BENCH_PARTNERS partner
 * accounts (5,000) in BENCH_GROUPS groups (300; every tenth private, every third closed), each partner
 * a member of five groups; BENCH_POSTS posts (200,000, over two years), BENCH_DOCUMENTS documents (20,000,
 * each with a version and 300 words of German text: common words and compounds that each occur in about
 * one document in thirteen), 3,000 meetings and 20,000 tasks. Then the app as `npm start` serves it over
 * loopback, and it measures (the issue's goals in brackets):
 *
 * 1. the personal start page /netzwerk/mein, signed in as 200 different partners in turn: 50 requests to
 *    warm up, 500 measured, p50/p95 (p95 < 50 ms);
 * 2. the document search /netzwerk/suche as partners (only what they may read), 20 queries in turn — rare
 *    compounds, two words, common words: 50 + 500, p50/p95 (p95 < 100 ms);
 * 3. the daily digest for every partner: five notifications each waiting, one `sendDigests('daily')` run
 *    builds every digest mail and hands it to the mail transport (here the local outbox: a row and an .eml
 *    file each) — seconds for all (< 60 s);
 * 4. a 200-page PDF (pdf-lib, 40 lines a page) uploaded and indexed as the extraction job does it: read in
 *    the worker thread, written into the search index — seconds (< 10 s); whether the number 200, which only
 *    page 200 has, is in the index; meanwhile the start page is asked again and again, its p95 printed too.
 *
 * Writes bench/results/network.json. BENCH_KEEP_DATABASE=1 keeps the database afterwards (to EXPLAIN a query).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { boot } from '../src/boot.js';
import { loadConfig } from '../src/config.js';
import type { DB } from '../src/db/types.js';
import { createNetworkService } from '../src/modules/network/network.service.js';
import { createSession, sessionSettings } from '../src/platform/auth/sessions.js';
import { cookieNames } from '../src/platform/http/context.js';
import { admin } from './directory-tools.js';

const partners = Number(process.env.BENCH_PARTNERS ?? 5_000);
const groups = Number(process.env.BENCH_GROUPS ?? 300);
const posts = Number(process.env.BENCH_POSTS ?? 200_000);
const documents = Number(process.env.BENCH_DOCUMENTS ?? 20_000);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const resultsFile = path.resolve(import.meta.dirname, 'results/network.json');
const round = (ms: number) => Math.round(ms * 10) / 10;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

/** Words every minute of the alliance has; each document draws 270 of them. */
const common = [
  'Kinder',
  'Familien',
  'Eltern',
  'Betreuung',
  'Angebot',
  'Stadtteil',
  'Beratung',
  'Treffen',
  'Arbeitsgruppe',
  'Lenkungsgruppe',
  'Protokoll',
  'Beschluss',
  'Vorschlag',
  'Termin',
  'Aufgabe',
  'Planung',
  'Umsetzung',
  'Finanzierung',
  'Antrag',
  'Bericht',
  'Schule',
  'Kita',
  'Jugend',
  'Freizeit',
  'Sport',
  'Gesundheit',
  'Bildung',
  'Sprache',
  'Arbeit',
  'Ausbildung',
  'Vereinbarkeit',
  'Beruf',
  'Unternehmen',
  'Verwaltung',
  'Verband',
  'Träger',
  'Ehrenamt',
  'Netzwerk',
  'Bündnis',
  'Stadt',
  'wichtig',
  'gemeinsam',
  'schnell',
  'regelmäßig',
  'zusätzlich',
  'verbindlich',
  'offen',
  'geplant',
  'beschlossen',
  'vorgestellt',
  'diskutiert',
  'abgestimmt',
  'vereinbart',
  'verschoben',
  'umgesetzt',
  'geprüft',
  'gesammelt',
  'eingeladen',
  'informiert',
  'unterstützt',
  'Zeit',
  'Raum',
  'Ort',
  'Woche',
  'Monat',
  'Jahr',
  'Sommer',
  'Herbst',
  'Winter',
  'Frühjahr',
  'Ziel',
  'Frage',
  'Idee',
  'Problem',
  'Lösung',
  'Ergebnis',
  'Stand',
  'Rückmeldung',
  'Abstimmung',
  'Entwurf',
];
/** Compounds: 20 × 20 = 400, each document has 30 of them, so each is in about one document in thirteen. */
const stems = ['Kinder', 'Familien', 'Eltern', 'Schul', 'Spiel', 'Jugend', 'Ferien', 'Sport', 'Bildungs', 'Gesundheits'];
const stems2 = ['Pflege', 'Stadt', 'Sprach', 'Mobilitäts', 'Betreuungs', 'Nachbarschafts', 'Quartiers', 'Integrations', 'Kultur', 'Umwelt'];
const ends = ['platz', 'zentrum', 'angebot', 'beratung', 'gruppe', 'konzept', 'förderung', 'plan', 'netz', 'kurs'];
const ends2 = ['hilfe', 'treff', 'garten', 'fest', 'woche', 'karte', 'lotsen', 'patenschaft', 'werkstatt', 'café'];
const compounds = [...stems, ...stems2].flatMap((s) => [...ends, ...ends2].map((e) => `${s}${e}`));
const queries = [
  'Spielplatz',
  'Ferienkurs',
  'Sprachcafé',
  'Elternberatung',
  'Quartierstreff',
  'Jugendwerkstatt',
  'Kulturfest',
  'Umweltgarten',
  'Familienpatenschaft',
  'Mobilitätskarte',
  'Kinderzentrum Umweltgarten',
  'Schulplan Sportfest',
  'Integrationslotsen Stadtteil',
  'Gesundheitskurs Eltern',
  'Pflegehilfe Beratung',
  'Betreuung',
  'Protokoll Beschluss',
  'Vereinbarkeit',
  'Finanzierung Antrag',
  'Ehrenamt',
];

const text = (words: readonly string[]) => sql.raw(`ARRAY[${words.map((w) => `'${w}'`).join(',')}]::text[]`);

async function load(db: Kysely<DB>): Promise<Record<string, number>> {
  const seconds: Record<string, number> = {};
  const step = async (name: string, statement: ReturnType<typeof sql>) => {
    const t0 = performance.now();
    await statement.execute(db);
    seconds[name] = round((performance.now() - t0) / 1000);
    console.error(`  ${name}: ${seconds[name]} s`);
  };
  await step(
    'partners',
    sql`INSERT INTO users (email, display_name, role, email_confirmed_at)
        SELECT 'partner-' || n || '@bench.example', 'Partnerin ' || n, 'partner', now() FROM generate_series(1, ${partners}) n`,
  );
  await step(
    'partners.numbers',
    sql`CREATE TABLE bench_users AS SELECT split_part(split_part(email, '@', 1), '-', 2)::int AS n, id FROM users WHERE email LIKE '%@bench.example'`,
  );
  await step(
    'groups',
    sql`INSERT INTO network_groups (slug, name, kind, access, topic, retention_months)
        SELECT 'bench-gruppe-' || g, 'Bench-Gruppe ' || g, 'working',
               CASE WHEN g % 10 = 0 THEN 'private' WHEN g % 3 = 0 THEN 'closed' ELSE 'open' END, 'Ein Thema der Gruppe ' || g, NULL
        FROM generate_series(1, ${groups}) g`,
  );
  await step(
    'groups.numbers',
    sql`CREATE TABLE bench_groups AS SELECT split_part(slug, '-', 3)::int AS n, id FROM network_groups WHERE slug LIKE 'bench-gruppe-%'`,
  );
  // Partner n belongs to five groups: 1 + (n + 61k) mod G for k = 0…4 (distinct); in the first of them the first G partners lead.
  await step(
    'memberships',
    sql`INSERT INTO network_group_members (group_id, user_id, role, state)
        SELECT bg.id, bu.id, CASE WHEN k = 0 AND bu.n <= ${groups} THEN 'lead' ELSE 'member' END, 'member'
        FROM bench_users bu CROSS JOIN generate_series(0, 4) k JOIN bench_groups bg ON bg.n = 1 + ((bu.n + k * 61) % ${groups})`,
  );
  const sentences = [
    'Die Einladung zur nächsten Sitzung ist raus. Bitte sagen Sie kurz zu oder ab.',
    'Das Protokoll liegt bei den Dokumenten. Rückmeldungen gern bis Freitag.',
    'Wer kann beim Familienfest am Samstag einen Stand übernehmen?',
    'Der Antrag für die Förderung ist eingereicht, die Antwort kommt im Herbst.',
    'Neue Zahlen zur Kinderbetreuung im Stadtteil: mehr Plätze am Nachmittag nötig.',
    'Wir suchen Räume für das Elterncafé im Norden, Ideen willkommen.',
  ];
  await step(
    'posts',
    sql`INSERT INTO network_posts (group_id, author_id, body, created_at)
        SELECT bg.id, bu.id, 'Beitrag ' || p || ': ' || (${text(sentences)})[1 + p % ${sentences.length}], now() - p * interval '5 minutes'
        FROM generate_series(1, ${posts}) p
        JOIN bench_users bu ON bu.n = 1 + p % ${partners}
        JOIN bench_groups bg ON bg.n = 1 + ((bu.n + (p % 5) * 61) % ${groups})`,
  );
  await step(
    'documents',
    sql`INSERT INTO network_documents (group_id, folder, title, description, visibility, created_by, updated_at, body_text)
        SELECT bg.id,
               (ARRAY['Protokolle', 'Konzepte', 'Präsentationen', 'Vorlagen'])[1 + d % 4],
               (${text(['Protokoll', 'Konzeptskizze', 'Präsentation', 'Vorlage', 'Bericht', 'Antrag'])})[1 + d % 6] || ' ' || (${text(compounds)})[1 + (d * 31) % ${compounds.length}] || ' ' || d,
               'Unterlage der Gruppe zum Thema ' || (${text(compounds)})[1 + (d * 17) % ${compounds.length}] || '.',
               CASE WHEN d % 10 = 0 THEN 'public' WHEN d % 10 < 4 THEN 'partners' ELSE 'group' END,
               bu.id, now() - d * interval '50 minutes',
               (SELECT string_agg(CASE WHEN i % 10 = 0 THEN c.words[1 + (d * 7919 + i * 104729) % ${compounds.length}]
                                       ELSE w.words[1 + (d * 31 + i * i * 17 + i * 7) % ${common.length}] END, ' ')
                  FROM generate_series(1, 300) i, (SELECT ${text(common)} AS words) w, (SELECT ${text(compounds)} AS words) c)
        FROM generate_series(1, ${documents}) d
        JOIN bench_users bu ON bu.n = 1 + d % ${partners}
        JOIN bench_groups bg ON bg.n = 1 + ((bu.n + (d % 5) * 61) % ${groups})`,
  );
  await step(
    'versions',
    sql`INSERT INTO network_document_versions (document_id, number, filename, content_type, size_bytes, bytes, uploaded_by)
        SELECT id, 1, 'unterlage.pdf', 'application/pdf', 9, '%PDF-1.4 '::bytea, created_by FROM network_documents`,
  );
  await step(
    'meetings',
    sql`INSERT INTO network_meetings (group_id, title, starts_at, ends_at, place)
        SELECT bg.id, 'Treffen ' || m, date_trunc('hour', now()) + ((m % 90) - 30) * interval '1 day',
               date_trunc('hour', now()) + ((m % 90) - 30) * interval '1 day' + interval '2 hours', 'Rathaus, Raum ' || (m % 20)
        FROM generate_series(1, 3000) m JOIN bench_groups bg ON bg.n = 1 + m % ${groups}`,
  );
  await step(
    'tasks',
    sql`INSERT INTO network_tasks (group_id, title, owner_id, due_on, status)
        SELECT bg.id, 'Aufgabe ' || t, bu.id, to_char(current_date + (t % 60 - 20), 'YYYY-MM-DD'), CASE WHEN t % 3 = 0 THEN 'done' ELSE 'open' END
        FROM generate_series(1, 20000) t
        JOIN bench_users bu ON bu.n = 1 + t % ${partners}
        JOIN bench_groups bg ON bg.n = 1 + ((bu.n + (t % 5) * 61) % ${groups})`,
  );
  // Five notifications wait for each partner's daily digest (07:00), from two days ago.
  await step(
    'digest.waiting',
    sql`WITH r AS (
          INSERT INTO notification_recipients (id, user_id, email, locale, digest_hour, link_key)
          SELECT 'user:' || id, id, email, 'de', 7, md5(id::text) FROM users WHERE email LIKE '%@bench.example'
          RETURNING id, user_id
        )
        INSERT INTO notifications (recipient_id, kind, item_key, channel, cadence, content, not_before, created_at)
        SELECT r.id, 'network.post', 'post:bench-' || r.user_id || '-' || i, 'mail', 'daily',
               jsonb_build_object('subject', 'Neuer Beitrag in „Bench-Gruppe“: Beitrag ' || i,
                                  'links', jsonb_build_array(jsonb_build_object('label', 'Öffnen', 'url', 'http://localhost:3000/netzwerk/mein'))),
               now() - interval '2 days', now() - interval '2 days'
        FROM r CROSS JOIN generate_series(1, 5) i`,
  );
  await step('analyze', sql`ANALYZE`);
  return seconds;
}

async function timed(origin: string, urls: string[], cookies: string[], count: number, until?: () => boolean) {
  const times: number[] = [];
  for (let i = 0; until ? !until() : i < count + 50; i++) {
    const t0 = performance.now();
    const response = await fetch(`${origin}${urls[i % urls.length]}`, { headers: { cookie: cookies[i % cookies.length]! } });
    await response.text();
    if (!response.ok) throw new Error(`${urls[i % urls.length]} answered ${response.status}`);
    if (until || i >= 50) times.push(performance.now() - t0);
  }
  return { p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), requests: times.length };
}

async function bigPdf(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= pages; p++) {
    const page = doc.addPage();
    for (let l = 0; l < 40; l++)
      page.drawText(`Seite ${p}, Zeile ${l + 1}: ${compounds[(p * 40 + l) % compounds.length]} und ${common[(p + l) % common.length]} im Stadtteil.`, {
        x: 40,
        y: 800 - l * 19,
        size: 10,
        font,
      });
  }
  return Buffer.from(await doc.save());
}

async function main(): Promise<void> {
  const name = `frh_bench_network_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'frh-bench-network-'));
  await admin(serverUrl, `CREATE DATABASE ${name}`);
  try {
    const booted = await boot(
      loadConfig({
        NODE_ENV: 'development',
        DATA_DIR: dataDir,
        PORT: '0',
        LOG_LEVEL: 'warn',
        DATABASE_URL: url.toString(),
        WORKER_IN_WEB: 'false',
        SEED_DEMO_DATA: 'false',
        SESSION_SECRET: 'bench-secret-not-for-production-use',
      }),
    );
    try {
      const { db, config } = booted.deps;
      console.error(`loading ${partners} partners, ${groups} groups, ${posts} posts, ${documents} documents …`);
      const loadSeconds = await load(db);
      const origin = await booted.app.listen({ port: 0, host: '127.0.0.1' });
      const users = await db.selectFrom('users').select('id').where('email', 'like', '%@bench.example').orderBy('email').limit(200).execute();
      const cookieName = cookieNames(config).session;
      const cookies = await Promise.all(users.map(async (u) => `${cookieName}=${await createSession(db, u.id, sessionSettings(config))}`));

      const startPage = await timed(origin, ['/netzwerk/mein'], cookies, 500);
      console.log(`start page /netzwerk/mein: p50 ${startPage.p50Ms} ms, p95 ${startPage.p95Ms} ms (${startPage.requests} requests, 200 partners)`);
      const searchUrls = queries.map((q) => `/netzwerk/suche?q=${encodeURIComponent(q)}`);
      const search = await timed(origin, searchUrls, cookies, 500);
      console.log(`document search /netzwerk/suche: p50 ${search.p50Ms} ms, p95 ${search.p95Ms} ms (${search.requests} requests, ${queries.length} queries)`);

      let t0 = performance.now();
      const mails = await booted.deps.notifications.sendDigests('daily', new Date());
      const digestSeconds = round((performance.now() - t0) / 1000);
      console.log(`daily digest: ${mails} mails built and handed to the transport in ${digestSeconds} s`);

      const service = createNetworkService(booted.deps);
      const lead = await db
        .selectFrom('network_group_members as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .innerJoin('network_groups as g', 'g.id', 'm.group_id')
        .select(['u.id', 'u.email', 'u.display_name', 'g.slug'])
        .where('m.role', '=', 'lead')
        .executeTakeFirstOrThrow();
      const pdf = await bigPdf(200);
      const actor = { id: lead.id, role: 'partner' as const, email: lead.email, displayName: lead.display_name };
      const file = { kind: 'upload' as const, filename: 'jahresbericht.pdf', bytes: pdf, tooLarge: false };
      const documentId = await service.upload(
        actor,
        lead.slug,
        { title: 'Jahresbericht (200 Seiten)', description: '', folder: 'Berichte', visibility: 'group', note: '' },
        file,
        'de',
      );
      let done = false;
      t0 = performance.now();
      const extraction = service.extractText(documentId, 1).finally(() => (done = true));
      const meanwhile = await timed(origin, ['/netzwerk/mein'], cookies, 0, () => done);
      const indexed = await extraction;
      const pdfSeconds = round((performance.now() - t0) / 1000);
      const stored = await db
        .selectFrom('network_documents')
        .select([sql<number>`length(body_text)`.as('n'), sql<boolean>`search_vector @@ websearch_to_tsquery('german', ${'200'})`.as('last')])
        .where('id', '=', documentId)
        .executeTakeFirstOrThrow();
      const words = stored.n;
      console.log(
        `200-page PDF (${Math.round(pdf.length / 1024)} KB): indexed in the worker thread in ${pdfSeconds} s (${indexed ? `${words} characters of text, page 200 ${stored.last ? 'found' : 'not found'} by the search` : 'not indexed'}); meanwhile /netzwerk/mein answered ${meanwhile.requests} times, p95 ${meanwhile.p95Ms} ms`,
      );

      writeFileSync(
        resultsFile,
        `${JSON.stringify(
          {
            measuredAt: new Date().toISOString(),
            machine: { cpus: os.cpus().length, node: process.version },
            data: { partners, groups, posts, documents, meetings: 3000, tasks: 20000 },
            loadSeconds,
            startPage,
            search: { ...search, queries },
            digest: { mails, seconds: digestSeconds },
            pdf: { pages: 200, bytes: pdf.length, seconds: pdfSeconds, indexed, characters: words, lastPageFound: stored.last, startPageMeanwhile: meanwhile },
          },
          null,
          2,
        )}\n`,
      );
    } finally {
      await booted.close();
    }
  } finally {
    if (process.env.BENCH_KEEP_DATABASE) console.error(`kept the database ${name} (BENCH_KEEP_DATABASE)`);
    else await admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
