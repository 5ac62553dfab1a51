import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { DB } from '../db/types.js';
import type { CityProfile } from './city.js';
import type { Jobs } from './jobs/jobs.js';
import { createMailer, type Mailer } from './mail/mailer.js';
import { createNotifications, type Notifications } from './notifications/notifications.js';
import { platformErasureSteps, platformPersonalData } from './privacy/platform.privacy.js';
import { createPrivacyRegistry, type PrivacyRegistry } from './privacy/privacy.js';
import { createReviewRegistry, type ReviewRegistry } from './review/review.registry.js';
import { createSearchRegistry, type SearchRegistry } from './search/search.js';
import { createTranslationRegistry, type TranslationRegistry } from './translations/registry.js';
import { createLayoutSlots, type LayoutSlots } from './views/slots.js';

/** What every module factory receives. Plain wiring, no container. */
export interface AppDeps {
  config: Config;
  db: Kysely<DB>;
  jobs: Jobs;
  mail: Mailer;
  /** Notifications to people, exactly once, in the channel and cadence each chose (platform/notifications). */
  notifications: Notifications;
  city: CityProfile;
  privacy: PrivacyRegistry;
  search: SearchRegistry;
  /** The kinds of records that go through the one review workflow (platform/review). */
  review: ReviewRegistry;
  /** The kinds of records editors can translate (platform/translations). */
  translations: TranslationRegistry;
  /** Places in the page layout modules fill (the newsletter sign-up in the footer). */
  layout: LayoutSlots;
}

/** The platform's services for one process, before any module has added to them. */
export function createAppDeps(options: { config: Config; db: Kysely<DB>; jobs: Jobs; city: CityProfile }): AppDeps {
  const { config, db, jobs, city } = options;
  const mail = createMailer({ config, db, jobs });
  return {
    config,
    db,
    jobs,
    city,
    mail,
    notifications: createNotifications({ config, db, jobs, city, mail }),
    privacy: createPrivacyRegistry(platformPersonalData, platformErasureSteps),
    search: createSearchRegistry(),
    review: createReviewRegistry(),
    translations: createTranslationRegistry(),
    layout: createLayoutSlots(),
  };
}
