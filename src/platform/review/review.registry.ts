import type { Transaction } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { DB, RevisionKind } from '../../db/types.js';
import type { Locale } from '../i18n/i18n.js';
import type { FieldChange } from './review.diff.js';

/**
 * One kind of record that goes through the review workflow (draft → in review → published):
 * the directory's organisations, locations and services, the places. The module says how a
 * version is published, what it is called and what changed; the workflow does the rest.
 */
export interface Reviewable {
  kind: RevisionKind;
  /** The first word of its audit actions: `<prefix>.entry_submitted`, `<prefix>.revision_approved` … */
  auditPrefix: string;
  /** What it is, for editors and in the author's mail ("Angebot", "Ausbildungs- oder Praktikumsplatz"). */
  label(locale: Locale): string;
  /** The published version and the organisation it belongs to; undefined when it is not published. */
  findPublished(db: Executor, entityId: string): Promise<{ organizationId: string; data: unknown } | undefined>;
  /** Puts a version live, in the workflow's transaction. */
  publish(trx: Transaction<DB>, entityId: string, organizationId: string, data: unknown): Promise<void>;
  /** The name of a version as lists show it. */
  nameOf(data: unknown): string;
  /** What changed from the published version (null: a new entry) to the proposed one, with the form's labels. */
  diff(db: Executor, input: { before: unknown; after: unknown; organizationId: string; locale: Locale }): Promise<FieldChange<string>[]>;
  /** Where the author sees the versions and edits the entry (mails and the review page link there). */
  paths: { history: (orgId: string, entityId: string) => string; edit: (orgId: string, entityId: string) => string };
}

export interface ReviewRegistry {
  register(reviewable: Reviewable): void;
  /** The reviewable of a kind; throws for a kind no module registered (a programming error). */
  of(kind: RevisionKind): Reviewable;
}

export function createReviewRegistry(): ReviewRegistry {
  const kinds = new Map<RevisionKind, Reviewable>();
  return {
    register(reviewable) {
      if (kinds.has(reviewable.kind)) throw new Error(`review kind "${reviewable.kind}" is registered twice`);
      kinds.set(reviewable.kind, reviewable);
    },
    of(kind) {
      const reviewable = kinds.get(kind);
      if (!reviewable) throw new Error(`no module registered the review kind "${kind}"`);
      return reviewable;
    },
  };
}
