import type { AppDeps } from '../../platform/deps.js';
import { defineModule, job, type ModuleManifest } from '../../platform/modules/manifest.js';
import { registerArchivePages } from './archive.pages.js';
import { registerIssuePages } from './issues.pages.js';
import { createIssueService } from './issues.service.js';
import { sendIssueJob } from './sending.js';
import { listSentIssues } from './issues.repository.js';
import type { Executor } from '../../db/executor.js';
import { registerNewsPages } from './news.pages.js';
import { createNewsService } from './news.service.js';
import { seedNewsletterDemo } from './newsletter.seed.js';
import { newsletterPersonalData, purgeSubscribersJob } from './newsletter.privacy.js';
import { registerSubscriptionPages } from './subscriptions.pages.js';
import { createSubscriptionService } from './subscriptions.service.js';
import { NewsletterSignupBox } from './views/signup-box.js';
import { newsletterNavigation } from './newsletter.navigation.js';
import { newsMessages } from './news.messages.js';

export { NewsletterSignupBox };
/** Feed documents, for other modules' feeds (ideas). */
export { atomFeed, rssFeed, type Feed } from './feeds.js';
/** An initiative's update as news and in the next Infobrief (ideas). */
export { offerNews, type NewsOffer } from './news.offers.js';
export { purgeSubscribersJob };
export const newsletterTickJob = 'newsletter.tick';

/** The Familieninfobrief issues that went out, newest first, with their archive page (the network's feed shows them). */
export async function sentIssueSummaries(db: Executor, limit = 10): Promise<{ id: string; subject: string; intro: string; sentAt: Date; path: string }[]> {
  const issues = await listSentIssues(db, limit);
  return issues.map((i) => ({ id: i.id, subject: i.subject, intro: i.intro, sentAt: i.finishedAt!, path: `/infobrief/archiv/${i.id}` }));
}

/** Neuigkeiten und Familieninfobrief. */
export function newsletterModule(deps: AppDeps): ModuleManifest {
  const subscriptions = createSubscriptionService(deps);
  const news = createNewsService(deps);
  const issues = createIssueService(deps);
  return defineModule({
    name: 'newsletter',
    personalData: newsletterPersonalData,
    translations: [news.translationEditing],
    searchProviders: [
      { id: 'news', label: (locale) => newsMessages(locale)('search.label'), search: (query, locale, limit) => news.search(query, locale, limit) },
    ],
    // The sign-up form at the foot of every page.
    footer: [(ctx) => NewsletterSignupBox({ ctx })],
    navigation: newsletterNavigation,
    jobs: [
      // Retention (newsletter.privacy.ts) runs daily at night.
      job(purgeSubscribersJob, async () => void (await subscriptions.purge()), { cron: '15 3 * * *' }),
      job<{ issueId: string }>(sendIssueJob, (data) => issues.handleSendJob(data)),
      // Every minute: start due scheduled issues, resume a sending run that died.
      job(newsletterTickJob, () => issues.tick(), { cron: '* * * * *' }),
    ],
    routes(app) {
      registerSubscriptionPages(app, subscriptions, deps.city);
      registerNewsPages(app, news, deps.city, deps.config);
      registerIssuePages(app, issues, deps.city, deps.config);
      registerArchivePages(app, issues, deps.city, deps.config);
    },
    seedDemo: () => seedNewsletterDemo(deps),
  });
}
