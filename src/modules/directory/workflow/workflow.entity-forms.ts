import { randomUUID } from 'node:crypto';
import type { FieldErrors } from '../../../platform/http/errors.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { featureTerms } from '../directory.taxonomy.js';
import type { HsdsAddress, HsdsLocation, HsdsOrganization, HsdsPhone } from '../open-data/hsds.types.js';
import { hoursValues, readHours, schedulesFromSlots } from './workflow.hours.js';
import { FormReader, type FormValues } from './workflow.validate.js';

/**
 * The organisation and location forms: form values from an HSDS object (to edit it) and an HSDS
 * object from checked form values. Sub-objects keep their ids; new ones get random UUIDs.
 */

export type Built<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

const done = <T>(form: FormReader, value: T): Built<T> => (form.ok ? { ok: true, value } : { ok: false, errors: form.errors });

/** Replaces the number of the first phone (keeping its id and the other phones), or removes it. */
export function withPhone(phones: HsdsPhone[] | undefined, number: string | undefined): HsdsPhone[] | undefined {
  const [first, ...rest] = phones ?? [];
  const next = number ? [{ ...(first ?? { id: randomUUID() }), number }, ...rest] : rest;
  return next.length ? next : undefined;
}

export function organizationValues(org: HsdsOrganization): FormValues {
  return { name: org.name, description: org.description, email: org.email ?? '', website: org.website ?? '', phone: org.phones?.[0]?.number ?? '' };
}

export function buildOrganization(values: FormValues, existing: HsdsOrganization, locale: Locale): Built<HsdsOrganization> {
  const form = new FormReader(values, locale);
  const t = form.t;
  const name = form.text('name', t('org.name'), { required: t('org.name.required'), max: 200 });
  const description = form.text('description', t('org.description'), { required: t('org.description.required'), max: 5000 });
  const email = form.email('email', t('org.email'));
  const website = form.url('website', t('org.website'));
  const phone = form.phone('phone', t('org.phone'));
  return done(form, { ...existing, name: name ?? '', description: description ?? '', email, website, phones: withPhone(existing.phones, phone) });
}

export function locationValues(location: HsdsLocation | undefined, cityName: string): FormValues {
  const address = location?.addresses?.find((a) => a.address_type === 'physical') ?? location?.addresses?.[0];
  const barrierFree = (location?.attributes ?? []).some((a) => a.taxonomy_term_id === featureTerms.barrierFree.id && a.value !== 'false');
  return {
    name: location?.name ?? '',
    street: address?.address_1 ?? '',
    postalCode: address?.postal_code ?? '',
    city: address?.city ?? cityName,
    district: address?.region ?? '',
    latitude: location?.latitude === undefined ? '' : String(location.latitude),
    longitude: location?.longitude === undefined ? '' : String(location.longitude),
    ...(barrierFree ? { barrierFree: 'ja' } : {}),
    accessibility: location?.accessibility?.[0]?.description ?? '',
    transportation: location?.transportation ?? '',
    ...hoursValues(location?.schedules),
  };
}

export interface LocationContext {
  id: string;
  existing?: HsdsLocation;
  districts: readonly string[];
  state: string;
}

export function buildLocation(values: FormValues, context: LocationContext, locale: Locale): Built<HsdsLocation> {
  const form = new FormReader(values, locale);
  const t = form.t;
  const existing = context.existing;
  const name = form.text('name', t('location.name'), { required: t('location.name.required'), max: 200 });
  const street = form.text('street', t('location.street'), { required: t('location.street.required'), max: 200 });
  const postalCode = form.text('postalCode', t('location.postalCode'), { required: t('location.postalCode.required'), max: 5 });
  if (postalCode && !/^\d{5}$/.test(postalCode)) form.fail('postalCode', t('location.postalCode.format'));
  const city = form.text('city', t('location.city'), { required: t('location.city.required'), max: 100 });
  const district = form.choice('district', context.districts, t('location.district.required'));
  const latitude = form.decimal('latitude', t('location.latitude'), -90, 90);
  const longitude = form.decimal('longitude', t('location.longitude'), -180, 180);
  if ((latitude === undefined) !== (longitude === undefined) && !form.errors.latitude && !form.errors.longitude) {
    form.fail(latitude === undefined ? 'latitude' : 'longitude', t('location.coordinates.both'));
  }
  const barrierFree = form.checked('barrierFree');
  const accessibility = form.text('accessibility', t('location.accessibility'), { max: 2000 });
  const transportation = form.text('transportation', t('location.transportation'), { max: 2000 });
  const hours = readHours(form);

  const oldAddress = existing?.addresses?.find((a) => a.address_type === 'physical') ?? existing?.addresses?.[0];
  const address: HsdsAddress = {
    ...(oldAddress ?? { id: randomUUID() }),
    address_1: street ?? '',
    city: city ?? '',
    region: district,
    state_province: oldAddress?.state_province ?? context.state,
    postal_code: postalCode ?? '',
    country: oldAddress?.country ?? 'DE',
    address_type: 'physical',
  };
  const otherAttributes = (existing?.attributes ?? []).filter((a) => a.taxonomy_term_id !== featureTerms.barrierFree.id);
  const oldBarrierFree = existing?.attributes?.find((a) => a.taxonomy_term_id === featureTerms.barrierFree.id);
  const [oldAccessibility, ...moreAccessibility] = existing?.accessibility ?? [];
  const accessibilityList = accessibility
    ? [{ ...(oldAccessibility ?? { id: randomUUID() }), description: accessibility }, ...moreAccessibility]
    : moreAccessibility;
  return done(form, {
    ...existing,
    id: context.id,
    location_type: existing?.location_type ?? 'physical',
    name: name ?? '',
    latitude,
    longitude,
    transportation,
    addresses: [address, ...(existing?.addresses ?? []).filter((a) => a.id !== address.id)],
    accessibility: accessibilityList.length ? accessibilityList : undefined,
    attributes: [
      ...otherAttributes,
      ...(barrierFree ? [{ ...(oldBarrierFree ?? { id: randomUUID() }), taxonomy_term_id: featureTerms.barrierFree.id, value: 'true' }] : []),
    ],
    schedules: schedulesFromSlots(hours, existing?.schedules),
  });
}
