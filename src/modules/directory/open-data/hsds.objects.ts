/**
 * Builds the HSDS 3.0 objects the API serves from what the directory stores. Pure: rows in,
 * objects out. Every object is cut down to the properties HSDS defines for it (anything else a
 * stored object may carry, such as an editor's note, never leaves), so responses validate against
 * the spec's schemas even with additionalProperties: false. What nests where follows the spec's
 * compiled schemas (compiled/service.json, organization.json, service_at_location.json, *_list.json).
 */

type Json = Record<string, unknown>;
interface Shape {
  keys: readonly string[];
  nested?: Readonly<Record<string, Shape>>;
}

const language: Shape = { keys: ['id', 'name', 'code', 'note'] };
const phone: Shape = { keys: ['id', 'number', 'extension', 'type', 'description'], nested: { languages: language } };
const contact: Shape = { keys: ['id', 'name', 'title', 'department', 'email'], nested: { phones: phone } };
const schedule: Shape = {
  keys: [
    'id',
    'valid_from',
    'valid_to',
    'dtstart',
    'timezone',
    'until',
    'count',
    'wkst',
    'freq',
    'interval',
    'byday',
    'byweekno',
    'bymonthday',
    'byyearday',
    'description',
    'opens_at',
    'closes_at',
    'schedule_link',
    'attending_type',
    'notes',
  ],
};
const attribute: Shape = { keys: ['id', 'taxonomy_term_id', 'value'] };
const address: Shape = { keys: ['id', 'attention', 'address_1', 'address_2', 'city', 'region', 'state_province', 'postal_code', 'country', 'address_type'] };
const shapes = {
  organizationList: {
    keys: [
      'id',
      'name',
      'alternate_name',
      'description',
      'email',
      'website',
      'tax_status',
      'tax_id',
      'year_incorporated',
      'legal_status',
      'logo',
      'uri',
      'parent_organization_id',
    ],
  },
  organizationParts: {
    keys: [],
    nested: {
      funding: { keys: ['id', 'source'] },
      contacts: contact,
      phones: phone,
      organization_identifiers: { keys: ['id', 'identifier_scheme', 'identifier_type', 'identifier'] },
      attributes: attribute,
    },
  },
  locationList: {
    keys: [
      'id',
      'location_type',
      'url',
      'organization_id',
      'name',
      'alternate_name',
      'description',
      'transportation',
      'latitude',
      'longitude',
      'external_identifier',
      'external_identifier_type',
    ],
  },
  locationParts: {
    keys: [],
    nested: {
      languages: language,
      addresses: address,
      contacts: contact,
      accessibility: { keys: ['id', 'description', 'details', 'url'] },
      phones: phone,
      schedules: schedule,
      attributes: attribute,
    },
  },
  serviceList: {
    keys: [
      'id',
      'organization_id',
      'program_id',
      'name',
      'alternate_name',
      'description',
      'url',
      'email',
      'status',
      'interpretation_services',
      'application_process',
      'fees_description',
      'wait_time',
      'fees',
      'accreditations',
      'eligibility_description',
      'minimum_age',
      'maximum_age',
      'assured_date',
      'assurer_email',
      'licenses',
      'alert',
      'last_modified',
    ],
  },
  serviceParts: {
    keys: [],
    nested: {
      phones: phone,
      schedules: schedule,
      service_areas: { keys: ['id', 'name', 'description', 'extent', 'extent_type', 'uri'] },
      languages: language,
      funding: { keys: ['id', 'source'] },
      cost_options: { keys: ['id', 'valid_from', 'valid_to', 'option', 'currency', 'amount', 'amount_description'] },
      required_documents: { keys: ['id', 'document', 'uri'] },
      contacts: contact,
      attributes: attribute,
    },
  },
} satisfies Record<string, Shape>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keeps the shape's properties (null and undefined dropped: HSDS types are not nullable), recursively. */
function cut(value: unknown, shape: Shape): Json {
  const source = isObject(value) ? value : {};
  const out: Json = {};
  for (const key of shape.keys) if (source[key] !== undefined && source[key] !== null) out[key] = source[key];
  for (const [key, inner] of Object.entries(shape.nested ?? {})) {
    const list = source[key];
    if (Array.isArray(list)) out[key] = list.filter(isObject).map((item) => cut(item, inner));
  }
  return out;
}

/** A taxonomy term as HSDS nests it in an attribute (and serves it at /taxonomy_terms). */
export interface TermRow {
  id: string;
  taxonomy_id: string;
  code: string;
  name: string;
  description: string;
  parent_id: string | null;
}

export interface TaxonomyRow {
  id: string;
  name: string;
  description: string;
  uri: string | null;
  version: string | null;
}

export function taxonomyObject(row: TaxonomyRow): Json {
  return cut(row, { keys: ['id', 'name', 'description', 'uri', 'version'] });
}

export function termObject(row: TermRow, taxonomy?: TaxonomyRow): Json {
  return {
    ...cut(row, { keys: ['id', 'code', 'name', 'description', 'parent_id', 'taxonomy_id'] }),
    ...(taxonomy ? { taxonomy: taxonomy.name, taxonomy_detail: taxonomyObject(taxonomy) } : {}),
    language: 'de',
  };
}

export type Terms = ReadonlyMap<string, TermRow>;

/** Attributes name their term and the entity they describe (HSDS link_id / link_entity). */
function withTerms(object: Json, terms: Terms, entity: string): Json {
  const attributes = object.attributes;
  if (!Array.isArray(attributes)) return object;
  return {
    ...object,
    attributes: (attributes as Json[]).map((a) => {
      const term = typeof a.taxonomy_term_id === 'string' ? terms.get(a.taxonomy_term_id) : undefined;
      return { ...a, link_id: object.id, link_entity: entity, ...(term ? { taxonomy_term: termObject(term) } : {}) };
    }),
  };
}

export interface OrganizationRow {
  id: string;
  name: string;
  description: string;
  hsds: unknown;
}

/** An organization's one-to-one fields; an organization without an HSDS object yet shows its name and description. */
export function organizationListObject(row: OrganizationRow): Json {
  return cut(isObject(row.hsds) ? { ...row.hsds, id: row.id } : { id: row.id, name: row.name, description: row.description }, shapes.organizationList);
}

export function locationObject(hsds: unknown, terms: Terms): Json {
  return withTerms({ ...cut(hsds, shapes.locationList), ...cut(hsds, shapes.locationParts) }, terms, 'location');
}

export function locationListObject(hsds: unknown): Json {
  return cut(hsds, shapes.locationList);
}

export interface ServiceRow {
  id: string;
  organization_id: string;
  hsds: unknown;
  updated_at: Date;
}

/** One-to-one fields; last_modified is when the published version changed. */
function serviceFields(row: ServiceRow): Json {
  return cut(
    { ...(isObject(row.hsds) ? row.hsds : {}), id: row.id, organization_id: row.organization_id, last_modified: row.updated_at.toISOString() },
    shapes.serviceList,
  );
}

/** A service as the list endpoints give it (compiled/service_list.json): one-to-one fields and its organization. */
export function serviceListObject(row: ServiceRow, organization: OrganizationRow | undefined): Json {
  return { ...serviceFields(row), ...(organization ? { organization: organizationListObject(organization) } : {}) };
}

export interface ServiceLocationLink {
  id: string;
  service_id: string;
  location_id: string;
  location_hsds: unknown;
}

/**
 * The fully nested service (compiled/service.json): its parts, its organization and where it is
 * offered with the full location objects. Inside an organization or a service_at_location the
 * parent is left out, as the compiled schemas nest it.
 */
export function serviceFullObject(row: ServiceRow, parts: { organization?: OrganizationRow; links?: ServiceLocationLink[]; terms: Terms }): Json {
  const object: Json = { ...serviceFields(row), ...cut(row.hsds, shapes.serviceParts) };
  if (parts.links) {
    object.service_at_locations = parts.links.map((link) => ({
      id: link.id,
      service_id: link.service_id,
      location_id: link.location_id,
      location: locationObject(link.location_hsds, parts.terms),
    }));
  }
  if (parts.organization) object.organization = organizationListObject(parts.organization);
  return withTerms(object, parts.terms, 'service');
}

/** The fully nested organization (compiled/organization.json) with its locations and services. */
export function organizationFullObject(row: OrganizationRow, parts: { locations: unknown[]; services: Json[]; terms: Terms }): Json {
  const object = { ...organizationListObject(row), ...cut(row.hsds, shapes.organizationParts) };
  return { ...withTerms(object, parts.terms, 'organization'), locations: parts.locations.map((l) => locationObject(l, parts.terms)), services: parts.services };
}

/** A service_at_location in list form (compiled/service_at_location_list.json). */
export function serviceAtLocationListObject(link: ServiceLocationLink, service: ServiceRow, organization: OrganizationRow | undefined): Json {
  return {
    id: link.id,
    service_id: link.service_id,
    location_id: link.location_id,
    location: locationListObject(link.location_hsds),
    service: serviceListObject(service, organization),
  };
}

/** A fully nested service_at_location (compiled/service_at_location.json). */
export function serviceAtLocationFullObject(link: ServiceLocationLink, service: ServiceRow, organization: OrganizationRow | undefined, terms: Terms): Json {
  return {
    id: link.id,
    service_id: link.service_id,
    location_id: link.location_id,
    location: locationObject(link.location_hsds, terms),
    service: serviceFullObject(service, { organization, terms }),
  };
}
