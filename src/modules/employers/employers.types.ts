import type { EmployerCertificate, EmployerSector, EmployerSize } from '../../db/tables/employers.js';
import type { Measure } from './employers.catalogue.js';

/** One version of an employer profile: what the form writes, the review compares and publishing puts live. */
export interface EmployerData {
  /** The organisation's name (lists and the editors' queue name a version by it). */
  name: string;
  sector: EmployerSector;
  size: EmployerSize;
  districts: string[];
  summary: string;
  measures: Measure[];
  certificates: EmployerCertificate[];
  website: string | null;
  logo_id: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
}

/** What the public list filters by; undefined: no filter. */
export interface EmployerFilters {
  measure?: Measure;
  sector?: EmployerSector;
  size?: EmployerSize;
  district?: string;
  apprenticeships?: boolean;
  partTime?: boolean;
}
