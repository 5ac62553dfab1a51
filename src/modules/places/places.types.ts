import type { PlaceCertificate, PlaceField, PlaceKind } from '../../db/tables/places.js';

/** One version of a place: what the form writes, the review compares and publishing puts live. */
export interface PlaceData {
  id: string;
  kind: PlaceKind;
  title: string;
  occupation: string;
  field: PlaceField;
  certificate: PlaceCertificate;
  /** yyyy-mm-dd */
  start_date: string;
  part_time: boolean;
  positions: number;
  description: string;
  how_to_apply: string;
  district: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
}

/** What the public list filters by; undefined: no filter. */
export interface PlaceFilters {
  kind?: PlaceKind;
  field?: PlaceField;
  /** The certificates that count (the visitor's and every lower one). */
  certificates?: PlaceCertificate[];
  /** yyyy-mm-dd: starting on or after. */
  startFrom?: string;
  partTime?: boolean;
  /** Only the places of this organisation (an employer's page). */
  organizationId?: string;
}
