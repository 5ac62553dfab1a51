import { locales } from '../../platform/i18n/i18n.js';
import { Type, type Static } from '@sinclair/typebox';
import { passwordLength } from '../../platform/auth/passwords.js';
import { Id, pageQuery, params, QueryText } from '../../platform/http/routes.js';

/** Form and API schemas of the accounts module; HTML forms reuse them through parseForm. */

const Email = Type.String({ format: 'email', maxLength: 254 });
const Password = Type.String({ minLength: passwordLength.min, maxLength: passwordLength.max });
const DisplayName = Type.String({ minLength: 1, maxLength: 100 });
const Token = Type.String({ minLength: 20, maxLength: 100 });

export const RegisterForm = Type.Object({ displayName: DisplayName, email: Email, password: Password, privacy: Type.Literal('ja') });
export type RegisterForm = Static<typeof RegisterForm>;

export const LoginForm = Type.Object({
  email: Email,
  password: Type.String({ minLength: 1, maxLength: passwordLength.max }),
  zurueck: Type.Optional(Type.String({ maxLength: 500 })),
});
export type LoginForm = Static<typeof LoginForm>;

export const EmailForm = Type.Object({ email: Email });
export const TokenForm = Type.Object({ token: Token });
export const NewPasswordForm = Type.Object({ token: Token, password: Password });
export const ChangePasswordForm = Type.Object({ currentPassword: Type.String({ minLength: 1, maxLength: passwordLength.max }), password: Password });
export const ProfileForm = Type.Object({ displayName: DisplayName, locale: Type.Union(locales.map((l) => Type.Literal(l))) });
export const DeleteAccountForm = Type.Object({ confirm: Type.Literal('ja') });

export const RoleForm = Type.Object({
  role: Type.Union([
    Type.Literal('family'),
    Type.Literal('provider'),
    Type.Literal('partner'),
    Type.Literal('analyst'),
    Type.Literal('editor'),
    Type.Literal('admin'),
  ]),
});
export const MembershipForm = Type.Object({ organizationId: Type.String({ format: 'uuid' }) });
export const OrganizationForm = Type.Object({
  name: Type.String({ minLength: 2, maxLength: 200 }),
  kind: Type.Union([Type.Literal('provider'), Type.Literal('partner'), Type.Literal('city')]),
});

export const MeResponse = Type.Object({
  id: Type.String({ format: 'uuid' }),
  email: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  locale: Type.String(),
  emailConfirmedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  organizations: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), kind: Type.String() })),
});
export const ErrorResponse = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }) });

// Query strings. Tokens, return paths and search words stay unbounded here: the handlers answer a bad
// one with their own page (an invalid link, a clipped search), never with a bare 422.
const Lenient = () => Type.Optional(Type.String());

export const TokenQuery = pageQuery({ token: Lenient() });
export const LoginQuery = pageQuery({ hinweis: QueryText(), zurueck: Lenient() });
export const SavedQuery = pageQuery({ gespeichert: QueryText() });
export const UserListQuery = pageQuery({ q: Lenient(), rolle: QueryText(), seite: QueryText() });
export const OrganizationQuery = pageQuery({ fuer: QueryText() });
export const MembershipParams = params({ id: Id(), orgId: Id() });
