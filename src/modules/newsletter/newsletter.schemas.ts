import { Type, type Static } from '@sinclair/typebox';

/** Form schemas of the newsletter module; HTML forms reuse them through parseForm. */

const Email = Type.String({ format: 'email', maxLength: 254 });
const LocaleField = Type.Union([Type.Literal('de'), Type.Literal('en')]);
export const Token = Type.String({ minLength: 20, maxLength: 200 });

export const SignupForm = Type.Object({
  email: Email,
  locale: LocaleField,
  district: Type.Optional(Type.String({ maxLength: 100 })),
  consent: Type.Literal('ja'),
});
export type SignupForm = Static<typeof SignupForm>;

export const PreferencesForm = Type.Object({ token: Token, locale: LocaleField, district: Type.Optional(Type.String({ maxLength: 100 })) });
export const TokenForm = Type.Object({ token: Token });

/** Checkbox groups arrive as separate fields "topic_<key>" = "ja" (parseForm keeps strings only). */
export function checkedTopics(values: Record<string, string>): string[] {
  return Object.entries(values)
    .filter(([key, value]) => key.startsWith('topic_') && value === 'ja')
    .map(([key]) => key.slice('topic_'.length));
}
