import { civilDateError, readCivilDate, showCivilDate } from '../../platform/time/civil-date.js';
import type { FieldErrors } from '../../platform/http/errors.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { addDays, fromLocal, isTime } from '../../platform/time/berlin.js';
import { categoryCodes } from './events.categories.js';
import { formMessages } from './events-form.messages.js';
import type { EventInput } from './events.model.js';
import type { EventStatus, Frequency } from './recurrence.js';

/**
 * The event form read into an EventInput, with a German (or English) error per field. Pure: the
 * service adds what needs the database (the location's district, the organisation check).
 */

export type FormFields = Record<string, string>;

export interface FormContext {
  locale: Locale;
  districts: readonly string[];
  /** Today in Berlin; a new event may not start before it. */
  today: string;
  isNew: boolean;
  /** Ids of directory locations one may choose. */
  locationIds: ReadonlySet<string>;
}

const yes = (v: string | undefined) => v === 'ja' || v === 'on' || v === 'true';

/** 9:30, 09:30, 9.30 or 9 → 09:30. */
export function readTime(value: string): string | null {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?(?:\s*Uhr)?$/i.exec(value.trim());
  if (!m) return null;
  const t = `${m[1]!.padStart(2, '0')}:${m[2] ?? '00'}`;
  return isTime(t) ? t : null;
}

/** "4,50", "4.50", "4" or "4,50 €" → 450. */
export function readEuros(value: string): number | null {
  const m = /^(\d{1,5})(?:[,.](\d{1,2}))?\s*€?$/.exec(value.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

export function parseEventForm(f: FormFields, c: FormContext): { ok: true; value: EventInput } | { ok: false; errors: FieldErrors } {
  const t = formMessages(c.locale);
  const errors: FieldErrors = {};
  const get = (name: string) => (f[name] ?? '').trim();
  const fail = (name: string, message: string) => {
    if (!errors[name]) errors[name] = message;
  };
  const text = (
    name: 'title' | 'description' | 'placeName' | 'street' | 'postalCode' | 'locality' | 'registrationHow' | 'statusNote',
    max: number,
    required = false,
  ) => {
    const value = get(name);
    if (required && !value) fail(name, t('error.required', { label: t(name) }));
    if (value.length > max) fail(name, t('error.tooLong', { label: t(name), max }));
    return value.slice(0, max);
  };
  const date = (name: string, required: boolean) => {
    const value = get(name);
    if (!value) {
      if (required) fail(name, t('error.required', { label: t(name as 'startDate') }));
      return null;
    }
    const reading = readCivilDate(value);
    if (reading.ok) return reading.date;
    fail(name, civilDateError(reading.problem, t(name as 'startDate'), c.locale));
    return null;
  };
  const time = (name: string, required: boolean) => {
    const value = get(name);
    if (!value) {
      if (required) fail(name, t('error.required', { label: t(name as 'startTime') }));
      return null;
    }
    const parsed = readTime(value);
    if (!parsed) fail(name, t('error.time', { label: t(name as 'startTime') }));
    return parsed;
  };
  const int = (name: string, min: number, max: number, message: string) => {
    const value = get(name);
    if (!value) return null;
    if (!/^\d{1,4}$/.test(value) || Number(value) < min || Number(value) > max) {
      fail(name, message);
      return null;
    }
    return Number(value);
  };

  const title = text('title', 200, true);
  const description = text('description', 5000, true);
  const categories = categoryCodes.filter((code) => yes(f[`cat_${code}`]));
  if (categories.length === 0) fail(`cat_${categoryCodes[0]}`, t('error.choose', { label: t('categories') }));

  // When
  const allDay = yes(f.allDay);
  const startDate = date('startDate', true);
  const startTime = allDay ? null : time('startTime', true);
  const endDate = date('endDate', false) ?? startDate;
  const endTime = allDay ? null : time('endTime', false);
  if (startDate && endDate && !errors.startTime && !errors.endTime) {
    const start = allDay ? fromLocal(startDate) : startTime ? fromLocal(startDate, startTime) : null;
    const end = allDay ? fromLocal(addDays(endDate, 1)) : endTime ? fromLocal(endDate, endTime) : endDate !== startDate ? fromLocal(addDays(endDate, 1)) : null;
    if (start && end && end.getTime() <= start.getTime()) fail(endTime ? 'endTime' : 'endDate', t('error.endBeforeStart'));
    if (!allDay && endDate !== startDate && !endTime) fail('endTime', t('error.required', { label: t('endTime') }));
  }
  if (c.isNew && startDate && startDate < c.today) fail('startDate', t('error.past'));

  // Repetition
  const repeat = get('repeat');
  let rule: EventInput['rule'] = null;
  const excludedDates: string[] = [];
  if (repeat && repeat !== 'none') {
    if (!['daily', 'weekly', 'monthly'].includes(repeat)) fail('repeat', t('error.choose', { label: t('repeat') }));
    const interval = int('interval', 1, 52, t('error.interval')) ?? 1;
    const until = date('repeatUntil', false);
    const count = int('repeatCount', 1, 500, t('error.count'));
    if (!get('repeatUntil') && !get('repeatCount')) fail('repeatUntil', t('error.endless'));
    if (until && count) fail('repeatCount', t('error.untilAndCount'));
    if (until && startDate && until < startDate) fail('repeatUntil', t('error.untilBeforeStart'));
    if (until && startDate && until > addDays(startDate, 3 * 365)) fail('repeatUntil', t('error.untilTooFar'));
    const byWeekday = [1, 2, 3, 4, 5, 6, 7].filter((d) => yes(f[`wd${d}`]));
    rule = { freq: repeat as Frequency, interval, byWeekday: repeat === 'weekly' ? byWeekday : [], until, count };
    for (const line of get('excludedDates')
      .split(/[\n,;]+/)
      .map((s) => s.trim())
      .filter(Boolean)) {
      const reading = readCivilDate(line);
      if (reading.ok) excludedDates.push(reading.date);
      else fail('excludedDates', civilDateError(reading.problem, t('excludedDates'), c.locale));
    }
  }

  // Where
  const locationId = get('locationId') && c.locationIds.has(get('locationId')) ? get('locationId') : null;
  const placeName = text('placeName', 200);
  const street = text('street', 200);
  const postalCode = text('postalCode', 10);
  const locality = text('locality', 100);
  if (!locationId && (!placeName || !locality)) fail(placeName ? 'locality' : 'placeName', t('error.place'));
  const district = c.districts.find((d) => d === get('district')) ?? null;
  if (!locationId && !district) fail('district', t('error.choose', { label: t('district') }));

  // Who and cost
  const minAge = int('minAge', 0, 99, t('error.age'));
  const maxAge = int('maxAge', 0, 99, t('error.age'));
  if (minAge !== null && maxAge !== null && minAge > maxAge) fail('maxAge', t('error.ageOrder'));
  const free = yes(f.free);
  let priceCents: number | null = null;
  let reducedPriceCents: number | null = null;
  if (!free) {
    if (!get('price')) fail('price', t('error.required', { label: t('price') }));
    else if ((priceCents = readEuros(get('price'))) === null) fail('price', t('error.price'));
    if (get('reducedPrice') && (reducedPriceCents = readEuros(get('reducedPrice'))) === null) fail('reducedPrice', t('error.price'));
  }
  const registrationRequired = yes(f.registrationRequired);
  const registrationHow = text('registrationHow', 500);
  const registrationUntil = registrationRequired ? date('registrationUntil', false) : null;

  const status = (['scheduled', 'cancelled', 'postponed'].includes(get('status')) ? get('status') : 'scheduled') as EventStatus;
  const statusNote = text('statusNote', 500);

  // An image needs its alternative text (the upload itself is handled by the platform's media contract).
  const imageId = get('imageId') || null;
  const imageAlt = get('imageAlt').slice(0, 300) || null;
  if (imageId && !imageAlt) fail('imageAlt', t('error.imageAlt'));

  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      organizationId: get('organizationId') || null,
      title,
      description,
      timing: { allDay, startDate: startDate!, startTime, endDate: endDate ?? startDate!, endTime },
      rule,
      excludedDates: [...new Set(excludedDates)].sort(),
      locationId,
      placeName: locationId ? '' : placeName,
      street: locationId ? '' : street,
      postalCode: locationId ? '' : postalCode,
      locality: locationId ? '' : locality,
      district,
      minAge,
      maxAge,
      free,
      priceCents,
      reducedPriceCents,
      registrationRequired,
      registrationHow: registrationRequired ? registrationHow : '',
      registrationUntil,
      barrierFree: yes(f.barrierFree),
      signLanguage: yes(f.signLanguage),
      easyLanguage: yes(f.easyLanguage),
      quietSpace: yes(f.quietSpace),
      categories,
      imageId,
      imageAlt,
      status,
      statusNote,
    },
  };
}

/** The form fields for an existing event (to fill the edit form). */
export function formFieldsOf(e: EventInput, exclusions: readonly string[]): FormFields {
  const f: FormFields = {
    title: e.title,
    description: e.description,
    organizationId: e.organizationId ?? '',
    startDate: e.timing.startDate,
    startTime: e.timing.startTime ?? '',
    endDate: e.timing.endDate === e.timing.startDate ? '' : e.timing.endDate,
    endTime: e.timing.endTime ?? '',
    repeat: e.rule?.freq ?? 'none',
    interval: e.rule ? String(e.rule.interval) : '1',
    repeatUntil: e.rule?.until ?? '',
    repeatCount: e.rule?.count ? String(e.rule.count) : '',
    excludedDates: exclusions.map(showCivilDate).join('\n'),
    locationId: e.locationId ?? '',
    placeName: e.placeName,
    street: e.street,
    postalCode: e.postalCode,
    locality: e.locality,
    district: e.district ?? '',
    minAge: e.minAge?.toString() ?? '',
    maxAge: e.maxAge?.toString() ?? '',
    price: e.priceCents !== null ? (e.priceCents / 100).toFixed(2).replace('.', ',') : '',
    reducedPrice: e.reducedPriceCents !== null ? (e.reducedPriceCents / 100).toFixed(2).replace('.', ',') : '',
    registrationHow: e.registrationHow,
    registrationUntil: e.registrationUntil ?? '',
    status: e.status,
    statusNote: e.statusNote,
    imageId: e.imageId ?? '',
    imageAlt: e.imageAlt ?? '',
  };
  for (const [flag, on] of [
    ['allDay', e.timing.allDay],
    ['free', e.free],
    ['registrationRequired', e.registrationRequired],
    ['barrierFree', e.barrierFree],
    ['signLanguage', e.signLanguage],
    ['easyLanguage', e.easyLanguage],
    ['quietSpace', e.quietSpace],
  ] as const)
    if (on) f[flag] = 'ja';
  for (const c of e.categories) f[`cat_${c}`] = 'ja';
  for (const d of e.rule?.byWeekday ?? []) f[`wd${d}`] = 'ja';
  return f;
}
