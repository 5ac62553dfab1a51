import { randomBytes } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.js';
import type { Executor } from '../../db/executor.js';
import type { IdeaDeclineReason, IdeaKind, IdeaShownAs, IdeaStatus } from '../../db/tables/ideas.js';
import { containsPattern } from '../../db/like.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/roles.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { consumeRateLimit } from '../../platform/http/rate-limit.js';
import { storedLocale, type Locale } from '../../platform/i18n/i18n.js';
import { storeImage, type UploadedImage } from '../../platform/media/media.js';
import type { SearchHit } from '../../platform/search/search.js';
import { ideaMail } from './emails/idea-mails.js';
import { ideaMailMessages } from './emails/idea-mails.messages.js';
import { checkToken, confirmLinkHours, expiringToken, lastingToken, tokenSubject } from './links.js';
import { matchingVersion, storedTerms } from './matching.js';
import { authorize } from './ideas.policy.js';
import { declinedDays, unconfirmedDays } from './ideas.privacy.js';
import * as repo from './ideas.repository.js';
import { findSimilar, type SimilarOptions } from './similar.service.js';
import { statusLabel } from './ideas.topics.js';
import { declineReasonLabel } from './moderation.messages.js';

/** Anonymous submissions: a few an hour from one address, and per mail address. */
export const submitLimits = {
  ip: { bucket: 'ideas.submit:ip', max: 5, windowSeconds: 3600 },
  address: { bucket: 'ideas.submit:address', max: 5, windowSeconds: 3600 },
};
export const followLimit = { bucket: 'ideas.follow:ip', max: 20, windowSeconds: 3600 };

export const ideaPath = (id: string) => `/mitmachen/ideen/${id}`;
export const pageSize = 20;

export interface SubmitInput {
  kind: IdeaKind;
  title: string;
  body: string;
  topic: string;
  district: string | null;
  shownAs: IdeaShownAs;
  name: string | null;
  email: string | null;
  photo: { image: UploadedImage; alt: string } | null;
}

export interface SimilarIdea {
  id: string;
  title: string;
  url: string;
  score: number;
  supporters: number;
  status: IdeaStatus;
}

export type TokenOutcome = { kind: 'done'; ideaId: string } | { kind: 'expired' } | { kind: 'invalid' };

export interface AnswerInput {
  status: IdeaStatus;
  office: string;
  body: string;
  referTo: string | null;
}

export type ModerationDecision =
  | { action: 'publish'; title: string; body: string; redactionNote: string | null }
  | { action: 'hold' }
  | { action: 'decline'; reason: IdeaDeclineReason; note: string | null };

const newKey = () => randomBytes(16).toString('base64url');

/** First name as given; initials as "A. B." from whatever name was typed. */
export function shownName(shownAs: IdeaShownAs, name: string | null): string | null {
  const clean = (name ?? '').replace(/\s+/g, ' ').trim();
  if (shownAs === 'anonymous' || clean === '') return null;
  if (shownAs === 'first_name') return clean.split(' ')[0]!.slice(0, 40);
  return clean
    .split(/[\s-]+/)
    .filter(Boolean)
    .slice(0, 3)
    .map((part) => `${[...part][0]!.toUpperCase()}.`)
    .join(' ');
}

/** Ideen & Anliegen: submission with double opt-in, moderation, answers, supports and followers. */
export function createIdeaService(deps: AppDeps) {
  const { db, config, city, mail } = deps;
  const secret = config.sessionSecret;
  const url = (path: string) => `${config.publicUrl}${path}`;
  const inHours = (hours: number) => new Date(Date.now() + hours * 3600_000);

  const unfollowLinks = (follower: { id: string; link_key: string }) => {
    const token = encodeURIComponent(lastingToken(secret, 'unfollow', follower.id, follower.link_key));
    return { page: url(`/mitmachen/ideen/abbestellen?token=${token}`), oneClick: url(`/mitmachen/ideen/abbestellen/ein-klick?token=${token}`) };
  };
  const authorLink = (idea: { id: string; link_key: string }) =>
    url(`${ideaPath(idea.id)}/ergaenzen?token=${encodeURIComponent(lastingToken(secret, 'author', idea.id, idea.link_key))}`);

  /** The author's address and language: the account's, or the confirmed address. */
  async function authorContact(trx: Executor, idea: repo.IdeaRow): Promise<{ email: string; locale: Locale } | null> {
    if (idea.author_id) {
      const user = await repo.accountContact(trx, idea.author_id);
      return user ? { email: user.email, locale: storedLocale(user.locale) } : null;
    }
    return idea.author_email ? { email: idea.author_email, locale: storedLocale(idea.author_locale) } : null;
  }

  /**
   * Mails every confirmed follower once about an answer or an update, each in their own language,
   * in the transaction that wrote it: the mails exist exactly when the change does.
   */
  async function notifyFollowers(
    trx: Executor,
    idea: { id: string; title: string },
    what: { kind: 'answer'; answer: AnswerInput } | { kind: 'update'; body: string },
  ) {
    const seen = new Set<string>();
    for (const follower of await repo.confirmedFollowers(trx, idea.id)) {
      const address = follower.email.toLowerCase();
      if (seen.has(address)) continue;
      seen.add(address);
      const locale = storedLocale(follower.locale);
      const t = ideaMailMessages(locale);
      const body =
        what.kind === 'answer'
          ? [
              t('answer.body', { title: idea.title }),
              t('answer.status', { status: statusLabel(what.answer.status, locale) }),
              t('answer.office', { office: what.answer.office }),
              ...(what.answer.referTo ? [t('answer.referTo', { referTo: what.answer.referTo })] : []),
            ]
          : [t('update.body', { title: idea.title })];
      await mail.enqueue(
        trx,
        ideaMail({
          to: follower.email,
          locale,
          portalName: city.portalName,
          subject: what.kind === 'answer' ? t('answer.subject', { title: idea.title }) : t('update.subject', { title: idea.title }),
          body,
          quote: what.kind === 'answer' ? what.answer.body : what.body,
          action: { label: t('answer.action'), url: url(ideaPath(idea.id)) },
          unsubscribe: unfollowLinks(follower),
        }),
      );
    }
  }

  /** Published ideas like a text, best first (similar.service.ts): form, check page, JSON API and moderation page. */
  async function similar(text: string, options: SimilarOptions = {}): Promise<SimilarIdea[]> {
    return (await findSimilar(db, text, options)).map(({ candidate: c, score }) => ({
      id: c.id,
      title: c.title,
      url: ideaPath(c.id),
      score,
      supporters: c.supporters,
      status: c.status,
    }));
  }

  return {
    similar,

    /**
     * A new idea or concern. With an account it waits for moderation at once; without one the address
     * is confirmed first (double opt-in), so nobody submits in another's name.
     */
    async submit(input: SubmitInput, origin: { ip: string; actor: Actor | null; locale: Locale }): Promise<{ id: string; needsConfirmation: boolean }> {
      if (!origin.actor) {
        await consumeRateLimit(db, secret, submitLimits.ip, origin.ip);
        await consumeRateLimit(db, secret, submitLimits.address, input.email ?? '');
      }
      const email = origin.actor ? null : (input.email ?? '').trim().toLowerCase();
      if (!origin.actor && !email) throw new AppError('validation_failed', 'E-Mail-Adresse fehlt');
      return db.transaction().execute(async (trx) => {
        const photo = input.photo ? await storeImage(trx, input.photo.image, origin.actor?.id ?? null) : null;
        const linkKey = newKey();
        const id = await repo.insertIdea(trx, {
          kind: input.kind,
          title: input.title,
          body: input.body,
          topic: input.topic,
          district: input.district && city.districts.includes(input.district) ? input.district : null,
          shown_as: input.shownAs,
          author_name: shownName(input.shownAs, input.name ?? origin.actor?.displayName ?? null),
          author_id: origin.actor?.id ?? null,
          author_email: email,
          author_locale: origin.locale,
          link_key: linkKey,
          moderation: origin.actor ? 'pending' : 'unconfirmed',
          match_terms: storedTerms(input.title, input.body),
          match_version: matchingVersion,
          photo_id: photo?.id ?? null,
          photo_alt: photo ? input.photo!.alt : null,
        });
        if (origin.actor) {
          await repo.followAsUser(trx, id, origin.actor.id, origin.locale, newKey());
          return { id, needsConfirmation: false };
        }
        const t = ideaMailMessages(origin.locale);
        const link = url(`/mitmachen/ideen/bestaetigen?token=${encodeURIComponent(expiringToken(secret, 'confirm', id, linkKey, inHours(confirmLinkHours)))}`);
        await mail.enqueue(
          trx,
          ideaMail({
            to: email!,
            locale: origin.locale,
            portalName: city.portalName,
            subject: t('confirm.subject', { title: input.title }),
            body: [t('confirm.body', { portal: city.portalName })],
            action: { label: t('confirm.action'), url: link },
            after: [t('confirm.after')],
          }),
        );
        return { id, needsConfirmation: true };
      });
    },

    /** The author's click in the confirmation mail: the idea joins the moderation queue, the address follows it. */
    async confirm(token: string): Promise<TokenOutcome> {
      const id = tokenSubject(token);
      if (!id) return { kind: 'invalid' };
      return db.transaction().execute(async (trx) => {
        const idea = await repo.lockIdea(trx, id);
        if (!idea || !idea.author_email) return { kind: 'invalid' } as const;
        const check = checkToken(secret, 'confirm', token, idea.link_key, new Date());
        if (check === 'invalid') return { kind: 'invalid' } as const;
        if (idea.moderation !== 'unconfirmed') return { kind: 'done', ideaId: id } as const;
        if (check === 'expired') return { kind: 'expired' } as const;
        await repo.confirmIdea(trx, id);
        await repo.followByEmail(trx, id, idea.author_email, idea.author_locale, newKey(), true);
        return { kind: 'done', ideaId: id } as const;
      });
    },

    async list(filter: repo.ListFilter) {
      return repo.listPublished(db, filter);
    },

    /** A published idea with its timeline, and what this visitor has done with it. */
    async publicItem(id: string, actor: Actor | null) {
      const idea = await repo.findIdea(db, id);
      if (!idea || (idea.moderation !== 'published' && idea.moderation !== 'merged')) throw notFound('Beitrag');
      const entries = await repo.listEntries(db, id);
      const supported = actor ? await repo.hasSupport(db, id, actor.id) : false;
      const following = actor ? await repo.isFollowing(db, id, actor.id) : false;
      const isAuthor = !!actor && idea.author_id === actor.id;
      return { idea, entries, supported, following, isAuthor };
    },

    // Moderation ----------------------------------------------------------------------------------

    async queue(actor: Actor | null) {
      authorize(actor, 'ideas.moderate');
      return { queue: await repo.listQueue(db), unanswered: await repo.listUnanswered(db) };
    },

    async staffItem(actor: Actor | null, id: string) {
      authorize(actor, 'ideas.moderate');
      const idea = await repo.findIdea(db, id);
      if (!idea || idea.moderation === 'unconfirmed') throw notFound('Beitrag');
      return {
        idea,
        entries: await repo.listEntries(db, id),
        similar: await similar(`${idea.title} ${idea.body}`, { except: id, topic: idea.topic, district: idea.district ?? undefined }),
      };
    },

    /** Publish (perhaps with personal data taken out, and a note saying so), hold, or decline with a reason. */
    async moderate(actor: Actor | null, id: string, decision: ModerationDecision): Promise<void> {
      authorize(actor, 'ideas.moderate');
      await db.transaction().execute(async (trx) => {
        const idea = await repo.lockIdea(trx, id);
        if (!idea || idea.moderation === 'unconfirmed' || idea.moderation === 'merged') throw notFound('Beitrag');
        if (idea.moderation === 'published' && decision.action !== 'publish') throw new AppError('conflict', 'Der Beitrag ist schon veröffentlicht.');
        const author = await authorContact(trx, idea);
        if (decision.action === 'hold') {
          await repo.setModeration(trx, id, { moderation: 'held' });
          await recordAudit(trx, { actorId: actor.id, action: 'idea.held', subjectType: 'idea', subjectId: id, details: { title: idea.title } });
          return;
        }
        if (decision.action === 'decline') {
          await repo.setModeration(trx, id, { moderation: 'declined', decline_reason: decision.reason, decline_note: decision.note });
          await recordAudit(trx, { actorId: actor.id, action: 'idea.declined', subjectType: 'idea', subjectId: id, details: { title: idea.title } });
          if (author) {
            const t = ideaMailMessages(author.locale);
            const reason = [declineReasonLabel(decision.reason, author.locale), decision.note].filter(Boolean).join(' – ');
            await mail.enqueue(
              trx,
              ideaMail({
                to: author.email,
                locale: author.locale,
                portalName: city.portalName,
                subject: t('declined.subject', { title: idea.title }),
                body: [t('declined.body', { title: idea.title }), t('declined.reason', { reason })],
                after: [t('declined.after', { email: city.familyOffice.email })],
              }),
            );
          }
          return;
        }
        const wasPublished = idea.moderation === 'published';
        await repo.setModeration(trx, id, {
          moderation: 'published',
          title: decision.title,
          body: decision.body,
          match_terms: storedTerms(decision.title, decision.body),
          match_version: matchingVersion,
          redaction_note: decision.redactionNote,
          decline_reason: null,
          decline_note: null,
          published: true,
        });
        await recordAudit(trx, { actorId: actor.id, action: 'idea.published', subjectType: 'idea', subjectId: id, details: { title: decision.title } });
        if (author && !wasPublished) {
          const t = ideaMailMessages(author.locale);
          await mail.enqueue(
            trx,
            ideaMail({
              to: author.email,
              locale: author.locale,
              portalName: city.portalName,
              subject: t('published.subject', { title: decision.title }),
              body: [
                t('published.body', { title: decision.title }),
                ...(decision.redactionNote ? [t('published.redacted', { note: decision.redactionNote })] : []),
              ],
              action: { label: t('published.action'), url: url(ideaPath(id)) },
              after: [`${t('published.update')}\n${authorLink(idea)}`],
            }),
          );
        }
      });
    },

    /** The city's answer: dated, naming the office, perhaps changing the status; every follower is told once. */
    async answer(actor: Actor | null, id: string, input: AnswerInput): Promise<void> {
      authorize(actor, 'ideas.answer');
      await db.transaction().execute(async (trx) => {
        const idea = await repo.lockIdea(trx, id);
        if (!idea || idea.moderation !== 'published') throw notFound('Beitrag');
        await repo.insertEntry(trx, {
          idea_id: id,
          kind: 'answer',
          status: input.status,
          office: input.office,
          body: input.body,
          refer_to: input.status === 'not_responsible' ? input.referTo : null,
          created_by: actor.id,
        });
        await repo.recordAnswer(trx, id, input.status);
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'idea.answered',
          subjectType: 'idea',
          subjectId: id,
          details: { title: idea.title, status: input.status },
        });
        await notifyFollowers(trx, idea, { kind: 'answer', answer: input });
      });
    },

    /** Merges a duplicate into another published idea: supports and followers carry over, one per person. */
    async merge(actor: Actor | null, id: string, intoId: string): Promise<void> {
      authorize(actor, 'ideas.moderate');
      if (id === intoId)
        throw new AppError('validation_failed', 'Ein Beitrag kann nicht mit sich selbst zusammengeführt werden.', { fields: { into: 'self' } });
      await db.transaction().execute(async (trx) => {
        // Lock both in id order, so two merges the other way round cannot deadlock.
        const [first, second] = [id, intoId].sort();
        await repo.lockIdea(trx, first!);
        await repo.lockIdea(trx, second!);
        const idea = await repo.findIdea(trx, id);
        const into = await repo.findIdea(trx, intoId);
        if (!idea || idea.moderation === 'unconfirmed' || idea.moderation === 'merged') throw notFound('Beitrag');
        if (!into || into.moderation !== 'published') throw new AppError('validation_failed', 'Ziel nicht veröffentlicht', { fields: { into: 'target' } });
        await repo.carryOver(trx, id, intoId);
        await repo.setModeration(trx, id, { moderation: 'merged', merged_into: intoId, published: idea.moderation === 'published' });
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'idea.merged',
          subjectType: 'idea',
          subjectId: id,
          details: { title: idea.title, into: into.title },
        });
      });
    },

    // Supports and followers ----------------------------------------------------------------------

    /** One support per person (the database's primary key holds it); only on published ideas. */
    async support(actor: Actor, id: string, on: boolean): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const idea = await repo.lockIdea(trx, id);
        if (!idea || idea.moderation !== 'published') throw notFound('Beitrag');
        return on ? repo.addSupport(trx, id, actor.id) : repo.removeSupport(trx, id, actor.id);
      });
    },

    async followWithAccount(actor: Actor, id: string, on: boolean, locale: Locale): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const idea = await repo.findIdea(trx, id);
        if (!idea || idea.moderation !== 'published') throw notFound('Beitrag');
        if (on) await repo.followAsUser(trx, id, actor.id, locale, newKey());
        else await repo.unfollowAsUser(trx, id, actor.id);
      });
    },

    /** Following without an account: a confirmation mail first. The answer is the same whatever the address's state. */
    async followByEmail(id: string, email: string, locale: Locale, origin: { ip: string }): Promise<void> {
      await consumeRateLimit(db, secret, followLimit, origin.ip);
      await db.transaction().execute(async (trx) => {
        const idea = await repo.findIdea(trx, id);
        if (!idea || idea.moderation !== 'published') throw notFound('Beitrag');
        const follower = await repo.followByEmail(trx, id, email.trim().toLowerCase(), locale, newKey(), false);
        if (follower.confirmed_at) return;
        const t = ideaMailMessages(locale);
        const link = url(
          `/mitmachen/ideen/folgen/bestaetigen?token=${encodeURIComponent(expiringToken(secret, 'follow', follower.id, follower.link_key, inHours(confirmLinkHours)))}`,
        );
        await mail.enqueue(
          trx,
          ideaMail({
            to: follower.email!,
            locale,
            portalName: city.portalName,
            subject: t('follow.subject', { title: idea.title }),
            body: [t('follow.body', { title: idea.title })],
            action: { label: t('follow.action'), url: link },
            after: [t('follow.after')],
          }),
        );
      });
    },

    async confirmFollow(token: string): Promise<TokenOutcome> {
      const id = tokenSubject(token);
      if (!id) return { kind: 'invalid' };
      return db.transaction().execute(async (trx) => {
        const follower = await repo.findFollower(trx, id);
        if (!follower) return { kind: 'invalid' } as const;
        const check = checkToken(secret, 'follow', token, follower.link_key, new Date());
        if (check === 'invalid') return { kind: 'invalid' } as const;
        if (!follower.confirmed_at && check === 'expired') return { kind: 'expired' } as const;
        await repo.confirmFollower(trx, id);
        return { kind: 'done', ideaId: follower.idea_id } as const;
      });
    },

    /** The follower behind an unsubscribe link, or null when the link is not (or no longer) valid. */
    async followerOfToken(token: string) {
      const id = tokenSubject(token);
      if (!id) return null;
      const follower = await repo.findFollower(db, id);
      if (!follower || checkToken(secret, 'unfollow', token, follower.link_key, new Date()) !== 'ok') return null;
      const idea = await repo.findIdea(db, follower.idea_id);
      return idea ? { follower, idea } : null;
    },

    /** One click: no more mails about this idea. True also when it was done already (a second click). */
    async unfollow(token: string): Promise<{ ideaId: string; title: string } | null> {
      const found = await this.followerOfToken(token);
      if (!found) return null;
      await repo.deleteFollower(db, found.follower.id);
      return { ideaId: found.idea.id, title: found.idea.title };
    },

    // Author's updates ----------------------------------------------------------------------------

    /** Whether this visitor may add to the idea: its signed-in author, or anyone with the author's link. */
    async authorAccess(id: string, actor: Actor | null, token: string | undefined) {
      const idea = await repo.findIdea(db, id);
      if (!idea || idea.moderation !== 'published') throw notFound('Beitrag');
      const viaAccount = !!actor && idea.author_id === actor.id;
      const viaLink = !!token && checkToken(secret, 'author', token, idea.link_key, new Date()) === 'ok';
      if (!viaAccount && !viaLink) throw new AppError('forbidden', 'Nur wer den Beitrag eingereicht hat, kann ihn ergänzen.');
      return idea;
    },

    /** The author adds an update, also after "done"; followers hear of it once. */
    async authorUpdate(id: string, actor: Actor | null, token: string | undefined, body: string): Promise<void> {
      await this.authorAccess(id, actor, token);
      await db.transaction().execute(async (trx) => {
        const idea = await repo.lockIdea(trx, id);
        if (!idea) throw notFound('Beitrag');
        await repo.insertEntry(trx, { idea_id: id, kind: 'author_update', status: null, office: null, body, refer_to: null, created_by: actor?.id ?? null });
        await notifyFollowers(trx, idea, { kind: 'update', body });
      });
    },

    // Search, figures, retention -------------------------------------------------------------------

    async search(query: string, locale: Locale, limit: number): Promise<SearchHit[]> {
      const rows = await repo.searchPublished(db, containsPattern(query), limit);
      return rows.map((r) => ({ title: r.title, url: ideaPath(r.id), excerpt: `${statusLabel(r.status, locale)} · ${r.body.slice(0, 160)}` }));
    },

    async answerTimes() {
      return repo.answerTimes(db);
    },

    /**
     * Recomputes the stored terms of every idea an older version of the matching computed (after the
     * synonyms or the stemmer changed), in batches; returns how many were recomputed.
     */
    async reindex(batch = 500): Promise<number> {
      let done = 0;
      for (;;) {
        const rows = await repo.outdatedMatchTerms(db, matchingVersion, batch);
        for (const row of rows) await repo.setMatchTerms(db, row.id, storedTerms(row.title, row.body), matchingVersion);
        done += rows.length;
        if (rows.length < batch) return done;
      }
    },

    async purge(): Promise<{ unconfirmed: number; followers: number; declined: number }> {
      return {
        unconfirmed: await repo.deleteUnconfirmed(db, unconfirmedDays),
        followers: await repo.deleteUnconfirmedFollowers(db, unconfirmedDays),
        declined: await repo.deleteDeclined(db, declinedDays),
      };
    },
  };
}

export type IdeaService = ReturnType<typeof createIdeaService>;
