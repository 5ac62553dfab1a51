import { Type } from '@sinclair/typebox';
import type { EmployerCertificate, EmployerSector, EmployerSize } from '../../db/tables/employers.js';
import type { FieldWords } from '../../platform/http/forms.js';
import type { FieldErrors } from '../../platform/http/errors.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { measures, sectors, sizes } from './employers.catalogue.js';
import { employersMessages } from './employers.messages.js';
import type { EmployerData } from './employers.types.js';

const oneOf = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Year = () => Type.Optional(Type.String({ pattern: '^[0-9]{4}$' }));
const Ticked = () => Type.Optional(Type.Literal('ja'));

/** A checkbox per measure (m_<code>) and per district (d_<number>, in the city profile's order). */
export const measureField = (measure: string) => `m_${measure}`;
export const districtField = (index: number) => `d_${index}`;

/** The profile form (POST /arbeitgeber-verwalten/:org/bearbeiten); the districts come from the city profile. */
export function employerForm(districts: readonly string[]) {
  return Type.Object({
    sector: oneOf(sectors),
    size: oneOf(sizes),
    summary: Type.String({ maxLength: 2000 }),
    ...Object.fromEntries(measures.map((m) => [measureField(m), Ticked()])),
    ...Object.fromEntries(districts.map((_, i) => [districtField(i), Ticked()])),
    audit_year: Year(),
    network_year: Year(),
    other_name: Type.Optional(Type.String({ maxLength: 120 })),
    other_year: Year(),
    website: Type.Optional(Type.String({ pattern: '^https?://[^\\s<>"]+$', maxLength: 300 })),
    contact_name: Type.Optional(Type.String({ maxLength: 100 })),
    contact_email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    contact_phone: Type.Optional(Type.String({ maxLength: 40, pattern: '^[0-9 +()/-]+$' })),
    base_version: Type.String({ pattern: '^[0-9]{1,9}$' }),
    intent: oneOf(['draft', 'submit']),
  });
}
export type EmployerForm = ReturnType<typeof employerForm>;

export function employerFormLabels(locale: Locale, districts: readonly string[]): Record<string, FieldWords> {
  const t = employersMessages(locale);
  const year = (label: string) => ({ label, format: t('form.yearRange', { year: new Date().getFullYear() }) });
  return {
    sector: t('form.sector'),
    size: t('form.size'),
    summary: t('form.summary'),
    ...Object.fromEntries(measures.map((m) => [measureField(m), t(`measure.${m}`)])),
    ...Object.fromEntries(districts.map((d, i) => [districtField(i), d])),
    audit_year: year(t('form.auditYear')),
    network_year: year(t('form.networkYear')),
    other_name: t('form.otherName'),
    other_year: year(t('form.otherYear')),
    website: { label: t('form.website'), format: t('form.websiteFormat') },
    contact_name: t('form.contactName'),
    contact_email: t('form.contactEmail'),
    contact_phone: t('form.contactPhone'),
  };
}

/** The rules beyond the form's shape: at least one measure, years from 1990 to this year, another certificate with name and year. */
export function buildProfile(
  v: Record<string, string | undefined>,
  context: { name: string; logoId: string | null; districts: readonly string[]; now: Date; locale: Locale },
): { ok: true; value: EmployerData } | { ok: false; errors: FieldErrors } {
  const t = employersMessages(context.locale);
  const errors: FieldErrors = {};
  const thisYear = context.now.getFullYear();
  const chosen = measures.filter((m) => v[measureField(m)] === 'ja');
  if (chosen.length === 0) errors[measureField(measures[0]!)] = t('form.measuresRequired');
  const certificates: EmployerCertificate[] = [];
  for (const [field, kind] of [
    ['audit_year', 'audit'],
    ['network_year', 'network'],
  ] as const) {
    const value = v[field];
    if (!value) continue;
    const year = Number(value);
    if (year < 1990 || year > thisYear) errors[field] = t('form.yearRange', { year: thisYear });
    else certificates.push({ kind, year });
  }
  if (v.other_name && !v.other_year) errors.other_year = t('form.otherYearMissing');
  else if (v.other_year && !v.other_name) errors.other_name = t('form.otherNameMissing');
  else if (v.other_name && v.other_year) {
    const year = Number(v.other_year);
    if (year < 1990 || year > thisYear) errors.other_year = t('form.yearRange', { year: thisYear });
    else certificates.push({ kind: 'other', name: v.other_name, year });
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      name: context.name,
      sector: v.sector as EmployerSector,
      size: v.size as EmployerSize,
      districts: context.districts.filter((_, i) => v[districtField(i)] === 'ja'),
      summary: v.summary ?? '',
      measures: chosen,
      certificates,
      website: v.website ?? null,
      logo_id: context.logoId,
      contact_name: v.contact_name ?? null,
      contact_email: v.contact_email ?? null,
      contact_phone: v.contact_phone ?? null,
    },
  };
}

/** A version as form values (to edit it). */
export function formValuesOf(d: EmployerData, districts: readonly string[]): Record<string, string> {
  const certificate = (kind: EmployerCertificate['kind']) => d.certificates.find((c) => c.kind === kind);
  const other = certificate('other');
  return {
    sector: d.sector,
    size: d.size,
    summary: d.summary,
    ...Object.fromEntries(d.measures.map((m) => [measureField(m), 'ja'])),
    ...Object.fromEntries(districts.flatMap((name, i) => (d.districts.includes(name) ? [[districtField(i), 'ja']] : []))),
    audit_year: certificate('audit') ? String(certificate('audit')!.year) : '',
    network_year: certificate('network') ? String(certificate('network')!.year) : '',
    other_name: other?.name ?? '',
    other_year: other ? String(other.year) : '',
    website: d.website ?? '',
    contact_name: d.contact_name ?? '',
    contact_email: d.contact_email ?? '',
    contact_phone: d.contact_phone ?? '',
  };
}
