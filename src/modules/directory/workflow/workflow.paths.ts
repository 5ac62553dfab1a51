import type { DirectoryEntity } from '../../../db/types.js';

/** Addresses of the provider and editor pages; pages, views, mails and jobs build links here. */

const segment: Record<Exclude<DirectoryEntity, 'organization'>, string> = { location: 'standorte', service: 'angebote' };

export const entityOfSegment = (value: string): Exclude<DirectoryEntity, 'organization'> | undefined =>
  value === 'standorte' ? 'location' : value === 'angebote' ? 'service' : undefined;

export const paths = {
  home: '/mein-verzeichnis',
  organization: (orgId: string) => `/mein-verzeichnis/${orgId}`,
  create: (orgId: string, type: Exclude<DirectoryEntity, 'organization'>) => `/mein-verzeichnis/${orgId}/${segment[type]}/neu`,
  /** The entity's own address; the organisation's is /mein-verzeichnis/:org/angaben. */
  entity: (type: DirectoryEntity, orgId: string, entityId: string) =>
    type === 'organization' ? `/mein-verzeichnis/${orgId}/angaben` : `/mein-verzeichnis/${orgId}/${segment[type]}/${entityId}`,
  edit: (type: DirectoryEntity, orgId: string, entityId: string) => `${paths.entity(type, orgId, entityId)}/bearbeiten`,
  history: (type: DirectoryEntity, orgId: string, entityId: string) => `${paths.entity(type, orgId, entityId)}/verlauf`,
  submit: (type: DirectoryEntity, orgId: string, entityId: string) => `${paths.entity(type, orgId, entityId)}/einreichen`,
  withdraw: (type: DirectoryEntity, orgId: string, entityId: string) => `${paths.entity(type, orgId, entityId)}/zurueckziehen`,
  queue: '/verwaltung/pruefung',
  review: (revisionId: string) => `/verwaltung/pruefung/${revisionId}`,
  approve: (revisionId: string) => `/verwaltung/pruefung/${revisionId}/freigeben`,
  reject: (revisionId: string) => `/verwaltung/pruefung/${revisionId}/ablehnen`,
  organizations: '/verwaltung/traeger',
  trust: (orgId: string) => `/verwaltung/traeger/${orgId}/vertrauen`,
  /** The public page of a published service (owned by the public pages). */
  publicService: (serviceId: string) => `/angebote/${serviceId}`,
};

export { uuidPattern } from '../../../platform/http/ids.js';
