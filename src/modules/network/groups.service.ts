import type { Actor } from '../../platform/auth/roles.js';
import { notFound } from '../../platform/http/errors.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { storeImage, validateImage } from '../../platform/media/media.js';
import type { UploadedFile } from '../../platform/media/uploaded-file.js';
import * as docs from './documents.repository.js';
import * as feed from './feed.repository.js';
import * as meetings from './meetings.repository.js';
import * as moderation from './moderation.repository.js';
import { fieldError, type NetworkContext } from './network.context.js';
import { networkMessages } from './network.messages.js';
import { groupPath, groupScope } from './network.paths.js';
import { authorize, canContribute, canLead, isNetworkPerson, isStaff } from './network.policy.js';
import * as repo from './network.repository.js';

export interface GroupInput {
  name: string;
  access: 'open' | 'closed' | 'private';
  topic: string;
  publicResults: string;
  leadOrganizationId: string | null;
}

/** Addresses under /netzwerk/gruppen/ that are pages, not groups. */
const reservedSlugs = new Set(['neu']);

/** "AG Mobilität & Spielräume" → "ag-mobilitaet-spielraeume". */
export function slugOf(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'gruppe';
}

/** Groups and their members: the group page, joining, requests, invitations; staff open groups and keep partner profiles. */
export function createGroupService(ctx: NetworkContext) {
  const { db } = ctx;

  return {
    async groupPage(actor: Actor | null, slug: string) {
      const { group, standing: s } = await ctx.visibleGroup(actor, slug);
      const member = canContribute(actor, s);
      const [members, documents, upcoming, tasks, posts, polls] = await Promise.all([
        repo.groupMembers(db, group.id),
        member ? docs.groupDocuments(db, group.id) : Promise.resolve([]),
        member ? meetings.upcomingMeetings(db, [group.id], new Date(), 5) : Promise.resolve([]),
        member ? meetings.groupTasks(db, group.id) : Promise.resolve([]),
        member ? feed.feed(db, [group.id], 20, true) : Promise.resolve([]),
        member ? meetings.openPolls(db, group.id) : Promise.resolve([]),
      ]);
      const postIds = posts.map((p) => p.id);
      const isLead = canLead(actor, s);
      const [comments, attachments, openReports, revisions] = await Promise.all([
        feed.commentsOf(db, postIds),
        feed.attachmentsOf(db, postIds),
        isLead ? moderation.openReportCount(db, [group.id]) : Promise.resolve(0),
        feed.revisionsOf(
          db,
          posts.filter((p) => p.edited_at).map((p) => p.id),
        ),
      ]);
      return {
        group,
        standing: s,
        comments,
        attachments,
        /** For leads: reported posts of this group that wait for a decision. */
        openReports,
        revisions,
        actorId: actor?.id ?? null,
        polls,
        isMember: member,
        isLead,
        members: member ? members : members.filter((m) => m.state === 'member'),
        documents,
        meetings: upcoming,
        tasks,
        posts,
      };
    },

    /** Open groups: joined at once; closed: a request the leads hear about; private: only an invitation is accepted. */
    async join(actor: Actor, slug: string): Promise<'member' | 'requested'> {
      const { group, standing: s } = await ctx.visibleGroup(actor, slug);
      authorize(isNetworkPerson(actor));
      if (s.membership?.state === 'member') return 'member';
      return db.transaction().execute(async (trx) => {
        if (s.membership?.state === 'invited' || group.access === 'open') {
          await repo.putMembership(trx, group.id, actor.id, 'member');
          return 'member' as const;
        }
        if (group.access === 'private') throw notFound('Gruppe');
        await repo.putMembership(trx, group.id, actor.id, 'requested');
        await ctx.notify(trx, await repo.memberIds(trx, group.id, 'lead'), {
          key: `request:${group.id}:${actor.id}`,
          kind: 'request',
          groupId: group.id,
          title: actor.displayName,
          link: `${groupPath(group.slug)}#mitglieder`,
        });
        return 'requested' as const;
      });
    },

    async partnerProfiles(actor: Actor) {
      authorize(isStaff(actor));
      return repo.partnerProfiles(db);
    },

    /** Staff keep the partners' public profiles: short text, contribution, website, logo, shown or not. */
    async savePartnerProfile(
      actor: Actor,
      organizationId: string,
      input: { shortText: string; contribution: string; website: string | null; shown: boolean },
      logo: UploadedFile | null,
      locale: Locale,
    ) {
      authorize(isStaff(actor));
      if (!(await repo.partnerProfiles(db)).some((p) => p.id === organizationId)) throw notFound('Partner');
      if (logo) {
        const problem = validateImage(logo);
        if (problem) throw fieldError({ logo: networkMessages(locale)(problem === 'image.size' ? 'partnerForm.logo.size' : 'partnerForm.logo.type') });
      }
      await db.transaction().execute(async (trx) => {
        const image = logo ? await storeImage(trx, logo, actor.id) : null;
        await repo.savePartnerProfile(trx, organizationId, {
          short_text: input.shortText,
          contribution: input.contribution,
          website: input.website,
          shown: input.shown,
          ...(image ? { logo_image_id: image.id } : {}),
        });
      });
    },

    async organizations() {
      return repo.partnerOrganizations(db);
    },

    /** Staff open a new working group; they lead it until they hand it on. */
    async createGroup(actor: Actor, input: GroupInput, locale: Locale): Promise<string> {
      authorize(isStaff(actor));
      const t = networkMessages(locale);
      if (input.leadOrganizationId && !(await repo.partnerOrganizations(db)).some((o) => o.id === input.leadOrganizationId))
        throw fieldError({ leadOrganization: t('groupForm.leadOrganization.unknown') });
      const base = slugOf(input.name);
      let slug = base;
      for (let n = 2; reservedSlugs.has(slug) || (await repo.slugTaken(db, slug)); n++) slug = `${base}-${n}`;
      return db.transaction().execute(async (trx) => {
        const id = await repo.insertGroup(trx, {
          slug,
          name: input.name,
          kind: 'working',
          access: input.access,
          topic: input.topic,
          public_results: input.publicResults,
          lead_organization_id: input.leadOrganizationId,
        });
        await repo.putMembership(trx, id, actor.id, 'member', 'lead');
        return slug;
      });
    },

    /** Leads and staff keep a group's description, access and public results up to date. */
    async updateGroup(actor: Actor, slug: string, input: GroupInput, locale: Locale) {
      const { group, standing: s } = await ctx.visibleGroup(actor, slug);
      authorize(canLead(actor, s));
      if (group.kind === 'steering' && input.access === 'private') throw fieldError({ access: networkMessages(locale)('groupForm.access.steering') });
      if (input.leadOrganizationId && !(await repo.partnerOrganizations(db)).some((o) => o.id === input.leadOrganizationId))
        throw fieldError({ leadOrganization: networkMessages(locale)('groupForm.leadOrganization.unknown') });
      await db.transaction().execute((trx) =>
        repo.updateGroup(trx, group.id, {
          name: input.name,
          access: input.access,
          topic: input.topic,
          public_results: input.publicResults,
          lead_organization_id: input.leadOrganizationId,
        }),
      );
    },

    async leave(actor: Actor, slug: string) {
      const { group } = await ctx.visibleGroup(actor, slug);
      await db.transaction().execute(async (trx) => {
        await repo.removeMembership(trx, group.id, actor.id);
        await ctx.deps.notifications.cancel(trx, { scope: groupScope(group.id), userId: actor.id });
      });
    },

    /** A lead accepts a request, or removes a member (who loses access at once). */
    async decide(actor: Actor, slug: string, userId: string, decision: 'accept' | 'remove') {
      const { group, standing: s } = await ctx.visibleGroup(actor, slug);
      authorize(canLead(actor, s));
      await db.transaction().execute(async (trx) => {
        const done = decision === 'accept' ? await repo.acceptRequest(trx, group.id, userId) : await repo.removeMembership(trx, group.id, userId);
        if (!done) throw notFound('Mitglied');
        if (decision === 'remove') await ctx.deps.notifications.cancel(trx, { scope: groupScope(group.id), userId });
      });
    },

    /** A lead invites a partner by address; the partner accepts by joining. */
    async invite(actor: Actor, slug: string, email: string, locale: Locale) {
      const { group, standing: s } = await ctx.visibleGroup(actor, slug);
      authorize(canLead(actor, s));
      const user = await repo.userByEmail(db, email);
      if (!user || !(user.role === 'partner' || user.role === 'editor' || user.role === 'admin'))
        throw fieldError({ email: networkMessages(locale)('invite.email.unknown') });
      await db.transaction().execute(async (trx) => {
        await repo.putMembership(trx, group.id, user.id, 'invited');
        await ctx.notify(trx, [user.id], {
          key: `invite:${group.id}:${user.id}`,
          kind: 'request',
          groupId: group.id,
          title: actor.displayName,
          link: groupPath(group.slug),
        });
      });
    },
  };
}
