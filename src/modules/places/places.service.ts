import { randomUUID } from 'node:crypto';
import type { RevisionStatus } from '../../db/types.js';
import type { Actor } from '../../platform/auth/roles.js';
import type { AppDeps } from '../../platform/deps.js';
import { containsPattern } from '../../db/like.js';
import { AppError } from '../../platform/http/errors.js';
import { uuidPattern } from '../../platform/http/ids.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { formatCivilDate } from '../../platform/i18n/i18n.js';
import { createReviewWorkflow, pendingStates, type Intent } from '../../platform/review/review.workflow.js';
import type { SearchHit } from '../../platform/search/search.js';
import { todayIn } from '../../platform/time/berlin.js';
import { buildPlace, type PlaceFormValues } from './places.form.js';
import { placesMessages } from './places.messages.js';
import { placePaths } from './places.paths.js';
import { authorize, can, type PlacesActor } from './places.policy.js';
import * as repo from './places.repository.js';
import { dataOfRow } from './places.reviewable.js';
import type { PlaceData, PlaceFilters } from './places.types.js';

/** A place as its organisation's members see it in their list. */
export interface ManagedPlace {
  id: string;
  title: string;
  start_date: string;
  published: boolean;
  /** The newest version when it is not the published one (draft, in review, rejected). */
  pending?: { status: RevisionStatus; version: number; reason: string | null };
}

const notFound = () => new AppError('not_found', 'Platz nicht gefunden');

/** The public list and page, the site search, and the maintenance of places through the review workflow. */
export function createPlacesService(deps: Pick<AppDeps, 'db' | 'city' | 'config' | 'mail' | 'review'>) {
  const { db, city } = deps;
  const revisions = createReviewWorkflow(deps);

  async function organizationOr404(id: string) {
    const org = uuidPattern.test(id) ? await repo.findOrganization(db, id) : undefined;
    if (!org) throw new AppError('not_found', 'Organisation nicht gefunden');
    return org;
  }

  /** The organisation a place belongs to (published or only proposed); 404 when it is not this one. */
  async function ensureInOrganization(placeId: string, orgId: string): Promise<void> {
    const owner = (await repo.findPlace(db, placeId))?.organization_id ?? (await revisions.latest('place', placeId))?.organization_id;
    if (owner !== orgId) throw notFound();
  }

  async function editState(actor: PlacesActor | null, orgId: string, placeId: string | null) {
    authorize(actor, 'places.edit', orgId);
    const org = await organizationOr404(orgId);
    if (placeId) await ensureInOrganization(placeId, orgId);
    const [published, latest] = placeId ? await Promise.all([repo.findPlace(db, placeId), revisions.latest('place', placeId)]) : [undefined, undefined];
    const pending = latest && pendingStates.includes(latest.status) ? latest : undefined;
    const data = (pending?.data ?? (published ? dataOfRow(published) : latest?.data)) as PlaceData | undefined;
    return { org, data, pending, baseVersion: latest?.version ?? 0, directPublish: org.trusted || can(actor, 'places.publish') };
  }

  return {
    async actorOf(actor: Actor | null): Promise<PlacesActor | null> {
      return actor ? { ...actor, organizationIds: new Set((await repo.organizationsOf(db, actor.id)).map((o) => o.id)) } : null;
    },

    /** Published places from today on that match the filters. */
    list: (filters: PlaceFilters, now = new Date()) => repo.listPlaces(db, filters, todayIn(now)),

    async find(id: string) {
      const place = await repo.findPlace(db, id);
      if (!place) throw notFound();
      return place;
    },

    async search(query: string, locale: Locale, limit: number): Promise<SearchHit[]> {
      const t = placesMessages(locale);
      const rows = await repo.searchPlaces(db, containsPattern(query), todayIn(new Date()), limit);
      return rows.map((r) => ({
        title: r.title,
        url: placePaths.place(r.id),
        excerpt: `${t(`kind.${r.kind}`)} · ${t('place.by', { organization: r.organization_name })} · ${t('place.starts', { date: formatCivilDate(r.start_date, locale) })}`,
      }));
    },

    /** Plätze verwalten: the person's organisations; editors choose among all. */
    async manageHome(actor: PlacesActor | null) {
      authorize(actor, 'manage.open');
      const editor = can(actor, 'places.publish');
      return { editor, organizations: editor ? await repo.allOrganizations(db) : await repo.organizationsOf(db, actor.id) };
    },

    /** One organisation's places with their drafts and proposals. */
    async overview(actor: PlacesActor | null, orgId: string) {
      authorize(actor, 'places.edit', orgId);
      const [org, published, latest] = await Promise.all([organizationOr404(orgId), repo.placesOf(db, orgId), revisions.latestOf(orgId, ['place'])]);
      const newest = new Map(latest.map((r) => [r.entity_id, r]));
      const entry = (id: string, title: string, start: string, isPublished: boolean): ManagedPlace => {
        const r = newest.get(id);
        newest.delete(id);
        const pending = r && pendingStates.includes(r.status) ? { status: r.status, version: r.version, reason: r.review_reason } : undefined;
        const shown = pending ? (r!.data as PlaceData) : undefined;
        return { id, title: shown?.title ?? title, start_date: shown?.start_date ?? start, published: isPublished, pending };
      };
      const places = published.map((p) => entry(p.id, p.title, p.start_date, true));
      for (const r of [...newest.values()]) {
        if (!pendingStates.includes(r.status)) continue;
        const d = r.data as PlaceData;
        places.push(entry(r.entity_id, d.title, d.start_date, false));
      }
      return { organization: org, places, directPublish: org.trusted || can(actor, 'places.publish') };
    },

    editState,

    /**
     * Saves a version: a draft, a proposal for the editors, or (editor, trusted organisation)
     * published at once. A ConflictError when someone saved in between.
     */
    async save(actor: PlacesActor | null, input: { orgId: string; placeId: string | null; values: PlaceFormValues; locale: Locale }) {
      authorize(actor, 'places.edit', input.orgId);
      const state = await editState(actor, input.orgId, input.placeId);
      const id = input.placeId ?? randomUUID();
      const built = buildPlace(id, input.values, { districts: city.districts, now: new Date(), locale: input.locale });
      if (!built.ok) throw new AppError('validation_failed', 'Bitte prüfen Sie die markierten Angaben.', { fields: built.errors });
      return revisions.save({
        kind: 'place',
        entityId: id,
        existing: !!input.placeId,
        organizationId: input.orgId,
        data: built.value,
        baseVersion: Number(input.values.base_version),
        intent: input.values.intent as Intent,
        publishNow: state.directPublish,
        actorId: actor.id,
      });
    },

    /** Every version of a place, newest first. */
    async history(actor: PlacesActor | null, orgId: string, placeId: string) {
      authorize(actor, 'places.edit', orgId);
      await ensureInOrganization(placeId, orgId);
      const [org, versions] = await Promise.all([organizationOr404(orgId), revisions.history('place', placeId)]);
      const title = (versions[0]?.data as PlaceData | undefined)?.title ?? '';
      return { organization: org, title, versions };
    },
  };
}

export type PlacesService = ReturnType<typeof createPlacesService>;
