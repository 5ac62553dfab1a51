import type { TSchema } from '@sinclair/typebox';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import { Value } from '@sinclair/typebox/value';
import type { Vars } from '../../../platform/i18n/i18n.js';
import type { HsdsMessageKey } from './hsds.messages.js';
import { jsonErrorOffset } from './hsds.json-position.js';
import { LocationSchema, OrganizationSchema, ServiceSchema, type ImportLocation, type ImportOrganization, type ImportService } from './hsds.schemas.js';

/**
 * Checking an HSDS import package before anything is written: JSON, the package's shape, each
 * record against the HSDS schemas as we store them, and the rules within the package (unique ids,
 * sensible ages). References into the database are checked by hsds.import.ts in its transaction.
 * Problems carry message keys, so the page words them in the reader's language.
 */

export type RecordKind = 'organization' | 'location' | 'service' | 'package';
export const listOfKind = { organization: 'organizations', location: 'locations', service: 'services' } as const;

export interface RecordRef {
  kind: RecordKind;
  /** 1-based position in its list. */
  number?: number;
  id?: string;
  name?: string;
}

/** Values of a message; a `{ key }` value is itself a message (translated when shown). */
export type ProblemVars = { [name: string]: string | number | { key: HsdsMessageKey; vars?: ProblemVars } };
export interface Problem {
  record: RecordRef;
  /** Path inside the record, e.g. "phones[0].number"; empty for the whole record. */
  field: string;
  message: HsdsMessageKey;
  vars?: ProblemVars;
}

export interface CheckedPackage {
  organizations: ImportOrganization[];
  locations: ImportLocation[];
  services: ImportService[];
  /** Ids of every organization and location in the package, valid or not (a bad record is reported once, not again by whoever refers to it). */
  ids: { organizations: Set<string>; locations: Set<string> };
  /** Each valid record's place in the package, for reports. */
  refs: Map<object, RecordRef>;
}

export const maxPackageBytes = 10 * 1024 * 1024;
/** Beyond this the report would help no one; the count of the rest is still given. */
const maxProblems = 1000;

const packageRef: RecordRef = { kind: 'package' };

export function parsePackageText(text: string): { ok: true; value: unknown } | { ok: false; problem: Problem } {
  if (text.trim() === '') return { ok: false, problem: { record: packageRef, field: '', message: 'problem.emptyText' } };
  if (Buffer.byteLength(text, 'utf8') > maxPackageBytes)
    return { ok: false, problem: { record: packageRef, field: '', message: 'problem.tooLarge', vars: { limit: maxPackageBytes / 1024 / 1024 } } };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const position = jsonErrorOffset(text);
    if (position === undefined) return { ok: false, problem: { record: packageRef, field: '', message: 'problem.jsonNoPosition' } };
    const before = text.slice(0, position);
    const line = before.split('\n').length;
    const column = position - before.lastIndexOf('\n');
    return { ok: false, problem: { record: packageRef, field: '', message: 'problem.json', vars: { line, column } } };
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Fields our own API adds when it serves an object (the nested organization, a location inside
 * service_at_locations, an attribute's taxonomy_term …) and back-references nested HSDS objects
 * may carry. They say nothing new, so an export of this (or another) HSDS API imports as it is.
 */
const backReferences = new Set([
  'service_id',
  'location_id',
  'organization_id',
  'phone_id',
  'contact_id',
  'service_at_location_id',
  'link_id',
  'link_type',
  'link_entity',
  'taxonomy_term',
]);

function withoutDerived(kind: Exclude<RecordKind, 'package'>, record: Record<string, unknown>): Record<string, unknown> {
  const nested = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(nested);
    if (!isObject(value)) return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !backReferences.has(key))
        .map(([key, inner]) => [key, nested(inner)]),
    );
  };
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (kind === 'service' && (key === 'organization' || key === 'last_modified')) continue;
    if (kind === 'service' && key === 'service_at_locations' && Array.isArray(value)) {
      copy[key] = (value as unknown[]).map((link) =>
        isObject(link) ? Object.fromEntries(Object.entries(link).filter(([k]) => k !== 'service_id' && k !== 'location')) : link,
      );
      continue;
    }
    copy[key] = Array.isArray(value) ? value.map(nested) : value;
  }
  return copy;
}

const fieldOf = (path: string) =>
  path
    .replace(/^\//, '')
    .replace(/\/(\d+)(?=\/|$)/g, '[$1]')
    .replace(/\//g, '.');
const formatKey: Record<string, HsdsMessageKey> = {
  'hsds-uuid': 'problem.format.uuid',
  'hsds-email': 'problem.format.email',
  'hsds-url': 'problem.format.url',
  'hsds-date': 'problem.format.date',
};
const patternKey: Record<string, HsdsMessageKey> = {
  opens_at: 'pattern.time',
  closes_at: 'pattern.time',
  byday: 'pattern.byday',
  country: 'pattern.country',
  currency: 'pattern.currency',
  postal_code: 'pattern.postalCode',
  code: 'pattern.language',
};
const typeKey = (type: unknown): HsdsMessageKey =>
  type === 'array' ? 'type.array' : type === 'object' ? 'type.object' : type === 'number' || type === 'integer' ? 'type.number' : 'type.string';

/** One TypeBox error in words (as message key and values). */
function describe(kind: RecordKind, error: ValueError): Pick<Problem, 'message' | 'vars'> {
  const schema = error.schema as TSchema & {
    format?: string;
    maxLength?: number;
    maxItems?: number;
    minimum?: number;
    maximum?: number;
    anyOf?: { const?: unknown }[];
    type?: unknown;
  };
  const key = error.path.split('/').pop() ?? '';
  switch (error.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return { message: 'problem.required' };
    case ValueErrorType.ObjectAdditionalProperties:
      return { message: kind === 'organization' && (key === 'locations' || key === 'services') ? 'problem.nestedList' : 'problem.unknown' };
    case ValueErrorType.StringFormat:
      return { message: formatKey[schema.format ?? ''] ?? 'problem.format.uuid' };
    case ValueErrorType.StringMinLength:
      return { message: 'problem.empty.text' };
    case ValueErrorType.StringMaxLength:
      return { message: 'problem.tooLong', vars: { limit: schema.maxLength ?? 0 } };
    case ValueErrorType.StringPattern:
      return { message: 'problem.pattern', vars: { example: { key: patternKey[key] ?? 'pattern.other' } } };
    case ValueErrorType.Union:
    case ValueErrorType.Literal:
      return { message: 'problem.choice', vars: { allowed: (schema.anyOf ?? []).map((s) => String(s.const)).join(', ') } };
    case ValueErrorType.Integer:
      return { message: 'problem.integer' };
    case ValueErrorType.IntegerMinimum:
    case ValueErrorType.IntegerMaximum:
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.NumberMaximum:
      return { message: 'problem.range', vars: { min: schema.minimum ?? 0, max: schema.maximum ?? 0 } };
    case ValueErrorType.ArrayMaxItems:
      return { message: 'problem.tooMany', vars: { limit: schema.maxItems ?? 0 } };
    default:
      return { message: 'problem.type', vars: { expected: { key: typeKey(schema.type) } } };
  }
}

const schemas = { organization: OrganizationSchema, location: LocationSchema, service: ServiceSchema } as const;

function refOf(kind: Exclude<RecordKind, 'package'>, index: number, record: unknown): RecordRef {
  const r = isObject(record) ? record : {};
  return {
    kind,
    number: index + 1,
    id: typeof r.id === 'string' ? r.id.slice(0, 100) : undefined,
    name: typeof r.name === 'string' ? r.name.slice(0, 120) : undefined,
  };
}

/** Checks everything that needs no database; `pkg` holds the records that passed. */
export function checkPackage(value: unknown): { problems: Problem[]; total: number; pkg: CheckedPackage } {
  const problems: Problem[] = [];
  let total = 0;
  const add = (problem: Problem) => {
    total += 1;
    if (problems.length < maxProblems) problems.push(problem);
  };
  const pkg: CheckedPackage = { organizations: [], locations: [], services: [], ids: { organizations: new Set(), locations: new Set() }, refs: new Map() };
  if (!isObject(value)) {
    add({ record: packageRef, field: '', message: 'problem.notObject' });
    return { problems, total, pkg };
  }
  for (const name of Object.keys(value))
    if (!Object.values(listOfKind).includes(name as never)) add({ record: packageRef, field: name, message: 'problem.unknownList', vars: { name } });

  const seen = new Map<string, RecordRef>();
  const unique = (id: string, ref: RecordRef, field: string, scope: string) => {
    const other = seen.get(`${scope}:${id}`);
    const otherLabel =
      other && other.kind !== 'package'
        ? { key: 'record.label' as const, vars: { kind: { key: `kind.${other.kind}` as const }, number: other.number ?? 0 } }
        : undefined;
    if (otherLabel) add({ record: ref, field, message: 'problem.duplicateId', vars: { id, other: otherLabel } });
    else seen.set(`${scope}:${id}`, ref);
  };

  let records = 0;
  for (const kind of ['organization', 'location', 'service'] as const) {
    const list = value[listOfKind[kind]];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      add({ record: packageRef, field: listOfKind[kind], message: 'problem.notList', vars: { name: listOfKind[kind] } });
      continue;
    }
    list.forEach((raw, index) => {
      records += 1;
      const ref = refOf(kind, index, raw);
      if (!isObject(raw)) return add({ record: ref, field: '', message: 'problem.notRecord' });
      const record = withoutDerived(kind, raw);
      const reported = new Set<string>();
      let ok = true;
      for (const error of Value.Errors(schemas[kind], record)) {
        ok = false;
        if (reported.has(error.path)) continue;
        reported.add(error.path);
        add({ record: ref, field: fieldOf(error.path), ...describe(kind, error) });
      }
      if (typeof record.id === 'string') {
        unique(record.id, ref, 'id', kind);
        if (kind !== 'service') pkg.ids[listOfKind[kind]].add(record.id);
      }
      if (!ok) return;
      pkg.refs.set(record, ref);
      if (kind === 'organization') pkg.organizations.push(record as ImportOrganization);
      if (kind === 'location') pkg.locations.push(record as ImportLocation);
      if (kind === 'service') {
        const service = record as ImportService;
        if (service.minimum_age !== undefined && service.maximum_age !== undefined && service.minimum_age > service.maximum_age)
          add({ record: ref, field: 'minimum_age', message: 'problem.ages' });
        const linked = new Set<string>();
        (service.service_at_locations ?? []).forEach((link, i) => {
          unique(link.id, ref, `service_at_locations[${i}].id`, 'service_at_location');
          if (linked.has(link.location_id))
            add({ record: ref, field: `service_at_locations[${i}].location_id`, message: 'problem.sameLocationTwice', vars: { id: link.location_id } });
          linked.add(link.location_id);
        });
        pkg.services.push(service);
      }
    });
  }
  if (records === 0 && total === 0) add({ record: packageRef, field: '', message: 'problem.empty' });
  return { problems, total, pkg };
}

const kindOrder: Record<RecordKind, number> = { package: 0, organization: 1, location: 2, service: 3 };
/** Problems in package order: the package itself, then organizations, locations and services by position. */
export function inPackageOrder(problems: Problem[]): Problem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => kindOrder[a.p.record.kind] - kindOrder[b.p.record.kind] || (a.p.record.number ?? 0) - (b.p.record.number ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}

/** A problem in the reader's words: the record, the field and what is wrong. */
export function wordsOf(problem: Problem, t: (key: HsdsMessageKey, vars?: Vars) => string): { record: string; field: string; message: string } {
  const r = problem.record;
  const label = r.kind === 'package' ? t('kind.package') : t('record.label', { kind: t(`kind.${r.kind}`), number: r.number ?? 0 });
  const record = [label, r.name ? `„${r.name}“` : '', r.id ? `(ID ${r.id})` : ''].filter(Boolean).join(' ');
  const resolve = (vars: ProblemVars | undefined): Vars =>
    Object.fromEntries(Object.entries(vars ?? {}).map(([name, value]) => [name, typeof value === 'object' ? t(value.key, resolve(value.vars)) : value]));
  return { record, field: problem.field || (r.kind === 'package' ? '' : t('record.whole')), message: t(problem.message, resolve(problem.vars)) };
}
