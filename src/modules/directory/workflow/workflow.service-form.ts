import { randomUUID } from 'node:crypto';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { attributeValue } from '../directory.projection.js';
import { featureTerms } from '../directory.taxonomy.js';
import type { HsdsAttribute, HsdsCostOption, HsdsLanguage, HsdsService } from '../open-data/hsds.types.js';
import { withPhone, type Built } from './workflow.entity-forms.js';
import { hoursValues, readHours, schedulesFromSlots } from './workflow.hours.js';
import { FormReader, formatEuros, type FormValues } from './workflow.validate.js';

/** The service form: values from an HSDS service, and an HSDS service from checked values. */

/** Languages offered as checkboxes (ISO 639-1, German Sign Language ISO 639-3). */
export const serviceLanguages: readonly { code: string; de: string; en: string }[] = [
  { code: 'de', de: 'Deutsch', en: 'German' },
  { code: 'en', de: 'Englisch', en: 'English' },
  { code: 'tr', de: 'Türkisch', en: 'Turkish' },
  { code: 'ar', de: 'Arabisch', en: 'Arabic' },
  { code: 'ru', de: 'Russisch', en: 'Russian' },
  { code: 'uk', de: 'Ukrainisch', en: 'Ukrainian' },
  { code: 'pl', de: 'Polnisch', en: 'Polish' },
  { code: 'ro', de: 'Rumänisch', en: 'Romanian' },
  { code: 'bg', de: 'Bulgarisch', en: 'Bulgarian' },
  { code: 'fa', de: 'Persisch (Farsi)', en: 'Persian (Farsi)' },
  { code: 'ku', de: 'Kurdisch', en: 'Kurdish' },
  { code: 'sq', de: 'Albanisch', en: 'Albanian' },
  { code: 'fr', de: 'Französisch', en: 'French' },
  { code: 'es', de: 'Spanisch', en: 'Spanish' },
  { code: 'it', de: 'Italienisch', en: 'Italian' },
  { code: 'gsg', de: 'Deutsche Gebärdensprache', en: 'German Sign Language' },
];

export const maxAge = 27;
/** HSDS service statuses, in the order the form offers them. */
export const serviceStatuses = ['active', 'temporarily closed', 'inactive', 'defunct'] as const;
/** HSDS cost_option.option of the regular price and of the Familienpass price. */
export const costLabels = { free: 'kostenlos', regular: 'Regulärer Preis', reduced: 'Ermäßigt mit Familienpass' } as const;

export interface ServiceFormContext {
  id: string;
  existing?: HsdsService;
  /** Topic terms offered as checkboxes. */
  topics: readonly { id: string; code: string }[];
  /** The organisation's published locations offered as checkboxes. */
  locationIds: readonly string[];
  /** Today in Europe/Berlin, YYYY-MM-DD (for "Angaben geprüft"). */
  today: string;
  now: Date;
}

const reducedLabel = /familienpass|ermäßig|reduced/i;
/** Whether an option is the reduced price, by its label (its description may mention the reduced price of another option). */
const isReduced = (c: HsdsCostOption) => reducedLabel.test(c.option?.trim() ? c.option : (c.amount_description ?? ''));
const isPaid = (c: HsdsCostOption) => (c.amount ?? 0) > 0;

/** What the form shows of stored cost options: free, the regular price and the Familienpass price. */
export function pricesOf(costs: readonly HsdsCostOption[]): { free: boolean; regular?: HsdsCostOption; reduced?: HsdsCostOption } {
  const paid = costs.filter(isPaid);
  return { free: costs.length > 0 && paid.length === 0, regular: paid.find((c) => !isReduced(c)), reduced: paid.find(isReduced) };
}

/** The language codes a service has, lower-case (stored codes may be upper-case). */
export const languageCodesOf = (service: HsdsService | undefined): string[] =>
  (service?.languages ?? []).map((l) => (l.code ?? '').toLowerCase()).filter(Boolean);

export function serviceValues(service: HsdsService | undefined, context: Pick<ServiceFormContext, 'topics'>, locale: Locale): FormValues {
  const values: FormValues = {
    name: service?.name ?? '',
    status: service?.status ?? 'active',
    description: service?.description ?? '',
    minAge: service?.minimum_age === undefined ? '' : String(service.minimum_age),
    maxAge: service?.maximum_age === undefined ? '' : String(service.maximum_age),
    eligibility: service?.eligibility_description ?? '',
    application: service?.application_process ?? '',
    documents: (service?.required_documents ?? [])
      .map((d) => d.document ?? '')
      .filter(Boolean)
      .join('\n'),
    phone: service?.phones?.[0]?.number ?? '',
    email: service?.email ?? '',
    url: service?.url ?? '',
    easyLanguage: attributeValue(service?.attributes, featureTerms.easyLanguage.id) ?? '',
    leika: attributeValue(service?.attributes, featureTerms.leika.id) ?? '',
    ...hoursValues(service?.schedules),
  };
  const attributeTerms = new Set((service?.attributes ?? []).map((a) => a.taxonomy_term_id));
  for (const topic of context.topics) if (attributeTerms.has(topic.id)) values[`topic-${topic.code}`] = 'ja';
  for (const code of languageCodesOf(service)) values[`lang-${code}`] = 'ja';
  for (const link of service?.service_at_locations ?? []) values[`location-${link.location_id}`] = 'ja';
  const { free, regular, reduced } = pricesOf(service?.cost_options ?? []);
  if (free) values.free = 'ja';
  if (regular?.amount) values.price = formatEuros(regular.amount, locale);
  if (reduced?.amount) values.reducedPrice = formatEuros(reduced.amount, locale);
  values.fees = service?.fees_description ?? '';
  return values;
}

export function buildService(values: FormValues, context: ServiceFormContext, locale: Locale): Built<HsdsService> {
  const form = new FormReader(values, locale);
  const t = form.t;
  const existing = context.existing;
  const name = form.text('name', t('service.name'), { required: t('service.name.required'), max: 200 });
  const description = form.text('description', t('service.description'), { required: t('service.description.required'), max: 5000 });
  const topicIds = context.topics.filter((topic) => form.checked(`topic-${topic.code}`)).map((topic) => topic.id);
  if (topicIds.length === 0) form.fail('topics', t('service.topics.required'));
  const minimumAge = form.integer('minAge', t('service.minAge'), 0, maxAge);
  const maximumAge = form.integer('maxAge', t('service.maxAge'), 0, maxAge);
  if (minimumAge !== undefined && maximumAge !== undefined && minimumAge > maximumAge) form.fail('maxAge', t('service.ages.order'));
  const eligibility = form.text('eligibility', t('service.eligibility'), { max: 2000 });
  const application = form.text('application', t('service.application'), { max: 2000 });

  const free = form.checked('free');
  const price = form.euros('price', t('service.price'));
  const reducedPrice = form.euros('reducedPrice', t('service.reducedPrice'));
  // An entry that never stated its costs (imported) may stay silent; a new one must say.
  const costsKnown = !existing || (existing.cost_options ?? []).length > 0;
  if (free && (price !== undefined || reducedPrice !== undefined)) form.fail('price', t('service.costs.freeAndPrice'));
  else if (!free && price === undefined && !form.errors.price && (costsKnown || reducedPrice !== undefined)) form.fail('price', t('service.costs.required'));
  if (reducedPrice !== undefined && price !== undefined && reducedPrice >= price) form.fail('reducedPrice', t('service.reducedPrice.lower'));
  const fees = form.text('fees', t('service.fees'), { max: 2000 });

  const documents = form.text('documents', t('service.documents'), { max: 3000 });
  const languageCodes = [...new Set([...serviceLanguages.map((l) => l.code), ...languageCodesOf(existing)])].filter((code) => form.checked(`lang-${code}`));
  const phone = form.phone('phone', t('service.phone'));
  const email = form.email('email', t('service.email'));
  const url = form.url('url', t('service.url'));
  const locationIds = context.locationIds.filter((id) => form.checked(`location-${id}`));
  const hours = readHours(form);
  const easyLanguage = form.text('easyLanguage', t('service.easyLanguage'), { max: 2000 });
  // Forms from before the status field existed send none: the status stays as it was.
  const status = form.raw('status')
    ? (form.choice('status', serviceStatuses, t('service.status.invalid')) as HsdsService['status'] | undefined)
    : (existing?.status ?? 'active');
  const leikaRaw = form.raw('leika').replace(/\s/g, '');
  if (leikaRaw && !/^\d{14}$/.test(leikaRaw)) form.fail('leika', t('service.leika.format'));
  if (!form.ok) return { ok: false, errors: form.errors };

  const value: HsdsService = {
    ...existing,
    id: context.id,
    name: name!,
    description,
    status: status!,
    minimum_age: minimumAge,
    maximum_age: maximumAge,
    eligibility_description: eligibility,
    application_process: application,
    cost_options: costOptions(existing?.cost_options, free, price, reducedPrice),
    fees_description: fees,
    required_documents: keepIds(
      existing?.required_documents,
      (documents ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
      (d) => d.document,
      (document) => ({ document }),
      true,
    ),
    languages: keepIds(
      existing?.languages,
      languageCodes,
      (l) => l.code?.toLowerCase(),
      (code) => languageOf(code),
    ),
    phones: withPhone(existing?.phones, phone),
    email,
    url,
    service_at_locations: keepIds(
      existing?.service_at_locations,
      locationIds,
      (l) => l.location_id,
      (location_id) => ({ location_id }),
    ),
    schedules: schedulesFromSlots(hours, existing?.schedules),
    attributes: attributes(existing?.attributes ?? [], topicIds, context.topics, easyLanguage, leikaRaw || undefined),
    assured_date: form.checked('checked') ? context.today : existing?.assured_date,
    last_modified: context.now.toISOString(),
  };
  // Saved without a change: the entry stays exactly as it was, including when it was last modified.
  return { ok: true, value: existing && sameExceptLastModified(value, existing) ? existing : value };
}

/** Whether two entries have the same content (key order, undefined fields and last_modified aside). */
function sameExceptLastModified(a: HsdsService, b: HsdsService): boolean {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (!value || typeof value !== 'object') return value;
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return Object.fromEntries(entries.sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([k, v]) => [k, canonical(v)]));
  };
  return JSON.stringify(canonical({ ...a, last_modified: undefined })) === JSON.stringify(canonical({ ...b, last_modified: undefined }));
}

function languageOf(code: string): Omit<HsdsLanguage, 'id'> {
  const known = serviceLanguages.find((l) => l.code === code);
  return { code, name: known?.de ?? code };
}

/**
 * List items for the given keys: an item whose key was there before is kept as it was. Stored order
 * is kept (checkbox lists, new items at the end) unless `formOrder` (lines of a text area).
 */
function keepIds<T extends { id: string }, K>(
  old: T[] | undefined,
  keys: K[],
  keyOf: (item: T) => K | undefined,
  make: (key: K) => Omit<T, 'id'>,
  formOrder = false,
): T[] | undefined {
  const pool = [...(old ?? [])];
  const take = (key: K): T | undefined => {
    const index = pool.findIndex((item) => keyOf(item) === key);
    return index >= 0 ? pool.splice(index, 1)[0] : undefined;
  };
  const fresh = (key: K) => ({ id: randomUUID(), ...make(key) }) as T;
  let list: T[];
  if (formOrder) list = keys.map((key) => take(key) ?? fresh(key));
  else {
    const remaining = [...keys];
    const kept = (old ?? []).filter((item) => {
      const index = remaining.indexOf(keyOf(item) as K);
      if (index >= 0) remaining.splice(index, 1);
      return index >= 0;
    });
    list = [...kept, ...remaining.map(fresh)];
  }
  // An empty list stays as it was stored (empty or absent).
  return list.length ? list : old?.length === 0 ? old : undefined;
}

/**
 * Cost options for the form's answers. Unchanged answers keep the stored options as they are (with
 * their labels and descriptions); changed ones replace them, reusing the ids.
 */
function costOptions(old: HsdsCostOption[] | undefined, free: boolean, price: number | undefined, reduced: number | undefined): HsdsCostOption[] | undefined {
  const before = pricesOf(old ?? []);
  if (free === before.free && price === before.regular?.amount && reduced === before.reduced?.amount) return old;
  const reuse = (option: HsdsCostOption | undefined) => option?.id ?? randomUUID();
  if (free) return [{ id: reuse(old?.find((c) => !isPaid(c))), option: costLabels.free, amount: 0, currency: 'EUR' }];
  const list: HsdsCostOption[] = [];
  if (price !== undefined) list.push({ id: reuse(before.regular), option: costLabels.regular, amount: price, currency: 'EUR' });
  if (reduced !== undefined) list.push({ id: reuse(before.reduced), option: costLabels.reduced, amount: reduced, currency: 'EUR' });
  return list.length ? list : undefined;
}

/** Attributes for the form's topics and features, in stored order; other taxonomies' attributes stay as they are. */
function attributes(
  old: HsdsAttribute[],
  topicIds: string[],
  topics: ServiceFormContext['topics'],
  easyLanguage: string | undefined,
  leika: string | undefined,
): HsdsAttribute[] {
  const formTerms = new Set<string>([...topics.map((t) => t.id), featureTerms.easyLanguage.id, featureTerms.leika.id]);
  // Term id → value; topics have none.
  const wanted = new Map<string, string | undefined>(topicIds.map((id) => [id, undefined]));
  if (easyLanguage) wanted.set(featureTerms.easyLanguage.id, easyLanguage);
  if (leika) wanted.set(featureTerms.leika.id, leika);
  const result: HsdsAttribute[] = [];
  for (const attribute of old) {
    const termId = attribute.taxonomy_term_id;
    if (!formTerms.has(termId)) result.push(attribute);
    else if (wanted.has(termId)) {
      const value = wanted.get(termId);
      wanted.delete(termId);
      result.push(value === undefined || value === attribute.value ? attribute : { ...attribute, value });
    }
  }
  for (const [termId, value] of wanted) result.push({ id: randomUUID(), taxonomy_term_id: termId, ...(value === undefined ? {} : { value }) });
  return result;
}
