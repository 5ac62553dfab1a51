import type { PageContext } from '../../../platform/http/context.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import { Alert, Checkbox, CsrfField, ErrorSummary, SubmitButton, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { NoticePage as PlatformNoticePage, type NoticeProps } from '../../../platform/views/notice-page.js';
import { layoutMessages } from '../../../platform/views/layout.messages.js';
import { subscribeMessages } from '../subscribe.messages.js';
import { PreferenceFields } from './subscribe-parts.js';

const section = '/infobrief';

/** /infobrief: what the newsletter is, why we ask, and the sign-up form. */
export function SignupPage({ ctx, values = {}, errors = {} }: { ctx: PageContext; values?: Record<string, string>; errors?: FieldErrors }): JSX.Element {
  const t = subscribeMessages(ctx.locale);
  const failed = Object.keys(errors).length > 0;
  return (
    <Layout ctx={ctx} title={t('signup.title')} hasErrors={failed} section={section}>
      {failed ? <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} /> : ''}
      <h1 class="kern-heading-large">{t.html('signup.title')}</h1>
      <p class="kern-body">{t.html('signup.intro')}</p>
      <p class="kern-body">{t.html('signup.why')}</p>
      <p class="kern-body">{t.html('signup.steps')}</p>
      {/* No CSRF token: the sign-up acts for nobody (see subscriptions.pages.tsx), so this page can be cached. */}
      <form method="post" action="/infobrief" novalidate>
        <TextField name="email" type="email" label={t('field.email')} value={values.email} error={errors.email} autocomplete="email" required />
        <PreferenceFields ctx={ctx} values={values} errors={errors} />
        <p class="kern-body" safe>
          {t('consent.text', { city: ctx.city.name })}
        </p>
        <p class="kern-body">
          <a class="kern-link" href="/datenschutz">
            {t.html('privacy.link')}
          </a>
        </p>
        <Checkbox name="consent" label={t('field.consent')} checked={values.consent === 'ja'} error={errors.consent} />
        <SubmitButton label={t('signup.submit')} />
      </form>
      <p class="kern-body">
        <a class="kern-link" href="/infobrief/archiv">
          {t.html('signup.archive')}
        </a>
      </p>
    </Layout>
  );
}

/** The platform's notice page, in this section. */
export const NoticePage = (props: NoticeProps): JSX.Element => <PlatformNoticePage {...props} section={section} />;

/** The personal preferences page, with the one-step unsubscribe form below. */
export function PreferencesPage(props: {
  ctx: PageContext;
  token: string;
  email: string;
  pending: boolean;
  values: Record<string, string>;
  errors?: FieldErrors;
  saved?: boolean;
}): JSX.Element {
  const { ctx, token, email, pending, values, errors = {}, saved } = props;
  const t = subscribeMessages(ctx.locale);
  const failed = Object.keys(errors).length > 0;
  return (
    <Layout ctx={ctx} title={t('prefs.title')} hasErrors={failed} section={section}>
      {failed ? <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} /> : ''}
      {saved ? <Alert kind="success" title={t('prefs.saved')} /> : ''}
      <h1 class="kern-heading-large">{t.html('prefs.title')}</h1>
      <p class="kern-body">{t.html('prefs.intro')}</p>
      <p class="kern-body" safe>
        {t('prefs.address', { email })}
      </p>
      {pending ? <Alert kind="warning" title={t('prefs.pending')} /> : ''}
      <form method="post" action="/infobrief/einstellungen" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="token" value={token} />
        <PreferenceFields ctx={ctx} values={values} errors={errors} />
        <SubmitButton label={t('prefs.submit')} />
      </form>
      <h2 class="kern-heading-medium">{t.html('prefs.unsubscribeTitle')}</h2>
      <p class="kern-body">{t.html('prefs.unsubscribeText')}</p>
      <UnsubscribeForm ctx={ctx} token={token} />
    </Layout>
  );
}

function UnsubscribeForm({ ctx, token }: { ctx: PageContext; token: string }): JSX.Element {
  return (
    <form method="post" action="/infobrief/abmelden">
      <CsrfField token={ctx.csrfToken} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton label={subscribeMessages(ctx.locale)('unsubscribe.submit')} variant="secondary" />
    </form>
  );
}

/** The page behind the unsubscribe link: one button, nothing else to decide. */
export function UnsubscribePage({ ctx, token, email }: { ctx: PageContext; token: string; email: string }): JSX.Element {
  const t = subscribeMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('unsubscribe.title')} section={section}>
      <h1 class="kern-heading-large">{t.html('unsubscribe.title')}</h1>
      <p class="kern-body" safe>
        {t('unsubscribe.text', { email })}
      </p>
      <UnsubscribeForm ctx={ctx} token={token} />
    </Layout>
  );
}
