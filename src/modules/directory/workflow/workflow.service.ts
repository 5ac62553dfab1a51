import { randomUUID } from 'node:crypto';
import type { DirectoryEntity, RevisionStatus } from '../../../db/types.js';
import type { Actor } from '../../../platform/auth/roles.js';
import type { AppDeps } from '../../../platform/deps.js';
import { AppError } from '../../../platform/http/errors.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { createReviewWorkflow, pendingStates, type Intent } from '../../../platform/review/review.workflow.js';
import type { HsdsLocation, HsdsOrganization, HsdsService } from '../open-data/hsds.types.js';
import { berlinDate } from './workflow.dates.js';
import { buildLocation, buildOrganization, type Built } from './workflow.entity-forms.js';
import { workflowMessages } from './workflow.messages.js';
import { authorize, can, type WorkflowActor } from './workflow.policy.js';
import * as repo from './workflow.repository.js';
import { buildService } from './workflow.service-form.js';
import type { FormValues } from './workflow.validate.js';

export type { Intent };
export { ConflictError } from '../../../platform/review/review.workflow.js';

const directoryKinds: DirectoryEntity[] = ['organization', 'location', 'service'];

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

/** The organisation as an HSDS object, also for organisations that never had one. */
export function organizationData(org: { id: string; name: string; description: string; hsds: unknown }): HsdsOrganization {
  return (org.hsds as HsdsOrganization | null) ?? { id: org.id, name: org.name, description: org.description };
}

/** Providers and editors maintaining entries: drafts, proposals, direct publishing, history. */
export function createWorkflowService(deps: Pick<AppDeps, 'db' | 'city' | 'config' | 'mail' | 'review'>) {
  const { db, city } = deps;
  const revisions = createReviewWorkflow(deps);
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
    const owner = (await repo.findPublished(db, type, entityId))?.organizationId ?? (await revisions.latest(type, entityId))?.organization_id;
    if (owner !== orgId) throw new AppError('not_found', 'Eintrag nicht gefunden');
  }

  async function entries(orgId: string): Promise<{ organization: EntryStatus; locations: EntryStatus[]; services: EntryStatus[] }> {
    const [org, locations, services, newest] = await Promise.all([
      organizationOr404(orgId),
      repo.publishedLocations(db, orgId),
      repo.publishedServices(db, orgId),
      revisions.latestOf(orgId, directoryKinds),
    ]);
    const latest = new Map(newest.map((r) => [`${r.entity_type}:${r.entity_id}`, r]));
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
      const type = r.entity_type === 'location' ? 'location' : 'service';
      const entry = status(type, r.entity_id, (r.data as { name?: string }).name ?? '', false);
      (type === 'location' ? result.locations : result.services).push(entry);
    }
    return result;
  }

  /** What an edit form starts from. */
  async function editState(actor: WorkflowActor | null, type: DirectoryEntity, orgId: string, entityId: string | null) {
    authorize(actor, 'entries.edit', orgId);
    const org = await organizationOr404(orgId);
    if (entityId) await ensureInOrganization(type, entityId, orgId);
    const id = type === 'organization' ? orgId : entityId;
    const [published, latest] = id ? await Promise.all([repo.findPublished(db, type, id), revisions.latest(type, id)]) : [undefined, undefined];
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
      return revisions.save({
        kind: type,
        entityId: id,
        existing: !!input.entityId || type === 'organization',
        organizationId: orgId,
        data: built.value,
        baseVersion: input.baseVersion,
        intent,
        publishNow: state.directPublish,
        actorId: actor.id,
      });
    },

    /** Sends a saved draft to review (or publishes it, when the organisation is trusted). */
    async submitDraft(actor: WorkflowActor | null, input: { type: DirectoryEntity; orgId: string; entityId: string; version: number }) {
      authorize(actor, 'entries.edit', input.orgId);
      const { type, orgId, entityId } = input;
      await ensureInOrganization(type, entityId, orgId);
      const org = await organizationOr404(orgId);
      const publishNow = org.trusted || can(actor, 'entries.publish');
      return revisions.submitDraft({ kind: type, entityId, organizationId: orgId, version: input.version, publishNow, actorId: actor.id });
    },

    /**
     * Takes back the newest unpublished version (draft, in review or rejected): the published
     * version stays as it is; an entry that was never published disappears from the lists.
     */
    async withdraw(actor: WorkflowActor | null, input: { type: DirectoryEntity; orgId: string; entityId: string; version: number }) {
      authorize(actor, 'entries.edit', input.orgId);
      const { type, orgId, entityId } = input;
      await ensureInOrganization(type, entityId, orgId);
      await revisions.withdraw({ kind: type, entityId, organizationId: orgId, version: input.version, actorId: actor.id });
    },

    /** Every version of an entry, newest first, with who and when. */
    async history(actor: WorkflowActor | null, type: DirectoryEntity, orgId: string, entityId: string) {
      authorize(actor, 'entries.read', orgId);
      await ensureInOrganization(type, entityId, orgId);
      const org = await organizationOr404(orgId);
      const [versions, published] = await Promise.all([revisions.history(type, entityId), repo.findPublished(db, type, entityId)]);
      const name = (versions[0]?.data as { name?: string } | undefined)?.name ?? (published?.hsds as { name?: string } | undefined)?.name ?? org.name;
      return { organization: { id: org.id, name: org.name }, name, versions, published: !!published };
    },
  };
}

export type WorkflowService = ReturnType<typeof createWorkflowService>;
