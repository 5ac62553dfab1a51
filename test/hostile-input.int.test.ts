import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { Role } from '../src/db/types.js';
import { createSession, sessionSettings } from '../src/platform/auth/sessions.js';
import { cookieNames } from '../src/platform/http/context.js';
import { csrfTokenFor } from '../src/platform/http/csrf.js';
import { routesOf, type Route } from './support/routes.js';
import { multipartBody, useTestApp } from './support/app.js';
import { createUser } from './support/auth.js';
import { buildLocation, buildOrganization, buildService } from './support/directory.js';
import { buildEvent } from './support/events.js';
import { buildChild, buildHolidayOffer, buildHolidayOrganization, buildSeason } from './support/holidays.js';
import { createNewsPost, createSubscriber } from './support/newsletter.js';
import { buildSurvey } from './support/survey.js';
import { testPng } from './support/images.js';

/*
 * Hostile input against every route, as every role: NUL, invalid UTF-8, overlong text, negative and
 * huge numbers, far dates, repeated and array parameters, wrong content types, malformed multipart.
 * Any 5xx fails. The requests come from a fixed seed: a failure prints the request and the seed,
 *   FUZZ_SEED=<seed> npx vitest run test/hostile-input.int.test.ts
 * replays the same requests (FUZZ_REQUESTS changes how many per role).
 */
const seed = Number(process.env.FUZZ_SEED ?? 20_261_111);
const requestsPerRole = Number(process.env.FUZZ_REQUESTS ?? 1_500);
const concurrency = 4;
const roles: (Role | 'anonymous')[] = ['anonymous', 'family', 'provider', 'partner', 'analyst', 'editor', 'admin'];

const t = useTestApp();

// Names the app reads from addresses and forms (grep of the sources), so values reach the code behind them.
const queryNames =
  'q search von bis seite page per_page kanal aktion token zurueck thema alter bezirk kategorie kostenlos barrierefrei monat wann full full_service taxonomy_id taxonomy_term_id organization_id parent_id top_only modified_after postcode sprache entschieden gespeichert geloescht ergebnis traeger standorte angebote neu aktualisiert rolle fuer hinweis spalten zeilen wert filter angelegt seite_von'.split(
    ' ',
  );
const fieldNames =
  'email password currentPassword displayName locale title teaser body description startDate startTime endDate endTime repeat interval repeatCount repeatUntil excludedDates organizationId locationId price reducedPrice minAge maxAge district status statusNote imageAlt removeImage decision reason allowed role rolle name kind slug q page date note moveDate moveNewDate moveNewStart moveNewEnd birthDate firstName lastName childId pick priority maxPlaces opensOn closesOn wishFrom wishUntil consent confirm code kanal sprache paket nurPruefen publishedAt expiresAt scheduleAt subject intro topic_familie wert spalten zeilen seed confirmSeed type required url website latitude longitude employerCode employerOrganization employerPlaces problem solution cost effect organization sector summary'.split(
    ' ',
  );

const numbers = ['-1', '0', '-0', '1.5', '-99999999999', '99999999999999999999', '9007199254740993', '1e308', '-1e308', 'NaN', 'Infinity', '0x10', '١٢'];
const dates = [
  '9999-12-31',
  '0000-00-00',
  '0001-01-01',
  '275760-09-13',
  '+275760-09-13',
  '-000001-01-01',
  '2026-02-30',
  '2026-13-01',
  '31.12.9999',
  '1.1.1',
  '2026-01-01T25:61',
  '25:61',
  '24:00',
  '2038-01-19T03:14:08Z',
  '1969-12-31',
];
const texts = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uFFFE',
  '😀',
  '\u202Eabc',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '%',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  '[]',
  '{}',
  'null',
  'ja',
  'on',
  'true',
  '\r\nSet-Cookie: x=1',
];
// Escapes that decode to nothing valid: a NUL, invalid and overlong UTF-8, a surrogate, a broken escape.
const rawEscapes = ['%00', '%FF', '%C3', '%C3%28', '%E0%80%80', '%ED%A0%80', '%F4%90%80%80', '%', '%G1', '%%', '%E0%A4%A'];

function hostileValue(known: string[]) {
  return fc.oneof(
    fc.constantFrom(...texts, ...numbers, ...dates),
    fc.constantFrom(...known),
    fc.string({ maxLength: 12 }),
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.integer().map(String),
    fc.double().map(String),
    fc.integer({ min: -300_000, max: 300_000 }).map((days) => new Date(Date.UTC(2026, 0, 1) + days * 86_400_000 * 100).toISOString().slice(0, 10)),
    fc.tuple(fc.constantFrom('x', 'ab ', 'ä'), fc.integer({ min: 300, max: 3_000 })).map(([unit, n]) => unit.repeat(n)),
    fc.uuid(),
  );
}

/** Percent-encoded UTF-8; a lone surrogate becomes U+FFFD as a browser sends it (encodeURIComponent would throw). */
const escaped = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);

/** A value as it travels in an address: usually escaped properly, sometimes a raw escape that decodes to nothing valid. */
const inAddress = (value: fc.Arbitrary<string>) =>
  fc.oneof({ weight: 4, arbitrary: value.map(escaped) }, { weight: 1, arbitrary: fc.constantFrom(...rawEscapes) });

interface Hostile {
  method: string;
  url: string;
  contentType?: string;
  body?: 'form' | 'json' | 'multipart' | 'multipart-broken' | 'text';
  fields: [string, string][];
  withToken: boolean;
  withImage: boolean;
}

function hostileRequest(routes: Route[], known: string[]): fc.Arbitrary<Hostile> {
  const value = hostileValue(known);
  const param = fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...known).map(escaped) }, { weight: 3, arbitrary: inAddress(value) });
  const pair = fc.tuple(
    fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...queryNames) }, { weight: 1, arbitrary: fc.constantFrom('a[]', 'a[b]', '__proto__', '', '%00') }),
    inAddress(value),
  );
  const query = fc.array(pair, { maxLength: 4 }).chain((pairs) =>
    // Repeat some parameters, as `?q=1&q=2` or `?q[]=1&q[]=2`.
    fc.constantFrom('once', 'repeated', 'array').map((shape) => {
      const all = shape === 'once' ? pairs : [...pairs, ...pairs.map(([k]) => [k, 'zwei'] as [string, string])];
      return all.map(([k, v]) => `${shape === 'array' ? `${k}[]` : k}=${v}`).join('&');
    }),
  );
  return fc
    .record({
      route: fc.constantFrom(...routes),
      otherMethod: fc.option(fc.constantFrom('PUT', 'DELETE', 'PATCH', 'POST', 'OPTIONS'), { freq: 8 }),
      params: fc.array(param, { minLength: 4, maxLength: 4 }),
      query: fc.option(query, { freq: 4 }),
      body: fc.constantFrom('form', 'form', 'json', 'multipart', 'multipart-broken', 'text', undefined),
      contentType: fc.option(
        fc.constantFrom(
          'application/xml',
          'multipart/form-data',
          'multipart/form-data; boundary=x',
          'application/json; charset=latin1',
          'application/x-www-form-urlencoded; charset=utf-16',
          '',
        ),
        { freq: 6 },
      ),
      fields: fc.array(
        fc.tuple(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...fieldNames) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), value),
        { maxLength: 8 },
      ),
      withImage: fc.boolean(),
      tokenOdds: fc.nat(9),
    })
    .map(({ route, otherMethod, params, query, body, contentType, fields, withImage, tokenOdds }) => {
      let index = 0;
      const path = route.path.replace(/:[A-Za-z_]+|\*/g, () => params[index++ % params.length]!);
      const method = otherMethod ?? route.methods[fields.length % route.methods.length]!;
      const hasBody = method !== 'GET' && method !== 'HEAD';
      return {
        method,
        url: query ? `${path}?${query}` : path,
        fields,
        withImage,
        withToken: tokenOdds > 1,
        ...(hasBody ? { body, ...(contentType === null ? {} : { contentType }) } : {}),
      };
    });
}

/** One record of each kind behind the routes with an id (the demo data would do, but makes every list page slow). */
async function buildRecords(): Promise<void> {
  const organization = await buildOrganization(t);
  const location = await buildLocation(t, organization.id);
  await buildService(t, organization.id, { locationIds: [location.id] });
  // A partner organisation of the alliance, so the partner role acts as a member somewhere too.
  const partner = await buildOrganization(t);
  await t.deps.db.updateTable('organizations').set({ kind: 'partner' }).where('id', '=', partner.id).execute();
  await buildEvent(t);
  await buildEvent(t, {}, { reviewState: 'pending' });
  const holidayOrganization = await buildHolidayOrganization(t);
  const season = await buildSeason(t);
  await buildHolidayOffer(t, season.id, holidayOrganization.id);
  await buildChild(t, (await createUser(t)).id);
  await createNewsPost(t);
  await createSubscriber(t);
  await buildSurvey(t, { channels: ['Kita'] });
}

/** Ids and slugs of rows in the database, so hostile requests reach real records too. */
async function knownValues(): Promise<string[]> {
  const db = t.deps.db;
  const columns = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and ((column_name = 'id' and data_type = 'uuid') or column_name = 'slug')`.execute(db);
  const values = new Set<string>();
  for (const { table_name, column_name } of columns.rows) {
    const rows = await sql<{ value: string }>`select ${sql.ref(column_name)}::text as value from ${sql.table(table_name)} limit 2`.execute(db);
    for (const row of rows.rows) values.add(row.value);
  }
  return [...values];
}

interface Signed {
  role: Role | 'anonymous';
  userId?: string;
  cookies: Record<string, string>;
  token: string;
}

async function signIn(role: Role | 'anonymous', browserSeed: string): Promise<Signed> {
  const names = cookieNames(t.deps.config);
  const secret = t.deps.config.sessionSecret;
  if (role === 'anonymous') return { role, cookies: { [names.csrf]: browserSeed }, token: csrfTokenFor(secret, null, browserSeed)! };
  const user = await createUser(t, { role });
  if (role === 'provider' || role === 'partner') {
    const org = await t.deps.db.selectFrom('organizations').select('id').where('kind', '=', role).executeTakeFirst();
    if (org) await t.deps.db.insertInto('memberships').values({ user_id: user.id, organization_id: org.id }).execute();
  }
  return renew({ role, userId: user.id, cookies: {}, token: '' }, browserSeed);
}

/** A fresh session for the same person (a hostile request may well have signed them out). */
async function renew(who: Signed, browserSeed: string): Promise<Signed> {
  const names = cookieNames(t.deps.config);
  const session = await createSession(t.deps.db, who.userId!, sessionSettings(t.deps.config));
  return { ...who, cookies: { [names.session]: session, [names.csrf]: browserSeed }, token: csrfTokenFor(t.deps.config.sessionSecret, session, browserSeed)! };
}

function injectOptions(r: Hostile, who: Signed, address: string): InjectOptions {
  const fields = r.withToken ? [['_csrf', who.token] as [string, string], ...r.fields] : r.fields;
  const options: InjectOptions = { method: r.method as InjectOptions['method'], url: r.url, cookies: who.cookies, remoteAddress: address, headers: {} };
  if (!r.body) return options;
  let payload: string | Buffer;
  let contentType: string;
  if (r.body === 'form') [payload, contentType] = [fields.map(([k, v]) => `${escaped(k)}=${escaped(v)}`).join('&'), 'application/x-www-form-urlencoded'];
  else if (r.body === 'json') [payload, contentType] = [JSON.stringify(Object.fromEntries(fields)), 'application/json'];
  else if (r.body === 'text') [payload, contentType] = [fields.map(([, v]) => v).join('\n'), 'text/plain'];
  else {
    const form = multipartBody(Object.fromEntries(fields), r.withImage ? { image: { filename: 'bild.png', content: testPng(), type: 'image/png' } } : {});
    payload = r.body === 'multipart' ? form.body : form.body.subarray(0, Math.max(1, form.body.length - 40));
    contentType = form.contentType;
  }
  options.payload = payload;
  options.headers = { 'content-type': r.contentType ?? contentType };
  return options;
}

const described = (r: Hostile, role: string, status: number | string) =>
  `${status} ${role} ${r.method} ${r.url.length > 300 ? `${r.url.slice(0, 300)}…(${r.url.length} characters)` : r.url}${r.body ? ` body=${r.body} content-type=${r.contentType ?? '(matching)'} token=${r.withToken} fields=${JSON.stringify(r.fields).slice(0, 300)}` : ''}`;

it(`answers hostile input on every route, for every role, without a 5xx (seed ${seed})`, async () => {
  await buildRecords();
  const routes = routesOf(t.app.printRoutes({ commonPrefix: false }));
  expect(routes.length).toBeGreaterThan(100);
  const known = await knownValues();
  const requests = fc.sample(hostileRequest(routes, known), { seed, numRuns: requestsPerRole * roles.length });
  const names = cookieNames(t.deps.config);
  const failures: string[] = [];
  let sent = 0;

  for (const [roleIndex, role] of roles.entries()) {
    const browserSeed = `fuzz-browser-${role}-${'x'.repeat(32)}`;
    let who = await signIn(role, browserSeed);
    const mine = requests.slice(roleIndex * requestsPerRole, (roleIndex + 1) * requestsPerRole);
    let next = 0;
    const worker = async () => {
      while (next < mine.length) {
        const index = next++;
        const r = mine[index]!;
        // Each request from its own address: the rate limits answer 429 correctly, but would hide the code behind them.
        const address = `198.18.${(index >> 8) & 255}.${index & 255}`;
        try {
          const res = await t.app.inject(injectOptions(r, who, address));
          sent += 1;
          if (res.statusCode >= 500) failures.push(described(r, role, res.statusCode));
          const signedOut = res.cookies.some((c) => c.name === names.session && c.value === '');
          if (signedOut && who.userId) who = await renew(who, browserSeed);
        } catch (error) {
          failures.push(described(r, role, `threw ${(error as Error).message}`));
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }

  if (failures.length) console.error(`hostile input (FUZZ_SEED=${seed}): ${failures.length} requests answered 5xx\n${failures.slice(0, 30).join('\n')}`);
  expect(failures.slice(0, 10)).toEqual([]);
  expect(sent).toBeGreaterThanOrEqual(10_000);
}, 300_000);
