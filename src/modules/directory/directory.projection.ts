import type { WeeklyHours } from '../../db/types.js';
import { featureTerms } from './directory.taxonomy.js';
import type { HsdsLocation, HsdsSchedule, HsdsService } from './open-data/hsds.types.js';

export interface TermInfo {
  code: string;
  name: string;
}

export interface LocationFacts {
  district: string | null;
  barrierFree: boolean;
}

/** What search and filters need from a service, derived from its HSDS object. */
export interface ServiceProjection {
  topicCodes: string[];
  districts: string[];
  languageCodes: string[];
  minimumAge: number | null;
  maximumAge: number | null;
  free: boolean;
  barrierFree: boolean;
  assuredDate: string | null;
  weeklyHours: WeeklyHours[];
  /** Weighted text for German full-text search: A name, B topics and alternate names, C the rest. */
  text: { a: string; b: string; c: string };
}

const days = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const time = /^([01]\d|2[0-3]):[0-5]\d/;

/** Weekly opening hours from HSDS schedules (freq WEEKLY, byday, opens_at, closes_at). */
export function weeklyHoursOf(schedules: HsdsSchedule[] | undefined): WeeklyHours[] {
  const hours: WeeklyHours[] = [];
  for (const s of schedules ?? []) {
    if (s.freq && s.freq !== 'WEEKLY') continue;
    if (!s.byday || !s.opens_at || !s.closes_at || !time.test(s.opens_at) || !time.test(s.closes_at)) continue;
    for (const day of s.byday.split(',')) {
      const index = days.indexOf(day.trim().toUpperCase());
      if (index >= 0) hours.push({ day: index + 1, opens: s.opens_at.slice(0, 5), closes: s.closes_at.slice(0, 5) });
    }
  }
  return hours.sort((x, y) => x.day - y.day || x.opens.localeCompare(y.opens));
}

export function attributeValue(attributes: { taxonomy_term_id: string; value?: string }[] | undefined, termId: string): string | undefined {
  return attributes?.find((a) => a.taxonomy_term_id === termId)?.value;
}

export function locationFacts(location: HsdsLocation, district: string | null): LocationFacts {
  return { district, barrierFree: (location.attributes ?? []).some((a) => a.taxonomy_term_id === featureTerms.barrierFree.id && a.value !== 'false') };
}

export function projectService(service: HsdsService, terms: Map<string, TermInfo>, organizationName: string, locations: LocationFacts[]): ServiceProjection {
  const topicTerms = (service.attributes ?? [])
    .map((a) => terms.get(a.taxonomy_term_id))
    .filter((t): t is TermInfo => !!t && !Object.values(featureTerms).some((f) => f.code === t.code));
  const districts = new Set<string>();
  for (const area of service.service_areas ?? []) if (area.name) districts.add(area.name);
  for (const location of locations) if (location.district) districts.add(location.district);
  const costs = service.cost_options ?? [];
  return {
    topicCodes: [...new Set(topicTerms.map((t) => t.code))],
    districts: [...districts],
    languageCodes: [...new Set((service.languages ?? []).map((l) => l.code?.toLowerCase()).filter((c): c is string => !!c))],
    minimumAge: service.minimum_age ?? null,
    maximumAge: service.maximum_age ?? null,
    free: costs.every((c) => (c.amount ?? 0) === 0),
    barrierFree: locations.some((l) => l.barrierFree),
    assuredDate: service.assured_date ?? null,
    weeklyHours: weeklyHoursOf(service.schedules),
    text: {
      a: service.name,
      b: [service.alternate_name, ...topicTerms.map((t) => t.name), organizationName].filter(Boolean).join(' '),
      c: [service.description, service.eligibility_description, service.application_process, attributeValue(service.attributes, featureTerms.easyLanguage.id)]
        .filter(Boolean)
        .join(' '),
    },
  };
}

/** Distinct lower-case words (3+ letters) of a text: the vocabulary for typo correction. */
export function wordsOf(text: string): string[] {
  return [...new Set(text.toLowerCase().match(/[a-zäöüß]{3,}/g) ?? [])];
}
