import type { OrganizationKind, WeeklyHours } from '../../../db/types.js';
import type { Executor } from '../../../db/executor.js';
import { attributeValue } from '../directory.projection.js';
import { featureTerms } from '../directory.taxonomy.js';
import type { HsdsLocation, HsdsOrganization, HsdsService } from '../open-data/hsds.types.js';
import { uuidPattern } from '../../../platform/http/ids.js';
import * as repo from './details.repository.js';

/** Everything the public service page shows, read from the published rows only. */
export interface ServiceDetails {
  service: HsdsService;
  status: string;
  weeklyHours: WeeklyHours[];
  free: boolean;
  barrierFree: boolean;
  districts: string[];
  languageCodes: string[];
  assuredDate: string | null;
  organization: { id: string; name: string; description: string; kind: OrganizationKind; hsds: HsdsOrganization | null };
  locations: (HsdsLocation & { barrierFree: boolean })[];
  topics: { code: string; name: string; nameEn: string }[];
  easyLanguage: string | undefined;
  leikaKey: string | undefined;
}

/** A published service that is not listed (any more): its name and status, for the "no longer offered" page. */
export async function loadUnlistedService(db: Executor, id: string): Promise<{ name: string; status: 'inactive' | 'defunct' } | undefined> {
  if (!uuidPattern.test(id)) return undefined;
  const row = await repo.unlistedService(db, id);
  return row ? { name: row.name, status: row.status as 'inactive' | 'defunct' } : undefined;
}

/** A listed service by id; undefined for an unknown id, a malformed one, or one not listed. */
export async function loadServiceDetails(db: Executor, id: string): Promise<ServiceDetails | undefined> {
  if (!uuidPattern.test(id)) return undefined;
  const row = await repo.listedService(db, id);
  if (!row) return undefined;
  const [locations, topics] = await Promise.all([repo.locationsOfService(db, id), repo.topicsByCode(db, row.topic_codes)]);
  const service = row.hsds as HsdsService;
  return {
    service,
    status: row.status,
    weeklyHours: row.weekly_hours,
    free: row.free,
    barrierFree: row.barrier_free,
    districts: row.districts,
    languageCodes: row.language_codes,
    assuredDate: row.assured_date ? isoDate(row.assured_date) : null,
    organization: {
      id: row.organization_id,
      name: row.organization_name,
      description: row.organization_description,
      kind: row.organization_kind,
      hsds: (row.organization_hsds as HsdsOrganization | null) ?? null,
    },
    locations: locations.map((l) => ({ ...(l.hsds as HsdsLocation), barrierFree: l.barrier_free })),
    topics: topics.map((t) => ({ code: t.code, name: t.name, nameEn: t.name_en })),
    easyLanguage: attributeValue(service.attributes, featureTerms.easyLanguage.id),
    leikaKey: attributeValue(service.attributes, featureTerms.leika.id),
  };
}

/** A `date` column as YYYY-MM-DD: pg gives a Date at local midnight. */
function isoDate(value: Date | string): string {
  if (typeof value === 'string') return value.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}
