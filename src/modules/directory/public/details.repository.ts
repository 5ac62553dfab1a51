import type { Executor } from '../../../db/executor.js';
import { topicTaxonomy } from '../directory.taxonomy.js';

/** The published rows the public service page reads. */

const listedStatuses = ['active', 'temporarily closed'];

/** A published service that is not listed (any more): its name and status. */
export const unlistedService = (db: Executor, id: string) =>
  db.selectFrom('directory_services').select(['name', 'status']).where('id', '=', id).where('status', 'in', ['inactive', 'defunct']).executeTakeFirst();

/** A listed service with its organisation. */
export const listedService = (db: Executor, id: string) =>
  db
    .selectFrom('directory_services as s')
    .innerJoin('organizations as o', 'o.id', 's.organization_id')
    .select([
      's.hsds',
      's.status',
      's.weekly_hours',
      's.free',
      's.barrier_free',
      's.districts',
      's.language_codes',
      's.topic_codes',
      's.assured_date',
      'o.id as organization_id',
      'o.name as organization_name',
      'o.description as organization_description',
      'o.kind as organization_kind',
      'o.hsds as organization_hsds',
    ])
    .where('s.id', '=', id)
    .where('s.status', 'in', listedStatuses)
    .executeTakeFirst();

/** The service's locations, by name. */
export const locationsOfService = (db: Executor, serviceId: string) =>
  db
    .selectFrom('directory_service_locations as sl')
    .innerJoin('directory_locations as l', 'l.id', 'sl.location_id')
    .select(['l.hsds', 'l.barrier_free', 'l.name'])
    .where('sl.service_id', '=', serviceId)
    .orderBy('l.name')
    .execute();

/** These topics in the order of the topic list. */
export const topicsByCode = async (db: Executor, codes: string[]) =>
  codes.length
    ? db
        .selectFrom('taxonomy_terms')
        .select(['code', 'name', 'name_en'])
        .where('taxonomy_id', '=', topicTaxonomy.id)
        .where('code', 'in', codes)
        .orderBy('position')
        .orderBy('name')
        .execute()
    : [];
