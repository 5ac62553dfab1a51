import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../db/types.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { ensure } from '../../../platform/auth/guard.js';
import type { Actor } from '../../../platform/auth/roles.js';
import { loadTermIndex } from '../directory.publish.js';
import { publishLocations, publishOrganizations, publishServices } from '../directory.publish-many.js';
import { canImportPackages } from './hsds.import.policy.js';
import { existingIds, linkOwners, recordPublishedRevisions } from './hsds.import.repository.js';
import { checkPackage, inPackageOrder, parsePackageText, type CheckedPackage, type Problem } from './hsds.validate.js';

/**
 * Importing an HSDS 3.0 package ({ organizations, locations, services }): everything is checked
 * first, then written in one transaction, so a package is imported whole or not at all. Records
 * are published as seed data and the review workflow publish them, in multi-row statements (upsert by id),
 * each gets its next published revision, and the import one audit entry with the counts.
 * The admin page and the CLI (hsds.import.cli.ts) both end here.
 */

export interface KindCounts {
  created: number;
  updated: number;
}
export interface ImportCounts {
  organizations: KindCounts;
  locations: KindCounts;
  services: KindCounts;
}

export type ImportResult = { ok: true; dryRun: boolean; counts: ImportCounts } | { ok: false; problems: Problem[]; total: number };

export interface ImportOptions {
  authorId: string | null;
  /** Check everything (the database references too) and write nothing. */
  dryRun?: boolean;
  /** Where the import came from, for the audit entry. */
  source: 'web' | 'cli';
}

/** Checks what the package refers to: organizations, locations and terms in the package or the database. */
async function referenceProblems(trx: Transaction<DB>, pkg: CheckedPackage): Promise<Problem[]> {
  const problems: Problem[] = [];
  const attributesOf = (r: { attributes?: { taxonomy_term_id: string }[] }) => (r.attributes ?? []).map((a) => a.taxonomy_term_id);
  const organizationIds = [...pkg.locations, ...pkg.services].map((r) => r.organization_id);
  const locationIds = pkg.services.flatMap((s) => (s.service_at_locations ?? []).map((l) => l.location_id));
  const termIds = [...pkg.organizations, ...pkg.locations, ...pkg.services].flatMap(attributesOf);
  const linkIds = pkg.services.flatMap((s) => (s.service_at_locations ?? []).map((l) => l.id));
  const [organizationsInDb, locationsInDb, termsInDb, owners] = await Promise.all([
    existingIds(trx, 'organizations', organizationIds),
    existingIds(trx, 'directory_locations', locationIds),
    existingIds(trx, 'taxonomy_terms', termIds),
    linkOwners(trx, linkIds),
  ]);
  const organizations = new Set([...organizationsInDb, ...pkg.ids.organizations]);
  const locations = new Set([...locationsInDb, ...pkg.ids.locations]);
  const checkTerms = (ref: Problem['record'], record: { attributes?: { taxonomy_term_id: string }[] }) =>
    (record.attributes ?? []).forEach((a, i) => {
      if (!termsInDb.has(a.taxonomy_term_id))
        problems.push({ record: ref, field: `attributes[${i}].taxonomy_term_id`, message: 'problem.unknownTerm', vars: { id: a.taxonomy_term_id } });
    });

  const refOf = (record: object) => pkg.refs.get(record) ?? { kind: 'package' as const };
  pkg.organizations.forEach((o) => checkTerms(refOf(o), o));
  pkg.locations.forEach((l) => {
    const ref = refOf(l);
    if (!organizations.has(l.organization_id))
      problems.push({ record: ref, field: 'organization_id', message: 'problem.unknownOrganization', vars: { id: l.organization_id } });
    checkTerms(ref, l);
  });
  pkg.services.forEach((s) => {
    const ref = refOf(s);
    if (!organizations.has(s.organization_id))
      problems.push({ record: ref, field: 'organization_id', message: 'problem.unknownOrganization', vars: { id: s.organization_id } });
    (s.service_at_locations ?? []).forEach((link, j) => {
      if (!locations.has(link.location_id))
        problems.push({ record: ref, field: `service_at_locations[${j}].location_id`, message: 'problem.unknownLocation', vars: { id: link.location_id } });
      const owner = owners.get(link.id);
      if (owner && owner !== s.id) problems.push({ record: ref, field: `service_at_locations[${j}].id`, message: 'problem.linkTaken', vars: { id: link.id } });
    });
    checkTerms(ref, s);
  });
  return problems;
}

/** Imports an already parsed package. Callers check who may (see importAsAdmin); the CLI runs on the server. */
export async function importHsdsPackage(db: Kysely<DB>, value: unknown, options: ImportOptions): Promise<ImportResult> {
  const checked = checkPackage(value);
  const { pkg } = checked;

  return db.transaction().execute(async (trx): Promise<ImportResult> => {
    // References of the records that passed are checked even when others failed: one report says it all.
    const references = await referenceProblems(trx, pkg);
    const total = checked.total + references.length;
    if (total > 0) return { ok: false, problems: inPackageOrder([...checked.problems, ...references]).slice(0, 1000), total };

    const [organizationsBefore, locationsBefore, servicesBefore] = await Promise.all([
      existingIds(
        trx,
        'organizations',
        pkg.organizations.map((o) => o.id),
      ),
      existingIds(
        trx,
        'directory_locations',
        pkg.locations.map((l) => l.id),
      ),
      existingIds(
        trx,
        'directory_services',
        pkg.services.map((s) => s.id),
      ),
    ]);
    const count = (ids: { id: string }[], before: Set<string>): KindCounts => ({
      created: ids.filter((r) => !before.has(r.id)).length,
      updated: ids.filter((r) => before.has(r.id)).length,
    });
    const counts: ImportCounts = {
      organizations: count(pkg.organizations, organizationsBefore),
      locations: count(pkg.locations, locationsBefore),
      services: count(pkg.services, servicesBefore),
    };
    if (options.dryRun) return { ok: true, dryRun: true, counts };

    await publishOrganizations(trx, pkg.organizations);
    await publishLocations(trx, pkg.locations);
    await publishServices(trx, pkg.services, await loadTermIndex(trx));

    await recordPublishedRevisions(
      trx,
      [
        ...pkg.organizations.map((o) => ({ entityType: 'organization' as const, entityId: o.id, organizationId: o.id, data: o })),
        ...pkg.locations.map((l) => ({ entityType: 'location' as const, entityId: l.id, organizationId: l.organization_id, data: l })),
        ...pkg.services.map((s) => ({ entityType: 'service' as const, entityId: s.id, organizationId: s.organization_id, data: s })),
      ],
      options.authorId,
      new Date(),
    );
    await recordAudit(trx, {
      actorId: options.authorId,
      action: 'directory.hsds_imported',
      subjectType: 'directory',
      details: { source: options.source, ...counts },
    });
    return { ok: true, dryRun: false, counts };
  });
}

/** The admin page's entry: only admins import, and the text must be a valid package. */
export async function importAsAdmin(db: Kysely<DB>, actor: Actor, text: string, dryRun: boolean): Promise<ImportResult> {
  ensure(canImportPackages(actor));
  const parsed = parsePackageText(text);
  if (!parsed.ok) return { ok: false, problems: [parsed.problem], total: 1 };
  return importHsdsPackage(db, parsed.value, { authorId: actor.id, dryRun, source: 'web' });
}
