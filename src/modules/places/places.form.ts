import { Type, type Static } from '@sinclair/typebox';
import { CivilDate, type FieldWords } from '../../platform/http/forms.js';
import type { FieldErrors } from '../../platform/http/errors.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { todayIn } from '../../platform/time/berlin.js';
import { placesMessages } from './places.messages.js';
import type { PlaceData } from './places.types.js';
import { certificates, placeFields, placeKinds } from './places.vocab.js';

const oneOf = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));

/** The form employers and staff fill in for a place (POST /plaetze-verwalten/:org/neu and …/bearbeiten). */
export const PlaceForm = Type.Object({
  kind: oneOf(placeKinds),
  title: Type.String({ maxLength: 140 }),
  occupation: Type.String({ maxLength: 120 }),
  field: oneOf(placeFields),
  certificate: oneOf(certificates),
  start_date: CivilDate(),
  part_time: Type.Optional(Type.Literal('ja')),
  positions: Type.String({ pattern: '^[0-9]{1,3}$' }),
  description: Type.String({ maxLength: 4000 }),
  how_to_apply: Type.String({ maxLength: 1000 }),
  district: Type.Optional(Type.String({ maxLength: 100 })),
  contact_name: Type.Optional(Type.String({ maxLength: 100 })),
  contact_email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
  contact_phone: Type.Optional(Type.String({ maxLength: 40, pattern: '^[0-9 +()/-]+$' })),
  base_version: Type.String({ pattern: '^[0-9]{1,9}$' }),
  intent: oneOf(['draft', 'submit']),
});
export type PlaceFormValues = Static<typeof PlaceForm>;

export function placeFormLabels(locale: Locale): Record<string, FieldWords> {
  const t = placesMessages(locale);
  return {
    kind: t('form.kind'),
    title: t('form.title'),
    occupation: t('form.occupation'),
    field: t('form.field'),
    certificate: t('form.certificate'),
    start_date: t('form.start'),
    positions: { label: t('form.positions'), format: t('form.positionsRange') },
    description: t('form.description'),
    how_to_apply: t('form.apply'),
    district: t('form.district'),
    contact_name: t('form.contactName'),
    contact_email: t('form.contactEmail'),
    contact_phone: t('form.contactPhone'),
  };
}

/** The rules beyond the form's shape: a start from today on, 1 to 99 places, a district of the city. */
export function buildPlace(
  id: string,
  v: PlaceFormValues,
  context: { districts: readonly string[]; now: Date; locale: Locale },
): { ok: true; value: PlaceData } | { ok: false; errors: FieldErrors } {
  const t = placesMessages(context.locale);
  const errors: FieldErrors = {};
  if (v.start_date < todayIn(context.now)) errors.start_date = t('form.startPast');
  const positions = Number(v.positions);
  if (!(positions >= 1 && positions <= 99)) errors.positions = t('form.positionsRange');
  if (v.district && !context.districts.includes(v.district)) errors.district = t('form.district');
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      id,
      kind: v.kind as PlaceData['kind'],
      title: v.title,
      occupation: v.occupation,
      field: v.field as PlaceData['field'],
      certificate: v.certificate as PlaceData['certificate'],
      start_date: v.start_date,
      part_time: v.part_time === 'ja',
      positions,
      description: v.description,
      how_to_apply: v.how_to_apply,
      district: v.district ?? null,
      contact_name: v.contact_name ?? null,
      contact_email: v.contact_email ?? null,
      contact_phone: v.contact_phone ?? null,
    },
  };
}

/** A version as form values (to edit it). */
export function formValuesOf(p: PlaceData): Record<string, string> {
  return {
    kind: p.kind,
    title: p.title,
    occupation: p.occupation,
    field: p.field,
    certificate: p.certificate,
    start_date: p.start_date,
    part_time: p.part_time ? 'ja' : '',
    positions: String(p.positions),
    description: p.description,
    how_to_apply: p.how_to_apply,
    district: p.district ?? '',
    contact_name: p.contact_name ?? '',
    contact_email: p.contact_email ?? '',
    contact_phone: p.contact_phone ?? '',
  };
}
