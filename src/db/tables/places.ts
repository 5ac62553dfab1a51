import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type PlaceKind = 'internship' | 'apprenticeship' | 'dual_study';
export type PlaceField = 'craft' | 'health' | 'social' | 'office' | 'it' | 'logistics' | 'hospitality' | 'public';
export type PlaceCertificate = 'none' | 'hauptschule' | 'mittlerer' | 'fachabitur' | 'abitur';

/**
 * A published internship, apprenticeship or dual study place of an organisation (an employer).
 * Its versions live in `revisions` (entity_type 'place'); this row is the published one.
 */
export interface PlacesTable {
  id: string;
  organization_id: string;
  kind: PlaceKind;
  title: string;
  occupation: string;
  field: PlaceField;
  certificate: PlaceCertificate;
  /** yyyy-mm-dd */
  start_date: ColumnType<string, string, string>;
  part_time: ColumnType<boolean, boolean | undefined, boolean>;
  positions: ColumnType<number, number | undefined, number>;
  description: string;
  how_to_apply: string;
  district: string | null;
  /** The person who answers applications (published on the place's page). */
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  published_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlacesTables {
  places: PlacesTable;
}
