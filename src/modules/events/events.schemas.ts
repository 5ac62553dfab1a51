import { Type, type TOptional, type TString } from '@sinclair/typebox';
import { Id, pageQuery, params, QueryText } from '../../platform/http/routes.js';
import { categoryCodes } from './events.categories.js';

/** What the events routes read from paths, query strings and forms (docs/architecture.md, "Routen"). */

/** Any length, never refused: parseEventFilters drops a bad value and names it in a hint (quoting 40 characters). */
const FilterValue = () => Type.Optional(Type.String());

/** The calendar's filters (events.filters.ts), the same on the list, the month view and the feeds. */
export const EventFilterQuery = pageQuery({
  wann: FilterValue(),
  von: FilterValue(),
  bis: FilterValue(),
  alter: FilterValue(),
  bezirk: FilterValue(),
  kategorie: FilterValue(),
  kostenlos: FilterValue(),
  barrierefrei: FilterValue(),
  seite: FilterValue(),
  monat: FilterValue(),
});

/** `?gespeichert=1` after a save. */
export const SavedQuery = pageQuery({ gespeichert: QueryText() });

/** `?entschieden=<id>` after a moderation decision. */
export const DecidedQuery = pageQuery({ entschieden: QueryText() });

/** `/veranstaltungen/pruefen/organisationen/:orgId` */
export const OrganizationParams = params({ orgId: Id() });

const field = () => Type.Optional(Type.String());
const fields = (names: readonly string[]): Record<string, TOptional<TString>> => Object.fromEntries(names.map((name) => [name, field()]));

/**
 * The event form (multipart: the image travels as the file field `image`). Read by parseEventForm in
 * events.form.ts, which words each problem per field; this schema documents the fields.
 */
export const EventForm = Type.Object({
  ...fields([
    'title',
    'description',
    'organizationId',
    'allDay',
    'startDate',
    'startTime',
    'endDate',
    'endTime',
    'repeat',
    'interval',
    'repeatUntil',
    'repeatCount',
    'excludedDates',
    'locationId',
    'placeName',
    'street',
    'postalCode',
    'locality',
    'district',
    'minAge',
    'maxAge',
    'free',
    'price',
    'reducedPrice',
    'registrationRequired',
    'registrationHow',
    'registrationUntil',
    'barrierFree',
    'signLanguage',
    'easyLanguage',
    'quietSpace',
    'status',
    'statusNote',
    'imageAlt',
    'removeImage',
  ]),
  ...fields(categoryCodes.map((code) => `cat_${code}`)),
  ...fields([1, 2, 3, 4, 5, 6, 7].map((day) => `wd${day}`)),
  image: Type.Optional(Type.Unknown()),
});

/** The public suggestion form: the event form without an image, a contact address, and a honeypot (`homepage`). */
export const SuggestionForm = Type.Object({ ...Type.Omit(EventForm, ['image', 'removeImage']).properties, ...fields(['email', 'homepage']) });

/** Cancel, postpone or reinstate one date. */
export const OccurrenceForm = Type.Object(fields(['date', 'status', 'note']));

/** Move one date to another day or time. */
export const MoveForm = Type.Object(fields(['moveDate', 'moveNewDate', 'moveNewStart', 'moveNewEnd', 'moveNote']));

/** An editor's decision on a suggestion; a rejection needs a reason. */
export const DecisionForm = Type.Object(fields(['decision', 'reason']));

/** Give back (`allowed=ja`) or revoke an organisation's right to publish directly. */
export const PublishingForm = Type.Object(fields(['allowed']));
