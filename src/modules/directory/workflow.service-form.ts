import { randomUUID } from 'node:crypto';
import type { Locale } from '../../platform/i18n/i18n.js';
import { attributeValue } from './directory.projection.js';
import { featureTerms } from './directory.taxonomy.js';
import type { HsdsAttribute, HsdsCostOption, HsdsLanguage, HsdsService } from './hsds.types.js';
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

const isReduced = (c: HsdsCostOption) => /familienpass|ermäßig|reduced/i.test(`${c.option ?? ''} ${c.amount_description ?? ''}`);

/** The language codes a service has, lower-case (stored codes may be upper-case). */
export const languageCodesOf = (service: HsdsService | undefined): string[] => (service?.languages ?? []).map((l) => (l.code ?? '').toLowerCase()).filter(Boolean);

export function serviceValues(service: HsdsService | undefined, context: Pick<ServiceFormContext, 'topics'>, locale: Locale): FormValues {
  const values: FormValues = {
    name: service?.name ?? '',
    status: service?.status ?? 'active',
    description: service?.description ?? '',
    minAge: service?.minimum_age === undefined ? '' : String(service.minimum_age),
    maxAge: service?.maximum_age === undefined ? '' : String(service.maximum_age),
    eligibility: service?.eligibility_description ?? '',
    application: service?.application_process ?? '',
    documents: (service?.required_documents ?? []).map((d) => d.document ?? '').filter(Boolean).join('\n'),
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
  const costs = service?.cost_options ?? [];
  const regular = costs.find((c) => (c.amount ?? 0) > 0 && !isReduced(c));
  const reduced = costs.find((c) => (c.amount ?? 0) > 0 && isReduced(c));
  if (costs.length > 0 && !regular && !reduced) values.free = 'ja';
  if (regular?.amount) values.price = formatEuros(regular.amount, locale);
  if (reduced?.amount) values.reducedPrice = formatEuros(reduced.amount, locale);
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
  if (free && (price !== undefined || reducedPrice !== undefined)) form.fail('price', t('service.costs.freeAndPrice'));
  else if (!free && price === undefined && !form.errors.price) form.fail('price', t('service.costs.required'));
  if (reducedPrice !== undefined && price !== undefined && reducedPrice >= price) form.fail('reducedPrice', t('service.reducedPrice.lower'));

  const documents = form.text('documents', t('service.documents'), { max: 3000 });
  const languageCodes = [...new Set([...serviceLanguages.map((l) => l.code), ...languageCodesOf(existing)])].filter((code) => form.checked(`lang-${code}`));
  const phone = form.phone('phone', t('service.phone'));
  const email = form.email('email', t('service.email'));
  const url = form.url('url', t('service.url'));
  const locationIds = context.locationIds.filter((id) => form.checked(`location-${id}`));
  const hours = readHours(form);
  const easyLanguage = form.text('easyLanguage', t('service.easyLanguage'), { max: 2000 });
  // Forms from before the status field existed send none: the status stays as it was.
  const status = form.raw('status') ? (form.choice('status', serviceStatuses, t('service.status.invalid')) as HsdsService['status'] | undefined) : (existing?.status ?? 'active');
  const leikaRaw = form.raw('leika').replace(/\s/g, '');
  if (leikaRaw && !/^\d{14}$/.test(leikaRaw)) form.fail('leika', t('service.leika.format'));
  if (!form.ok) return { ok: false, errors: form.errors };

  return {
    ok: true,
    value: {
      ...existing,
      id: context.id,
      name: name!,
      description,
      status: status!,
      minimum_age: minimumAge,
      maximum_age: maximumAge,
      eligibility_description: eligibility,
      application_process: application,
      cost_options: costOptions(existing?.cost_options ?? [], free, price, reducedPrice),
      required_documents: keepIds(existing?.required_documents, (documents ?? '').split('\n').map((line) => line.trim()).filter(Boolean), (d) => d.document, (document) => ({ document })),
      languages: keepIds(existing?.languages, languageCodes, (l) => l.code?.toLowerCase(), (code) => languageOf(code)),
      phones: withPhone(existing?.phones, phone),
      email,
      url,
      service_at_locations: keepIds(existing?.service_at_locations, locationIds, (l) => l.location_id, (location_id) => ({ location_id })),
      schedules: schedulesFromSlots(hours, existing?.schedules),
      attributes: attributes(existing?.attributes ?? [], topicIds, context.topics, easyLanguage, leikaRaw || undefined),
      assured_date: form.checked('checked') ? context.today : existing?.assured_date,
      last_modified: context.now.toISOString(),
    },
  };
}

function languageOf(code: string): Omit<HsdsLanguage, 'id'> {
  const known = serviceLanguages.find((l) => l.code === code);
  return { code, name: known?.de ?? code };
}

/** New list items for the given keys; an item whose key was there before keeps its id and fields. */
function keepIds<T extends { id: string }, K>(old: T[] | undefined, keys: K[], keyOf: (item: T) => K | undefined, make: (key: K) => Omit<T, 'id'>): T[] | undefined {
  const pool = [...(old ?? [])];
  const list = keys.map((key) => {
    const index = pool.findIndex((item) => keyOf(item) === key);
    const fresh = { ...make(key) } as Omit<T, 'id'>;
    return index >= 0 ? ({ ...pool.splice(index, 1)[0]!, ...fresh } as T) : ({ id: randomUUID(), ...fresh } as T);
  });
  return list.length ? list : undefined;
}

function costOptions(old: HsdsCostOption[], free: boolean, price: number | undefined, reduced: number | undefined): HsdsCostOption[] {
  const reuse = (match: (c: HsdsCostOption) => boolean) => old.find(match)?.id ?? randomUUID();
  if (free) return [{ id: reuse((c) => (c.amount ?? 0) === 0), option: costLabels.free, amount: 0, currency: 'EUR' }];
  const list: HsdsCostOption[] = [];
  if (price !== undefined) list.push({ id: reuse((c) => (c.amount ?? 0) > 0 && !isReduced(c)), option: costLabels.regular, amount: price, currency: 'EUR' });
  if (reduced !== undefined) list.push({ id: reuse((c) => (c.amount ?? 0) > 0 && isReduced(c)), option: costLabels.reduced, amount: reduced, currency: 'EUR' });
  return list;
}

function attributes(old: HsdsAttribute[], topicIds: string[], topics: ServiceFormContext['topics'], easyLanguage: string | undefined, leika: string | undefined): HsdsAttribute[] {
  const topicSet = new Set(topics.map((t) => t.id));
  const featureIds = new Set<string>([featureTerms.easyLanguage.id, featureTerms.leika.id]);
  // Attributes the form does not show (other taxonomies) stay as they are.
  const others = old.filter((a) => !topicSet.has(a.taxonomy_term_id) && !featureIds.has(a.taxonomy_term_id));
  const find = (termId: string) => old.find((a) => a.taxonomy_term_id === termId);
  const topicAttributes = topicIds.map((id) => find(id) ?? { id: randomUUID(), taxonomy_term_id: id });
  const feature = (termId: string, value: string | undefined): HsdsAttribute[] => (value ? [{ ...(find(termId) ?? { id: randomUUID() }), taxonomy_term_id: termId, value }] : []);
  return [...others, ...topicAttributes, ...feature(featureTerms.easyLanguage.id, easyLanguage), ...feature(featureTerms.leika.id, leika)];
}
