import type { LightMyRequestResponse } from 'fastify';
import { Visitor, type TestApp } from './app.js';
import { createUser } from './auth.js';
import { buildLocation, buildOrganization, buildService } from './directory.js';
import type { Role } from '../../src/db/types.js';
import { createSession, sessionSettings } from '../../src/platform/auth/sessions.js';
import { cookieNames } from '../../src/platform/http/context.js';
import { paths } from '../../src/modules/directory/workflow/workflow.paths.js';

/** Test helpers of the directory workflow (used by its *.int.test.ts files only). */

/** A signed-in member of the organisation (a provider unless told otherwise). */
export async function memberOf(t: TestApp, organizationId: string | null, options: { role?: Role; displayName?: string; locale?: string } = {}) {
  const user = await createUser(t, { role: options.role ?? 'provider', displayName: options.displayName });
  if (options.locale) await t.deps.db.updateTable('users').set({ locale: options.locale }).where('id', '=', user.id).execute();
  if (organizationId) await t.deps.db.insertInto('memberships').values({ user_id: user.id, organization_id: organizationId }).execute();
  const visitor = new Visitor(() => t.app);
  visitor.cookies.set(cookieNames(t.deps.config).session, await createSession(t.deps.db, user.id, sessionSettings(t.deps.config)));
  return { visitor, user };
}

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };
const decode = (value: string) => value.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (m) => entities[m] ?? m);
const attr = (tag: string, name: string) => {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decode(match[1]!) : undefined;
};

/** The fields a browser would send for the form posting to `action` (ticked checkboxes only, no buttons). */
export function formFields(html: string, action: string): Record<string, string> {
  const start = html.indexOf(`action="${action}"`);
  if (start < 0) throw new Error(`no form with action ${action}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const fields: Record<string, string> = {};
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const name = attr(tag, 'name');
    const type = attr(tag, 'type') ?? 'text';
    if (!name || type === 'submit') continue;
    if (type === 'checkbox' && !/\schecked(?=[\s/>=])/.test(tag)) continue;
    fields[name] = attr(tag, 'value') ?? (type === 'checkbox' ? 'on' : '');
  }
  for (const [, open, body] of form.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const name = attr(open!, 'name');
    // As a browser does: the parser drops one line break right after <textarea>, and a submitted
    // text area has CR LF line breaks.
    if (name)
      fields[name] = decode(body!)
        .replace(/^\r?\n/, '')
        .replace(/\r?\n/g, '\r\n');
  }
  for (const [, open, body] of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = attr(open!, 'name');
    const selected = /<option\b[^>]*value="([^"]*)"[^>]*\sselected/.exec(body!);
    if (name) fields[name] = decode(selected?.[1] ?? '');
  }
  return fields;
}

/**
 * Opens an edit page, changes some fields (null unticks or empties one) and presses a button,
 * the way a person in a browser would. Returns the page response and the POST response.
 */
export async function editAndSend(
  visitor: Visitor,
  pageUrl: string,
  changes: Record<string, string | null>,
  intent: 'submit' | 'draft' = 'submit',
): Promise<{ page: LightMyRequestResponse; response: LightMyRequestResponse }> {
  const page = await visitor.get(pageUrl);
  if (page.statusCode !== 200) throw new Error(`GET ${pageUrl}: ${page.statusCode}`);
  const path = pageUrl.split('?')[0]!;
  const fields = formFields(page.body, path);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) delete fields[name];
    else fields[name] = value;
  }
  const response = await visitor.post(path, { ...fields, intent });
  return { page, response };
}

/** Queries the workflow tests check their outcomes with. */
export function workflowQueries(t: TestApp) {
  const db = () => t.deps.db;
  return {
    revisions: (entityId: string) => db().selectFrom('revisions').selectAll().where('entity_id', '=', entityId).orderBy('version').execute(),
    published: (id: string) => db().selectFrom('directory_services').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    audit: (action: string, subjectId: string) =>
      db().selectFrom('audit_log').selectAll().where('action', '=', action).where('subject_id', '=', subjectId).execute(),
  };
}

/** An organisation (trusted if asked) with a location and a free service, a provider member and an editor. */
export async function workflowSetting(t: TestApp, orgOverrides: { trusted?: boolean } = {}) {
  const org = await buildOrganization(t, { name: `Familienzentrum ${Math.random().toString(36).slice(2, 7)} e. V.` });
  if (orgOverrides.trusted) await t.deps.db.updateTable('organizations').set({ trusted: true }).where('id', '=', org.id).execute();
  const location = await buildLocation(t, org.id, { name: 'Haus am Kanal', district: 'Heessen' });
  const service = await buildService(t, org.id, {
    name: 'Elterncafé',
    topics: ['familienbildung'],
    locationIds: [location.id],
    cost_options: [{ id: crypto.randomUUID(), amount: 0, option: 'kostenlos' }],
  });
  const provider = await memberOf(t, org.id, { displayName: 'Paula Anbieterin' });
  const editor = await memberOf(t, null, { role: 'editor', displayName: 'Erik Redaktion' });
  return { org, location, service, provider, editor, editUrl: paths.edit('service', org.id, service.id) };
}
