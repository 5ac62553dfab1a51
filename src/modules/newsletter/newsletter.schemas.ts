import { Type, type Static } from '@sinclair/typebox';
import { locales } from '../../platform/i18n/i18n.js';

/** Form schemas of the newsletter module; HTML forms reuse them through parseForm. */

const Email = Type.String({ format: 'email', maxLength: 254 });
const LocaleField = Type.Union(locales.map((l) => Type.Literal(l)));
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

/**
 * The body of an RFC 8058 one-click unsubscribe: "List-Unsubscribe=One-Click", urlencoded or multipart.
 * The signed token in the query is the authority, so the body is not required (nor read): a client that
 * sends none still unsubscribes, as before routes declared their bodies.
 */
export const OneClickBody = Type.Unknown({ description: 'List-Unsubscribe=One-Click (RFC 8058); not read' });

/** Checkbox groups arrive as separate fields "topic_<key>" = "ja" (parseForm keeps strings only). */
export function checkedTopics(values: Record<string, string>): string[] {
  return Object.entries(values)
    .filter(([key, value]) => key.startsWith('topic_') && value === 'ja')
    .map(([key]) => key.slice('topic_'.length));
}
