import type { DirectoryEntity } from '../../../db/types.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import {
  diffFields as diffGeneric,
  diffVersions,
  type FieldChange as GenericChange,
  type Fields as GenericFields,
} from '../../../platform/review/review.diff.js';
import { weeklyHoursOf } from '../directory.projection.js';
import { featureTerms } from '../directory.taxonomy.js';
import type { HsdsLocation, HsdsOrganization, HsdsService } from '../open-data/hsds.types.js';
import { workflowFieldMessages, type WorkflowFieldKey } from './workflow.fields.messages.js';
import { serviceLanguages } from './workflow.service-form.js';
import { languageName } from '../public/directory.filters.js';
import { formatCivilDate, intlLocale, numberFormat } from '../../../platform/i18n/i18n.js';

/**
 * What changed between two versions of an entry, field by field, in the words of the form.
 * Ids, order of lists and technical fields (last_modified) do not count: lists are compared by
 * their content.
 */

export type { FieldValue } from '../../../platform/review/review.diff.js';
export type FieldChange = GenericChange<WorkflowFieldKey>;

export interface DiffLookups {
  /** Names of taxonomy terms (topics) by id. */
  terms: ReadonlyMap<string, string>;
  /** Names of locations by id. */
  locations: ReadonlyMap<string, string>;
  locale: Locale;
}

type Fields = GenericFields<WorkflowFieldKey>;

/** A value as the diff compares it: trimmed, with LF line breaks (CR LF from older forms counts as the same text). */
const text = (value: string | number | undefined | null): string | undefined => {
  const clean = value === undefined || value === null ? '' : String(value).replace(/\r\n?/g, '\n').trim();
  return clean === '' ? undefined : clean;
};
const list = (values: (string | undefined)[]): string[] | undefined => {
  const items = values.map((v) => text(v)).filter((v): v is string => v !== undefined);
  return items.length ? items : undefined;
};

function hoursList(schedules: HsdsService['schedules'], locale: Locale): string[] | undefined {
  const t = workflowFieldMessages(locale);
  return list(weeklyHoursOf(schedules).map((h) => `${t(`day.${h.day}` as WorkflowFieldKey)} ${h.opens}–${h.closes}`));
}

function euros(amount: number, locale: Locale): string {
  return numberFormat(intlLocale[locale], { style: 'currency', currency: 'EUR' }).format(amount);
}

function dateText(value: string | undefined, locale: Locale): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}/.test(value)) return text(value);
  return formatCivilDate(value.slice(0, 10), locale);
}

function organizationFields(o: HsdsOrganization): Fields {
  return [
    ['org.name', text(o.name)],
    ['org.description', text(o.description)],
    ['org.email', text(o.email)],
    ['org.website', text(o.website)],
    ['org.phone', list((o.phones ?? []).map((p) => p.number))],
  ];
}

function locationFields(l: HsdsLocation, lookups: DiffLookups): Fields {
  const t = workflowFieldMessages(lookups.locale);
  const address = l.addresses?.find((a) => a.address_type === 'physical') ?? l.addresses?.[0];
  const barrierFree = (l.attributes ?? []).some((a) => a.taxonomy_term_id === featureTerms.barrierFree.id && a.value !== 'false');
  return [
    ['location.name', text(l.name)],
    ['location.street', text(address?.address_1)],
    ['location.postalCode', text(address?.postal_code)],
    ['location.city', text(address?.city)],
    ['location.district', text(address?.region)],
    ['location.coordinates', l.latitude === undefined || l.longitude === undefined ? undefined : `${l.latitude}, ${l.longitude}`],
    ['location.barrierFree', t(barrierFree ? 'value.yes' : 'value.no')],
    ['location.accessibility', list((l.accessibility ?? []).map((a) => a.description))],
    ['location.transportation', text(l.transportation)],
    ['field.hours', hoursList(l.schedules, lookups.locale)],
  ];
}

function serviceFields(s: HsdsService, lookups: DiffLookups): Fields {
  const t = workflowFieldMessages(lookups.locale);
  const attributes = s.attributes ?? [];
  const feature = (id: string) => text(attributes.find((a) => a.taxonomy_term_id === id)?.value);
  const languageLabel = (code: string | undefined, name: string | undefined) => {
    const known = serviceLanguages.find((l) => l.code === code?.toLowerCase());
    return known ? languageName(known.code, lookups.locale) : (name ?? code);
  };
  const cost = (c: NonNullable<HsdsService['cost_options']>[number]) =>
    (c.amount ?? 0) === 0 ? t('value.free') : `${text(c.option) ?? t('service.price')}: ${euros(c.amount ?? 0, lookups.locale)}`;
  return [
    ['service.name', text(s.name)],
    ['service.status', s.status ? t(`service.status.${s.status}`) : undefined],
    ['service.description', text(s.description)],
    ['service.topics', list(attributes.map((a) => lookups.terms.get(a.taxonomy_term_id)))],
    ['service.minAge', text(s.minimum_age)],
    ['service.maxAge', text(s.maximum_age)],
    ['service.eligibility', text(s.eligibility_description)],
    ['service.application', text(s.application_process)],
    ['service.costs', list((s.cost_options ?? []).map(cost))],
    ['service.fees', text(s.fees_description)],
    ['service.documents', list((s.required_documents ?? []).map((d) => d.document))],
    ['service.languages', list((s.languages ?? []).map((l) => languageLabel(l.code, l.name)))],
    ['service.phone', list((s.phones ?? []).map((p) => p.number))],
    ['service.email', text(s.email)],
    ['service.url', text(s.url)],
    ['service.locations', list((s.service_at_locations ?? []).map((l) => lookups.locations.get(l.location_id) ?? t('value.unknownLocation')))],
    ['field.hours', hoursList(s.schedules, lookups.locale)],
    ['service.easyLanguage', feature(featureTerms.easyLanguage.id)],
    ['service.leika', feature(featureTerms.leika.id)],
    ['service.assuredDate', dateText(s.assured_date, lookups.locale)],
  ];
}

/** The fields of an entry as the diff and the review page show them. */
export function describeEntry(type: DirectoryEntity, data: unknown, lookups: DiffLookups): Fields {
  switch (type) {
    case 'organization':
      return organizationFields(data as HsdsOrganization);
    case 'location':
      return locationFields(data as HsdsLocation, lookups);
    case 'service':
      return serviceFields(data as HsdsService, lookups);
  }
}

/** Compares two field lists (same keys): the review workflow's comparison (platform/review/review.diff.ts). */
export const diffFields = (before: Fields, after: Fields): FieldChange[] => diffGeneric(before, after);

/** What changed from `before` (the published version, or null for a new entry) to `after`. */
export function diffEntries(type: DirectoryEntity, before: unknown, after: unknown, lookups: DiffLookups): FieldChange[] {
  return diffVersions((data) => describeEntry(type, data, lookups), before, after);
}
