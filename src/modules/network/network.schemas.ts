import { Type, type Static } from '@sinclair/typebox';
import { CivilDate } from '../../platform/http/forms.js';
import { Id, pageQuery, params, QueryText } from '../../platform/http/routes.js';

const choice = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const SlugParams = params({ slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 80 }) });
export const MemberParams = params({ slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 80 }), userId: Id() });
export const CalendarParams = params({ token: Type.String({ pattern: '^[0-9a-fA-F-]{36}\\.[A-Za-z0-9_-]{20,60}(\\.ics)?$', maxLength: 120 }) });
/** A group's feed for one member: the group's id, then the member's part (ids in a path stay under Fastify's 100 characters). */
export const GroupCalendarParams = params({
  group: Id(),
  token: Type.String({ pattern: '^[0-9a-fA-F-]{36}\\.[A-Za-z0-9_-]{20,60}(\\.ics)?$', maxLength: 120 }),
});
export const VersionParams = params({ id: Id(), number: Type.String({ pattern: '^[1-9][0-9]{0,5}$' }) });
export const FileQuery = pageQuery({ version: QueryText(6) });
export const TokenQuery = pageQuery({ token: QueryText(300) });
export const SearchQuery = pageQuery({ q: QueryText(200) });
export const RsvpQuery = pageQuery({ token: QueryText(300), antwort: QueryText(10) });

export const PartnerRequestForm = Type.Object({
  organization: Type.String({ minLength: 2, maxLength: 200 }),
  name: Type.String({ minLength: 2, maxLength: 120 }),
  email: Type.String({ format: 'email', maxLength: 254 }),
  message: Type.String({ minLength: 10, maxLength: 3000 }),
  privacy: Type.Literal('ja'),
  website: Type.Optional(Type.String({ maxLength: 500 })),
});

export const PostForm = Type.Object({
  body: Type.String({ minLength: 1, maxLength: 10000 }),
  /** The description of an attached file (an image's text alternative); the file itself is read from the multipart body. */
  fileTitle: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
  fileTitle2: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
  fileTitle3: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
});
/** A post holds up to this many files: the first slot, and two more behind "Weitere Anhänge". */
export const postAttachmentSlots = [
  { file: 'file', title: 'fileTitle' },
  { file: 'file2', title: 'fileTitle2' },
  { file: 'file3', title: 'fileTitle3' },
] as const;
export const CommentForm = Type.Object({ body: Type.String({ minLength: 1, maxLength: 5000 }) });
export const ReportForm = Type.Object({ reason: Type.String({ minLength: 3, maxLength: 1000 }) });
export const InviteForm = Type.Object({ email: Type.String({ format: 'email', maxLength: 254 }) });

export const visibilities = ['group', 'partners', 'public'] as const;
export const DocumentForm = Type.Object({
  title: Type.String({ minLength: 2, maxLength: 200 }),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  folder: Type.Optional(Type.String({ maxLength: 100 })),
  visibility: choice(visibilities),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
export const VersionForm = Type.Object({ note: Type.Optional(Type.String({ maxLength: 500 })) });

export const MeetingForm = Type.Object({
  title: Type.String({ minLength: 2, maxLength: 200 }),
  date: CivilDate(),
  start: Type.String({ pattern: '^([01]?\\d|2[0-3]):[0-5]\\d$', maxLength: 5 }),
  end: Type.String({ pattern: '^([01]?\\d|2[0-3]):[0-5]\\d$', maxLength: 5 }),
  place: Type.Optional(Type.String({ maxLength: 300 })),
  videoUrl: Type.Optional(Type.String({ pattern: '^https://[^\\s]+$', maxLength: 500 })),
  agenda: Type.Optional(Type.String({ maxLength: 5000 })),
});
export type MeetingFormValue = Static<typeof MeetingForm>;

export const RsvpForm = Type.Object({ answer: choice(['yes', 'no', 'maybe'] as const), token: Type.Optional(Type.String({ maxLength: 300 })) });
export const MinutesForm = Type.Object({ minutes: Type.String({ minLength: 1, maxLength: 20000 }) });
export const TaskForm = Type.Object({
  title: Type.String({ minLength: 2, maxLength: 300 }),
  owner: Type.Optional(Id()),
  due: Type.Optional(CivilDate()),
});
export const TaskStatusForm = Type.Object({ done: choice(['ja', 'nein'] as const) });
export const UnsubscribeForm = Type.Object({ token: Type.String({ maxLength: 300 }) });

export const GroupForm = Type.Object({
  name: Type.String({ minLength: 2, maxLength: 200 }),
  access: choice(['open', 'closed', 'private'] as const),
  topic: Type.Optional(Type.String({ maxLength: 2000 })),
  publicResults: Type.Optional(Type.String({ maxLength: 5000 })),
  leadOrganization: Type.Optional(Id()),
});

export const PartnerProfileForm = Type.Object({
  shortText: Type.Optional(Type.String({ maxLength: 1000 })),
  contribution: Type.Optional(Type.String({ maxLength: 1000 })),
  website: Type.Optional(Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 300 })),
  shown: Type.Optional(Type.Literal('ja')),
});

export const PollForm = Type.Object({
  title: Type.String({ minLength: 2, maxLength: 200 }),
  place: Type.Optional(Type.String({ maxLength: 300 })),
  duration: Type.String({ pattern: '^[1-9][0-9]{1,2}$', maxLength: 3 }),
  options: Type.String({ minLength: 5, maxLength: 2000 }),
});
export const DecideForm = Type.Object({ option: Id() });

export const AgendaItemParams = params({ id: Id(), item: Id() });
/** Named apart from the task form's fields on the same page (ids stay unique). */
export const AgendaItemForm = Type.Object({
  agendaTitle: Type.String({ minLength: 2, maxLength: 300 }),
  agendaPresenter: Type.Optional(Type.String({ maxLength: 200 })),
  agendaDocument: Type.Optional(Id()),
});
export const RetentionForm = Type.Object({ months: Type.Optional(Type.String({ maxLength: 10 })) });
