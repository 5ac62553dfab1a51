import type { FamilySituation, ResultFollowUp } from '../../db/tables/council.js';
import { AppError } from '../../platform/http/errors.js';
import type * as repo from './council.repository.js';

export const councilPath = '/mitmachen/familienbeirat';
export const workshopPath = (id: string) => `${councilPath}/workshops/${id}`;
export const familySituations: readonly FamilySituation[] = ['single_parent', 'two_parents', 'patchwork', 'foster', 'other'];
export const followUps: readonly ResultFollowUp[] = ['open', 'taken_up', 'in_progress', 'done', 'not_pursued'];
/** The members' closed exchange: a private group of the network, its members kept in step with the council's. */
export const exchangeGroup = {
  slug: 'familienbeirat-austausch',
  name: 'Familienbeirat: Austausch der Mitglieder',
  topic: 'Der geschlossene Austausch der Mitglieder des Familienbeirats zwischen den Workshops.',
} as const;
/** A member's term when staff accept without naming another end: two years. */
export const defaultTermMonths = 24;

export interface ApplicationInput {
  name: string;
  email: string;
  phone: string | null;
  district: string;
  adults: number;
  children: number;
  /** Only with the explicit consent to the optional questions; otherwise all null. */
  optional: { familySituation: FamilySituation | null; homeLanguages: string | null; needsInterpreter: boolean | null; needsChildcare: boolean | null } | null;
}

export interface RegistrationInput {
  persons: number;
  childcareChildren: number;
  childcareAges: string | null;
  interpreterLanguage: string | null;
  stepFree: boolean;
  dietary: string | null;
  travelRefund: boolean;
}

export interface WorkshopInput {
  title: string;
  agenda: string;
  place: string;
  languages: string;
  startsAt: Date;
  endsAt: Date;
  registrationUntil: Date;
  capacity: number;
  childcarePlaces: number;
}

export type Workshop = NonNullable<Awaited<ReturnType<typeof repo.findWorkshop>>>;
export type Registration = NonNullable<Awaited<ReturnType<typeof repo.findRegistration>>>;
export type Application = Awaited<ReturnType<typeof repo.listApplications>>[number];
export type FormerMember = Awaited<ReturnType<typeof repo.formerMembers>>[number];

/** One breakdown of the current members, protected like the survey's: groups of 1–4 are hidden (null). */
export interface CompositionTable {
  dimension: 'district' | 'family_situation' | 'needs_interpreter' | 'needs_childcare';
  rows: { key: string; count: number | null }[];
  total: number | null;
}

export const fieldError = (field: string, message: string) => new AppError('validation_failed', message, { fields: { [field]: message } });
export const isCheckViolation = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23514';
