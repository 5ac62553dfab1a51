import type { AppDeps } from '../../platform/deps.js';
import { defineModule, job, type ModuleManifest } from '../../platform/modules/manifest.js';
import { employersMessages } from './employers.messages.js';
import { employersNavigation } from './employers.navigation.js';
import { registerEmployerPages } from './employers.pages.js';
import { employersPersonalData } from './employers.privacy.js';
import { employerReviewable } from './employers.reviewable.js';
import { seedEmployersDemo } from './employers.seed.js';
import { profileTranslationEditing, storyTranslationEditing } from './employers.translations.js';
import { registerStoryPages } from './stories.pages.js';
import { createStoriesService } from './stories.service.js';
import { seedEmployerHolidayCareDemo } from './seed/demo-holiday-care.js';
import { confirmReminderJob, createEmployersService, sendConfirmReminders } from './employers.service.js';

export { employerPaths } from './employers.paths.js';

/**
 * Familienfreundliche Arbeitgeber: employer organisations show what they do for families (a shared
 * catalogue of measures, certificates, their places), learn from good practice and check themselves
 * (the self-check). Members maintain their profile through the one review workflow (platform/review);
 * measures not confirmed for 12 months are marked and their members reminded. Editors write the
 * good-practice stories; profiles and stories can be translated (platform/translations).
 */
export function employersModule(deps: AppDeps): ModuleManifest {
  const service = createEmployersService(deps);
  const stories = createStoriesService(deps);
  return defineModule({
    name: 'employers',
    personalData: employersPersonalData,
    reviewables: [employerReviewable],
    navigation: [employersNavigation],
    translations: [profileTranslationEditing(deps), storyTranslationEditing(deps)],
    jobs: [
      // 06:25 each morning, after the directory's reminders: measures not confirmed for 12 months.
      job(confirmReminderJob, async () => void (await sendConfirmReminders(deps, new Date())), { cron: '25 6 * * *' }),
    ],
    searchProviders: [
      {
        id: 'employers',
        label: (locale) => employersMessages(locale)('search.label'),
        search: (query, locale, limit) => service.search(query, locale, limit),
      },
    ],
    routes(app) {
      registerEmployerPages(app, deps, service);
      registerStoryPages(app, deps, stories);
    },
    seedDemo: async () => {
      const employers = await seedEmployersDemo(deps);
      const holidayCare = await seedEmployerHolidayCareDemo(deps);
      return employers || holidayCare;
    },
  });
}
