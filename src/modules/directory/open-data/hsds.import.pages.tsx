import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../../platform/deps.js';
import { ensure, requireActor } from '../../../platform/auth/guard.js';
import { pageContext } from '../../../platform/http/context.js';
import { formValues } from '../../../platform/http/forms.js';
import { formBody, NoQuery, pageQuery, type RouteApp } from '../../../platform/http/routes.js';
import { LenientText } from '../directory.routes.js';
import { importAsAdmin } from './hsds.import.js';
import { canImportPackages } from './hsds.import.policy.js';
import { maxPackageBytes } from './hsds.validate.js';
import { ImportPage, importPath, importScript, importScriptPath, summaryOf, type ImportSummary } from './views/import-page.js';

/*
 * Admin import of an HSDS 3.0 package (role admin; importAsAdmin checks it again):
 *   GET  /admin/verzeichnis/import[?ergebnis=importiert&traeger=&standorte=&angebote=&neu=&aktualisiert=]
 *                                                 the form, the package format, the last result
 *   POST /admin/verzeichnis/import                paket (JSON text), nurPruefen (checkbox)
 *   GET  /admin/verzeichnis/import.js             reads a chosen file into the text field
 * Only urlencoded forms are parsed, so the package travels as text. Escaped, 10 MB of JSON can
 * grow to about three times its size: the body limit is raised for this route only.
 */
const bodyLimit = 3 * maxPackageBytes + 64 * 1024;

const resultParams = {
  organizations: 'traeger',
  locations: 'standorte',
  services: 'angebote',
  created: 'neu',
  updated: 'aktualisiert',
} as const satisfies Record<keyof ImportSummary, string>;
/** The result after the redirect; counts that do not read as numbers show as 0. */
const ResultQuery = pageQuery({
  ergebnis: LenientText(),
  traeger: LenientText(),
  standorte: LenientText(),
  angebote: LenientText(),
  neu: LenientText(),
  aktualisiert: LenientText(),
} satisfies Record<'ergebnis' | (typeof resultParams)[keyof typeof resultParams], unknown>);

/** The package as JSON text, checked by importAsAdmin (hsds.validate.ts); the checkbox makes it a dry run. */
const ImportForm = Type.Object({ paket: Type.String(), nurPruefen: Type.Optional(Type.Literal('ja')) });

const count = (value: string | undefined) => Math.max(0, Math.min(10_000_000, Number.parseInt(value ?? '', 10) || 0));

export function registerHsdsImportPages(app: RouteApp, { db, city }: AppDeps): void {
  app.get(importPath, { schema: { querystring: ResultQuery } }, async (req, reply) => {
    ensure(canImportPackages(requireActor(req)));
    const ctx = pageContext(req, city);
    if (req.query.ergebnis !== 'importiert') return reply.html(<ImportPage ctx={ctx} />);
    const summary = Object.fromEntries(Object.entries(resultParams).map(([key, param]) => [key, count(req.query[param])])) as unknown as ImportSummary;
    return reply.html(<ImportPage ctx={ctx} done={{ summary, dryRun: false }} />);
  });

  app.get(importScriptPath, { schema: { hide: true, querystring: NoQuery } }, async (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(importScript),
  );

  app.post(importPath, { bodyLimit, schema: { body: formBody(ImportForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    ensure(canImportPackages(actor));
    const values = formValues(req.body);
    const text = values.paket ?? '';
    const dryRun = values.nurPruefen === 'ja';
    const result = await importAsAdmin(db, actor, text, dryRun);
    const ctx = pageContext(req, city);
    if (!result.ok)
      return reply.status(422).html(<ImportPage ctx={ctx} text={text} dryRun={dryRun} problems={{ list: result.problems, total: result.total }} />);
    const summary = summaryOf(result.counts);
    if (result.dryRun) return reply.html(<ImportPage ctx={ctx} text={text} dryRun done={{ summary, dryRun: true }} />);
    const query = Object.entries(resultParams)
      .map(([key, param]) => `${param}=${summary[key as keyof ImportSummary]}`)
      .join('&');
    // POST/redirect/GET: a reload does not import twice.
    return reply.redirect(`${importPath}?ergebnis=importiert&${query}`, 303);
  });
}
