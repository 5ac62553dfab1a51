import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB, RevisionKind, RevisionStatus } from '../../db/types.js';
import { recordAudit } from '../audit/audit.js';
import type { CityProfile } from '../city.js';
import { AppError } from '../http/errors.js';
import { uuidPattern } from '../http/ids.js';
import { storedLocale, type Locale } from '../i18n/i18n.js';
import type { Mailer } from '../mail/mailer.js';
import { decisionMail } from './review-emails.js';
import type { ReviewRegistry } from './review.registry.js';
import { reviewMessages } from './review.messages.js';
import * as repo from './revisions.repository.js';

/**
 * The one review workflow of the portal (directory entries, places, …): versions of a record as
 * drafts, proposals in review, published or rejected (with a reason mailed to the author),
 * withdrawn or superseded. Modules authorise the person first (their policy) and say whether the
 * change is published at once (trusted organisation, editors); this keeps the versions consistent.
 */

export type Intent = 'draft' | 'submit';

/** Versions that are newer than the published one and still open. */
export const pendingStates: RevisionStatus[] = ['draft', 'in_review', 'rejected'];

/** Thrown when the entry changed after the form was opened; carries the newest version. */
export class ConflictError extends AppError {
  constructor(readonly latest: repo.RevisionRow | undefined) {
    super('conflict', 'Der Eintrag wurde inzwischen geändert.');
  }
}

const uniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

export interface ReviewWorkflowDeps {
  db: Kysely<DB>;
  config: Config;
  city: CityProfile;
  mail: Mailer;
  review: ReviewRegistry;
}

export function createReviewWorkflow({ db, config, city, mail, review }: ReviewWorkflowDeps) {
  async function revisionOr404(id: string) {
    const revision = uuidPattern.test(id) ? await repo.findRevision(db, id) : undefined;
    if (!revision) throw new AppError('not_found', 'Fassung nicht gefunden');
    return revision;
  }

  /** Emails the author about the decision, in the same transaction as the decision. */
  async function notifyAuthor(trx: Parameters<Mailer['enqueue']>[0], revision: repo.FoundRevision, decision: 'approved' | 'rejected', reason?: string) {
    if (!revision.author_email) return;
    const kind = review.of(revision.entity_type);
    const locale = storedLocale(revision.author_locale);
    const path = decision === 'approved' ? kind.paths.history : kind.paths.edit;
    await mail.enqueue(
      trx,
      decisionMail({
        to: revision.author_email,
        locale,
        portalName: city.portalName,
        editorsEmail: city.editorsEmail,
        name: revision.author_name ?? '',
        decision,
        entry: kind.nameOf(revision.data),
        entity: kind.label(locale),
        organization: revision.organization_name,
        reason,
        link: `${config.publicUrl}${path(revision.organization_id, revision.entity_id)}`,
      }),
    );
  }

  async function audit(
    trx: Parameters<typeof recordAudit>[0],
    kind: RevisionKind,
    action: string,
    actorId: string,
    entityId: string,
    details: Record<string, unknown>,
  ) {
    await recordAudit(trx, { actorId, action: `${review.of(kind).auditPrefix}.${action}`, subjectType: kind, subjectId: entityId, details });
  }

  return {
    latest: (kind: RevisionKind, entityId: string) => repo.latestRevision(db, kind, entityId),
    /** The newest version of each entry of an organisation, of the given kinds. */
    latestOf: (organizationId: string, kinds: readonly RevisionKind[]) => repo.latestRevisions(db, organizationId, kinds),
    /** Every version of an entry, newest first, with who and when. */
    history: (kind: RevisionKind, entityId: string) => repo.history(db, kind, entityId),

    /**
     * Saves a new version: a draft, a proposal for review, or (publishNow) published at once.
     * `baseVersion` is the newest version when the form was opened; if a newer one exists,
     * nothing is saved and a ConflictError tells who changed it.
     */
    async save(input: {
      kind: RevisionKind;
      entityId: string;
      /** False for an entry created by this save (it has no versions to compare with). */
      existing: boolean;
      organizationId: string;
      data: unknown;
      baseVersion: number;
      intent: Intent;
      publishNow: boolean;
      actorId: string;
    }): Promise<{ entityId: string; status: RevisionStatus; version: number }> {
      const { kind, entityId: id, organizationId, intent, actorId } = input;
      const reviewable = review.of(kind);
      const publishNow = intent === 'submit' && input.publishNow;
      const status: RevisionStatus = intent === 'draft' ? 'draft' : publishNow ? 'published' : 'in_review';
      try {
        return await db.transaction().execute(async (trx) => {
          const latest = input.existing ? await repo.latestRevision(trx, kind, id) : undefined;
          if ((latest?.version ?? 0) !== input.baseVersion) throw new ConflictError(latest);
          let version = (latest?.version ?? 0) + 1;
          const published = await reviewable.findPublished(trx, id);
          if (!latest && published) {
            // The first edit of an entry that was published without the workflow (seed, import): keep that version.
            await repo.insertRevision(trx, { type: kind, entityId: id, organizationId, version, status: 'published', data: published.data, authorId: null });
            version++;
          }
          const now = new Date();
          const revision = await repo.insertRevision(trx, {
            type: kind,
            entityId: id,
            organizationId,
            version,
            status,
            data: input.data,
            authorId: actorId,
            submittedAt: intent === 'submit' ? now : null,
            reviewedBy: publishNow ? actorId : null,
            reviewedAt: publishNow ? now : null,
          });
          await repo.supersede(trx, kind, id, publishNow ? ['draft', 'in_review', 'published'] : ['draft', 'in_review'], revision.id);
          if (publishNow) await reviewable.publish(trx, id, organizationId, input.data);
          if (intent === 'submit') await audit(trx, kind, publishNow ? 'entry_published' : 'entry_submitted', actorId, id, { organizationId, version });
          return { entityId: id, status, version };
        });
      } catch (error) {
        // Two saves at the same moment: the second one lost the race for the version number.
        if (uniqueViolation(error)) throw new ConflictError(await repo.latestRevision(db, kind, id));
        throw error;
      }
    },

    /** Sends a saved draft to review (or publishes it at once). */
    async submitDraft(input: { kind: RevisionKind; entityId: string; organizationId: string; version: number; publishNow: boolean; actorId: string }) {
      const { kind, entityId, organizationId, publishNow, actorId } = input;
      return db.transaction().execute(async (trx) => {
        const latest = await repo.latestRevision(trx, kind, entityId);
        if (!latest || latest.version !== input.version || latest.status !== 'draft') throw new ConflictError(latest);
        const now = new Date();
        const moved = await repo.moveRevision(
          trx,
          latest.id,
          'draft',
          publishNow ? { status: 'published', submitted_at: now, reviewed_by: actorId, reviewed_at: now } : { status: 'in_review', submitted_at: now },
        );
        if (!moved) throw new ConflictError(latest);
        if (publishNow) {
          await repo.supersede(trx, kind, entityId, ['published', 'in_review'], latest.id);
          await review.of(kind).publish(trx, entityId, organizationId, latest.data);
        } else {
          await repo.supersede(trx, kind, entityId, ['in_review'], latest.id);
        }
        await audit(trx, kind, publishNow ? 'entry_published' : 'entry_submitted', actorId, entityId, { organizationId, version: latest.version });
        return { status: publishNow ? ('published' as const) : ('in_review' as const) };
      });
    },

    /**
     * Takes back the newest unpublished version (draft, in review or rejected): the published
     * version stays as it is; an entry that was never published disappears from the lists.
     */
    async withdraw(input: { kind: RevisionKind; entityId: string; organizationId: string; version: number; actorId: string }) {
      const { kind, entityId, organizationId, actorId } = input;
      await db.transaction().execute(async (trx) => {
        const latest = await repo.latestRevision(trx, kind, entityId);
        if (!latest || latest.version !== input.version || !pendingStates.includes(latest.status)) throw new ConflictError(latest);
        const moved = await repo.moveRevision(trx, latest.id, latest.status, { status: 'withdrawn' });
        if (!moved) throw new ConflictError(latest);
        await audit(trx, kind, 'proposal_withdrawn', actorId, entityId, { organizationId, version: latest.version, was: latest.status });
      });
    },

    /** Proposals of every kind waiting for review, oldest first, each with its name and what it is. */
    async queue(locale: Locale) {
      const proposals = await repo.reviewQueue(db);
      return proposals.map((p) => {
        const kind = review.of(p.entity_type);
        return { ...p, name: kind.nameOf(p.data), kindLabel: kind.label(locale) };
      });
    },

    /** One proposal with what changed against the published version (labels in the reader's language). */
    async reviewPage(revisionId: string, locale: Locale) {
      const revision = await revisionOr404(revisionId);
      const kind = review.of(revision.entity_type);
      const published = await kind.findPublished(db, revision.entity_id);
      const changes = await kind.diff(db, { before: published?.data ?? null, after: revision.data, organizationId: revision.organization_id, locale });
      return {
        revision: {
          ...revision,
          name: kind.nameOf(revision.data),
          kindLabel: kind.label(locale),
          historyPath: kind.paths.history(revision.organization_id, revision.entity_id),
        },
        isNew: !published,
        changes,
      };
    },

    /** Publishes a proposal and mails the author. */
    async approve(actorId: string, revisionId: string, locale: Locale) {
      const revision = await revisionOr404(revisionId);
      await db.transaction().execute(async (trx) => {
        const moved = await repo.moveRevision(trx, revision.id, 'in_review', {
          status: 'published',
          reviewed_by: actorId,
          reviewed_at: new Date(),
          review_reason: null,
        });
        if (!moved) throw new AppError('conflict', reviewMessages(locale)('notPending'));
        await repo.supersede(trx, revision.entity_type, revision.entity_id, ['published'], revision.id);
        await review.of(revision.entity_type).publish(trx, revision.entity_id, revision.organization_id, revision.data);
        await audit(trx, revision.entity_type, 'revision_approved', actorId, revision.entity_id, {
          organizationId: revision.organization_id,
          version: revision.version,
        });
        await notifyAuthor(trx, revision, 'approved');
      });
      return revision;
    },

    /** Rejects with a reason the author reads in the mail; the published version stays. */
    async reject(actorId: string, revisionId: string, reasonInput: string, locale: Locale) {
      const t = reviewMessages(locale);
      const reason = reasonInput.trim();
      if (!reason) throw new AppError('validation_failed', t('reasonRequired'), { fields: { reason: t('reasonRequired') } });
      if (reason.length > 2000) throw new AppError('validation_failed', t('reasonTooLong'), { fields: { reason: t('reasonTooLong') } });
      const revision = await revisionOr404(revisionId);
      await db.transaction().execute(async (trx) => {
        const moved = await repo.moveRevision(trx, revision.id, 'in_review', {
          status: 'rejected',
          reviewed_by: actorId,
          reviewed_at: new Date(),
          review_reason: reason,
        });
        if (!moved) throw new AppError('conflict', t('notPending'));
        await audit(trx, revision.entity_type, 'revision_rejected', actorId, revision.entity_id, {
          organizationId: revision.organization_id,
          version: revision.version,
        });
        await notifyAuthor(trx, revision, 'rejected', reason);
      });
      return revision;
    },
  };
}

export type ReviewWorkflow = ReturnType<typeof createReviewWorkflow>;
