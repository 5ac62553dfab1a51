import type { EmployerSector, EmployerSize } from '../../db/tables/employers.js';

/**
 * The shared catalogue of family-friendly measures (after "Erfolgsfaktor Familie" and the audit
 * berufundfamilie), grouped in areas; sectors and sizes. Stable codes: addresses, forms and the
 * database use them, the catalogue (employers.messages.ts) names them.
 */

export const areas = ['time', 'childcare', 'care', 'leave', 'health'] as const;
export type Area = (typeof areas)[number];

export const measuresByArea = {
  time: ['flexitime', 'part_time', 'part_time_leadership', 'job_sharing', 'family_shifts', 'remote_work'],
  childcare: ['company_childcare', 'emergency_care', 'holiday_care', 'parent_child_office'],
  care: ['care_leave', 'care_counselling'],
  leave: ['leave_contact', 'return_programme', 'part_time_training'],
  health: ['health_programme', 'employee_counselling'],
} as const satisfies Record<Area, readonly string[]>;

export type Measure = (typeof measuresByArea)[Area][number];
export const measures: readonly Measure[] = areas.flatMap((a) => measuresByArea[a]);
export const areaOf = (measure: Measure): Area => areas.find((a) => (measuresByArea[a] as readonly string[]).includes(measure))!;

/** Measures that make part-time work possible (the filter "Teilzeit möglich", with part-time places). */
export const partTimeMeasures: readonly Measure[] = ['part_time', 'part_time_leadership', 'job_sharing', 'part_time_training'];

export const sectors: readonly EmployerSector[] = ['health', 'care', 'craft', 'industry', 'retail', 'services', 'it', 'public', 'social', 'logistics'];
export const sizes: readonly EmployerSize[] = ['micro', 'small', 'medium', 'large'];
export const certificateKinds = ['audit', 'network', 'other'] as const;

export const isMeasure = (value: string): value is Measure => (measures as readonly string[]).includes(value);
export const isSector = (value: string): value is EmployerSector => (sectors as readonly string[]).includes(value);
export const isSize = (value: string): value is EmployerSize => (sizes as readonly string[]).includes(value);

/** The measures of a form or a version in catalogue order, each once, unknown codes dropped. */
export const inCatalogueOrder = (values: readonly string[]): Measure[] => measures.filter((m) => values.includes(m));
