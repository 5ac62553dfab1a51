import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app.js';
import { registerNewsPages } from './news.pages.js';
import { createNewsService } from './news.service.js';
import { newsletterPersonalData } from './newsletter.privacy.js';
import { registerSubscriptionPages } from './subscriptions.pages.js';
import { createSubscriptionService } from './subscriptions.service.js';

export { NewsletterSignupBox } from './views/signup-box.js';

export const purgeSubscribersJob = 'newsletter.purge-subscribers';

/** Neuigkeiten und Familieninfobrief. */
export function newsletterModule(deps: AppDeps): FastifyPluginAsync {
  const subscriptions = createSubscriptionService(deps);
  const news = createNewsService(deps);
  deps.search.register({ id: 'news', label: { de: 'Neuigkeiten', en: 'News' }, search: (query, locale, limit) => news.search(query, locale, limit) });
  deps.privacy.register(newsletterPersonalData);
  // Retention runs daily at night: unconfirmed after 7 days, unsubscribed after 30.
  deps.jobs.register(purgeSubscribersJob, async () => void (await subscriptions.purge()), { cron: '15 3 * * *' });
  return async (app) => {
    registerSubscriptionPages(app, subscriptions, deps.city);
    registerNewsPages(app, news, deps.city, deps.config);
  };
}

/** Loads the fictional demo data of this module once; returns false when it was there already. */
export async function seedNewsletter(_deps: AppDeps): Promise<boolean> {
  return false;
}
