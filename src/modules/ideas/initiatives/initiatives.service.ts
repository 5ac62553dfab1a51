import { randomBytes } from 'node:crypto';
import type { AppDeps } from '../../../platform/deps.js';
import type { InitiativeStatus } from '../../../db/tables/ideas.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { hmac, safeEqual } from '../../../platform/auth/tokens.js';
import type { Actor } from '../../../platform/auth/roles.js';
import { notFound } from '../../../platform/http/errors.js';
import { uuidPattern } from '../../../platform/http/ids.js';
import { storedLocale, type Locale } from '../../../platform/i18n/i18n.js';
import type { SearchHit } from '../../../platform/search/search.js';
import { containsPattern } from '../../../db/like.js';
import { todayIn } from '../../../platform/time/berlin.js';
import { offerNews } from '../../newsletter/index.js';
import { sharedGroups, type NetworkGroupSummary } from '../../network/index.js';
import { ideaMail } from '../emails/idea-mails.js';
import { unconfirmedDays } from '../ideas.privacy.js';
import { checkToken, confirmLinkHours, expiringToken, lastingToken, tokenSubject } from '../links.js';
import { consumeRateLimit } from '../../../platform/http/rate-limit.js';
import { authorize } from '../ideas.policy.js';
import { ideaTopics } from '../ideas.topics.js';
import * as repo from './initiatives.repository.js';
import { initiativeMailMessages, initiativeMessages } from './initiatives.messages.js';
import { readInitiativeForm, type FormProblem } from './initiative-form.js';
import { changedFields, readRoadmapCsv, roadmapCsv, type RoadmapInitiative, type RowProblem } from './roadmap-csv.js';

export const initiativePath = (slug: string) => `/vorhaben/${slug}`;

export type SaveOutcome = { ok: true; slug: string; changed: boolean } | { ok: false; problems: FormProblem[] };

export type ImportOutcome = { ok: false; problems: RowProblem[] } | { ok: true; created: number; changed: number; unchanged: number };

/** Progress as milestones reached, never a made-up percentage. */
export function progressOf(milestones: readonly { reachedOn: string | null }[]): { reached: number; total: number } {
  return { reached: milestones.filter((m) => m.reachedOn !== null).length, total: milestones.length };
}

/** A news teaser from an update's text: its first sentences, at most 300 characters, cut at a word. */
export function teaserOf(body: string): string {
  const text = body.replace(/\s+/g, ' ').trim();
  if (text.length <= 300) return text;
  const cut = text.slice(0, 299);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 200))}…`;
}

/** Following by mail: at most this many requests per hour and source (the same bucket size as for ideas). */
export const initiativeFollowLimit = { bucket: 'initiatives.follow:ip', max: 20, windowSeconds: 3600 };

/** The roadmap: initiatives with milestones, updates to their followers, open data and the import. */
export function createInitiativeService(deps: AppDeps) {
  const { db, config, city, mail } = deps;
  const secret = config.sessionSecret;
  const url = (path: string) => `${config.publicUrl}${path}`;
  const sign = (initiativeId: string, userId: string, key: string) => hmac(secret, `initiatives|unfollow|${initiativeId}|${userId}|${key}`).slice(0, 43);

  return {
    async list(filter: { topic?: string; status?: InitiativeStatus }) {
      const initiatives = await repo.listInitiatives(db, filter);
      const milestones = await repo.milestonesOf(
        db,
        initiatives.map((i) => i.id),
      );
      return initiatives.map((i) => {
        const own = milestones.filter((m) => m.initiative_id === i.id).map((m) => ({ ...m, plannedOn: m.planned_on, reachedOn: m.reached_on }));
        return { ...i, milestones: own, progress: progressOf(own) };
      });
    },

    /** Changes and updates of the current month (Europe/Berlin). */
    async thisMonth() {
      const since = new Date(`${todayIn().slice(0, 7)}-01T00:00:00Z`);
      return repo.changesSince(db, since);
    },

    async item(slug: string, actor: Actor | null) {
      const initiative = await repo.findInitiative(db, slug);
      if (!initiative) throw notFound('Vorhaben');
      const milestones = (await repo.milestonesOf(db, [initiative.id])).map((m) => ({ ...m, plannedOn: m.planned_on, reachedOn: m.reached_on }));
      return {
        initiative,
        milestones,
        progress: progressOf(milestones),
        links: await repo.linksOf(db, initiative.id),
        updates: await repo.updatesOf(db, initiative.id),
        history: await repo.historyOf(db, initiative.id),
        following: actor ? await repo.isFollowing(db, initiative.id, actor.id) : false,
        networkGroup: initiative.network_group_id
          ? ((await sharedGroups.byIds(db, [initiative.network_group_id])).get(initiative.network_group_id) ?? null)
          : null,
      };
    },

    /** The site search: initiatives by title or goal, with their status in the visitor's language. */
    async search(query: string, locale: Locale, limit: number): Promise<SearchHit[]> {
      const t = initiativeMessages(locale);
      const rows = await repo.searchInitiatives(db, containsPattern(query), limit);
      return rows.map((r) => ({ title: r.title, url: initiativePath(r.slug), excerpt: `${t(`status.${r.status}`)} · ${r.goal.slice(0, 160)}` }));
    },

    async initiativesOfIdea(ideaId: string) {
      return repo.initiativesOfIdea(db, ideaId);
    },

    /** Open data: every initiative with its milestones, and its working group in the network when one is linked. */
    async exportAll() {
      const all = await repo.allForRoadmap(db);
      const groups = await sharedGroups.byIds(
        db,
        all.flatMap((i) => (i.networkGroupId ? [i.networkGroupId] : [])),
      );
      return all.map(({ networkGroupId, ...i }) => {
        const group = networkGroupId ? groups.get(networkGroupId) : undefined;
        return { ...i, networkGroup: group ? { name: group.name, url: `${config.publicUrl}${group.path}` } : null };
      });
    },

    /** The network's groups an initiative's working group can be (not the private ones). */
    async networkGroups(): Promise<NetworkGroupSummary[]> {
      return sharedGroups.choices(db);
    },

    async networkGroup(id: string | null): Promise<NetworkGroupSummary | null> {
      return id ? ((await sharedGroups.byIds(db, [id])).get(id) ?? null) : null;
    },

    /** One initiative for the editors' form (null: no such initiative). */
    async forEditing(actor: Actor | null, slug: string) {
      authorize(actor, 'ideas.moderate');
      return (await repo.allForRoadmap(db, slug))[0] ?? null;
    },

    /**
     * Saves the editors' form for one initiative (`slug` null: a new one), checked by the CSV import's rules.
     * Like the import, an unchanged initiative gets no history entry; a change gets one, naming the fields.
     */
    async save(actor: Actor | null, slug: string | null, values: Record<string, string | undefined>): Promise<SaveOutcome> {
      authorize(actor, 'ideas.moderate');
      const read = readInitiativeForm(values, ideaTopics, slug);
      if (!read.ok) return read;
      const { initiative, networkGroupId } = read;
      if (networkGroupId && !(await sharedGroups.byIds(db, [networkGroupId])).has(networkGroupId))
        return { ok: false, problems: [{ column: 'arbeitsgruppe', problem: 'required', detail: 'netzwerkgruppe', field: 'netzwerkgruppe' }] };
      return db.transaction().execute(async (trx) => {
        await repo.lockInitiatives(trx);
        const before = (await repo.allForRoadmap(trx, initiative.slug))[0];
        if (!slug && before)
          return { ok: false as const, problems: [{ column: 'kennung' as const, problem: 'slug' as const, detail: 'taken', field: 'kennung' }] };
        if (slug && !before) throw notFound('Vorhaben');
        const fields = changedFields(before, initiative);
        if (before && (before.networkGroupId ?? null) !== networkGroupId) fields.push('networkGroup');
        if (fields.length === 0) return { ok: true as const, slug: initiative.slug, changed: false };
        const id = fields.some((f) => f !== 'networkGroup') ? await repo.saveInitiative(trx, initiative, before?.id) : before!.id;
        await repo.setNetworkGroup(trx, id, networkGroupId);
        await repo.insertHistory(trx, [{ initiative_id: id, actor_id: actor.id, changes: JSON.stringify({ fields, status: initiative.status }) }]);
        await recordAudit(trx, {
          actorId: actor.id,
          action: before ? 'initiative.changed' : 'initiative.created',
          subjectType: 'initiative',
          subjectId: id,
          details: { title: initiative.title },
        });
        return { ok: true as const, slug: initiative.slug, changed: true };
      });
    },

    async exportCsv(): Promise<string> {
      return roadmapCsv(await repo.allForRoadmap(db));
    },

    /**
     * The editors' import of the roadmap CSV: all or nothing. Every line is checked first; with any
     * problem nothing is written. Initiatives that did not change get no history entry, so importing
     * the same file twice changes nothing.
     */
    async importCsv(actor: Actor | null, text: string): Promise<ImportOutcome> {
      authorize(actor, 'ideas.moderate');
      const read = readRoadmapCsv(text, ideaTopics);
      if (!read.ok) return read;
      return db.transaction().execute(async (trx) => {
        await repo.lockInitiatives(trx);
        const existing = new Map((await repo.allForRoadmap(trx)).map((i) => [i.slug, i]));
        let created = 0;
        let changed = 0;
        const history: { initiative_id: string; actor_id: string | null; changes: string }[] = [];
        for (const initiative of read.initiatives) {
          const before = existing.get(initiative.slug);
          const fields = changedFields(before, initiative);
          if (fields.length === 0) continue;
          const id = await repo.saveInitiative(trx, initiative, before?.id);
          history.push({ initiative_id: id, actor_id: actor.id, changes: JSON.stringify({ fields, status: initiative.status }) });
          if (before) changed++;
          else created++;
        }
        await repo.insertHistory(trx, history);
        if (created + changed > 0)
          await recordAudit(trx, { actorId: actor.id, action: 'initiative.imported', subjectType: 'initiative', details: { created, changed } });
        return { ok: true as const, created, changed, unchanged: read.initiatives.length - created - changed };
      });
    },

    /** Staff post an update; every follower gets it exactly once (queued in the same transaction), in their language. */
    async postUpdate(
      actor: Actor | null,
      slug: string,
      input: { title: string; body: string; asNews?: boolean },
    ): Promise<{ offered: 'issue' | 'news' | null }> {
      authorize(actor, 'ideas.moderate');
      return db.transaction().execute(async (trx) => {
        const initiative = await repo.findInitiative(trx, slug);
        if (!initiative) throw notFound('Vorhaben');
        await repo.insertUpdate(trx, { initiative_id: initiative.id, title: input.title, body: input.body, created_by: actor.id });
        await repo.insertHistory(trx, [
          { initiative_id: initiative.id, actor_id: actor.id, changes: JSON.stringify({ fields: ['update'], update: input.title }) },
        ]);
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'initiative.update_posted',
          subjectType: 'initiative',
          subjectId: initiative.id,
          details: { title: initiative.title },
        });
        const withAccount = (await repo.followersOf(trx, initiative.id)).map((f) => ({
          email: f.email,
          locale: f.locale,
          token: `${initiative.id}.${f.user_id}.${sign(initiative.id, f.user_id, f.link_key)}`,
        }));
        const byMail = (await repo.emailFollowersOf(trx, initiative.id)).map((f) => ({
          email: f.email,
          locale: f.locale,
          token: lastingToken(secret, 'initiative-unfollow', f.id, f.link_key),
        }));
        // An address that follows with an account and by mail gets the news once.
        const seen = new Set<string>();
        for (const follower of [...withAccount, ...byMail]) {
          if (seen.has(follower.email.toLowerCase())) continue;
          seen.add(follower.email.toLowerCase());
          const locale = storedLocale(follower.locale);
          const t = initiativeMailMessages(locale);
          const token = follower.token;
          await mail.enqueue(
            trx,
            ideaMail({
              to: follower.email,
              locale,
              portalName: city.portalName,
              subject: t('update.subject', { title: initiative.title }),
              body: [t('update.body', { title: initiative.title }), input.title],
              quote: input.body,
              action: { label: t('update.action'), url: url(initiativePath(initiative.slug)) },
              unsubscribe: {
                page: url(`/vorhaben/abbestellen?token=${encodeURIComponent(token)}`),
                oneClick: url(`/vorhaben/abbestellen/ein-klick?token=${encodeURIComponent(token)}`),
              },
            }),
          );
        }
        if (!input.asNews) return { offered: null };
        // One click: the same news in the news list and in the next Infobrief's draft (the newsletter module decides how).
        const more = initiativeMessages('de')('update.newsLink', { title: initiative.title, url: url(initiativePath(initiative.slug)) });
        const offered = await offerNews(trx, actor, { title: input.title, teaser: teaserOf(input.body), body: `${input.body}\n\n${more}` });
        return { offered: offered.draftIssue ? 'issue' : 'news' };
      });
    },

    async follow(actor: Actor, slug: string, on: boolean): Promise<void> {
      const initiative = await repo.findInitiative(db, slug);
      if (!initiative) throw notFound('Vorhaben');
      await repo.follow(db, initiative.id, actor.id, randomBytes(16).toString('base64url'), on);
    },

    /** Someone without an account asks for news by mail: a confirmation link first (double opt-in). */
    async followByEmail(slug: string, email: string, locale: Locale, origin: { ip: string }): Promise<void> {
      await consumeRateLimit(db, secret, initiativeFollowLimit, origin.ip);
      await db.transaction().execute(async (trx) => {
        const initiative = await repo.findInitiative(trx, slug);
        if (!initiative) throw notFound('Vorhaben');
        const follower = await repo.followByEmail(trx, initiative.id, email.trim().toLowerCase(), locale, randomBytes(16).toString('base64url'));
        if (follower.confirmed_at) return;
        const expires = new Date(Date.now() + confirmLinkHours * 3600_000);
        const token = expiringToken(secret, 'initiative-follow', follower.id, follower.link_key, expires);
        const t = initiativeMailMessages(locale);
        await mail.enqueue(
          trx,
          ideaMail({
            to: follower.email,
            locale,
            portalName: city.portalName,
            subject: t('follow.subject', { title: initiative.title }),
            body: [t('follow.body', { title: initiative.title })],
            action: { label: t('follow.action'), url: url(`/vorhaben/folgen/bestaetigen?token=${encodeURIComponent(token)}`) },
            after: [t('follow.after')],
          }),
        );
      });
    },

    /** The link from the confirmation mail; a second click says the same. */
    async confirmFollow(token: string): Promise<{ kind: 'done'; slug: string } | { kind: 'expired' } | { kind: 'invalid' }> {
      const id = tokenSubject(token);
      const follower = id ? await repo.findEmailFollower(db, id) : undefined;
      if (!follower) return { kind: 'invalid' };
      const check = checkToken(secret, 'initiative-follow', token, follower.link_key, new Date());
      if (check === 'invalid') return { kind: 'invalid' };
      if (!follower.confirmed_at && check === 'expired') return { kind: 'expired' };
      await repo.confirmEmailFollower(db, follower.id);
      return { kind: 'done', slug: (await repo.initiativeSlug(db, follower.initiative_id)) ?? '' };
    },

    /** One click from a mail: no more updates about this initiative. Null for a link that is not (or no longer) valid. */
    async unfollow(token: string): Promise<{ title: string } | null> {
      const parts = token.split('.');
      if (parts.length === 2) {
        // A follower by mail: <follower id>.<sig>
        const id = tokenSubject(token);
        const follower = id ? await repo.findEmailFollower(db, id) : undefined;
        if (!follower || checkToken(secret, 'initiative-unfollow', token, follower.link_key, new Date()) !== 'ok') return null;
        await repo.deleteEmailFollower(db, follower.id);
        return { title: (await repo.initiativeTitle(db, follower.initiative_id)) ?? '' };
      }
      const [initiativeId, userId, sig, extra] = parts;
      if (extra !== undefined || !initiativeId || !userId || !sig || !uuidPattern.test(initiativeId) || !uuidPattern.test(userId)) return null;
      const follower = await repo.findFollower(db, initiativeId, userId);
      if (!follower || !safeEqual(sig, sign(initiativeId, userId, follower.link_key))) return null;
      await repo.follow(db, initiativeId, userId, '', false);
      return { title: (await repo.initiativeTitle(db, initiativeId)) ?? '' };
    },

    /** Retention: addresses never confirmed go after a week (ideas.purge runs it nightly). */
    async purge(): Promise<number> {
      return repo.deleteUnconfirmedEmailFollowers(db, unconfirmedDays);
    },
  };
}

export type InitiativeService = ReturnType<typeof createInitiativeService>;
export type { RoadmapInitiative };
