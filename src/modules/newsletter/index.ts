import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app.js';
import { registerArchivePages } from './archive.pages.js';
import { registerIssuePages } from './issues.pages.js';
import { createIssueService } from './issues.service.js';
import { sendIssueJob } from './sending.js';
import { registerNewsPages } from './news.pages.js';
import { createNewsService } from './news.service.js';
import { seedNewsletterDemo } from './newsletter.seed.js';
import { newsletterPersonalData, purgeSubscribersJob } from './newsletter.privacy.js';
import { registerSubscriptionPages } from './subscriptions.pages.js';
import { createSubscriptionService } from './subscriptions.service.js';

import { NewsletterSignupBox } from './views/signup-box.js';

export { NewsletterSignupBox };

export { purgeSubscribersJob };
export const newsletterTickJob = 'newsletter.tick';

/** Neuigkeiten und Familieninfobrief. */
export function newsletterModule(deps: AppDeps): FastifyPluginAsync {
  const subscriptions = createSubscriptionService(deps);
  const news = createNewsService(deps);
  deps.search.register({ id: 'news', label: { de: 'Neuigkeiten', en: 'News' }, search: (query, locale, limit) => news.search(query, locale, limit) });
  deps.privacy.register(...newsletterPersonalData);
  // The sign-up form in the footer of every page.
  deps.layout.addToFooter((ctx) => NewsletterSignupBox({ ctx }));
  // Retention (newsletter.privacy.ts) runs daily at night.
  deps.jobs.register(purgeSubscribersJob, async () => void (await subscriptions.purge()), { cron: '15 3 * * *' });
  const issues = createIssueService(deps);
  deps.jobs.register<{ issueId: string }>(sendIssueJob, (data) => issues.handleSendJob(data));
  // Every minute: start due scheduled issues, resume a sending run that died.
  deps.jobs.register(newsletterTickJob, () => issues.tick(), { cron: '* * * * *' });
  return async (app) => {
    registerSubscriptionPages(app, subscriptions, deps.city);
    registerNewsPages(app, news, deps.city, deps.config);
    registerIssuePages(app, issues, deps.city, deps.config);
    registerArchivePages(app, issues, deps.city, deps.config);
  };
}

/** Loads the fictional demo data of this module once; returns false when it was there already. */
export async function seedNewsletter(deps: AppDeps): Promise<boolean> {
  return seedNewsletterDemo(deps);
}
