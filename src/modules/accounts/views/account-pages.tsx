import type { PageContext } from '../../../platform/http/context.js';
import { formatDateTime, autonyms, locales } from '../../../platform/i18n/i18n.js';
import { DataTable } from '../../../platform/views/data-table.js';
import { Alert, Checkbox, CsrfField, ErrorSummary, SelectField, SubmitButton, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { layoutMessages } from '../../../platform/views/layout.messages.js';
import { seesOrganizationTools, seesSurveys } from '../accounts.policy.js';
import type { AccountsService } from '../accounts.service.js';
import { accountMessages } from '../accounts.messages.js';
import type { FormState } from './auth-pages.js';

type Account = Awaited<ReturnType<AccountsService['account']>>;

const withdrawnText = (at: Date | null, ctx: PageContext): string => (at ? formatDateTime(at, ctx.locale) : '–');

export interface AccountPageProps {
  ctx: PageContext;
  account: Account;
  notice?: string;
  profile?: FormState;
  password?: FormState;
}

export function AccountPage({ ctx, account, notice, profile = {}, password = {} }: AccountPageProps): JSX.Element {
  const t = accountMessages(ctx.locale);
  const { user, consents, organizations } = account;
  const errors = { ...profile.errors, ...password.errors };
  const failed = Object.keys(errors).length > 0;
  const profileValues = profile.values ?? { displayName: user.display_name, locale: user.locale };
  return (
    <Layout ctx={ctx} title={t('account.title')} hasErrors={failed}>
      {failed ? <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} /> : ''}
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <h1 class="kern-heading-large">{t.html('account.title')}</h1>

      <h2 class="kern-heading-medium">{t.html('account.profile')}</h2>
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t.html('field.displayName')}</dt>
          <dd class="kern-description-list-item__value" safe>
            {user.display_name}
          </dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t.html('account.email')}</dt>
          <dd class="kern-description-list-item__value" safe>
            {user.email}
          </dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t.html('account.confirmed')}</dt>
          <dd class="kern-description-list-item__value" safe>
            {user.email_confirmed_at ? formatDateTime(user.email_confirmed_at, ctx.locale) : t('account.notConfirmed')}
          </dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t.html('account.role')}</dt>
          <dd class="kern-description-list-item__value">{t.html(`role.${user.role}`)}</dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t.html('account.since')}</dt>
          <dd class="kern-description-list-item__value" safe>
            {formatDateTime(user.created_at, ctx.locale)}
          </dd>
        </div>
      </dl>

      <h2 class="kern-heading-medium">{t.html('account.organizations')}</h2>
      {organizations.length ? (
        <>
          <ul class="kern-list">
            {organizations.map((o) => (
              <li safe>{o.name}</li>
            ))}
          </ul>
          {seesOrganizationTools(user) ? (
            <ul class="kern-list">
              <li>
                <a class="kern-link" href="/mein-verzeichnis">
                  {t.html('account.directory')}
                </a>
              </li>
              <li>
                <a class="kern-link" href="/veranstaltungen/verwalten">
                  {t.html('account.events')}
                </a>
              </li>
              <li>
                <a class="kern-link" href="/meine-ferienangebote">
                  {t.html('account.holidayOffers')}
                </a>
              </li>
              <li>
                <a class="kern-link" href="/plaetze-verwalten">
                  {t.html('account.places')}
                </a>
              </li>
              <li>
                <a class="kern-link" href="/arbeitgeber-verwalten">
                  {t.html('account.employer')}
                </a>
              </li>
            </ul>
          ) : (
            ''
          )}
        </>
      ) : (
        <p class="kern-body">{t.html('account.noOrganizations')}</p>
      )}

      {seesSurveys(user) ? (
        <p class="kern-body">
          <a class="kern-link" href="/verwaltung/befragungen">
            {t.html('account.surveys')}
          </a>
        </p>
      ) : (
        ''
      )}
      <h2 class="kern-heading-medium">{t.html('account.family')}</h2>
      <ul class="kern-list">
        <li>
          <a class="kern-link" href="/ferien">
            {t.html('account.holidays')}
          </a>
        </li>
        <li>
          <a class="kern-link" href="/infobrief">
            {t.html('account.newsletter')}
          </a>
        </li>
      </ul>

      <h2 class="kern-heading-medium">{t.html('account.editProfile')}</h2>
      <form method="post" action="/konto/profil" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="displayName"
          label={t('field.displayName')}
          hint={t('field.displayName.hint')}
          value={profileValues.displayName}
          error={profile.errors?.displayName}
          autocomplete="nickname"
        />
        <SelectField
          name="locale"
          label={t('field.locale')}
          value={profileValues.locale}
          error={profile.errors?.locale}
          options={[...locales.map((l) => ({ value: l, label: autonyms[l] }))]}
        />
        <SubmitButton label={t('account.saveProfile')} variant="secondary" />
      </form>

      <h2 class="kern-heading-medium">{t.html('account.changePassword')}</h2>
      <form method="post" action="/konto/passwort" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="currentPassword"
          type="password"
          label={t('field.currentPassword')}
          error={password.errors?.currentPassword}
          autocomplete="current-password"
        />
        <TextField
          name="password"
          type="password"
          label={t('field.newPassword')}
          hint={t('field.password.hint')}
          error={password.errors?.password}
          autocomplete="new-password"
        />
        <SubmitButton label={t('account.savePassword')} variant="secondary" />
      </form>

      <h2 class="kern-heading-medium">{t.html('account.consents')}</h2>
      {consents.length ? (
        <DataTable
          caption={t('account.consents')}
          captionHidden
          rows={consents}
          columns={[
            { header: t('account.consentWhat'), text: (c) => c.text },
            { header: t('account.consentVersion'), text: (c) => c.text_version },
            { header: t('account.consentWhen'), text: (c) => formatDateTime(c.given_at, ctx.locale) },
            { header: t('account.consentWithdrawn'), text: (c) => withdrawnText(c.withdrawn_at, ctx) },
          ]}
        />
      ) : (
        <p class="kern-body">{t.html('account.noConsents')}</p>
      )}

      <h2 class="kern-heading-medium">{t.html('account.data')}</h2>
      <p class="kern-body">{t.html('account.dataText')}</p>
      <p class="kern-body">
        <a class="kern-link" href="/konto/daten" download="meine-daten.json">
          {t.html('account.download')}
        </a>
      </p>

      <h2 class="kern-heading-medium">{t.html('account.delete')}</h2>
      <p class="kern-body">{t.html('account.deleteText')}</p>
      <p class="kern-body">
        <a class="kern-link" href="/konto/loeschen">
          {t.html('account.delete')}
        </a>
      </p>
    </Layout>
  );
}

/** `consequences`: what the deletion changes for others (released holiday places), said before it happens. */
export function DeleteAccountPage({ ctx, consequences, errors = {} }: { ctx: PageContext; consequences: string[] } & FormState): JSX.Element {
  const t = accountMessages(ctx.locale);
  const failed = Object.keys(errors).length > 0;
  return (
    <Layout ctx={ctx} title={t('delete.title')} hasErrors={failed}>
      {failed ? <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} /> : ''}
      <h1 class="kern-heading-large">{t.html('delete.title')}</h1>
      <p class="kern-body">{t.html('delete.intro')}</p>
      {consequences.length > 0 ? (
        <section aria-labelledby="delete-consequences">
          <h2 class="kern-heading-medium" id="delete-consequences">
            {t.html('delete.consequencesTitle')}
          </h2>
          <ul class="kern-list kern-list--bullet">
            {consequences.map((sentence) => (
              <li safe>{sentence}</li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      <p class="kern-body">
        <a class="kern-link" href="/konto/daten" download="meine-daten.json">
          {t.html('delete.tip')}
        </a>
      </p>
      <form method="post" action="/konto/loeschen" novalidate data-confirm={t('delete.submit')}>
        <CsrfField token={ctx.csrfToken} />
        <Checkbox name="confirm" label={t('field.confirmDelete')} error={errors.confirm} />
        <div class="kern-btn-wrapper">
          <SubmitButton label={t('delete.submit')} />
          <a class="kern-link" href="/konto">
            {t.html('delete.cancel')}
          </a>
        </div>
      </form>
    </Layout>
  );
}
