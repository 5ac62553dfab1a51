import type { Kysely, Transaction } from 'kysely';
import type { Config } from '../../config.js';
import type { DB } from '../../db/types.js';
import type { Locale } from '../i18n/i18n.js';

/**
 * Personal data, declared once per table and column. "Download my data", "delete my account", the
 * scheduled retention sweep and the README table are all built from these declarations, and a test
 * compares them with the live schema, so a new personal column cannot slip past all four.
 */
export interface PersonalDataDeclaration {
  /** Key in the export ("ferien_kinder"); `via` subjects refer to a declaration by it. */
  name: string;
  table: string;
  /** How a row belongs to the person. Its column counts as declared. */
  subject: Subject;
  /** Why the rows are kept about the person (the purpose of the subject column). */
  purpose: string;
  /** Every further personal column of these rows, each with its own purpose. */
  columns: Record<string, string>;
  /** Personal columns left out of the export, e.g. a password hash. */
  notExported?: readonly string[];
  /** Columns that are not personal but make an exported row understandable. */
  context?: readonly (string | Lookup)[];
  onErase: Erase;
  retention: Retention;
}

export type Subject =
  /** The column holds the person's user id; `where` narrows to rows of one kind (audit entries about a user). */
  | { user: string; where?: Record<string, string> }
  /** The column holds the person's email address (compared case-insensitively). */
  | { email: string }
  /** The column holds the `id` of rows of another declaration (the contacts of one's children). */
  | { via: string; of: string };

/** A value from another table for the export, e.g. an offer's title next to a place. */
export interface Lookup {
  as: string;
  from: string;
  select: string;
  /** The column of this table that holds the other table's `id`. */
  by: string;
}

export type Erase =
  /** The rows go. */
  | 'delete'
  /** The rows stay without the person: the subject column and the declared columns become NULL. */
  | 'unlink'
  /** The rows stay; these columns are overwritten (for NOT NULL columns such as a contact name). */
  | { replace: Record<string, string> };

export interface Retention {
  /** The rule in words, for the README table and the export. */
  rule: string;
  /**
   * A fixed period the hourly `platform.maintenance` job applies straight from here: rows whose
   * `after` timestamp is more than `days` old are deleted, except those where `unless` is set.
   */
  sweep?: { days: number | ((config: Config) => number); after: string; unless?: string };
  /** Otherwise the scheduled job that enforces the rule. Without `sweep` or `job` the data lives as long as the account. */
  job?: string;
}

/** Whom an export or erasure is about. */
export interface Person {
  id: string;
  email: string;
}

/**
 * What others notice when an account goes, e.g. a holiday place that is released: said on the
 * deletion page before, done in the deletion transaction before the declared erasure.
 */
export interface ErasureStep {
  /** Whole sentences for the deletion page; empty when nothing applies to this person. */
  preview(db: Kysely<DB>, person: Person, locale: Locale): Promise<string[]>;
  apply(trx: Transaction<DB>, person: Person): Promise<void>;
}

export const subjectColumn = (subject: Subject): string => ('user' in subject ? subject.user : 'email' in subject ? subject.email : subject.via);

/** Every column a declaration covers: its subject column and its personal columns. */
export const declaredColumns = (d: PersonalDataDeclaration): string[] => [subjectColumn(d.subject), ...Object.keys(d.columns)];
