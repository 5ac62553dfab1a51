import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, never, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export type HolidayPhase = 'collecting' | 'wishes' | 'allocation' | 'results' | 'first_come' | 'closed' | 'deleted';
export type HolidayOfferStatus = 'submitted' | 'approved' | 'rejected' | 'cancelled';
export type HolidayOfferKind = 'day' | 'week' | 'trip';
export type HolidayPlaceStatus = 'offered' | 'accepted' | 'returned' | 'expired' | 'cancelled';
export type HolidayPlaceSource = 'lottery' | 'waiting_list' | 'first_come';

/** A holiday season (e.g. "Sommerferien 2027") and the phase editors have switched it to. */
export interface HolidaySeasonsTable {
  id: Generated<string>;
  name: string;
  phase: Defaulted<HolidayPhase>;
  /** Civil dates YYYY-MM-DD (Europe/Berlin), inclusive. */
  wish_from: string;
  wish_until: string;
  max_wishes: Defaulted<number>;
  reserved_percent: Defaulted<number>;
  retention_days: Defaulted<number>;
  /** SHA-256 hex of the seed, shown publicly before the run. */
  seed_hash: string | null;
  /** Published after the confirmed run. */
  seed: string | null;
  allocated_at: Date | null;
  closed_at: Date | null;
  data_deleted_at: Date | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** An offer of a provider organisation; `places_taken` is kept by a trigger on holiday_places. */
export interface HolidayOffersTable {
  id: Generated<string>;
  season_id: string;
  organization_id: string;
  status: Defaulted<HolidayOfferStatus>;
  title: string;
  description: Defaulted<string>;
  kind: HolidayOfferKind;
  first_day: string;
  last_day: string;
  /** Minutes after midnight. */
  daily_from: number;
  daily_until: number;
  min_age: number;
  max_age: number;
  places: number;
  places_taken: ColumnType<number, never, never>;
  /** Places reserved for employers' staff (the sum of holiday_employer_quotas), kept by a trigger. */
  employer_places: ColumnType<number, never, never>;
  min_participants: Defaulted<number>;
  price_cents: Defaulted<number>;
  reduced_price_cents: number | null;
  location: Defaulted<string>;
  meeting_point: Defaulted<string>;
  what_to_bring: Defaulted<string>;
  inclusion_support: Defaulted<boolean>;
  contact_name: Defaulted<string>;
  contact_email: Defaulted<string>;
  contact_phone: Defaulted<string>;
  review_note: Defaulted<string>;
  created_by: string | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  cancelled_at: Date | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** A child of a parent account. `needs` is special-category data, kept only with consent. */
export interface HolidayChildrenTable {
  id: Generated<string>;
  parent_id: string;
  first_name: string;
  last_name: string;
  birth_date: string;
  needs: Defaulted<string>;
  needs_consent_version: string | null;
  needs_consent_at: Date | null;
  photo_consent: Defaulted<boolean>;
  priority: Defaulted<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface HolidayContactsTable {
  id: Generated<string>;
  child_id: string;
  name: string;
  phone: string;
  relation: Defaulted<string>;
  position: Defaulted<number>;
}

export interface HolidayWishListsTable {
  id: Generated<string>;
  season_id: string;
  child_id: string;
  max_places: Defaulted<number>;
  group_code: string | null;
  /** The employer whose reserved places the child may take (its code was handed in with the list). */
  employer_id: string | null;
  submitted_at: Date | null;
  updated_at: Timestamp;
}

export interface HolidayWishesTable {
  wish_list_id: string;
  offer_id: string;
  rank: number;
}

/** A logged lottery run: previews and the one confirmed run of a season. */
export interface HolidayRunsTable {
  id: Generated<string>;
  season_id: string;
  kind: 'preview' | 'confirmed';
  seed_hash: string;
  stats: ColumnType<Record<string, unknown>, string | undefined, string>;
  started_by: string | null;
  created_at: CreatedAt;
}

/** The published (anonymised) lottery of a season and the secret behind its pseudonyms. */
export interface HolidayLotteryPublicationsTable {
  season_id: string;
  /** HMAC key for the units' pseudonyms; never published. */
  pseudonym_secret: string;
  /** The JSON document as served at /api/v1/ferien/saisons/:id/verlosung. */
  document: string;
  created_at: CreatedAt;
}

export interface HolidayPlacesTable {
  id: Generated<string>;
  season_id: string;
  offer_id: string;
  child_id: string;
  source: HolidayPlaceSource;
  status: HolidayPlaceStatus;
  respond_by: Date | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface HolidayWaitlistTable {
  offer_id: string;
  child_id: string;
  position: number;
  status: Defaulted<'waiting' | 'offered' | 'removed'>;
  created_at: CreatedAt;
}

export interface HolidayAttendanceTable {
  place_id: string;
  day: string;
  present: boolean;
  recorded_by: string | null;
}

/** Table types of the holidays module (Ferienbetreuung); `DB` in ../types.ts extends this. */
/** Places of an offer an employer reserves for the children of its staff (the lottery gives them out first). */
export interface HolidayEmployerQuotasTable {
  offer_id: string;
  organization_id: string;
  places: number;
  created_at: CreatedAt;
}

/** The code an employer hands its staff for a season's reserved places. */
export interface HolidayEmployerCodesTable {
  season_id: string;
  organization_id: string;
  code: string;
  created_at: CreatedAt;
}

export interface HolidaysTables {
  holiday_seasons: HolidaySeasonsTable;
  holiday_offers: HolidayOffersTable;
  holiday_children: HolidayChildrenTable;
  holiday_contacts: HolidayContactsTable;
  holiday_wish_lists: HolidayWishListsTable;
  holiday_wishes: HolidayWishesTable;
  holiday_runs: HolidayRunsTable;
  holiday_lottery_publications: HolidayLotteryPublicationsTable;
  holiday_places: HolidayPlacesTable;
  holiday_waitlist: HolidayWaitlistTable;
  holiday_attendance: HolidayAttendanceTable;
  holiday_employer_quotas: HolidayEmployerQuotasTable;
  holiday_employer_codes: HolidayEmployerCodesTable;
}
