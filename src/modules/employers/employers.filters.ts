import type { EmployerSector, EmployerSize } from '../../db/tables/employers.js';
import { isMeasure, isSector, isSize, type Measure } from './employers.catalogue.js';
import type { EmployerFilters } from './employers.types.js';

/** The list's query (?massnahme=&branche=&groesse=&bezirk=&ausbildung=ja&teilzeit=ja&seite=), read leniently: what does not fit is ignored. */
export interface EmployerQuery {
  massnahme?: string;
  branche?: string;
  groesse?: string;
  bezirk?: string;
  ausbildung?: string;
  teilzeit?: string;
  seite?: string;
}

export interface EmployerFilterState {
  measure?: Measure;
  sector?: EmployerSector;
  size?: EmployerSize;
  district?: string;
  apprenticeships: boolean;
  partTime: boolean;
}

export function readEmployerQuery(
  q: EmployerQuery,
  districts: readonly string[],
): { state: EmployerFilterState; filters: EmployerFilters; active: number; page: number } {
  const state: EmployerFilterState = {
    measure: q.massnahme && isMeasure(q.massnahme) ? q.massnahme : undefined,
    sector: q.branche && isSector(q.branche) ? q.branche : undefined,
    size: q.groesse && isSize(q.groesse) ? q.groesse : undefined,
    district: q.bezirk && districts.includes(q.bezirk) ? q.bezirk : undefined,
    apprenticeships: q.ausbildung === 'ja',
    partTime: q.teilzeit === 'ja',
  };
  const filters: EmployerFilters = {
    measure: state.measure,
    sector: state.sector,
    size: state.size,
    district: state.district,
    apprenticeships: state.apprenticeships || undefined,
    partTime: state.partTime || undefined,
  };
  const active = [state.measure, state.sector, state.size, state.district].filter(Boolean).length + Number(state.apprenticeships) + Number(state.partTime);
  const page = q.seite && /^[1-9][0-9]{0,3}$/.test(q.seite) ? Number(q.seite) : 1;
  return { state, filters, active, page };
}

/** The list's address for these filters on another page. */
export function listQuery(state: EmployerFilterState, page: number): string {
  const params = new URLSearchParams();
  if (state.measure) params.set('massnahme', state.measure);
  if (state.sector) params.set('branche', state.sector);
  if (state.size) params.set('groesse', state.size);
  if (state.district) params.set('bezirk', state.district);
  if (state.apprenticeships) params.set('ausbildung', 'ja');
  if (state.partTime) params.set('teilzeit', 'ja');
  if (page > 1) params.set('seite', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}
