import type { FieldErrors } from '../../../platform/http/errors.js';
import type { PageContext } from '../../../platform/http/context.js';
import { Alert, Checkbox, CsrfField, ErrorSummary, SubmitButton, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { layoutMessages } from '../../../platform/views/layout.messages.js';
import { accountMessages } from '../accounts.messages.js';

export interface FormState {
  values?: Record<string, string>;
  errors?: FieldErrors;
}

const hasErrors = (state: FormState) => !!state.errors && Object.keys(state.errors).length > 0;

function Summary({ ctx, errors }: { ctx: PageContext; errors?: FieldErrors }): JSX.Element {
  return errors ? <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} /> : '';
}

export function RegisterPage({ ctx, values = {}, errors = {} }: { ctx: PageContext } & FormState): JSX.Element {
  const t = accountMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('register.title')} hasErrors={hasErrors({ errors })}>
      <Summary ctx={ctx} errors={errors} />
      <h1 class="kern-heading-large">{t.html('register.title')}</h1>
      <p class="kern-body">{t.html('register.intro')}</p>
      <form method="post" action="/registrieren" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="displayName"
          label={t('field.displayName')}
          hint={t('field.displayName.hint')}
          value={values.displayName}
          error={errors.displayName}
          autocomplete="nickname"
        />
        <TextField name="email" type="email" label={t('field.email')} hint={t('register.why')} value={values.email} error={errors.email} autocomplete="email" />
        <TextField
          name="password"
          type="password"
          label={t('field.password')}
          hint={t('field.password.hint')}
          error={errors.password}
          autocomplete="new-password"
        />
        <p class="kern-body">
          <a class="kern-link" href="/datenschutz">
            {t.html('register.privacyLink')}
          </a>
        </p>
        <Checkbox name="privacy" label={t('field.privacy')} checked={values.privacy === 'ja'} error={errors.privacy} />
        <SubmitButton label={t('register.submit')} />
      </form>
      <p class="kern-body">
        <span safe>{t('register.haveAccount')}</span>{' '}
        <a class="kern-link" href="/anmelden">
          {t.html('login.title')}
        </a>
      </p>
    </Layout>
  );
}

export function LoginPage({ ctx, values = {}, errors = {}, notice }: { ctx: PageContext; notice?: string } & FormState): JSX.Element {
  const t = accountMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('login.title')} hasErrors={hasErrors({ errors })}>
      <Summary ctx={ctx} errors={errors} />
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <h1 class="kern-heading-large">{t.html('login.title')}</h1>
      <form method="post" action="/anmelden" novalidate>
        <CsrfField token={ctx.csrfToken} />
        {values.zurueck ? <input type="hidden" name="zurueck" value={values.zurueck} /> : ''}
        <TextField name="email" type="email" label={t('field.email')} value={values.email} error={errors.email} autocomplete="username" />
        <TextField name="password" type="password" label={t('field.password')} error={errors.password} autocomplete="current-password" />
        <SubmitButton label={t('login.submit')} />
      </form>
      <ul class="kern-list">
        <li>
          <a class="kern-link" href="/anmelden/link">
            {t.html('login.withLink')}
          </a>
        </li>
        <li>
          <a class="kern-link" href="/passwort-vergessen">
            {t.html('login.forgot')}
          </a>
        </li>
        <li>
          <span safe>{t('login.noAccount')}</span>{' '}
          <a class="kern-link" href="/registrieren">
            {t.html('register.title')}
          </a>
        </li>
      </ul>
    </Layout>
  );
}

/** "Send me a link" forms: login link and forgotten password share this shape. */
export function EmailRequestPage({ ctx, kind, values = {}, errors = {} }: { ctx: PageContext; kind: 'link' | 'forgot' } & FormState): JSX.Element {
  const t = accountMessages(ctx.locale);
  const action = kind === 'link' ? '/anmelden/link' : '/passwort-vergessen';
  return (
    <Layout ctx={ctx} title={t(`${kind}.title`)} hasErrors={hasErrors({ errors })}>
      <Summary ctx={ctx} errors={errors} />
      <h1 class="kern-heading-large">{t.html(`${kind}.title`)}</h1>
      <p class="kern-body">{t.html(`${kind}.intro`)}</p>
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="email" type="email" label={t('field.email')} value={values.email} error={errors.email} autocomplete="email" />
        <SubmitButton label={t(`${kind}.submit`)} />
      </form>
    </Layout>
  );
}

export function MessagePage({
  ctx,
  title,
  text,
  extra,
  link,
}: {
  ctx: PageContext;
  title: string;
  text: string;
  extra?: string;
  link?: { href: string; label: string };
}): JSX.Element {
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="kern-heading-large" safe>
        {title}
      </h1>
      <p class="kern-body" safe>
        {text}
      </p>
      {extra ? (
        <p class="kern-body" safe>
          {extra}
        </p>
      ) : (
        ''
      )}
      {link ? (
        <p class="kern-body">
          <a class="kern-link" href={link.href} safe>
            {link.label}
          </a>
        </p>
      ) : (
        ''
      )}
    </Layout>
  );
}

/** Opening a login link shows this button; only pressing it logs in (mail scanners open links too). */
export function UseLinkPage({ ctx, token }: { ctx: PageContext; token: string }): JSX.Element {
  const t = accountMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('link.useTitle')}>
      <h1 class="kern-heading-large">{t.html('link.useTitle')}</h1>
      <p class="kern-body">{t.html('link.useText')}</p>
      <form method="post" action="/anmelden/link/einloesen">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="token" value={token} />
        <SubmitButton label={t('link.useSubmit')} />
      </form>
    </Layout>
  );
}

export function NewPasswordPage({ ctx, token, errors = {} }: { ctx: PageContext; token: string } & FormState): JSX.Element {
  const t = accountMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('reset.title')} hasErrors={hasErrors({ errors })}>
      <Summary ctx={ctx} errors={errors} />
      <h1 class="kern-heading-large">{t.html('reset.title')}</h1>
      <form method="post" action="/passwort-neu" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="token" value={token} />
        <TextField
          name="password"
          type="password"
          label={t('field.newPassword')}
          hint={t('field.password.hint')}
          error={errors.password}
          autocomplete="new-password"
        />
        <p class="kern-body">{t.html('reset.note')}</p>
        <SubmitButton label={t('reset.submit')} />
      </form>
    </Layout>
  );
}
