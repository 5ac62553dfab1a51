import { Type, type Static } from '@sinclair/typebox';
import { pageQuery, QueryText } from '../../platform/http/routes.js';
import { ideaStatuses, ideaTopics } from './ideas.topics.js';

const choice = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const ListQuery = pageQuery({ thema: QueryText(40), bezirk: QueryText(80), status: QueryText(40), sortierung: QueryText(20), seite: QueryText(6) });
export const TokenQuery = pageQuery({ token: QueryText(200) });
/** `thema` and `bezirk`: what the person chose in the form so far (optional); they order, they do not filter. */
export const SimilarQuery = Type.Object({
  text: Type.String({ minLength: 1, maxLength: 2000 }),
  thema: Type.Optional(choice(ideaTopics)),
  bezirk: Type.Optional(Type.String({ maxLength: 80 })),
});

/** Submitting an idea or concern. `email` is required without an account (the route checks); `website` is the honeypot. */
export const IdeaForm = Type.Object({
  kind: choice(['idea', 'concern'] as const),
  title: Type.String({ minLength: 5, maxLength: 140 }),
  body: Type.String({ minLength: 10, maxLength: 5000 }),
  topic: choice(ideaTopics),
  district: Type.Optional(Type.String({ maxLength: 80 })),
  shownAs: choice(['first_name', 'initials', 'anonymous'] as const),
  name: Type.Optional(Type.String({ maxLength: 60 })),
  email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
  photoAlt: Type.Optional(Type.String({ maxLength: 300 })),
  privacy: Type.Optional(Type.Literal('ja')),
  checked: Type.Optional(Type.Literal('ja')),
  website: Type.Optional(Type.String({ maxLength: 500 })),
});
export type IdeaFormValue = Static<typeof IdeaForm>;

export const FollowForm = Type.Object({ email: Type.String({ format: 'email', maxLength: 254 }) });
export const UpdateForm = Type.Object({ body: Type.String({ minLength: 1, maxLength: 5000 }), token: Type.Optional(Type.String({ maxLength: 200 })) });
export const UnfollowForm = Type.Object({ token: Type.String({ maxLength: 200 }) });

export const ModerationForm = Type.Object({
  action: choice(['publish', 'hold', 'decline'] as const),
  title: Type.Optional(Type.String({ minLength: 5, maxLength: 140 })),
  body: Type.Optional(Type.String({ minLength: 10, maxLength: 5000 })),
  redactionNote: Type.Optional(Type.String({ maxLength: 500 })),
  reason: Type.Optional(choice(['duplicate', 'offensive', 'personal_data', 'advertising', 'off_topic', 'other'] as const)),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
});

export const AnswerForm = Type.Object({
  status: choice(ideaStatuses),
  office: Type.String({ minLength: 2, maxLength: 200 }),
  answer: Type.String({ minLength: 5, maxLength: 5000 }),
  referTo: Type.Optional(Type.String({ maxLength: 500 })),
});

export const MergeForm = Type.Object({ into: Type.String({ format: 'uuid' }) });

export const SimilarResponse = Type.Object({
  ideas: Type.Array(Type.Object({ id: Type.String({ format: 'uuid' }), title: Type.String(), url: Type.String(), score: Type.Number() })),
});
