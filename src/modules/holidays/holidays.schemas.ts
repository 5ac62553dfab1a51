import { Type } from '@sinclair/typebox';
import { CivilDate } from '../../platform/http/forms.js';
import { Id as RouteId, pageQuery, params, QueryText } from '../../platform/http/routes.js';

/** Form schemas of the holidays module; parseForm words their errors in German or English. */

const Yes = Type.Optional(Type.Literal('ja'));
const Id = Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' });
const Text = (max: number) => Type.Optional(Type.String({ maxLength: max }));

export const ChildForm = Type.Object({
  firstName: Type.String({ minLength: 1, maxLength: 60 }),
  lastName: Type.String({ minLength: 1, maxLength: 60 }),
  birthDate: CivilDate(),
  needs: Text(2000),
  needsConsent: Yes,
  photoConsent: Yes,
  priority: Yes,
  contactName: Type.String({ minLength: 2, maxLength: 100 }),
  contactPhone: Type.String({ pattern: '^[+0-9 ()/-]{5,30}$' }),
  contactRelation: Text(60),
});

export const maxWishFields = 10;
export const WishForm = Type.Object({
  ...Object.fromEntries(Array.from({ length: maxWishFields }, (_, i) => [`wish${i + 1}`, Type.Optional(Id)])),
  maxPlaces: Type.String({ pattern: '^[0-9]{1,2}$' }),
  groupCode: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]{6}-[A-Za-z0-9]{8}$' })),
  /** The code an employer gave its staff for the places it reserved (employer-places.service.ts). */
  employerCode: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]{5}-[A-Za-z0-9]{5}$' })),
});

export const BookForm = Type.Object({ childId: Id });

export const OfferForm = Type.Object({
  title: Type.String({ minLength: 3, maxLength: 120 }),
  description: Type.String({ minLength: 10, maxLength: 4000 }),
  kind: Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('trip')]),
  firstDay: CivilDate(),
  lastDay: CivilDate(),
  dailyFrom: Type.String({ pattern: '^\\d{1,2}:\\d{2}$' }),
  dailyUntil: Type.String({ pattern: '^\\d{1,2}:\\d{2}$' }),
  minAge: Type.String({ pattern: '^\\d{1,2}$' }),
  maxAge: Type.String({ pattern: '^\\d{1,2}$' }),
  places: Type.String({ pattern: '^\\d{1,4}$' }),
  minParticipants: Type.Optional(Type.String({ pattern: '^\\d{1,4}$' })),
  price: Type.String({ pattern: '^\\d{1,5}([,.]\\d{1,2})?$' }),
  reducedPrice: Type.Optional(Type.String({ pattern: '^\\d{1,5}([,.]\\d{1,2})?$' })),
  location: Type.String({ minLength: 3, maxLength: 200 }),
  meetingPoint: Text(200),
  whatToBring: Text(1000),
  inclusionSupport: Yes,
  contactName: Type.String({ minLength: 2, maxLength: 100 }),
  contactEmail: Type.String({ format: 'email', maxLength: 254 }),
  contactPhone: Text(30),
});

export const SeasonForm = Type.Object({
  name: Type.String({ minLength: 3, maxLength: 100 }),
  wishFrom: CivilDate(),
  wishUntil: CivilDate(),
  maxWishes: Type.String({ pattern: '^([1-9]|10)$' }),
  reservedPercent: Type.String({ pattern: '^([0-9]|[1-9][0-9]|100)$' }),
  retentionDays: Type.String({ pattern: '^\\d{1,4}$' }),
});

export const PhaseForm = Type.Object({
  phase: Type.Union(['collecting', 'wishes', 'allocation', 'results', 'first_come', 'closed'].map((p) => Type.Literal(p))),
});
export const SeedHashForm = Type.Object({ seedHash: Type.String({ pattern: '^[0-9a-fA-F]{64}$' }) });
export const SeedForm = Type.Object({ seed: Type.String({ minLength: 8, maxLength: 200 }) });
/** Places of an offer an editor reserves for an employer's staff. */
export const EmployerPlacesForm = Type.Object({ employerOrganization: Id, employerPlaces: Type.String({ pattern: '^[0-9]{1,4}$' }) });
export const ReviewForm = Type.Object({ decision: Type.Union([Type.Literal('approved'), Type.Literal('rejected')]), note: Text(1000) });

/** The early-end question sends the phase form again with `confirmed=ja`. */
export const PhaseChangeForm = Type.Object({ ...PhaseForm.properties, confirmed: Yes });
/** The confirmed run repeats the seed (read as typed; the service checks it against the hash). */
export const ConfirmSeedForm = Type.Object({ confirmSeed: Type.String() });
/** Attendance of one day: `present_<place id>=ja` for every child who was there. */
export const AttendanceForm = Type.Object({ day: Type.String() }, { patternProperties: { '^present_': Type.Literal('ja') } });
export const CancelForm = Type.Object({ confirm: Yes });

/* Route schemas: path parameters (a malformed id answers 404) and the query strings pages read. */
export const OrgParams = params({ org: RouteId() });
export const ChildParams = params({ child: RouteId() });
export const SeasonOfferParams = params({ id: RouteId(), offer: RouteId() });
export const SeasonOfferOrgParams = params({ id: RouteId(), offer: RouteId(), org: RouteId() });
/** `?hinweis=…`: which notice a page shows after a redirect. */
export const NoticeQuery = pageQuery({ hinweis: QueryText() });
/** `?tag=…`: the day of the attendance list. */
export const DayQuery = pageQuery({ tag: QueryText() });
