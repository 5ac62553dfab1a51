import { Type } from '@sinclair/typebox';
import { params } from '../../../platform/http/routes.js';
import { Uuid } from '../directory.routes.js';

/*
 * What the provider and editor forms send, as their routes declare it. The fields are read and
 * checked with German messages per field by FormReader (workflow.validate.ts) in
 * workflow.entity-forms.ts and workflow.service-form.ts; these schemas document them.
 */

const Field = () => Type.Optional(Type.String());

/** Every entity form: the version it was based on (conflicts), and which button was pressed. */
const common = {
  baseVersion: Field(),
  intent: Type.Optional(Type.Union([Type.Literal('submit'), Type.Literal('draft')])),
};

export const OrganizationForm = Type.Object({ ...common, name: Field(), description: Field(), email: Field(), website: Field(), phone: Field() });

/** Opening hours come as `hours-<day>-<slot>-opens|closes` (workflow.hours.ts). */
export const LocationForm = Type.Object(
  {
    ...common,
    name: Field(),
    street: Field(),
    postalCode: Field(),
    city: Field(),
    district: Field(),
    latitude: Field(),
    longitude: Field(),
    barrierFree: Field(),
    accessibility: Field(),
    transportation: Field(),
  },
  { additionalProperties: true },
);

/** Checkboxes per choice come as `topic-<code>`, `lang-<code>`, `location-<id>`; hours as on the location form. */
export const ServiceForm = Type.Object(
  {
    ...common,
    name: Field(),
    description: Field(),
    minAge: Field(),
    maxAge: Field(),
    eligibility: Field(),
    application: Field(),
    free: Field(),
    price: Field(),
    reducedPrice: Field(),
    fees: Field(),
    documents: Field(),
    phone: Field(),
    email: Field(),
    url: Field(),
    easyLanguage: Field(),
    status: Field(),
    leika: Field(),
    checked: Field(),
  },
  { additionalProperties: true },
);

/** Submitting or withdrawing a version: the version the button was shown for. */
export const VersionForm = Type.Object({ version: Field() });

/** Rejecting a proposal needs a reason (checked by the review service). */
export const RejectForm = Type.Object({ reason: Field() });

/** Trusting an organisation: `trusted=ja`, anything else takes trust back. */
export const TrustForm = Type.Object({ trusted: Field() });

/** `/mein-verzeichnis/:org/…` */
export const OrgParams = params({ org: Uuid() });
/** `/mein-verzeichnis/:org/standorte|angebote/:id/…` */
export const EntityParams = params({ org: Uuid(), id: Uuid() });

/** The form of each entity type. */
export const entityForms = { organization: OrganizationForm, location: LocationForm, service: ServiceForm } as const;
