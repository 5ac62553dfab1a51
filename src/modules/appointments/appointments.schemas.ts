import { Type } from '@sinclair/typebox';
import { CivilDate } from '../../platform/http/forms.js';
import { Id, pageQuery, QueryText } from '../../platform/http/routes.js';

/** The booking form; the slot (service, start, location) travels in hidden fields. */
export const BookingForm = Type.Object({
  beginn: Type.String({ maxLength: 40 }),
  standort: Id(),
  name: Type.String({ minLength: 1, maxLength: 100 }),
  email: Type.String({ format: 'email', maxLength: 254 }),
  antwort: Type.Optional(Type.String({ maxLength: 500 })),
  jung: Type.Optional(Type.Literal('ja')),
  fuerSchueler: Type.Optional(Type.Literal('ja')),
  einverstanden: Type.Optional(Type.Literal('ja')),
});

/** Moving through the personal link. */
export const MoveForm = Type.Object({ token: Type.String({ maxLength: 200 }), beginn: Type.String({ maxLength: 40 }), standort: Id() });
export const TokenForm = Type.Object({ token: Type.String({ maxLength: 200 }) });

export const DayQuery = pageQuery({ tag: QueryText(10) });
export const SlotQuery = pageQuery({ beginn: QueryText(40), standort: QueryText(36) });
export const TokenQuery = pageQuery({ token: QueryText(200), tag: QueryText(10), erledigt: QueryText(20) });

/** API: a booking request. Fields are optional in the schema so that a missing one is answered 422 with its field code. */
export const BookingRequest = Type.Object(
  {
    dienst: Type.Optional(Type.String({ maxLength: 100, description: 'ID des Dienstes (GET /api/v1/termine/dienste)' })),
    beginn: Type.Optional(Type.String({ maxLength: 40, description: 'Beginn mit Offset, z. B. 2027-03-29T09:00:00+02:00 (aus freie-zeiten)' })),
    standort: Type.Optional(Type.String({ maxLength: 100, description: 'ID des Standorts (aus freie-zeiten)' })),
    name: Type.Optional(Type.String({ maxLength: 1000, description: 'Name oder Spitzname (höchstens 100 Zeichen)' })),
    email: Type.Optional(Type.String({ maxLength: 1000, description: 'E-Mail-Adresse für den Bestätigungslink' })),
  },
  { additionalProperties: false },
);

export const BookingCreated = Type.Object({
  id: Type.String({ format: 'uuid' }),
  status: Type.Union([Type.Literal('held'), Type.Literal('confirmed')]),
  beginn: Type.String({ description: 'ISO 8601 mit Offset (Europe/Berlin)' }),
  ende: Type.String({ description: 'ISO 8601 mit Offset (Europe/Berlin)' }),
  standort: Type.String({ format: 'uuid' }),
  gehaltenBis: Type.Union([Type.String(), Type.Null()], { description: 'Bis dann muss der Link in der E-Mail geklickt sein' }),
});

export const ServiceList = Type.Array(
  Type.Object({
    id: Type.String({ format: 'uuid' }),
    kennung: Type.String(),
    name: Type.String(),
    stelle: Type.Union([Type.Literal('youth_career'), Type.Literal('family_office'), Type.Literal('return_to_work')]),
    dauerMinuten: Type.Integer(),
    kanal: Type.Union([Type.Literal('in_person'), Type.Literal('phone'), Type.Literal('video')]),
    zielgruppe: Type.Union([Type.Literal('anyone'), Type.Literal('young'), Type.Literal('invitation')]),
  }),
);

export const FreeSlots = Type.Object({
  zeiten: Type.Array(
    Type.Object({
      beginn: Type.String({ description: 'ISO 8601 mit Offset (Europe/Berlin)' }),
      ende: Type.String({ description: 'ISO 8601 mit Offset (Europe/Berlin)' }),
      standort: Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String(), adresse: Type.String() }),
      kanal: Type.String(),
    }),
  ),
});

export const RangeQuery = pageQuery({
  von: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'erster Tag, YYYY-MM-DD' }),
  bis: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'letzter Tag, YYYY-MM-DD (höchstens 62 Tage nach von)' }),
});

/** "2027-03-29T09:00:00+02:00" (or Z): an instant; anything else null. */
export function readInstant(value: string | undefined): Date | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms);
}

/** Joining a day's waiting list. */
export const WaitlistForm = Type.Object({
  tag: CivilDate(),
  name: Type.String({ minLength: 1, maxLength: 100 }),
  email: Type.String({ format: 'email', maxLength: 254 }),
});
