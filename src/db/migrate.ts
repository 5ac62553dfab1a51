import { type Kysely, type Migration, Migrator, sql } from 'kysely';
import * as platform from './migrations/0001-platform.js';
import * as directory from './migrations/0002-directory.js';
import * as media from './migrations/0003-media-and-roles.js';
import * as events from './migrations/0004-events.js';
import * as holidays from './migrations/0005-holidays.js';
import * as newsletter from './migrations/0006-newsletter.js';
import * as survey from './migrations/0007-survey.js';
import * as directoryAdditions from './migrations/0008-directory-additions.js';
import * as platformSecrets from './migrations/0009-platform-secrets.js';
import * as holidayLotteryPublication from './migrations/0010-holidays-lottery-publication.js';
import * as contentTranslations from './migrations/0011-content-translations.js';
import * as mediaVideos from './migrations/0012-media-videos.js';
import * as signLanguageVideos from './migrations/0013-sign-language-videos.js';
import * as ideas from './migrations/0014-ideas.js';
import * as appointments from './migrations/0015-appointments.js';
import * as council from './migrations/0016-council.js';
import * as network from './migrations/0017-network.js';
import * as places from './migrations/0018-places.js';
import * as appointmentsAdmin from './migrations/0019-appointments-admin.js';
import * as initiativeEmailFollowers from './migrations/0020-initiative-email-followers.js';
import * as ideasMatchVersion from './migrations/0021-ideas-match-version.js';
import * as employers from './migrations/0022-employers.js';
import * as notifications from './migrations/0023-notifications.js';
import * as councilIdeas from './migrations/0024-council-ideas.js';
import * as contentVersion from './migrations/0025-content-version.js';
import * as networkModeration from './migrations/0026-network-moderation.js';
import * as employersHolidayCareStories from './migrations/0027-employers-holiday-care-stories.js';
import * as networkVisits from './migrations/0028-network-visits.js';
import * as privateVersion from './migrations/0029-private-version.js';
import type { DB } from './types.js';

/** Migrations in order; a static list so bundlers and readers see them all. */
const migrations: Record<string, Migration> = {
  '0001-platform': platform,
  '0002-directory': directory,
  '0003-media-and-roles': media,
  '0004-events': events,
  '0005-holidays': holidays,
  '0006-newsletter': newsletter,
  '0007-survey': survey,
  '0008-directory-additions': directoryAdditions,
  '0009-platform-secrets': platformSecrets,
  '0010-holidays-lottery-publication': holidayLotteryPublication,
  '0011-content-translations': contentTranslations,
  '0012-media-videos': mediaVideos,
  '0013-sign-language-videos': signLanguageVideos,
  '0014-ideas': ideas,
  '0015-appointments': appointments,
  '0016-council': council,
  '0017-network': network,
  '0018-places': places,
  '0019-appointments-admin': appointmentsAdmin,
  '0020-initiative-email-followers': initiativeEmailFollowers,
  '0021-ideas-match-version': ideasMatchVersion,
  '0022-employers': employers,
  '0023-notifications': notifications,
  '0024-council-ideas': councilIdeas,
  '0025-content-version': contentVersion,
  '0026-network-moderation': networkModeration,
  '0027-employers-holiday-care-stories': employersHolidayCareStories,
  '0028-network-visits': networkVisits,
  '0029-private-version': privateVersion,
};

/**
 * Whether every migration has run, in two small queries. Kysely's migrator reads the catalogue first,
 * which took half a second of every start on the embedded database; it runs only when something is missing.
 */
async function upToDate(db: Kysely<DB>): Promise<boolean> {
  const { rows } = await sql<{ present: boolean }>`SELECT to_regclass('kysely_migration') IS NOT NULL AS present`.execute(db);
  if (!rows[0]?.present) return false;
  const done = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db);
  const names = new Set(done.rows.map((r) => r.name));
  // Exactly ours: a database migrated by a newer version goes to the migrator, which refuses it.
  return names.size === Object.keys(migrations).length && Object.keys(migrations).every((name) => names.has(name));
}

export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  if (await upToDate(db)) return [];
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('Die Migration ist fehlgeschlagen.', { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
