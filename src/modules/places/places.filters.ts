import type { PlaceCertificate, PlaceField, PlaceKind } from '../../db/tables/places.js';
import { addMonths, todayIn } from '../../platform/time/berlin.js';
import type { PlaceFilters } from './places.types.js';
import { certificatesUpTo, isCertificate, isField, isKind } from './places.vocab.js';

/** The list's query (?art=&feld=&abschluss=&ab=YYYY-MM&teilzeit=ja), read leniently: what does not fit is ignored. */
export interface PlaceQuery {
  art?: string;
  feld?: string;
  abschluss?: string;
  ab?: string;
  teilzeit?: string;
}

/** What the form shows as chosen, and the filters for the query. */
export interface PlaceFilterState {
  kind?: PlaceKind;
  field?: PlaceField;
  certificate?: PlaceCertificate;
  /** YYYY-MM */
  from?: string;
  partTime: boolean;
}

export function readPlaceQuery(q: PlaceQuery): { state: PlaceFilterState; filters: PlaceFilters; active: number } {
  const kind = q.art && isKind(q.art) ? q.art : undefined;
  const field = q.feld && isField(q.feld) ? q.feld : undefined;
  const certificate = q.abschluss && isCertificate(q.abschluss) ? q.abschluss : undefined;
  const from = q.ab && /^\d{4}-(0[1-9]|1[0-2])$/.test(q.ab) ? q.ab : undefined;
  const partTime = q.teilzeit === 'ja';
  const state: PlaceFilterState = { kind, field, certificate, from, partTime };
  const filters: PlaceFilters = {
    kind,
    field,
    certificates: certificate ? certificatesUpTo(certificate) : undefined,
    startFrom: from ? `${from}-01` : undefined,
    partTime: partTime || undefined,
  };
  return { state, filters, active: [kind, field, certificate, from].filter(Boolean).length + (partTime ? 1 : 0) };
}

/** The months a place may start in that the filter offers: this month and the next 23 (YYYY-MM). */
export function startMonths(now: Date): string[] {
  const first = `${todayIn(now).slice(0, 7)}-01`;
  return Array.from({ length: 24 }, (_, i) => (addMonths(first, i) ?? first).slice(0, 7));
}
