import type { DirectoryEntity } from '../../../db/types.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
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

export type FieldValue = string | string[] | undefined;

export interface FieldChange {
  /** The label key of the field in the form catalogue. */
  field: WorkflowFieldKey;
  kind: 'added' | 'removed' | 'changed';
  before?: string;
  after?: string;
  /** For lists: items only in the new version / only in the old one. */
  addedItems?: string[];
  removedItems?: string[];
}

export interface DiffLookups {
  /** Names of taxonomy terms (topics) by id. */
  terms: ReadonlyMap<string, string>;
  /** Names of locations by id. */
  locations: ReadonlyMap<string, string>;
  locale: Locale;
}

type Fields = [WorkflowFieldKey, FieldValue][];

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

/** Items of `a` that `b` lacks, counting duplicates. */
function minus(a: string[], b: string[]): string[] {
  const rest = [...b];
  return a.filter((item) => {
    const i = rest.indexOf(item);
    if (i < 0) return true;
    rest.splice(i, 1);
    return false;
  });
}

/** Compares two field lists (same keys) and returns what was added, removed or changed. */
export function diffFields(before: Fields, after: Fields): FieldChange[] {
  const old = new Map(before);
  const changes: FieldChange[] = [];
  for (const [field, value] of after) {
    const previous = old.get(field);
    if (previous === undefined && value === undefined) continue;
    if (Array.isArray(previous) || Array.isArray(value)) {
      const a = Array.isArray(previous) ? previous : previous ? [previous] : [];
      const b = Array.isArray(value) ? value : value ? [value] : [];
      const addedItems = minus(b, a);
      const removedItems = minus(a, b);
      if (!addedItems.length && !removedItems.length) continue;
      const kind = a.length === 0 ? 'added' : b.length === 0 ? 'removed' : 'changed';
      changes.push({ field, kind, before: a.length ? a.join('; ') : undefined, after: b.length ? b.join('; ') : undefined, addedItems, removedItems });
      continue;
    }
    if (previous === value) continue;
    changes.push({ field, kind: previous === undefined ? 'added' : value === undefined ? 'removed' : 'changed', before: previous, after: value });
  }
  return changes;
}

/** What changed from `before` (the published version, or null for a new entry) to `after`. */
export function diffEntries(type: DirectoryEntity, before: unknown, after: unknown, lookups: DiffLookups): FieldChange[] {
  const empty = describeEntry(type, after, lookups).map(([field]) => [field, undefined] as [WorkflowFieldKey, FieldValue]);
  return diffFields(before ? describeEntry(type, before, lookups) : empty, describeEntry(type, after, lookups));
}
