import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, never, never>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

/** ended: the term was ended early; removed: a former member whose name, address and answers were replaced. */
export type CouncilApplicationStatus = 'received' | 'accepted' | 'declined' | 'reserve' | 'ended' | 'removed';
export type FamilySituation = 'single_parent' | 'two_parents' | 'patchwork' | 'foster' | 'other';
export type RegistrationStatus = 'confirmed' | 'waiting' | 'cancelled';
export type ResultFollowUp = 'open' | 'taken_up' | 'in_progress' | 'done' | 'not_pursued';

/** An application to the family council; an accepted one is a member until `term_until`. */
export interface CouncilApplicationsTable {
  id: Generated<string>;
  name: string;
  email: string;
  phone: Nullable<string>;
  district: string;
  household_adults: number;
  household_children: number;
  locale: Defaulted<string>;
  privacy_consent_at: Date;
  optional_consent_at: Nullable<Date>;
  family_situation: Nullable<FamilySituation>;
  home_languages: Nullable<string>;
  needs_interpreter: Nullable<boolean>;
  needs_childcare: Nullable<boolean>;
  status: Defaulted<CouncilApplicationStatus>;
  /** yyyy-mm-dd */
  term_until: Nullable<string>;
  decided_at: Nullable<Date>;
  decided_by: Nullable<string>;
  result_mails: Defaulted<boolean>;
  link_key: string;
  created_at: CreatedAt;
}

export interface CouncilWorkshopsTable {
  id: Generated<string>;
  title: string;
  agenda: Defaulted<string>;
  place: string;
  languages: Defaulted<string>;
  starts_at: Date;
  ends_at: Date;
  registration_until: Date;
  capacity: number;
  childcare_places: Defaulted<number>;
  /** Kept by the database (trigger): persons and children of the confirmed registrations. */
  places_taken: ColumnType<number, never, never>;
  childcare_taken: ColumnType<number, never, never>;
  invited_at: Nullable<Date>;
  ical_uid: Generated<string>;
  report_discussed: Nullable<string>;
  report_blind_spots: Nullable<string>;
  report_ideas: Nullable<string>;
  report_photo_id: Nullable<string>;
  report_photo_alt: Nullable<string>;
  report_published_at: Nullable<Date>;
  created_at: CreatedAt;
}

export interface CouncilRegistrationsTable {
  id: Generated<string>;
  workshop_id: string;
  member_id: string;
  persons: number;
  childcare_children: Defaulted<number>;
  status: RegistrationStatus;
  /** Drawn while the workshop is locked: the waiting list's order is the order of commits. */
  queue_no: ColumnType<string, never, never>;
  attended: Nullable<boolean>;
  link_key: string;
  promoted_at: Nullable<Date>;
  reminder_sent_at: Nullable<Date>;
  cancelled_at: Nullable<Date>;
  created_at: CreatedAt;
}

export interface CouncilNeedsTable {
  registration_id: string;
  childcare_ages: Nullable<string>;
  interpreter_language: Nullable<string>;
  step_free: Defaulted<boolean>;
  dietary: Nullable<string>;
  travel_refund: Defaulted<boolean>;
  delete_after: Date;
}

export interface CouncilResultsTable {
  id: Generated<string>;
  workshop_id: string;
  title: string;
  body: Defaulted<string>;
  initiative_id: Nullable<string>;
  idea_id: Nullable<string>;
  follow_up: Defaulted<ResultFollowUp>;
  follow_up_note: Nullable<string>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface CouncilTables {
  council_applications: CouncilApplicationsTable;
  council_workshops: CouncilWorkshopsTable;
  council_registrations: CouncilRegistrationsTable;
  council_needs: CouncilNeedsTable;
  council_results: CouncilResultsTable;
}
