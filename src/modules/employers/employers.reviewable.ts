import type { Executor } from '../../db/executor.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { diffVersions, type Fields } from '../../platform/review/review.diff.js';
import type { Reviewable } from '../../platform/review/review.registry.js';
import { todayIn } from '../../platform/time/berlin.js';
import { inCatalogueOrder } from './employers.catalogue.js';
import { employersMessages, type EmployersKey } from './employers.messages.js';
import { employerPaths } from './employers.paths.js';
import * as repo from './employers.repository.js';
import type { EmployerData } from './employers.types.js';

/** A published row as a version (what the review compares a proposal with). */
export function dataOfRow(row: repo.ProfileRow): EmployerData {
  return {
    name: row.name,
    sector: row.sector,
    size: row.size,
    districts: row.districts,
    summary: row.summary,
    measures: inCatalogueOrder(row.measures),
    certificates: row.certificates,
    website: row.website,
    logo_id: row.logo_id,
    contact_name: row.contact_name,
    contact_email: row.contact_email,
    contact_phone: row.contact_phone,
  };
}

const text = (value: string | null | undefined) => {
  const clean = value === null || value === undefined ? '' : value.replace(/\r\n?/g, '\n').trim();
  return clean === '' ? undefined : clean;
};

/** The fields of a version in the words of the form, for the reviewer's diff. */
export function describeProfile(data: unknown, locale: Locale): Fields<EmployersKey> {
  const t = employersMessages(locale);
  const d = data as EmployerData;
  return [
    ['form.sector', d.sector ? t(`sector.${d.sector}`) : undefined],
    ['form.size', d.size ? t(`size.${d.size}`) : undefined],
    ['form.districts', d.districts ?? []],
    ['form.summary', text(d.summary)],
    ['form.measures', inCatalogueOrder(d.measures ?? []).map((m) => t(`measure.${m}`))],
    ['form.certificates', (d.certificates ?? []).map((c) => t(`certificate.${c.kind}`, { year: c.year, name: c.name ?? '' }))],
    ['form.website', text(d.website)],
    // The logo by its address: the reviewer opens it from the diff.
    ['form.logo', d.logo_id ? `/medien/${d.logo_id}` : undefined],
    ['form.contactName', text(d.contact_name)],
    ['form.contactEmail', text(d.contact_email)],
    ['form.contactPhone', text(d.contact_phone)],
  ];
}

/** Employer profiles in the one review workflow (platform/review): drafts, proposals, the editors' decision. */
export const employerReviewable: Reviewable = {
  kind: 'employer',
  auditPrefix: 'employers',
  label: (locale) => employersMessages(locale)('review.label'),
  async findPublished(db: Executor, id) {
    const row = await repo.findProfile(db, id);
    return row ? { organizationId: row.organization_id, data: dataOfRow(row) } : undefined;
  },
  publish: (trx, id, _organizationId, data) => repo.upsertProfile(trx, id, data as EmployerData, todayIn(new Date())),
  nameOf: (data) => (data as Partial<EmployerData> | null)?.name ?? '',
  async diff(_db, { before, after, locale }) {
    const t = employersMessages(locale);
    return diffVersions((data) => describeProfile(data, locale), before, after).map((c) => ({ ...c, field: t(c.field) }));
  },
  paths: { history: (orgId) => employerPaths.history(orgId), edit: (orgId) => employerPaths.edit(orgId) },
};
