import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../../db/executor.js';
import type { TextMatch } from '../public/search.repository.js';
import { featureTaxonomy, featureTerms } from '../directory.taxonomy.js';
import type { OrganizationRow, ServiceLocationLink, ServiceRow, TaxonomyRow, TermRow } from './hsds.objects.js';

/**
 * Reads of the published directory for the HSDS API. Everything in directory_services and
 * directory_locations is published (drafts live in revisions); an organization counts
 * as published once it has an HSDS object or a published service.
 */

export interface Paging {
  page: number;
  perPage: number;
}

export interface ServiceFilters {
  /** The directory's text search (directory.search.ts listByText), so typos are corrected as on /angebote. */
  text?: TextMatch;
  taxonomyTermId?: string;
  taxonomyId?: string;
  organizationId?: string;
  modifiedAfter?: Date;
}

export interface Listed<T> {
  total: number;
  rows: T[];
}

const featureTermIds = new Set<string>(Object.values(featureTerms).map((term) => term.id));
const all = (conditions: RawBuilder<boolean>[]) => (conditions.length ? sql<boolean>`(${sql.join(conditions, sql` and `)})` : sql<boolean>`true`);
const tsQuery = (search: string) => sql`websearch_to_tsquery('german', ${search})`;

/** The spec's cumulative filters on services (alias s); `changedAt` says what modified_after compares. */
function serviceConditions(f: ServiceFilters, changedAt = sql`s.updated_at`): RawBuilder<boolean>[] {
  const c: RawBuilder<boolean>[] = [];
  if (f.text) c.push(f.text.condition);
  // Topic terms are projected into topic_codes (GIN-indexed); the three feature terms only live in the HSDS object.
  if (f.taxonomyTermId && featureTermIds.has(f.taxonomyTermId))
    c.push(sql<boolean>`s.hsds -> 'attributes' @> ${JSON.stringify([{ taxonomy_term_id: f.taxonomyTermId }])}::jsonb`);
  else if (f.taxonomyTermId) c.push(sql<boolean>`s.topic_codes @> array[(select code from taxonomy_terms where id = ${f.taxonomyTermId})]`);
  if (f.taxonomyId === featureTaxonomy.id) {
    c.push(sql<boolean>`exists (select 1 from jsonb_array_elements(coalesce(s.hsds -> 'attributes', '[]'::jsonb)) a
      join taxonomy_terms t on t.id::text = a ->> 'taxonomy_term_id' where t.taxonomy_id = ${f.taxonomyId})`);
  } else if (f.taxonomyId) c.push(sql<boolean>`s.topic_codes && array(select code from taxonomy_terms where taxonomy_id = ${f.taxonomyId})`);
  if (f.organizationId) c.push(sql<boolean>`s.organization_id = ${f.organizationId}`);
  if (f.modifiedAfter) c.push(sql<boolean>`${changedAt} >= ${f.modifiedAfter}`);
  return c;
}

const serviceOrder = (text: TextMatch | undefined) => (text ? sql`${text.rank} desc, s.name, s.id` : sql`s.name, s.id`);

/** Rows in the order of the ids (the page was chosen on narrow rows; the HSDS objects are read for it only). */
function inOrder<T extends { id: string }>(ids: string[], rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is T => r !== undefined);
}

export async function listServices(db: Executor, f: ServiceFilters, p: Paging): Promise<Listed<ServiceRow>> {
  const where = all(serviceConditions(f));
  const [count, page] = await Promise.all([
    db
      .selectFrom('directory_services as s')
      .select(sql<number>`count(*)::int`.as('n'))
      .where(where)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('directory_services as s')
      .select('s.id')
      .where(where)
      .orderBy(serviceOrder(f.text))
      .limit(p.perPage)
      .offset((p.page - 1) * p.perPage)
      .execute(),
  ]);
  return {
    total: count.n,
    rows: await servicesByIds(
      db,
      page.map((r) => r.id),
    ),
  };
}

/** Services by id, in the order given. */
export async function servicesByIds(db: Executor, ids: string[]): Promise<ServiceRow[]> {
  if (ids.length === 0) return [];
  return inOrder(ids, await db.selectFrom('directory_services').select(['id', 'organization_id', 'hsds', 'updated_at']).where('id', 'in', ids).execute());
}

export async function servicesOfOrganization(db: Executor, organizationId: string): Promise<ServiceRow[]> {
  return db
    .selectFrom('directory_services')
    .select(['id', 'organization_id', 'hsds', 'updated_at'])
    .where('organization_id', '=', organizationId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function organizationsByIds(db: Executor, ids: string[]): Promise<Map<string, OrganizationRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('organizations').select(['id', 'name', 'description', 'hsds']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Where each service is offered, with the location's HSDS object. */
export async function linksOfServices(db: Executor, serviceIds: string[]): Promise<Map<string, ServiceLocationLink[]>> {
  const links = new Map<string, ServiceLocationLink[]>(serviceIds.map((id) => [id, []]));
  if (serviceIds.length === 0) return links;
  const rows = await db
    .selectFrom('directory_service_locations as sl')
    .innerJoin('directory_locations as l', 'l.id', 'sl.location_id')
    .select(['sl.id', 'sl.service_id', 'sl.location_id', 'l.hsds as location_hsds'])
    .where('sl.service_id', 'in', serviceIds)
    .orderBy('l.name')
    .orderBy('sl.id')
    .execute();
  for (const row of rows) links.get(row.service_id)?.push(row);
  return links;
}

const publishedOrganization = sql<boolean>`(o.hsds is not null or exists (select 1 from directory_services s where s.organization_id = o.id))`;

export async function listOrganizations(db: Executor, f: { search?: string }, p: Paging): Promise<Listed<OrganizationRow>> {
  const document = sql`to_tsvector('german', o.name || ' ' || o.description)`;
  const where = all([publishedOrganization, ...(f.search ? [sql<boolean>`${document} @@ ${tsQuery(f.search)}`] : [])]);
  const [count, rows] = await Promise.all([
    db
      .selectFrom('organizations as o')
      .select(sql<number>`count(*)::int`.as('n'))
      .where(where)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('organizations as o')
      .select(['o.id', 'o.name', 'o.description', 'o.hsds'])
      .where(where)
      .orderBy(f.search ? sql`ts_rank(${document}, ${tsQuery(f.search)}) desc, o.name, o.id` : sql`o.name, o.id`)
      .limit(p.perPage)
      .offset((p.page - 1) * p.perPage)
      .execute(),
  ]);
  return { total: count.n, rows };
}

export async function publishedOrganizationById(db: Executor, id: string): Promise<OrganizationRow | undefined> {
  return db
    .selectFrom('organizations as o')
    .select(['o.id', 'o.name', 'o.description', 'o.hsds'])
    .where('o.id', '=', id)
    .where(publishedOrganization)
    .executeTakeFirst();
}

export async function locationsOfOrganization(db: Executor, organizationId: string): Promise<unknown[]> {
  const rows = await db.selectFrom('directory_locations').select('hsds').where('organization_id', '=', organizationId).orderBy('name').orderBy('id').execute();
  return rows.map((r) => r.hsds);
}

export interface LinkRow extends ServiceLocationLink {
  service: ServiceRow;
}

export async function listServiceAtLocations(db: Executor, f: ServiceFilters & { postcode?: string }, p: Paging): Promise<Listed<LinkRow>> {
  const conditions = serviceConditions(f, sql`greatest(s.updated_at, l.updated_at)`);
  if (f.postcode) conditions.push(sql<boolean>`l.hsds -> 'addresses' @> ${JSON.stringify([{ postal_code: f.postcode }])}::jsonb`);
  const where = all(conditions);
  const base = () =>
    db
      .selectFrom('directory_service_locations as sl')
      .innerJoin('directory_services as s', 's.id', 'sl.service_id')
      .innerJoin('directory_locations as l', 'l.id', 'sl.location_id')
      .where(where);
  const [count, page] = await Promise.all([
    base()
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow(),
    base()
      .select('sl.id')
      .orderBy(f.text ? sql`${f.text.rank} desc, s.name, l.name, sl.id` : sql`s.name, l.name, sl.id`)
      .limit(p.perPage)
      .offset((p.page - 1) * p.perPage)
      .execute(),
  ]);
  const ids = page.map((r) => r.id);
  if (ids.length === 0) return { total: count.n, rows: [] };
  const rows = await linkQuery(db).where('sl.id', 'in', ids).execute();
  return { total: count.n, rows: inOrder(ids, rows.map(linkRow)) };
}

const linkQuery = (db: Executor) =>
  db
    .selectFrom('directory_service_locations as sl')
    .innerJoin('directory_services as s', 's.id', 'sl.service_id')
    .innerJoin('directory_locations as l', 'l.id', 'sl.location_id')
    .select(['sl.id', 'sl.service_id', 'sl.location_id', 'l.hsds as location_hsds', 's.organization_id', 's.hsds as service_hsds', 's.updated_at']);

function linkRow(r: {
  id: string;
  service_id: string;
  location_id: string;
  location_hsds: unknown;
  organization_id: string;
  service_hsds: unknown;
  updated_at: Date;
}): LinkRow {
  return {
    id: r.id,
    service_id: r.service_id,
    location_id: r.location_id,
    location_hsds: r.location_hsds,
    service: { id: r.service_id, organization_id: r.organization_id, hsds: r.service_hsds, updated_at: r.updated_at },
  };
}

export async function serviceAtLocationById(db: Executor, id: string): Promise<LinkRow | undefined> {
  const row = await linkQuery(db).where('sl.id', '=', id).executeTakeFirst();
  return row ? linkRow(row) : undefined;
}

export async function loadTerms(db: Executor): Promise<Map<string, TermRow>> {
  const rows = await db.selectFrom('taxonomy_terms').select(['id', 'taxonomy_id', 'code', 'name', 'description', 'parent_id']).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function listTaxonomies(db: Executor, f: { search?: string }, p: Paging): Promise<Listed<TaxonomyRow>> {
  const where = f.search ? sql<boolean>`to_tsvector('german', name || ' ' || description) @@ ${tsQuery(f.search)}` : sql<boolean>`true`;
  const [count, rows] = await Promise.all([
    db
      .selectFrom('taxonomies')
      .select(sql<number>`count(*)::int`.as('n'))
      .where(where)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('taxonomies')
      .select(['id', 'name', 'description', 'uri', 'version'])
      .where(where)
      .orderBy('name')
      .orderBy('id')
      .limit(p.perPage)
      .offset((p.page - 1) * p.perPage)
      .execute(),
  ]);
  return { total: count.n, rows };
}

export async function taxonomyById(db: Executor, id: string): Promise<TaxonomyRow | undefined> {
  return db.selectFrom('taxonomies').select(['id', 'name', 'description', 'uri', 'version']).where('id', '=', id).executeTakeFirst();
}

export interface TermFilters {
  search?: string;
  taxonomyId?: string;
  parentId?: string;
  topOnly?: boolean;
}

export async function listTerms(db: Executor, f: TermFilters, p: Paging): Promise<Listed<TermRow>> {
  const c: RawBuilder<boolean>[] = [];
  if (f.search) c.push(sql<boolean>`to_tsvector('german', name || ' ' || description) @@ ${tsQuery(f.search)}`);
  if (f.taxonomyId) c.push(sql<boolean>`taxonomy_id = ${f.taxonomyId}`);
  if (f.parentId) c.push(sql<boolean>`parent_id = ${f.parentId}`);
  if (f.topOnly) c.push(sql<boolean>`parent_id is null`);
  const where = all(c);
  const [count, rows] = await Promise.all([
    db
      .selectFrom('taxonomy_terms')
      .select(sql<number>`count(*)::int`.as('n'))
      .where(where)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('taxonomy_terms')
      .select(['id', 'taxonomy_id', 'code', 'name', 'description', 'parent_id'])
      .where(where)
      .orderBy('taxonomy_id')
      .orderBy('position')
      .orderBy('name')
      .orderBy('id')
      .limit(p.perPage)
      .offset((p.page - 1) * p.perPage)
      .execute(),
  ]);
  return { total: count.n, rows };
}

export async function termById(db: Executor, id: string): Promise<TermRow | undefined> {
  return db.selectFrom('taxonomy_terms').select(['id', 'taxonomy_id', 'code', 'name', 'description', 'parent_id']).where('id', '=', id).executeTakeFirst();
}
