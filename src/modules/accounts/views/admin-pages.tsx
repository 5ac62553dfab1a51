import type { Role } from '../../../db/types.js';
import { roles } from '../../../platform/auth/roles.js';
import type { PageContext } from '../../../platform/http/context.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import { formatDateTime } from '../../../platform/i18n/i18n.js';
import { DataTable } from '../../../platform/views/data-table.js';
import { Alert, CsrfField, ErrorSummary, SelectField, SubmitButton, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { layoutMessages } from '../../../platform/views/layout.messages.js';
import type { AccountsService } from '../accounts.service.js';
import { accountMessages } from '../accounts.messages.js';

type UserList = Awaited<ReturnType<AccountsService['listUsers']>>;
type UserDetail = Awaited<ReturnType<AccountsService['userForAdmin']>>;

export function UsersPage({ ctx, list, query, role, page }: { ctx: PageContext; list: UserList; query: string; role: Role | ''; page: number }): JSX.Element {
  const t = accountMessages(ctx.locale);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const pageLink = (n: number) => `/admin/benutzer?q=${encodeURIComponent(query)}&rolle=${role}&seite=${n}`;
  return (
    <Layout ctx={ctx} title={t('admin.usersTitle')}>
      <h1 class="kern-heading-large">{t.html('admin.usersTitle')}</h1>
      <form method="get" action="/admin/benutzer" role="search">
        <TextField name="q" type="search" label={t('admin.search')} value={query} />
        <SelectField
          name="rolle"
          label={t('admin.roleFilter')}
          value={role}
          options={[{ value: '', label: t('admin.allRoles') }, ...roles.map((r) => ({ value: r, label: t(`role.${r}`) }))]}
        />
        <SubmitButton label={t('admin.searchSubmit')} variant="secondary" />
      </form>
      <p class="kern-body" role="status">
        {t.html('admin.count', { count: list.total })}
      </p>
      <DataTable
        caption={t('admin.usersTitle')}
        captionHidden
        rows={list.rows}
        columns={[
          {
            header: t('admin.name'),
            html: (u) => (
              <a class="kern-link" href={`/admin/benutzer/${u.id}`} safe>
                {u.display_name}
              </a>
            ),
          },
          { header: t('account.email'), text: (u) => u.email },
          { header: t('account.role'), text: (u) => t(`role.${u.role}`) },
          { header: t('admin.lastLogin'), text: (u) => (u.last_login_at ? formatDateTime(u.last_login_at, ctx.locale) : t('admin.never')) },
        ]}
      />
      <nav aria-label={t('admin.page', { page, pages })}>
        <ul class="site-inline-list">
          {page > 1 ? (
            <li>
              <a class="kern-link" href={pageLink(page - 1)}>
                {t.html('admin.previous')}
              </a>
            </li>
          ) : (
            ''
          )}
          <li safe>{t('admin.page', { page, pages })}</li>
          {page < pages ? (
            <li>
              <a class="kern-link" href={pageLink(page + 1)}>
                {t.html('admin.next')}
              </a>
            </li>
          ) : (
            ''
          )}
        </ul>
      </nav>
    </Layout>
  );
}

export function UserPage({ ctx, detail, notice, errors = {} }: { ctx: PageContext; detail: UserDetail; notice?: string; errors?: FieldErrors }): JSX.Element {
  const t = accountMessages(ctx.locale);
  const { user, organizations, allOrganizations } = detail;
  const memberIds = new Set(organizations.map((o) => o.id));
  const candidates = allOrganizations.filter((o) => !memberIds.has(o.id));
  const failed = Object.keys(errors).length > 0;
  return (
    <Layout ctx={ctx} title={t('admin.userTitle', { name: user.display_name })} hasErrors={failed}>
      {failed ? <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} /> : ''}
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <p class="kern-body">
        <a class="kern-link" href="/admin/benutzer">
          {t.html('admin.back')}
        </a>
      </p>
      <h1 class="kern-heading-large">{t.html('admin.userTitle', { name: user.display_name })}</h1>
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t.html('account.email')}</dt>
          <dd class="kern-description-list-item__value" safe>
            {user.email}
          </dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t.html('account.since')}</dt>
          <dd class="kern-description-list-item__value" safe>
            {formatDateTime(user.created_at, ctx.locale)}
          </dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t.html('account.confirmed')}</dt>
          <dd class="kern-description-list-item__value" safe>
            {user.email_confirmed_at ? formatDateTime(user.email_confirmed_at, ctx.locale) : t('account.notConfirmed')}
          </dd>
        </div>
      </dl>

      <h2 class="kern-heading-medium">{t.html('admin.changeRole')}</h2>
      <form method="post" action={`/admin/benutzer/${user.id}/rolle`}>
        <CsrfField token={ctx.csrfToken} />
        <SelectField
          name="role"
          label={t('account.role')}
          value={user.role}
          error={errors.role}
          options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        />
        <SubmitButton label={t('admin.saveRole')} variant="secondary" />
      </form>

      <h2 class="kern-heading-medium">{t.html('admin.memberships')}</h2>
      {organizations.length ? (
        <ul class="kern-list">
          {organizations.map((o) => (
            <li>
              <form method="post" action={`/admin/benutzer/${user.id}/mitgliedschaften/${o.id}/entfernen`} class="site-inline-form">
                <CsrfField token={ctx.csrfToken} />
                <span safe>{o.name}</span> <SubmitButton label={t('admin.remove', { name: o.name })} variant="tertiary" />
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <p class="kern-body">{t.html('admin.noOrganizations', { name: user.display_name })}</p>
      )}
      {candidates.length ? (
        <form method="post" action={`/admin/benutzer/${user.id}/mitgliedschaften`}>
          <CsrfField token={ctx.csrfToken} />
          <SelectField
            name="organizationId"
            label={t('admin.organization')}
            error={errors.organizationId}
            options={candidates.map((o) => ({ value: o.id, label: o.name }))}
          />
          <SubmitButton label={t('admin.add')} variant="secondary" />
        </form>
      ) : (
        ''
      )}

      <h2 class="kern-heading-medium">{t.html('admin.newOrganization')}</h2>
      <form method="post" action={`/admin/organisationen?fuer=${user.id}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="name" label={t('admin.organizationName')} error={errors.name} />
        <SelectField
          name="kind"
          label={t('admin.organizationKind')}
          error={errors.kind}
          options={(['provider', 'partner', 'city'] as const).map((k) => ({ value: k, label: t(`admin.kind.${k}`) }))}
        />
        <SubmitButton label={t('admin.createOrganization')} variant="secondary" />
      </form>
    </Layout>
  );
}
