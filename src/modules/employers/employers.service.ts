import type { Actor } from '../../platform/auth/roles.js';
import type { AppDeps } from '../../platform/deps.js';
import { containsPattern } from '../../db/like.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { uuidPattern } from '../../platform/http/ids.js';
import { storedLocale, type Locale } from '../../platform/i18n/i18n.js';
import { imageSize, validateImage, storeImage, type UploadedImage } from '../../platform/media/media.js';
import { createReviewWorkflow, pendingStates, type Intent } from '../../platform/review/review.workflow.js';
import type { SearchHit } from '../../platform/search/search.js';
import { withTranslation, withTranslations } from '../../platform/translations/translations.service.js';
import { profileTranslatable, storyTranslatable } from './employers.translations.js';
import { addMonths, todayIn } from '../../platform/time/berlin.js';
import { isDueForReminder, reachableMembers, reminderMonths } from '../directory/index.js';
import { countPlacesOf, currentPlacesOf } from '../places/index.js';
import { holidayCodesOfEmployer, reservedHolidayOffers } from '../holidays/index.js';
import { buildProfile } from './employers.form.js';
import { confirmationReminderMail } from './employers.emails.js';
import { employersMessages } from './employers.messages.js';
import { employerPaths } from './employers.paths.js';
import { authorize, can, type EmployersActor } from './employers.policy.js';
import * as repo from './employers.repository.js';
import * as storyRepo from './stories.repository.js';
import { dataOfRow } from './employers.reviewable.js';
import type { EmployerData, EmployerFilters } from './employers.types.js';
import { aggregate, selfCheckVersion, type Answer } from './self-check.js';

export const pageSize = 20;
export const confirmReminderJob = 'employers.confirm-reminders';

/** Measures last confirmed more than 12 months ago are shown as "unbestätigt" (the directory's staleness rule). */
export const isUnconfirmed = (confirmedOn: string, now: Date): boolean => confirmedOn < (addMonths(todayIn(now), -reminderMonths) ?? '');

const notFound = () => new AppError('not_found', 'Arbeitgeber nicht gefunden');

type ServiceDeps = Pick<AppDeps, 'db' | 'city' | 'config' | 'mail' | 'review'>;

/** The public directory of employers, their pages, good practice, the self-check, and the maintenance of profiles through the review workflow. */
export function createEmployersService(deps: ServiceDeps) {
  const { db, city } = deps;
  const revisions = createReviewWorkflow(deps);

  async function organizationOr404(id: string) {
    const org = uuidPattern.test(id) ? await repo.findOrganization(db, id) : undefined;
    if (!org) throw new AppError('not_found', 'Organisation nicht gefunden');
    return org;
  }

  async function editState(actor: EmployersActor | null, orgId: string) {
    authorize(actor, 'profile.edit', orgId);
    const org = await organizationOr404(orgId);
    const [published, latest] = await Promise.all([repo.findProfile(db, orgId), revisions.latest('employer', orgId)]);
    const pending = latest && pendingStates.includes(latest.status) ? latest : undefined;
    const data = (pending?.data ?? (published ? dataOfRow(published) : latest?.data)) as EmployerData | undefined;
    return { org, data, pending, published, baseVersion: latest?.version ?? 0, directPublish: org.trusted || can(actor, 'profile.publish') };
  }

  return {
    async actorOf(actor: Actor | null): Promise<EmployersActor | null> {
      return actor ? { ...actor, organizationIds: new Set((await repo.organizationsOf(db, actor.id)).map((o) => o.id)) } : null;
    },

    /** One page of published employers that match the filters, with how many places each offers; short profiles in the visitor's language where translated. */
    async list(filters: EmployerFilters, page: number, locale: Locale = 'de', now = new Date()) {
      const today = todayIn(now);
      const { rows, total } = await repo.listProfiles(db, filters, today, { limit: pageSize, offset: (page - 1) * pageSize });
      const counts = new Map(
        (
          await countPlacesOf(
            db,
            rows.map((r) => r.organization_id),
            today,
          )
        ).map((c) => [c.organization_id, Number(c.count)]),
      );
      return {
        total,
        pages: Math.max(1, Math.ceil(total / pageSize)),
        employers: await withTranslations(
          db,
          profileTranslatable<repo.ProfileRow & { places: number; unconfirmed: boolean }>(),
          locale,
          rows.map((r) => ({ ...r, places: counts.get(r.organization_id) ?? 0, unconfirmed: isUnconfirmed(r.measures_confirmed_on, now) })),
        ),
      };
    },

    /** An employer's page: the profile, its places from today on, its stories, the holiday offers it reserved places in. */
    async find(orgId: string, locale: Locale = 'de', now = new Date()) {
      const profile = uuidPattern.test(orgId) ? await repo.findProfile(db, orgId) : undefined;
      if (!profile) throw notFound();
      const [places, stories, logo, holidayCare, translated] = await Promise.all([
        currentPlacesOf(db, orgId, now),
        storyRepo.listStories(db),
        profile.logo_id ? imageSize(db, profile.logo_id) : undefined,
        reservedHolidayOffers(db, orgId, locale),
        withTranslation(db, profileTranslatable<repo.ProfileRow>(), locale, profile),
      ]);
      // Shown at most 160 × 96 pixels, in its own proportions (width and height given: no layout shift).
      const factor = logo ? Math.min(1, 160 / logo.width, 96 / logo.height) : 1;
      return {
        profile,
        logo: logo ? { width: Math.max(1, Math.round(logo.width * factor)), height: Math.max(1, Math.round(logo.height * factor)) } : undefined,
        places,
        translated,
        stories: await withTranslations(
          db,
          storyTranslatable<storyRepo.StoryRow>(),
          locale,
          stories.filter((s) => s.organization_id === orgId),
        ),
        unconfirmed: isUnconfirmed(profile.measures_confirmed_on, now),
        holidayCare,
      };
    },

    async search(query: string, locale: Locale, limit: number): Promise<SearchHit[]> {
      const t = employersMessages(locale);
      const rows = await repo.searchProfiles(db, containsPattern(query), limit);
      return rows.map((r) => ({
        title: r.name,
        url: employerPaths.employer(r.organization_id),
        excerpt: `${t(`sector.${r.sector}`)} · ${r.summary.length > 160 ? `${r.summary.slice(0, 157)}…` : r.summary}`,
      }));
    },

    /** The published stories, in the visitor's language where translated. */
    stories: async (locale: Locale = 'de') => withTranslations(db, storyTranslatable<storyRepo.StoryRow>(), locale, await storyRepo.listStories(db)),

    async story(slug: string, locale: Locale = 'de') {
      const story = await storyRepo.findStory(db, slug);
      if (!story) throw new AppError('not_found', 'Beispiel nicht gefunden');
      return withTranslation(db, storyTranslatable<storyRepo.StoryRow>(), locale, story);
    },

    /** Arbeitgeberprofil pflegen: the person's organisations; editors choose among all. */
    async manageHome(actor: EmployersActor | null) {
      authorize(actor, 'manage.open');
      const editor = can(actor, 'profile.publish');
      return { editor, organizations: editor ? await repo.allOrganizations(db) : await repo.organizationsOf(db, actor.id) };
    },

    /** One organisation's profile: published, newest version, saved self-check, its holiday places with the code for its staff. */
    async overview(actor: EmployersActor | null, orgId: string, locale: Locale = 'de', now = new Date()) {
      const state = await editState(actor, orgId);
      const [selfCheck, holidayCare] = await Promise.all([repo.findSelfCheckResult(db, orgId), holidayCodesOfEmployer(db, orgId, locale)]);
      const latest = await revisions.latest('employer', orgId);
      return {
        organization: state.org,
        published: state.published,
        unconfirmed: state.published ? isUnconfirmed(state.published.measures_confirmed_on, now) : false,
        pending: state.pending ? { status: state.pending.status, reason: latest?.review_reason ?? null } : undefined,
        directPublish: state.directPublish,
        selfCheck: selfCheck && selfCheck.version === selfCheckVersion ? selfCheck : undefined,
        holidayCare,
      };
    },

    editState,

    /**
     * Saves a version: a draft, a proposal for the editors, or (editor, trusted organisation)
     * published at once. A new logo is checked by its bytes and stored without metadata first.
     */
    async save(actor: EmployersActor | null, input: { orgId: string; values: Record<string, string | undefined>; logo: UploadedImage | null; locale: Locale }) {
      const state = await editState(actor, input.orgId);
      authorize(actor, 'profile.edit', input.orgId);
      const t = employersMessages(input.locale);
      const problem = input.logo ? validateImage(input.logo) : null;
      const built = buildProfile(input.values, {
        name: state.org.name,
        logoId: state.data?.logo_id ?? null,
        districts: city.districts,
        now: new Date(),
        locale: input.locale,
      });
      const errors = { ...(built.ok ? {} : built.errors), ...(problem ? { logo: t(problem === 'image.size' ? 'form.logoSize' : 'form.logoType') } : {}) };
      if (!built.ok || problem) throw new AppError('validation_failed', 'Bitte prüfen Sie die markierten Angaben.', { fields: errors });
      const data = built.value;
      if (input.logo) data.logo_id = (await storeImage(db, input.logo, actor.id)).id;
      return revisions.save({
        kind: 'employer',
        entityId: input.orgId,
        existing: state.baseVersion > 0 || !!state.published,
        organizationId: input.orgId,
        data,
        baseVersion: Number(input.values.base_version),
        intent: input.values.intent as Intent,
        publishNow: state.directPublish,
        actorId: actor.id,
      });
    },

    /** "Die Maßnahmen stimmen noch": confirms the published measures as they are (no review: nothing changes). */
    async confirm(actor: EmployersActor | null, orgId: string) {
      authorize(actor, 'profile.edit', orgId);
      await organizationOr404(orgId);
      await db.transaction().execute(async (trx) => {
        const done = await repo.confirmMeasures(trx, orgId, todayIn(new Date()));
        if (!done) throw notFound();
        await recordAudit(trx, { actorId: actor.id, action: 'employers.measures_confirmed', subjectType: 'employer', subjectId: orgId, details: {} });
      });
    },

    /** Every version of the profile, newest first. */
    async history(actor: EmployersActor | null, orgId: string) {
      authorize(actor, 'profile.edit', orgId);
      const [org, versions] = await Promise.all([organizationOr404(orgId), revisions.history('employer', orgId)]);
      return { organization: org, versions };
    },

    // The self-check ------------------------------------------------------------------------------

    /** Counts one anonymous self-check for the city: the month and the answers, nothing that names anyone. */
    async recordSelfCheck(answers: Answer[], now = new Date()) {
      await repo.insertSelfCheck(db, { month: `${todayIn(now).slice(0, 7)}-01`, version: selfCheckVersion, answers });
    },

    /** The organisations a person may save a result to (their own; editors: none, they have no business of their own). */
    async saveTargets(actor: EmployersActor | null) {
      if (!actor || actor.role === 'family') return [];
      return (await repo.organizationsOf(db, actor.id)).map((o) => ({ id: o.id, name: o.name }));
    },

    async saveSelfCheck(actor: EmployersActor | null, orgId: string, answers: Answer[]) {
      authorize(actor, 'profile.edit', orgId);
      await organizationOr404(orgId);
      await db.transaction().execute(async (trx) => {
        await repo.saveSelfCheckResult(trx, orgId, selfCheckVersion, answers);
        await recordAudit(trx, { actorId: actor.id, action: 'employers.self_check_saved', subjectType: 'employer', subjectId: orgId, details: {} });
      });
    },

    /** The city's aggregates of every stored self-check, small cells hidden. */
    async aggregates() {
      return aggregate((await repo.selfCheckAnswers(db, selfCheckVersion)).map((r) => r.answers));
    },
  };
}

export type EmployersService = ReturnType<typeof createEmployersService>;

/**
 * Every morning: members of employers whose measures were last confirmed more than 12 months ago get
 * one mail (again after 30 days at the earliest), with the directory's rule for its entries.
 */
export async function sendConfirmReminders(deps: ServiceDeps, now: Date): Promise<{ mails: number; employers: number }> {
  const { db, mail, city, config } = deps;
  const threshold = addMonths(todayIn(now), -reminderMonths) ?? todayIn(now);
  const due = (await repo.profilesConfirmedBefore(db, threshold)).filter((p) =>
    isDueForReminder(
      { assuredDate: p.measures_confirmed_on, publishedAt: p.published_at, reminderSentAt: p.confirm_reminder_sent_at, staleFlaggedAt: null },
      now,
    ),
  );
  if (!due.length) return { mails: 0, employers: 0 };
  const members = await reachableMembers(
    db,
    due.map((p) => p.organization_id),
  );
  const reminded = due.filter((p) => members.some((m) => m.organization_id === p.organization_id));
  await db.transaction().execute(async (trx) => {
    for (const m of members) {
      const profile = due.find((p) => p.organization_id === m.organization_id)!;
      await mail.enqueue(
        trx,
        confirmationReminderMail({
          to: m.email,
          locale: storedLocale(m.locale),
          name: m.display_name,
          organization: profile.name,
          portalName: city.portalName,
          editorsEmail: city.editorsEmail,
          link: `${config.publicUrl}${employerPaths.organization(profile.organization_id)}`,
        }),
      );
    }
    if (reminded.length)
      await repo.markReminded(
        trx,
        reminded.map((p) => p.organization_id),
        now,
      );
  });
  return { mails: members.length, employers: reminded.length };
}
