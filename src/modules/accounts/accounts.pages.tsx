import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CityProfile } from '../../platform/city.js';
import { requireActor } from '../../platform/auth/guard.js';
import { pageContext } from '../../platform/http/context.js';
import { AppError } from '../../platform/http/errors.js';
import { attempt, formValues, parseForm } from '../../platform/http/forms.js';
import { safeLocalPath } from '../../platform/http/local-path.js';
import { ButtonForm, formBody, NoQuery, type RouteApp } from '../../platform/http/routes.js';
import {
  ChangePasswordForm,
  DeleteAccountForm,
  EmailForm,
  LoginForm,
  LoginQuery,
  NewPasswordForm,
  ProfileForm,
  RegisterForm,
  SavedQuery,
  TokenForm,
  TokenQuery,
} from './accounts.schemas.js';
import { accountMessages } from './accounts.messages.js';
import type { AccountsService, Origin } from './accounts.service.js';
import { AccountPage, DeleteAccountPage } from './views/account-pages.js';
import { EmailRequestPage, LoginPage, MessagePage, NewPasswordPage, RegisterPage, UseLinkPage } from './views/auth-pages.js';

/*
 * Routes of the accounts module (HTML):
 *   GET  POST /registrieren                 create an account
 *   GET       /registrieren/bestaetigen     "check your inbox"
 *   GET       /konto/bestaetigen?token=     confirm the email address
 *   GET  POST /anmelden                     log in with password
 *   GET  POST /anmelden/link                ask for a one-time login link
 *   GET  POST /anmelden/link/einloesen      use it (GET shows a button, POST logs in)
 *   GET  POST /passwort-vergessen           ask for a reset link
 *   GET  POST /passwort-neu                 set a new password with it
 *        POST /abmelden                     log out
 *   GET       /konto                        Mein Konto
 *        POST /konto/profil, /konto/passwort
 *   GET       /konto/daten                  download all my data (JSON)
 *   GET  POST /konto/loeschen               delete my account
 */
export function registerAccountPages(app: RouteApp, service: AccountsService, city: CityProfile): void {
  const ctxOf = (req: FastifyRequest) => pageContext(req, city);
  const origin = (req: FastifyRequest): Origin => ({ ip: req.ip, locale: req.locale });
  const html = (reply: FastifyReply, status: number, page: JSX.Element) => reply.status(status).html(page);
  const labels = (req: FastifyRequest) => {
    const t = accountMessages(req.locale);
    return {
      displayName: { label: t('field.displayName'), required: t('error.displayName.required') },
      email: { label: t('field.email'), required: t('error.email.required'), format: t('error.email.format') },
      password: { label: t('field.password'), required: t('error.password.required') },
      currentPassword: { label: t('field.currentPassword'), required: t('error.currentPassword.required') },
      privacy: t('field.privacy'),
      locale: t('field.locale'),
      confirm: t('field.confirmDelete'),
      token: t('link.invalidTitle'),
    };
  };

  app.get('/registrieren', { schema: { querystring: NoQuery } }, (req, reply) => html(reply, 200, <RegisterPage ctx={ctxOf(req)} />));
  app.post('/registrieren', { schema: { body: formBody(RegisterForm) } }, async (req, reply) => {
    const t = accountMessages(req.locale);
    const form = parseForm(RegisterForm, req.body, labels(req), req.locale);
    if (!form.ok) {
      if (form.errors.privacy) form.errors.privacy = t('register.privacyRequired');
      return html(reply, 422, <RegisterPage ctx={ctxOf(req)} values={form.values} errors={form.errors} />);
    }
    const result = await attempt(() => service.register(form.value, origin(req)));
    if (!result.ok) return html(reply, 422, <RegisterPage ctx={ctxOf(req)} values={formValues(req.body)} errors={result.errors} />);
    return reply.redirect('/registrieren/bestaetigen', 303);
  });
  app.get('/registrieren/bestaetigen', { schema: { querystring: NoQuery } }, (req, reply) => {
    const t = accountMessages(req.locale);
    return html(reply, 200, <MessagePage ctx={ctxOf(req)} title={t('checkMail.title')} text={t('checkMail.register')} extra={t('checkMail.spam')} />);
  });

  app.get('/konto/bestaetigen', { schema: { querystring: TokenQuery } }, async (req, reply) => {
    const t = accountMessages(req.locale);
    const token = parseForm(TokenForm, req.query, {}, req.locale);
    const confirmed = token.ok && (await service.confirmEmail(token.value.token));
    if (!confirmed)
      return html(
        reply,
        400,
        <MessagePage
          ctx={ctxOf(req)}
          title={t('confirm.invalidTitle')}
          text={t('confirm.invalidText')}
          link={{ href: '/anmelden/link', label: t('link.title') }}
        />,
      );
    return html(
      reply,
      200,
      <MessagePage ctx={ctxOf(req)} title={t('confirm.title')} text={t('confirm.text')} link={{ href: '/anmelden', label: t('login.title') }} />,
    );
  });

  app.get('/anmelden', { schema: { querystring: LoginQuery } }, (req, reply) => {
    const t = accountMessages(req.locale);
    const notice = req.query.hinweis === 'abgemeldet' ? t('login.loggedOut') : req.query.hinweis === 'passwort' ? t('login.passwordSet') : undefined;
    const zurueck = req.query.zurueck ? safeLocalPath(req.query.zurueck) : undefined;
    return html(reply, 200, <LoginPage ctx={ctxOf(req)} notice={notice} values={zurueck ? { zurueck } : {}} />);
  });
  app.post('/anmelden', { schema: { body: formBody(LoginForm) } }, async (req, reply) => {
    const form = parseForm(LoginForm, req.body, labels(req), req.locale);
    if (!form.ok) return html(reply, 422, <LoginPage ctx={ctxOf(req)} values={form.values} errors={form.errors} />);
    const values = { email: form.value.email, zurueck: form.value.zurueck ?? '' };
    let result: Awaited<ReturnType<typeof attempt<string>>>;
    try {
      result = await attempt(() => service.loginWithPassword(form.value, origin(req), req.sessionToken));
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'rate_limited')) throw error;
      // The form again rather than an error page: the way in without a password (a link by email) is right there.
      reply.header('retry-after', String(error.details.retryAfterSeconds ?? 900));
      return html(reply, 429, <LoginPage ctx={ctxOf(req)} values={values} errors={{ email: accountMessages(req.locale)('login.tooMany') }} />);
    }
    if (!result.ok) return html(reply, 422, <LoginPage ctx={ctxOf(req)} values={values} errors={result.errors} />);
    reply.startSession(result.value);
    return reply.redirect(form.value.zurueck ? safeLocalPath(form.value.zurueck) : '/konto', 303);
  });

  for (const kind of ['link', 'forgot'] as const) {
    const path = kind === 'link' ? '/anmelden/link' : '/passwort-vergessen';
    app.get(path, { schema: { querystring: NoQuery } }, (req, reply) => html(reply, 200, <EmailRequestPage ctx={ctxOf(req)} kind={kind} />));
    app.post(path, { schema: { body: formBody(EmailForm) } }, async (req, reply) => {
      const t = accountMessages(req.locale);
      const form = parseForm(EmailForm, req.body, labels(req), req.locale);
      if (!form.ok) return html(reply, 422, <EmailRequestPage ctx={ctxOf(req)} kind={kind} values={form.values} errors={form.errors} />);
      if (kind === 'link') await service.requestLoginLink(form.value.email, origin(req));
      else await service.requestPasswordReset(form.value.email, origin(req));
      return html(
        reply,
        200,
        <MessagePage
          ctx={ctxOf(req)}
          title={t('checkMail.title')}
          text={t(kind === 'link' ? 'checkMail.link' : 'checkMail.reset')}
          extra={t('checkMail.spam')}
        />,
      );
    });
  }

  const invalidLink = (req: FastifyRequest, reply: FastifyReply, again: string) => {
    const t = accountMessages(req.locale);
    return html(
      reply,
      400,
      <MessagePage ctx={ctxOf(req)} title={t('link.invalidTitle')} text={t('link.invalid')} link={{ href: again, label: t('link.again') }} />,
    );
  };

  app.get('/anmelden/link/einloesen', { schema: { querystring: TokenQuery } }, async (req, reply) => {
    const token = parseForm(TokenForm, req.query, {}, req.locale);
    if (!token.ok || !(await service.isLinkValid(token.value.token, 'login_link'))) return invalidLink(req, reply, '/anmelden/link');
    return html(reply, 200, <UseLinkPage ctx={ctxOf(req)} token={token.value.token} />);
  });
  app.post('/anmelden/link/einloesen', { schema: { body: formBody(TokenForm) } }, async (req, reply) => {
    const token = parseForm(TokenForm, req.body, {}, req.locale);
    if (!token.ok) return invalidLink(req, reply, '/anmelden/link');
    try {
      reply.startSession(await service.loginWithLink(token.value.token, origin(req), req.sessionToken));
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_token') return invalidLink(req, reply, '/anmelden/link');
      throw error;
    }
    return reply.redirect('/konto', 303);
  });

  app.get('/passwort-neu', { schema: { querystring: TokenQuery } }, async (req, reply) => {
    const token = parseForm(TokenForm, req.query, {}, req.locale);
    if (!token.ok || !(await service.isLinkValid(token.value.token, 'password_reset'))) return invalidLink(req, reply, '/passwort-vergessen');
    return html(reply, 200, <NewPasswordPage ctx={ctxOf(req)} token={token.value.token} />);
  });
  app.post('/passwort-neu', { schema: { body: formBody(NewPasswordForm) } }, async (req, reply) => {
    const form = parseForm(NewPasswordForm, req.body, labels(req), req.locale);
    const token = formValues(req.body).token ?? '';
    if (!form.ok) {
      if (form.errors.token) return invalidLink(req, reply, '/passwort-vergessen');
      return html(reply, 422, <NewPasswordPage ctx={ctxOf(req)} token={token} errors={form.errors} />);
    }
    try {
      const result = await attempt(() => service.resetPassword(form.value.token, form.value.password, origin(req)));
      if (!result.ok) return html(reply, 422, <NewPasswordPage ctx={ctxOf(req)} token={token} errors={result.errors} />);
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_token') return invalidLink(req, reply, '/passwort-vergessen');
      throw error;
    }
    reply.endSession();
    return reply.redirect('/anmelden?hinweis=passwort', 303);
  });

  app.post('/abmelden', { schema: { body: ButtonForm } }, async (req, reply) => {
    if (req.sessionToken) await service.logout(req.sessionToken);
    reply.endSession();
    return reply.redirect('/anmelden?hinweis=abgemeldet', 303);
  });

  // --- Mein Konto ------------------------------------------------------------------------

  const accountPage = async (req: FastifyRequest, reply: FastifyReply, status: number, extra: Partial<Parameters<typeof AccountPage>[0]> = {}) => {
    const actor = requireActor(req);
    const account = await service.account(actor);
    return html(reply, status, <AccountPage ctx={ctxOf(req)} account={account} {...extra} />);
  };

  app.get('/konto', { schema: { querystring: SavedQuery }, config: { sessionPageCache: true } }, async (req, reply) => {
    const t = accountMessages(req.locale);
    const saved = req.query.gespeichert;
    const notice = saved === 'profil' ? t('account.profileSaved') : saved === 'passwort' ? t('account.passwordSaved') : undefined;
    return accountPage(req, reply, 200, { notice });
  });
  app.post('/konto/profil', { schema: { body: formBody(ProfileForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    const form = parseForm(ProfileForm, req.body, labels(req), req.locale);
    if (!form.ok) return accountPage(req, reply, 422, { profile: { values: form.values, errors: form.errors } });
    await service.updateProfile(actor, form.value);
    return reply.redirect('/konto?gespeichert=profil', 303);
  });
  app.post('/konto/passwort', { schema: { body: formBody(ChangePasswordForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    const form = parseForm(
      ChangePasswordForm,
      req.body,
      {
        ...labels(req),
        password: { label: accountMessages(req.locale)('field.newPassword'), required: accountMessages(req.locale)('error.newPassword.required') },
      },
      req.locale,
    );
    if (!form.ok) return accountPage(req, reply, 422, { password: { errors: form.errors } });
    const result = await attempt(() => service.changePassword(actor, form.value, origin(req)));
    if (!result.ok) return accountPage(req, reply, 422, { password: { errors: result.errors } });
    reply.startSession(result.value);
    return reply.redirect('/konto?gespeichert=passwort', 303);
  });

  app.get('/konto/daten', { schema: { querystring: NoQuery } }, async (req, reply) => {
    const actor = requireActor(req);
    const data = await service.exportData(actor);
    return reply
      .header('content-disposition', 'attachment; filename="meine-daten-familienrathaus.json"')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(data, null, 2));
  });

  app.get('/konto/loeschen', { schema: { querystring: NoQuery } }, async (req, reply) => {
    const actor = requireActor(req);
    const consequences = await service.deletionConsequences(actor, req.locale);
    return html(reply, 200, <DeleteAccountPage ctx={ctxOf(req)} consequences={consequences} />);
  });
  app.post('/konto/loeschen', { schema: { body: formBody(DeleteAccountForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    const t = accountMessages(req.locale);
    const again = async (errors: Record<string, string>) =>
      html(reply, 422, <DeleteAccountPage ctx={ctxOf(req)} consequences={await service.deletionConsequences(actor, req.locale)} errors={errors} />);
    const form = parseForm(DeleteAccountForm, req.body, labels(req), req.locale);
    if (!form.ok) return again({ confirm: t('delete.confirmRequired') });
    const result = await attempt(() => service.deleteAccount(actor));
    if (!result.ok) return again(result.errors);
    reply.endSession();
    return reply.redirect('/konto/geloescht', 303);
  });
  app.get('/konto/geloescht', { schema: { querystring: NoQuery } }, (req, reply) => {
    const t = accountMessages(req.locale);
    return html(reply, 200, <MessagePage ctx={ctxOf(req)} title={t('delete.doneTitle')} text={t('delete.doneText')} />);
  });
}
