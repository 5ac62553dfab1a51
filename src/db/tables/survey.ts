import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type SurveyStatus = 'draft' | 'open' | 'closed' | 'published';

export interface SurveySurveysTable {
  id: Generated<string>;
  slug: string;
  title: string;
  status: ColumnType<SurveyStatus, SurveyStatus | undefined, SurveyStatus>;
  /** Civil dates (Europe/Berlin) between which an open survey takes answers; null = no limit. */
  opens_on: ColumnType<string | null, string | null | undefined, string | null>;
  closes_on: ColumnType<string | null, string | null | undefined, string | null>;
  requires_code: ColumnType<boolean, boolean | undefined, boolean>;
  current_version: ColumnType<number, number | undefined, number>;
  /** Days up to this one are summed up in survey_rollups. */
  rolled_up_until: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: ColumnType<Date, never, never>;
  updated_at: Timestamp;
}

export interface SurveyVersionsTable {
  survey_id: string;
  version: number;
  definition: Json<unknown>;
  /** Set when the survey opened with this version; a frozen version never changes again. */
  frozen_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface SurveyChannelsTable {
  id: Generated<string>;
  survey_id: string;
  slug: string;
  name: string;
}

/** One row per submitted answer sheet: channel and day only, nothing about the person. */
export interface SurveyResponsesTable {
  id: Generated<string>;
  survey_id: string;
  version: number;
  channel_id: string | null;
  answered_on: ColumnType<string, string, string>;
  answers: Json<Record<string, string | string[]>>;
}

/** Unused single-use codes; a code is deleted when it is used, so nothing joins it to an answer. */
export interface SurveyAccessCodesTable {
  survey_id: string;
  code: string;
}

export interface SurveyDraftsTable {
  token_hash: string;
  survey_id: string;
  version: number;
  channel_id: string | null;
  language: string;
  answers: Json<Record<string, string | string[]>>;
  page: number;
  access_code: string | null;
  submission_key: string;
  expires_at: Date;
}

export interface SurveySubmissionKeysTable {
  key_hash: string;
  expires_on: string;
}

export interface SurveyRollupsTable {
  survey_id: string;
  day: string;
  key: string;
  value: string;
  n: number;
}

export interface SurveyTextPicksTable {
  survey_id: string;
  response_id: string;
  answer_key: string;
}

/** Table types of the survey module (Befragung); `DB` in ../types.ts extends this. */
export interface SurveyTables {
  survey_surveys: SurveySurveysTable;
  survey_versions: SurveyVersionsTable;
  survey_channels: SurveyChannelsTable;
  survey_responses: SurveyResponsesTable;
  survey_access_codes: SurveyAccessCodesTable;
  survey_drafts: SurveyDraftsTable;
  survey_submission_keys: SurveySubmissionKeysTable;
  survey_text_picks: SurveyTextPicksTable;
  survey_rollups: SurveyRollupsTable;
}
