import type { Kysely } from 'kysely';
import type { Config } from '../../../config.js';
import type { DB } from '../../../db/types.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { CityProfile } from '../../../platform/city.js';
import { AppError } from '../../../platform/http/errors.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import type { Mailer } from '../../../platform/mail/mailer.js';
import type { ReviewRegistry } from '../../../platform/review/review.registry.js';
import { createReviewWorkflow } from '../../../platform/review/review.workflow.js';
import { uuidPattern } from './workflow.paths.js';
import { authorize, type WorkflowActor } from './workflow.policy.js';
import * as repo from './workflow.repository.js';

export interface ReviewDeps {
  db: Kysely<DB>;
  config: Config;
  city: CityProfile;
  mail: Mailer;
  review: ReviewRegistry;
}

/**
 * The editors' side: the review queue of every kind (directory entries, places — the one workflow
 * in platform/review), approve or reject with a reason, stale services, trusted organisations.
 */
export function createReviewService(deps: ReviewDeps) {
  const { db } = deps;
  const revisions = createReviewWorkflow(deps);

  return {
    /** Proposals waiting for review (oldest first) and published entries flagged as stale. */
    async queue(actor: WorkflowActor | null, locale: Locale) {
      authorize(actor, 'entries.review');
      const [proposals, stale] = await Promise.all([revisions.queue(locale), repo.staleServices(db)]);
      return { proposals, stale };
    },

    /** One proposal with what changed against the published version. */
    async reviewPage(actor: WorkflowActor | null, revisionId: string, locale: Locale) {
      authorize(actor, 'entries.review');
      return revisions.reviewPage(revisionId, locale);
    },

    async approve(actor: WorkflowActor | null, revisionId: string, locale: Locale) {
      authorize(actor, 'entries.review');
      return revisions.approve(actor.id, revisionId, locale);
    },

    /** Rejects with a reason the author reads in the mail; the published version stays. */
    async reject(actor: WorkflowActor | null, revisionId: string, reasonInput: string, locale: Locale) {
      authorize(actor, 'entries.review');
      return revisions.reject(actor.id, revisionId, reasonInput, locale);
    },

    /** All organisations with their trusted flag. */
    async organizations(actor: WorkflowActor | null) {
      authorize(actor, 'organizations.trust');
      return repo.listOrganizations(db);
    },

    async setTrusted(actor: WorkflowActor | null, organizationId: string, trusted: boolean) {
      authorize(actor, 'organizations.trust');
      if (!uuidPattern.test(organizationId)) throw new AppError('not_found', 'Organisation nicht gefunden');
      return db.transaction().execute(async (trx) => {
        const org = await repo.setTrusted(trx, organizationId, trusted);
        if (!org) throw new AppError('not_found', 'Organisation nicht gefunden');
        await recordAudit(trx, {
          actorId: actor.id,
          action: trusted ? 'organization.trusted' : 'organization.untrusted',
          subjectType: 'organization',
          subjectId: organizationId,
          details: { name: org.name },
        });
        return org;
      });
    },
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
