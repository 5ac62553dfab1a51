import { Type } from '@sinclair/typebox';
import { CivilDate } from '../../platform/http/forms.js';
import { pageQuery, QueryText } from '../../platform/http/routes.js';

const choice = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const yes = () => Type.Optional(Type.Literal('ja'));
/** A small number typed in a form; the route checks its range. */
const count = () => Type.String({ pattern: '^\\d{1,2}$' });

export const TokenQuery = pageQuery({ token: QueryText(200) });

/** Applying to join. The optional questions count only with `optionalConsent`; `website` is the honeypot. */
export const ApplicationForm = Type.Object({
  name: Type.String({ minLength: 2, maxLength: 100 }),
  email: Type.String({ format: 'email', maxLength: 254 }),
  phone: Type.Optional(Type.String({ maxLength: 40 })),
  district: Type.String({ minLength: 1, maxLength: 100 }),
  adults: count(),
  children: count(),
  optionalConsent: yes(),
  familySituation: Type.Optional(choice(['single_parent', 'two_parents', 'patchwork', 'foster', 'other'] as const)),
  homeLanguages: Type.Optional(Type.String({ maxLength: 200 })),
  needsInterpreter: yes(),
  needsChildcare: yes(),
  privacy: yes(),
  website: Type.Optional(Type.String({ maxLength: 500 })),
});

export const RegistrationForm = Type.Object({
  token: Type.String({ maxLength: 200 }),
  persons: count(),
  childcareChildren: count(),
  childcareAges: Type.Optional(Type.String({ maxLength: 100 })),
  interpreterLanguage: Type.Optional(Type.String({ maxLength: 60 })),
  stepFree: yes(),
  dietary: Type.Optional(Type.String({ maxLength: 200 })),
  travelRefund: yes(),
});

export const TokenForm = Type.Object({ token: Type.String({ maxLength: 200 }) });
export const ResultMailsForm = Type.Object({ token: Type.String({ maxLength: 200 }), on: choice(['ja', 'nein'] as const) });

// Staff ------------------------------------------------------------------------------------------

export const DecisionForm = Type.Object({
  decision: choice(['accepted', 'declined', 'reserve'] as const),
  termUntil: Type.Optional(CivilDate()),
});

export const WorkshopForm = Type.Object({
  title: Type.String({ minLength: 3, maxLength: 200 }),
  date: CivilDate(),
  from: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }),
  until: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }),
  registrationUntil: CivilDate(),
  place: Type.String({ minLength: 3, maxLength: 300 }),
  agenda: Type.Optional(Type.String({ maxLength: 5000 })),
  languages: Type.Optional(Type.String({ maxLength: 200 })),
  capacity: Type.String({ pattern: '^\\d{1,3}$' }),
  childcarePlaces: Type.String({ pattern: '^\\d{1,3}$' }),
});

/** One checkbox per confirmed registration, named by its id. */
export const AttendanceForm = Type.Object({}, { additionalProperties: true });

export const ReportForm = Type.Object({
  discussed: Type.Optional(Type.String({ maxLength: 5000 })),
  blindSpots: Type.Optional(Type.String({ maxLength: 5000 })),
  ideas: Type.Optional(Type.String({ maxLength: 5000 })),
  photoAlt: Type.Optional(Type.String({ maxLength: 300 })),
});

export const ResultForm = Type.Object({
  resultTitle: Type.String({ minLength: 3, maxLength: 200 }),
  resultBody: Type.Optional(Type.String({ maxLength: 2000 })),
  resultInitiative: Type.Optional(Type.String({ format: 'uuid' })),
  resultIdea: Type.Optional(Type.String({ format: 'uuid' })),
});

export const FollowUpForm = Type.Object({
  followUp: choice(['open', 'taken_up', 'in_progress', 'done', 'not_pursued'] as const),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
  initiative: Type.Optional(Type.String({ format: 'uuid' })),
  idea: Type.Optional(Type.String({ format: 'uuid' })),
});

export const PublishForm = Type.Object({ publish: choice(['ja', 'nein'] as const) });
