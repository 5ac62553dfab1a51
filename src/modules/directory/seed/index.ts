import type { AppDeps } from '../../../platform/deps.js';
import { buildDemoDirectory, demoOrganizationNames } from './demo.js';
import { directoryOf } from './generate.js';
import { publishGenerated } from './publish.js';

export type { DirectoryUnit, SeedCity } from './build.js';
export { buildDemoDirectory } from './demo.js';
export { demoProviderOrganization } from './organizations.care.js';
export { demoOrganizers, type DemoOrganizer, type DemoVenue } from './organizers.js';
export { profileTopics, type OrganizationProfile } from './profiles.js';
export { directoryOf, generateDirectory, type GeneratedDirectory, type GenerateOptions } from './generate.js';
export { analyzeDirectory, publishGenerated, type PublishStats } from './publish.js';

/**
 * Demo directory for the city: about 180 fictional services from 60 organisations, published in one
 * transaction with a first revision each. Idempotent: returns false (after two small queries) when
 * any demo service is already there, published or in the revision history.
 */
export async function seedDirectory(deps: Pick<AppDeps, 'db' | 'city'>): Promise<boolean> {
  const { db, city } = deps;
  const ctx = { city, today: new Date() };
  // Service ids do not depend on organisation ids, so the first build answers "already there?".
  const serviceIds = buildDemoDirectory(ctx).flatMap((unit) => unit.services.map((s) => s.id));
  const published = await db.selectFrom('directory_services').select('id').where('id', 'in', serviceIds).limit(1).executeTakeFirst();
  if (published) return false;
  const revised = await db
    .selectFrom('revisions')
    .select('id')
    .where('entity_type', '=', 'service')
    .where('entity_id', 'in', serviceIds)
    .limit(1)
    .executeTakeFirst();
  if (revised) return false;
  // Reuse organisations that exist by name (an earlier demo seed created the provider's one without a directory).
  const existing = await db.selectFrom('organizations').select(['id', 'name']).where('name', 'in', demoOrganizationNames(city.name)).execute();
  const units = buildDemoDirectory(ctx, new Map(existing.map((row) => [row.name, row.id])));
  await publishGenerated(db, directoryOf(units), { chunkSize: Number.POSITIVE_INFINITY, batched: true });
  // The city's own offices publish their changes without review.
  const cityOffices = units.filter((u) => u.kind === 'city').map((u) => u.organization.id);
  if (cityOffices.length) await db.updateTable('organizations').set({ trusted: true }).where('id', 'in', cityOffices).execute();
  return true;
}
