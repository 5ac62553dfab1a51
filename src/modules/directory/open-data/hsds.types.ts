/**
 * The HSDS 3.0 objects the directory stores and serves (standards/hsds-3.0/schema).
 * Only HSDS properties: German additions travel as HSDS attributes and service_areas
 * (see directory.taxonomy.ts), so every object validates with additionalProperties: false.
 */

export interface HsdsLanguage {
  id: string;
  name?: string;
  code?: string;
  note?: string;
}

export interface HsdsPhone {
  id: string;
  number: string;
  type?: string;
  description?: string;
  languages?: HsdsLanguage[];
}

export interface HsdsContact {
  id: string;
  name?: string;
  title?: string;
  department?: string;
  email?: string;
  phones?: HsdsPhone[];
}

export interface HsdsSchedule {
  id: string;
  freq?: 'WEEKLY' | 'MONTHLY';
  /** Comma-separated RFC 5545 days: "MO,TU". */
  byday?: string;
  /** "HH:MM" local time (Europe/Berlin). */
  opens_at?: string;
  closes_at?: string;
  timezone?: number;
  description?: string;
  valid_from?: string;
  valid_to?: string;
  notes?: string;
}

export interface HsdsAttribute {
  id: string;
  taxonomy_term_id: string;
  value?: string;
}

export interface HsdsCostOption {
  id: string;
  option?: string;
  currency?: string;
  amount?: number;
  amount_description?: string;
}

export interface HsdsServiceArea {
  id: string;
  name?: string;
  description?: string;
  extent_type?: string;
}

export interface HsdsRequiredDocument {
  id: string;
  document?: string;
  uri?: string;
}

export interface HsdsFunding {
  id: string;
  source?: string;
}

export interface HsdsAddress {
  id: string;
  address_1: string;
  address_2?: string;
  city: string;
  region?: string;
  state_province: string;
  postal_code: string;
  country: string;
  address_type: 'physical' | 'postal' | 'virtual';
}

export interface HsdsAccessibility {
  id: string;
  description?: string;
  details?: string;
  url?: string;
}

export interface HsdsLocation {
  id: string;
  location_type: 'physical' | 'postal' | 'virtual';
  organization_id?: string;
  name?: string;
  description?: string;
  transportation?: string;
  latitude?: number;
  longitude?: number;
  addresses?: HsdsAddress[];
  phones?: HsdsPhone[];
  schedules?: HsdsSchedule[];
  languages?: HsdsLanguage[];
  accessibility?: HsdsAccessibility[];
  attributes?: HsdsAttribute[];
}

export interface HsdsOrganization {
  id: string;
  name: string;
  alternate_name?: string;
  description: string;
  email?: string;
  website?: string;
  legal_status?: string;
  phones?: HsdsPhone[];
  contacts?: HsdsContact[];
  funding?: HsdsFunding[];
  attributes?: HsdsAttribute[];
}

export interface HsdsService {
  id: string;
  organization_id?: string;
  name: string;
  alternate_name?: string;
  description?: string;
  url?: string;
  email?: string;
  status: 'active' | 'inactive' | 'defunct' | 'temporarily closed';
  interpretation_services?: string;
  application_process?: string;
  fees_description?: string;
  eligibility_description?: string;
  minimum_age?: number;
  maximum_age?: number;
  /** "Zuletzt geprüft": YYYY-MM-DD. */
  assured_date?: string;
  assurer_email?: string;
  alert?: string;
  last_modified?: string;
  phones?: HsdsPhone[];
  schedules?: HsdsSchedule[];
  service_areas?: HsdsServiceArea[];
  languages?: HsdsLanguage[];
  funding?: HsdsFunding[];
  cost_options?: HsdsCostOption[];
  required_documents?: HsdsRequiredDocument[];
  contacts?: HsdsContact[];
  attributes?: HsdsAttribute[];
  /** Where it is offered; in storage only ids, the API expands them. */
  service_at_locations?: { id: string; location_id: string }[];
}
