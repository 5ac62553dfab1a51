import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, DirectoryEntity, RevisionStatus } from '../../../db/types.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/roles.js';
import type { CityProfile } from '../../../platform/city.js';
import { AppError } from '../../../platform/http/errors.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import type { HsdsLocation, HsdsOrganization, HsdsService } from '../open-data/hsds.types.js';
import { berlinDate } from './workflow.dates.js';
import { buildLocation, buildOrganization, type Built } from './workflow.entity-forms.js';
import { workflowMessages } from './workflow.messages.js';
import { authorize, can, type WorkflowActor } from './workflow.policy.js';
import { publishEntry } from './workflow.publishing.js';
import * as repo from './workflow.repository.js';
import { buildService } from './workflow.service-form.js';
import type { FormValues } from './workflow.validate.js';

export type Intent = 'draft' | 'submit';

/** An entry as the provider lists show it. */
export interface EntryStatus {
  type: DirectoryEntity;
  id: string;
  name: string;
  published: boolean;
  /** The newest version, when it is not the published one (draft, in review, rejected). */
  pending?: { status: RevisionStatus; version: number; reason: string | null; at: Date };
  stale?: boolean;
}

/** Thrown when the entry changed after the form was opened; carries the newest version. */
export class ConflictError extends AppError {
  constructor(readonly latest: repo.RevisionRow | undefined) {
    super('conflict', 'Der Eintrag wurde inzwischen geändert.');
  }
}

const pendingStates: RevisionStatus[] = ['draft', 'in_review', 'rejected'];
const uniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/** The organisation as an HSDS object, also for organisations that never had one. */
export function organizationData(org: { id: string; name: string; description: string; hsds: unknown }): HsdsOrganization {
  return (org.hsds as HsdsOrganization | null) ?? { id: org.id, name: org.name, description: org.description };
}

/** Providers and editors maintaining entries: drafts, proposals, direct publishing, history. */
export function createWorkflowService({ db, city }: { db: Kysely<DB>; city: CityProfile }) {
  async function actorOf(actor: Actor | null): Promise<WorkflowActor | null> {
    return actor ? { ...actor, organizationIds: new Set(await repo.membershipIds(db, actor.id)) } : null;
  }

  async function organizationOr404(id: string) {
    const org = await repo.findOrganization(db, id);
    if (!org) throw new AppError('not_found', 'Organisation nicht gefunden');
    return org;
  }

  /** The organisation an entry belongs to (published or only proposed); 404 when it is not this one. */
  async function ensureInOrganization(type: DirectoryEntity, entityId: string, orgId: string): Promise<void> {
    if (type === 'organization') {
      if (entityId !== orgId) throw new AppError('not_found', 'Eintrag nicht gefunden');
      return;
    }
    const owner = (await repo.findPublished(db, type, entityId))?.organizationId ?? (await repo.latestRevision(db, type, entityId))?.organization_id;
    if (owner !== orgId) throw new AppError('not_found', 'Eintrag nicht gefunden');
  }

  async function entries(orgId: string): Promise<{ organization: EntryStatus; locations: EntryStatus[]; services: EntryStatus[] }> {
    const [org, locations, services, revisions] = await Promise.all([
      organizationOr404(orgId),
      repo.publishedLocations(db, orgId),
      repo.publishedServices(db, orgId),
      repo.latestRevisions(db, orgId),
    ]);
    const latest = new Map(revisions.map((r) => [`${r.entity_type}:${r.entity_id}`, r]));
    const status = (type: DirectoryEntity, id: string, name: string, published: boolean, stale = false): EntryStatus => {
      const r = latest.get(`${type}:${id}`);
      latest.delete(`${type}:${id}`);
      const pending =
        r && pendingStates.includes(r.status)
          ? { status: r.status, version: r.version, reason: r.review_reason, at: r.submitted_at ?? r.created_at }
          : undefined;
      return { type, id, name: pending ? ((r!.data as { name?: string }).name ?? name) : name, published, pending, stale };
    };
    const result = {
      organization: status('organization', org.id, org.name, !!org.hsds),
      locations: locations.map((l) => status('location', l.id, l.name, true)),
      services: services.map((s) => status('service', s.id, s.name, true, !!s.stale_flagged_at)),
    };
    // Entries that exist only as revisions (never published yet).
    for (const r of latest.values()) {
      if (r.entity_type === 'organization') continue;
      const entry = status(r.entity_type, r.entity_id, (r.data as { name?: string }).name ?? '', false);
      (r.entity_type === 'location' ? result.locations : result.services).push(entry);
    }
    return result;
  }

  /** What an edit form starts from. */
  async function editState(actor: WorkflowActor | null, type: DirectoryEntity, orgId: string, entityId: string | null) {
    authorize(actor, 'entries.edit', orgId);
    const org = await organizationOr404(orgId);
    if (entityId) await ensureInOrganization(type, entityId, orgId);
    const id = type === 'organization' ? orgId : entityId;
    const [published, latest] = id ? await Promise.all([repo.findPublished(db, type, id), repo.latestRevision(db, type, id)]) : [undefined, undefined];
    const pending = latest && pendingStates.includes(latest.status) ? latest : undefined;
    const data = pending?.data ?? published?.hsds ?? latest?.data ?? (type === 'organization' ? organizationData(org) : undefined);
    return { org, data, published: !!published, pending, baseVersion: latest?.version ?? 0, directPublish: org.trusted || can(actor, 'entries.publish') };
  }

  async function build(type: DirectoryEntity, orgId: string, id: string, existing: unknown, values: FormValues, locale: Locale): Promise<Built<unknown>> {
    switch (type) {
      case 'organization':
        return buildOrganization(values, existing as HsdsOrganization, locale);
      case 'location':
        return buildLocation(values, { id, existing: existing as HsdsLocation | undefined, districts: city.districts, state: city.state }, locale);
      case 'service': {
        const [topics, locations] = await Promise.all([repo.topicTerms(db), repo.publishedLocations(db, orgId)]);
        const now = new Date();
        return buildService(
          values,
          { id, existing: existing as HsdsService | undefined, topics, locationIds: locations.map((l) => l.id), today: berlinDate(now), now },
          locale,
        );
      }
    }
  }

  return {
    actorOf,

    /** Whether this person's changes to the organisation's entries appear without review (trusted organisation, editors). */
    async publishesDirectly(actor: WorkflowActor, orgId: string): Promise<boolean> {
      return (await organizationOr404(orgId)).trusted || can(actor, 'entries.publish');
    },

    /** Mein Verzeichnis: the organisations the person is a member of, each with its entries. */
    async home(actor: WorkflowActor | null) {
      authorize(actor, 'home.read');
      const orgs = await repo.listOrganizations(db, [...actor.organizationIds]);
      const visible = orgs.filter((o) => can(actor, 'entries.read', o.id));
      return {
        editor: can(actor, 'entries.review'),
        organizations: await Promise.all(visible.map(async (o) => ({ id: o.id, name: o.name, trusted: o.trusted, entries: await entries(o.id) }))),
      };
    },

    async overview(actor: WorkflowActor | null, orgId: string) {
      authorize(actor, 'entries.read', orgId);
      const org = await organizationOr404(orgId);
      return { id: org.id, name: org.name, trusted: org.trusted, entries: await entries(orgId) };
    },

    editState,

    /** Topic checkboxes and the organisation's published locations, for the service form. */
    async serviceChoices(orgId: string) {
      const [topics, locations] = await Promise.all([repo.topicTerms(db), repo.publishedLocations(db, orgId)]);
      return { topics, locations };
    },

    /**
     * Saves a new version: a draft, a proposal for review, or (trusted organisation or editor)
     * published at once. `baseVersion` is the newest version when the form was opened; if a newer
     * one exists, nothing is saved and a ConflictError tells who changed it.
     */
    async save(
      actor: WorkflowActor | null,
      input: { type: DirectoryEntity; orgId: string; entityId: string | null; values: FormValues; baseVersion: number; intent: Intent; locale: Locale },
    ) {
      authorize(actor, 'entries.edit', input.orgId);
      const { type, orgId, intent } = input;
      const state = await editState(actor, type, orgId, input.entityId);
      const id = type === 'organization' ? orgId : (input.entityId ?? randomUUID());
      const built = await build(type, orgId, id, state.data, input.values, input.locale);
      if (!built.ok) throw new AppError('validation_failed', workflowMessages(input.locale)('form.invalid'), { fields: built.errors });
      const publishNow = intent === 'submit' && state.directPublish;
      const status: RevisionStatus = intent === 'draft' ? 'draft' : publishNow ? 'published' : 'in_review';
      try {
        return await db.transaction().execute(async (trx) => {
          const latest = input.entityId || type === 'organization' ? await repo.latestRevision(trx, type, id) : undefined;
          if ((latest?.version ?? 0) !== input.baseVersion) throw new ConflictError(latest);
          let version = (latest?.version ?? 0) + 1;
          const published = await repo.findPublished(trx, type, id);
          if (!latest && published) {
            // The first edit of an entry that was published without the workflow (seed, import): keep that version.
            await repo.insertRevision(trx, { type, entityId: id, organizationId: orgId, version, status: 'published', data: published.hsds, authorId: null });
            version++;
          }
          const now = new Date();
          const revision = await repo.insertRevision(trx, {
            type,
            entityId: id,
            organizationId: orgId,
            version,
            status,
            data: built.value,
            authorId: actor.id,
            submittedAt: intent === 'submit' ? now : null,
            reviewedBy: publishNow ? actor.id : null,
            reviewedAt: publishNow ? now : null,
          });
          await repo.supersede(trx, type, id, publishNow ? ['draft', 'in_review', 'published'] : ['draft', 'in_review'], revision.id);
          if (publishNow) await publishEntry(trx, type, orgId, built.value);
          if (intent === 'submit') {
            await recordAudit(trx, {
              actorId: actor.id,
              action: publishNow ? 'directory.entry_published' : 'directory.entry_submitted',
              subjectType: type,
              subjectId: id,
              details: { organizationId: orgId, version },
            });
          }
          return { entityId: id, status, version };
        });
      } catch (error) {
        // Two saves at the same moment: the second one lost the race for the version number.
        if (uniqueViolation(error)) throw new ConflictError(await repo.latestRevision(db, type, id));
        throw error;
      }
    },

    /** Sends a saved draft to review (or publishes it, when the organisation is trusted). */
    async submitDraft(actor: WorkflowActor | null, input: { type: DirectoryEntity; orgId: string; entityId: string; version: number }) {
      authorize(actor, 'entries.edit', input.orgId);
      const { type, orgId, entityId } = input;
      await ensureInOrganization(type, entityId, orgId);
      const org = await organizationOr404(orgId);
      const publishNow = org.trusted || can(actor, 'entries.publish');
      return db.transaction().execute(async (trx) => {
        const latest = await repo.latestRevision(trx, type, entityId);
        if (!latest || latest.version !== input.version || latest.status !== 'draft') throw new ConflictError(latest);
        const now = new Date();
        const moved = await repo.moveRevision(
          trx,
          latest.id,
          'draft',
          publishNow ? { status: 'published', submitted_at: now, reviewed_by: actor.id, reviewed_at: now } : { status: 'in_review', submitted_at: now },
        );
        if (!moved) throw new ConflictError(latest);
        if (publishNow) {
          await repo.supersede(trx, type, entityId, ['published', 'in_review'], latest.id);
          await publishEntry(trx, type, orgId, latest.data);
        } else {
          await repo.supersede(trx, type, entityId, ['in_review'], latest.id);
        }
        await recordAudit(trx, {
          actorId: actor.id,
          action: publishNow ? 'directory.entry_published' : 'directory.entry_submitted',
          subjectType: type,
          subjectId: entityId,
          details: { organizationId: orgId, version: latest.version },
        });
        return { status: publishNow ? ('published' as const) : ('in_review' as const) };
      });
    },

    /**
     * Takes back the newest unpublished version (draft, in review or rejected): the published
     * version stays as it is; an entry that was never published disappears from the lists.
     */
    async withdraw(actor: WorkflowActor | null, input: { type: DirectoryEntity; orgId: string; entityId: string; version: number }) {
      authorize(actor, 'entries.edit', input.orgId);
      const { type, orgId, entityId } = input;
      await ensureInOrganization(type, entityId, orgId);
      await db.transaction().execute(async (trx) => {
        const latest = await repo.latestRevision(trx, type, entityId);
        if (!latest || latest.version !== input.version || !pendingStates.includes(latest.status)) throw new ConflictError(latest);
        const moved = await repo.moveRevision(trx, latest.id, latest.status, { status: 'withdrawn' });
        if (!moved) throw new ConflictError(latest);
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'directory.proposal_withdrawn',
          subjectType: type,
          subjectId: entityId,
          details: { organizationId: orgId, version: latest.version, was: latest.status },
        });
      });
    },

    /** Every version of an entry, newest first, with who and when. */
    async history(actor: WorkflowActor | null, type: DirectoryEntity, orgId: string, entityId: string) {
      authorize(actor, 'entries.read', orgId);
      await ensureInOrganization(type, entityId, orgId);
      const org = await organizationOr404(orgId);
      const [versions, published] = await Promise.all([repo.history(db, type, entityId), repo.findPublished(db, type, entityId)]);
      const name = (versions[0]?.data as { name?: string } | undefined)?.name ?? (published?.hsds as { name?: string } | undefined)?.name ?? org.name;
      return { organization: { id: org.id, name: org.name }, name, versions, published: !!published };
    },
  };
}

export type WorkflowService = ReturnType<typeof createWorkflowService>;
