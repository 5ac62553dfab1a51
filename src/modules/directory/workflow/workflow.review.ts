import { inLocale } from '../public/topics.service.js';
import { storedLocale } from '../../../platform/i18n/i18n.js';
import type { Kysely } from 'kysely';
import type { Config } from '../../../config.js';
import type { DB } from '../../../db/types.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { CityProfile } from '../../../platform/city.js';
import { AppError } from '../../../platform/http/errors.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import type { Mailer } from '../../../platform/mail/mailer.js';
import { decisionMail } from './emails/workflow-emails.js';
import { diffEntries } from './workflow.diff.js';
import { workflowMessages } from './workflow.messages.js';
import { paths, uuidPattern } from './workflow.paths.js';
import { authorize, type WorkflowActor } from './workflow.policy.js';
import { publishEntry } from './workflow.publishing.js';
import * as repo from './workflow.repository.js';

export interface ReviewDeps {
  db: Kysely<DB>;
  config: Config;
  city: CityProfile;
  mail: Mailer;
}

const nameOf = (data: unknown) => (data as { name?: string } | null)?.name ?? '';

/** The editors' side: review queue, approve or reject with a reason, trusted organisations. */
export function createReviewService({ db, config, city, mail }: ReviewDeps) {
  async function revisionOr404(id: string) {
    const revision = uuidPattern.test(id) ? await repo.findRevision(db, id) : undefined;
    if (!revision) throw new AppError('not_found', 'Fassung nicht gefunden');
    return revision;
  }

  /** Emails the author about the decision, in the same transaction as the decision. */
  async function notifyAuthor(
    trx: Parameters<Mailer['enqueue']>[0],
    revision: Awaited<ReturnType<typeof revisionOr404>>,
    decision: 'approved' | 'rejected',
    reason?: string,
  ) {
    if (!revision.author_email) return;
    const link = `${config.publicUrl}${decision === 'approved' ? paths.history(revision.entity_type, revision.organization_id, revision.entity_id) : paths.edit(revision.entity_type, revision.organization_id, revision.entity_id)}`;
    await mail.enqueue(
      trx,
      decisionMail({
        to: revision.author_email,
        locale: storedLocale(revision.author_locale),
        portalName: city.portalName,
        editorsEmail: city.editorsEmail,
        name: revision.author_name ?? '',
        decision,
        entry: nameOf(revision.data),
        entity: revision.entity_type,
        organization: revision.organization_name,
        reason,
        link,
      }),
    );
  }

  return {
    /** Proposals waiting for review (oldest first) and published entries flagged as stale. */
    async queue(actor: WorkflowActor | null) {
      authorize(actor, 'entries.review');
      const [proposals, stale] = await Promise.all([repo.reviewQueue(db), repo.staleServices(db)]);
      return { proposals: proposals.map((p) => ({ ...p, name: nameOf(p.data) })), stale };
    },

    /** One proposal with what changed against the published version. */
    async reviewPage(actor: WorkflowActor | null, revisionId: string, locale: Locale) {
      authorize(actor, 'entries.review');
      const revision = await revisionOr404(revisionId);
      const [published, topics, locations] = await Promise.all([
        repo.findPublished(db, revision.entity_type, revision.entity_id),
        repo.topicTerms(db),
        repo.locationNames(db, revision.organization_id),
      ]);
      const terms = new Map(topics.map((t) => [t.id, inLocale(locale, t.name, t.name_en, `${t.code}.name`)]));
      const changes = diffEntries(revision.entity_type, published?.hsds ?? null, revision.data, { terms, locations, locale });
      return { revision: { ...revision, name: nameOf(revision.data) }, isNew: !published, changes };
    },

    async approve(actor: WorkflowActor | null, revisionId: string, locale: Locale) {
      authorize(actor, 'entries.review');
      const revision = await revisionOr404(revisionId);
      await db.transaction().execute(async (trx) => {
        const moved = await repo.moveRevision(trx, revision.id, 'in_review', {
          status: 'published',
          reviewed_by: actor.id,
          reviewed_at: new Date(),
          review_reason: null,
        });
        if (!moved) throw new AppError('conflict', workflowMessages(locale)('review.notPending'));
        await repo.supersede(trx, revision.entity_type, revision.entity_id, ['published'], revision.id);
        await publishEntry(trx, revision.entity_type, revision.organization_id, revision.data);
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'directory.revision_approved',
          subjectType: revision.entity_type,
          subjectId: revision.entity_id,
          details: { organizationId: revision.organization_id, version: revision.version },
        });
        await notifyAuthor(trx, revision, 'approved');
      });
      return revision;
    },

    /** Rejects with a reason the author reads in the mail; the published version stays. */
    async reject(actor: WorkflowActor | null, revisionId: string, reasonInput: string, locale: Locale) {
      authorize(actor, 'entries.review');
      const t = workflowMessages(locale);
      const reason = reasonInput.trim();
      if (!reason) throw new AppError('validation_failed', t('review.reasonRequired'), { fields: { reason: t('review.reasonRequired') } });
      if (reason.length > 2000) throw new AppError('validation_failed', t('review.reasonTooLong'), { fields: { reason: t('review.reasonTooLong') } });
      const revision = await revisionOr404(revisionId);
      await db.transaction().execute(async (trx) => {
        const moved = await repo.moveRevision(trx, revision.id, 'in_review', {
          status: 'rejected',
          reviewed_by: actor.id,
          reviewed_at: new Date(),
          review_reason: reason,
        });
        if (!moved) throw new AppError('conflict', t('review.notPending'));
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'directory.revision_rejected',
          subjectType: revision.entity_type,
          subjectId: revision.entity_id,
          details: { organizationId: revision.organization_id, version: revision.version },
        });
        await notifyAuthor(trx, revision, 'rejected', reason);
      });
      return revision;
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
