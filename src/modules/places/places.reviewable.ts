import type { Executor } from '../../db/executor.js';
import { formatCivilDate, type Locale } from '../../platform/i18n/i18n.js';
import { diffVersions, type Fields } from '../../platform/review/review.diff.js';
import type { Reviewable } from '../../platform/review/review.registry.js';
import { placesMessages, type PlacesKey } from './places.messages.js';
import { placePaths } from './places.paths.js';
import * as repo from './places.repository.js';
import type { PlaceData } from './places.types.js';

/** A published row as a version (what the review compares a proposal with). */
export function dataOfRow(row: NonNullable<Awaited<ReturnType<typeof repo.findPlace>>>): PlaceData {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    occupation: row.occupation,
    field: row.field,
    certificate: row.certificate,
    start_date: row.start_date,
    part_time: row.part_time,
    positions: row.positions,
    description: row.description,
    how_to_apply: row.how_to_apply,
    district: row.district,
    contact_name: row.contact_name,
    contact_email: row.contact_email,
    contact_phone: row.contact_phone,
  };
}

const text = (value: string | number | null | undefined) => {
  const clean = value === null || value === undefined ? '' : String(value).replace(/\r\n?/g, '\n').trim();
  return clean === '' ? undefined : clean;
};

/** The fields of a version in the words of the form, for the reviewer's diff. */
export function describePlace(data: unknown, locale: Locale): Fields<PlacesKey> {
  const t = placesMessages(locale);
  const p = data as PlaceData;
  return [
    ['form.kind', t(`kind.${p.kind}`)],
    ['form.title', text(p.title)],
    ['form.occupation', text(p.occupation)],
    ['form.field', t(`field.${p.field}`)],
    ['form.certificate', t(`certificate.${p.certificate}`)],
    ['form.start', p.start_date ? formatCivilDate(p.start_date, locale) : undefined],
    ['form.partTime', t(p.part_time ? 'value.yes' : 'value.no')],
    ['form.positions', text(p.positions)],
    ['form.description', text(p.description)],
    ['form.apply', text(p.how_to_apply)],
    ['form.district', text(p.district)],
    ['form.contactName', text(p.contact_name)],
    ['form.contactEmail', text(p.contact_email)],
    ['form.contactPhone', text(p.contact_phone)],
  ];
}

/** Places in the one review workflow (platform/review): drafts, proposals, the editors' decision. */
export const placeReviewable: Reviewable = {
  kind: 'place',
  auditPrefix: 'places',
  label: (locale) => placesMessages(locale)('review.label'),
  async findPublished(db: Executor, id) {
    const row = await repo.findPlace(db, id);
    return row ? { organizationId: row.organization_id, data: dataOfRow(row) } : undefined;
  },
  publish: (trx, id, organizationId, data) => repo.upsertPlace(trx, organizationId, { ...(data as PlaceData), id }),
  nameOf: (data) => (data as Partial<PlaceData> | null)?.title ?? '',
  async diff(_db, { before, after, locale }) {
    const t = placesMessages(locale);
    return diffVersions((data) => describePlace(data, locale), before, after).map((c) => ({ ...c, field: t(c.field) }));
  },
  paths: { history: placePaths.history, edit: placePaths.edit },
};
