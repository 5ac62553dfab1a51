import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type EmployerSector = 'health' | 'care' | 'craft' | 'industry' | 'retail' | 'services' | 'it' | 'public' | 'social' | 'logistics';
export type EmployerSize = 'micro' | 'small' | 'medium' | 'large';

/** A certificate on a profile: the audit berufundfamilie, membership of "Erfolgsfaktor Familie", or another one, with its year. */
export interface EmployerCertificate {
  kind: 'audit' | 'network' | 'other';
  /** Only for 'other'. */
  name?: string;
  year: number;
}

/**
 * The published profile of an employer organisation (Familienfreundliche Arbeitgeber). Its versions
 * live in `revisions` (entity_type 'employer', entity_id = organization_id); this row is the published one.
 */
export interface EmployerProfilesTable {
  organization_id: string;
  sector: EmployerSector;
  size: EmployerSize;
  districts: ColumnType<string[], string[] | undefined, string[]>;
  summary: string;
  /** Codes of the shared catalogue (employers.catalogue.ts). */
  measures: ColumnType<string[], string[] | undefined, string[]>;
  certificates: ColumnType<EmployerCertificate[], string | undefined, string>;
  website: string | null;
  logo_id: string | null;
  /** The person families and applicants may contact (published on the page). */
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  /** yyyy-mm-dd: the day someone last confirmed the measures (every publication confirms them). */
  measures_confirmed_on: ColumnType<string, string, string>;
  confirm_reminder_sent_at: Date | null;
  published_at: Timestamp;
  updated_at: Timestamp;
}

/** A good-practice story: what an employer solved, how, what it cost and what it changed. */
export interface EmployerStoriesTable {
  id: Generated<string>;
  slug: string;
  title: string;
  organization_id: string | null;
  sector: string;
  measures: ColumnType<string[], string[] | undefined, string[]>;
  problem: string;
  solution: string;
  cost: string;
  effect: string;
  /** Someone to learn from (published on the story's page). */
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  /** null: a draft, not shown to visitors. */
  published_at: Date | null;
  updated_at: Timestamp;
}

/** One anonymous self-check: the month it was done and the answers (0 no, 1 partly, 2 yes); nothing else. */
export interface EmployerSelfChecksTable {
  id: Generated<string>;
  /** yyyy-mm-01 */
  month: ColumnType<string, string, string>;
  version: number;
  answers: number[];
}

/** A self-check an employer saved to its profile (seen by its members and the staff only). */
export interface EmployerSelfCheckResultsTable {
  organization_id: string;
  version: number;
  answers: number[];
  saved_at: Timestamp;
}

export interface EmployersTables {
  employer_profiles: EmployerProfilesTable;
  employer_stories: EmployerStoriesTable;
  employer_self_checks: EmployerSelfChecksTable;
  employer_self_check_results: EmployerSelfCheckResultsTable;
}
