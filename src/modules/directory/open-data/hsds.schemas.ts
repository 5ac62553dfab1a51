import { FormatRegistry, Type, type Static, type TSchema } from '@sinclair/typebox';
import type { HsdsLocation, HsdsOrganization, HsdsService } from './hsds.types.js';

/**
 * TypeBox schemas of the HSDS 3.0 objects an import may bring: the subset of HSDS that the
 * directory stores (hsds.types.ts), every object closed (additionalProperties: false). What passes
 * here also passes the official HSDS schemas (the conformance tests check it through the API), and
 * the limits keep every value storable (integer ages, real dates, texts a tsvector can hold).
 *
 * Formats get names of their own: the platform's loose `email` (forms.ts) must not decide what we
 * publish as HSDS, where consumers check with ajv-formats.
 */
const formats: Record<string, (value: string) => boolean> = {
  'hsds-uuid': (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
  // ajv-formats' "email" (full mode), so a value we accept is one consumers accept.
  'hsds-email': (v) =>
    /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i.test(v),
  // Web addresses only, in the characters RFC 3986 allows: a strict subset of ajv-formats' "uri".
  'hsds-url': (v) => /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?([/?#][A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*)?$/.test(v) && URL.canParse(v),
  'hsds-date': (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
};
for (const [name, check] of Object.entries(formats)) if (!FormatRegistry.Has(name)) FormatRegistry.Set(name, check);

const closed = { additionalProperties: false } as const;
const Id = Type.String({ format: 'hsds-uuid' });
const Text = (maxLength = 2000) => Type.Optional(Type.String({ maxLength }));
const Required = (maxLength = 300) => Type.String({ minLength: 1, maxLength });
const Email = Type.Optional(Type.String({ format: 'hsds-email', maxLength: 254 }));
const Url = Type.Optional(Type.String({ format: 'hsds-url', maxLength: 2000 }));
const DateText = Type.Optional(Type.String({ format: 'hsds-date' }));
const List = <T extends TSchema>(item: T) => Type.Optional(Type.Array(item, { maxItems: 500 }));
const Kind = Type.Union([Type.Literal('physical'), Type.Literal('postal'), Type.Literal('virtual')]);
const Time = Type.Optional(Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$' }));

export const LanguageSchema = Type.Object(
  { id: Id, name: Text(100), code: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$' })), note: Text(500) },
  closed,
);
export const PhoneSchema = Type.Object({ id: Id, number: Required(50), type: Text(50), description: Text(500), languages: List(LanguageSchema) }, closed);
export const ContactSchema = Type.Object({ id: Id, name: Text(200), title: Text(200), department: Text(200), email: Email, phones: List(PhoneSchema) }, closed);
export const ScheduleSchema = Type.Object(
  {
    id: Id,
    freq: Type.Optional(Type.Union([Type.Literal('WEEKLY'), Type.Literal('MONTHLY')])),
    byday: Type.Optional(Type.String({ pattern: '^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$' })),
    opens_at: Time,
    closes_at: Time,
    timezone: Type.Optional(Type.Number({ minimum: -12, maximum: 14 })),
    description: Text(1000),
    valid_from: DateText,
    valid_to: DateText,
    notes: Text(1000),
  },
  closed,
);
export const AttributeSchema = Type.Object({ id: Id, taxonomy_term_id: Id, value: Text(5000) }, closed);
export const CostOptionSchema = Type.Object(
  {
    id: Id,
    option: Text(500),
    currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
    amount: Type.Optional(Type.Number({ minimum: 0, maximum: 1_000_000 })),
    amount_description: Text(500),
  },
  closed,
);
export const ServiceAreaSchema = Type.Object({ id: Id, name: Text(200), description: Text(1000), extent_type: Text(50) }, closed);
export const RequiredDocumentSchema = Type.Object({ id: Id, document: Text(500), uri: Url }, closed);
export const FundingSchema = Type.Object({ id: Id, source: Text(500) }, closed);
export const AddressSchema = Type.Object(
  {
    id: Id,
    address_1: Required(300),
    address_2: Text(300),
    city: Required(200),
    region: Text(200),
    state_province: Required(200),
    postal_code: Type.String({ pattern: '^[A-Za-z0-9 -]{3,10}$' }),
    country: Type.String({ pattern: '^[A-Z]{2}$' }),
    address_type: Kind,
  },
  closed,
);
export const AccessibilitySchema = Type.Object({ id: Id, description: Text(2000), details: Text(2000), url: Url }, closed);

export const OrganizationSchema = Type.Object(
  {
    id: Id,
    name: Required(300),
    alternate_name: Text(300),
    description: Type.String({ maxLength: 20_000 }),
    email: Email,
    website: Url,
    legal_status: Text(200),
    phones: List(PhoneSchema),
    contacts: List(ContactSchema),
    funding: List(FundingSchema),
    attributes: List(AttributeSchema),
  },
  closed,
);

export const LocationSchema = Type.Object(
  {
    id: Id,
    location_type: Kind,
    organization_id: Id,
    name: Text(300),
    description: Text(20_000),
    transportation: Text(2000),
    latitude: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    longitude: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    addresses: List(AddressSchema),
    phones: List(PhoneSchema),
    schedules: List(ScheduleSchema),
    languages: List(LanguageSchema),
    accessibility: List(AccessibilitySchema),
    attributes: List(AttributeSchema),
  },
  closed,
);

const Age = Type.Optional(Type.Integer({ minimum: 0, maximum: 120 }));
export const ServiceSchema = Type.Object(
  {
    id: Id,
    organization_id: Id,
    name: Required(300),
    alternate_name: Text(300),
    description: Text(20_000),
    url: Url,
    email: Email,
    status: Type.Union([Type.Literal('active'), Type.Literal('inactive'), Type.Literal('defunct'), Type.Literal('temporarily closed')]),
    interpretation_services: Text(2000),
    application_process: Text(5000),
    fees_description: Text(2000),
    eligibility_description: Text(5000),
    minimum_age: Age,
    maximum_age: Age,
    assured_date: DateText,
    assurer_email: Email,
    alert: Text(2000),
    phones: List(PhoneSchema),
    schedules: List(ScheduleSchema),
    service_areas: List(ServiceAreaSchema),
    languages: List(LanguageSchema),
    funding: List(FundingSchema),
    cost_options: List(CostOptionSchema),
    required_documents: List(RequiredDocumentSchema),
    contacts: List(ContactSchema),
    attributes: List(AttributeSchema),
    service_at_locations: List(Type.Object({ id: Id, location_id: Id }, closed)),
  },
  closed,
);

export type ImportOrganization = Static<typeof OrganizationSchema>;
export type ImportLocation = Static<typeof LocationSchema> & { organization_id: string };
export type ImportService = Static<typeof ServiceSchema> & { organization_id: string };

// What passes the import schemas is storable as the directory's HSDS objects (checked by the compiler).
const _fits: [(o: ImportOrganization) => HsdsOrganization, (l: ImportLocation) => HsdsLocation, (s: ImportService) => HsdsService] = [
  (o) => o,
  (l) => l,
  (s) => s,
];
void _fits;

/** Query parameters of the HSDS list endpoints (the spec's names; cumulative). */
const uuidParam = (description: string) => Type.Optional(Type.String({ format: 'uuid', description }));
export const PageQuery = {
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1, description: 'Seite (ab 1)' }),
  per_page: Type.Integer({ minimum: 1, maximum: 100, default: 50, description: 'Einträge je Seite (1 bis 100)' }),
};
const search = Type.Optional(Type.String({ maxLength: 200, description: 'Volltextsuche (deutsch, mit Wortstamm)' }));
/** On services: the directory's search, as on /angebote. */
const serviceSearch = Type.Optional(
  Type.String({
    maxLength: 200,
    description: 'Suche wie im Verzeichnis: deutsch mit Wortstamm, Tippfehler werden korrigiert, ohne Treffer auch Wortteile („arzt“ in „Kinderarztpraxis“)',
  }),
);
const modifiedAfter = Type.Optional(
  Type.String({
    anyOf: [{ format: 'date-time' }, { format: 'date' }],
    description: 'Nur Einträge, die ab diesem Zeitpunkt geändert wurden (ISO 8601, z. B. 2026-01-31T00:00:00Z)',
  }),
);
const flag = (description: string) => Type.Optional(Type.Boolean({ description }));

export const ServiceListQuery = Type.Object({
  search: serviceSearch,
  taxonomy_term_id: uuidParam('Nur Angebote mit diesem Begriff (Thema oder Merkmal)'),
  taxonomy_id: uuidParam('Nur Angebote mit einem Begriff aus dieser Taxonomie'),
  organization_id: uuidParam('Nur Angebote dieses Trägers'),
  modified_after: modifiedAfter,
  full: flag('Vollständig verschachtelte Angebote statt der Kurzform'),
  ...PageQuery,
});
export const ServiceAtLocationListQuery = Type.Object({
  search: serviceSearch,
  taxonomy_term_id: uuidParam('Nur Angebote mit diesem Begriff'),
  taxonomy_id: uuidParam('Nur Angebote mit einem Begriff aus dieser Taxonomie'),
  organization_id: uuidParam('Nur Angebote dieses Trägers'),
  modified_after: modifiedAfter,
  postcode: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9 -]{3,10}$', description: 'Nur Standorte mit dieser Postleitzahl' })),
  full: flag('Vollständig verschachtelte Einträge statt der Kurzform'),
  ...PageQuery,
});
export const OrganizationListQuery = Type.Object({
  search,
  full: flag('Vollständig verschachtelte Träger statt der Kurzform'),
  full_service: flag('Mit vollständigen Angeboten (nur zusammen mit full)'),
  ...PageQuery,
});
export const OrganizationQuery = Type.Object({ full_service: flag('Angebote vollständig statt in Kurzform') });
export const TaxonomyListQuery = Type.Object({ search, ...PageQuery });
export const TaxonomyTermListQuery = Type.Object({
  search,
  taxonomy_id: uuidParam('Nur Begriffe dieser Taxonomie'),
  parent_id: uuidParam('Nur Unterbegriffe dieses Begriffs'),
  top_only: flag('Nur Begriffe ohne Oberbegriff'),
  ...PageQuery,
});
export const IdParams = Type.Object({ id: Type.String({ maxLength: 100, description: 'UUID des Eintrags' }) });

/** The spec's Page fields; `contents` holds HSDS objects (see the referenced compiled schema). */
export const pageResponse = (schemaUrl: string) =>
  Type.Object({
    total_items: Type.Integer(),
    total_pages: Type.Integer(),
    page_number: Type.Integer(),
    size: Type.Integer(),
    first_page: Type.Boolean(),
    last_page: Type.Boolean(),
    empty: Type.Boolean(),
    contents: Type.Array(Type.Unknown({ description: `HSDS 3.0: ${schemaUrl}` })),
  });
export const hsdsObject = (schemaUrl: string) => Type.Unknown({ description: `HSDS 3.0: ${schemaUrl}` });
export const ApiInfo = Type.Object({
  version: Type.String({ description: 'HSDS-Version' }),
  profile: Type.String({ format: 'uri', description: 'Beschreibung des HSDS-Profils dieser Schnittstelle' }),
  openapi_url: Type.String({ format: 'uri', description: 'OpenAPI-Dokument dieser Schnittstelle' }),
});
export const ApiError = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }) });
