import type { Executor } from '../../db/executor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { ensure } from '../../platform/auth/guard.js';
import type { Actor } from '../../platform/auth/roles.js';
import { addNewsToNewestDraft } from './issues.repository.js';
import { insertNews } from './news.repository.js';
import { can } from './newsletter.policy.js';

/** News from another module (an initiative's update), offered to the news list and the next Familieninfobrief at once. */
export interface NewsOffer {
  title: string;
  teaser: string;
  /** Markdown, as a news post's body. */
  body: string;
}

/**
 * Publishes the offer as a news post now and adds it to the newest draft of the Infobrief (a scheduled
 * issue was checked by the editors already and stays as it is). Runs in the caller's transaction.
 */
export async function offerNews(
  trx: Executor,
  actor: Actor,
  offer: NewsOffer,
): Promise<{ newsId: string; draftIssue: { id: string; subject: string } | null }> {
  ensure(can(actor, 'news.edit'));
  const newsId = await insertNews(trx, { ...offer, topics: [], publishedAt: new Date(), expiresAt: null }, actor.id);
  const draftIssue = await addNewsToNewestDraft(trx, newsId);
  await recordAudit(trx, {
    actorId: actor.id,
    action: draftIssue ? 'news.offered_to_issue' : 'news.created',
    subjectType: 'news_post',
    subjectId: newsId,
    details: draftIssue ? { title: offer.title, issue: draftIssue.subject } : { title: offer.title },
  });
  return { newsId, draftIssue };
}
