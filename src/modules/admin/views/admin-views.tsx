import type { Selectable } from 'kysely';
import type { MailOutboxTable } from '../../../db/types.js';
import type { PageContext } from '../../../platform/http/context.js';
import { formatDateTime } from '../../../platform/i18n/i18n.js';
import { DataTable } from '../../../platform/views/data-table.js';
import { SubmitButton, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { adminMessages } from '../admin.messages.js';
import { describeAuditEntry, describeAuditSubject } from '../audit-words.js';

export function DashboardPage({ ctx, admin }: { ctx: PageContext; admin: boolean }): JSX.Element {
  const t = adminMessages(ctx.locale);
  const links: { href: string; key: Parameters<typeof t>[0]; adminOnly: boolean }[] = [
    { href: '/verwaltung/seiten', key: 'dashboard.pages', adminOnly: false },
    { href: '/verwaltung/barrieren', key: 'dashboard.barriers', adminOnly: false },
    { href: '/verwaltung/gebaerdensprache', key: 'dashboard.signVideos', adminOnly: false },
    { href: '/verwaltung/pruefung', key: 'dashboard.directoryReview', adminOnly: false },
    { href: '/verwaltung/traeger', key: 'dashboard.directoryOrganizations', adminOnly: false },
    { href: '/admin/verzeichnis/import', key: 'dashboard.directoryImport', adminOnly: true },
    { href: '/veranstaltungen/pruefen', key: 'dashboard.events', adminOnly: false },
    { href: '/verwaltung/ferien', key: 'dashboard.holidays', adminOnly: false },
    { href: '/verwaltung/gute-beispiele', key: 'dashboard.employerStories', adminOnly: false },
    { href: '/verwaltung/neuigkeiten', key: 'dashboard.news', adminOnly: false },
    { href: '/verwaltung/infobrief', key: 'dashboard.newsletter', adminOnly: false },
    { href: '/verwaltung/befragungen', key: 'dashboard.surveys', adminOnly: false },
    { href: '/verwaltung/ideen', key: 'dashboard.ideas', adminOnly: false },
    { href: '/verwaltung/familienbeirat', key: 'dashboard.council', adminOnly: false },
    { href: '/admin/benutzer', key: 'dashboard.users', adminOnly: true },
    { href: '/admin/protokoll', key: 'dashboard.audit', adminOnly: true },
    { href: '/admin/outbox', key: 'dashboard.outbox', adminOnly: true },
    { href: '/api/docs', key: 'dashboard.api', adminOnly: false },
  ];
  return (
    <Layout ctx={ctx} title={t('dashboard.title')}>
      <h1 class="kern-heading-large">{t.html('dashboard.title')}</h1>
      <p class="kern-body">{t.html('dashboard.intro')}</p>
      <ul class="kern-list">
        {links
          .filter((l) => admin || !l.adminOnly)
          .map((l) => (
            <li>
              <a class="kern-link" href={l.href}>
                {t.html(l.key)}
              </a>
            </li>
          ))}
      </ul>
    </Layout>
  );
}

interface AuditRow {
  id: number;
  at: Date;
  action: string;
  subject_type: string;
  subject_id: string | null;
  details: Record<string, unknown>;
  actor_email: string | null;
}

export function AuditPage({
  ctx,
  rows,
  hasMore,
  action,
  page,
}: {
  ctx: PageContext;
  rows: AuditRow[];
  hasMore: boolean;
  action: string;
  page: number;
}): JSX.Element {
  const t = adminMessages(ctx.locale);
  const link = (n: number) => `/admin/protokoll?aktion=${encodeURIComponent(action)}&seite=${n}`;
  return (
    <Layout ctx={ctx} title={t('audit.title')}>
      <h1 class="kern-heading-large">{t.html('audit.title')}</h1>
      <form method="get" action="/admin/protokoll">
        <TextField name="aktion" label={t('audit.filter')} hint={t('audit.filterHint')} value={action} />
        <SubmitButton label={t('audit.submit')} variant="secondary" />
      </form>
      {rows.length === 0 ? (
        <p class="kern-body">{t.html('audit.empty')}</p>
      ) : (
        <DataTable
          caption={t('audit.title')}
          captionHidden
          class="kern-table--small"
          rows={rows}
          columns={[
            { header: t('audit.when'), text: (r) => formatDateTime(r.at, ctx.locale) },
            { header: t('audit.who'), text: (r) => r.actor_email ?? t('audit.system') },
            {
              header: t('audit.action'),
              html: (r) => (
                <>
                  <span safe>{describeAuditEntry(r.action, r.details, ctx.locale)}</span>{' '}
                  <small class="kern-body--small" safe>
                    {r.action}
                  </small>
                </>
              ),
            },
            {
              header: t('audit.subject'),
              html: (r) => (
                <>
                  <span safe>{describeAuditSubject(r.subject_type, ctx.locale)}</span>
                  {r.subject_id ? (
                    <small class="kern-body--small" safe>
                      {` ${r.subject_id}`}
                    </small>
                  ) : (
                    ''
                  )}
                </>
              ),
            },
          ]}
        />
      )}
      <ul class="site-inline-list">
        {page > 1 ? (
          <li>
            <a class="kern-link" href={link(page - 1)}>
              {t.html('audit.newer')}
            </a>
          </li>
        ) : (
          ''
        )}
        {hasMore ? (
          <li>
            <a class="kern-link" href={link(page + 1)}>
              {t.html('audit.older')}
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </Layout>
  );
}

export function OutboxPage({ ctx, mails }: { ctx: PageContext; mails: { id: string; recipient: string; subject: string; created_at: Date }[] }): JSX.Element {
  const t = adminMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('outbox.title')}>
      <h1 class="kern-heading-large">{t.html('outbox.title')}</h1>
      <p class="kern-body">{t.html('outbox.intro')}</p>
      {mails.length === 0 ? (
        <p class="kern-body">{t.html('outbox.empty')}</p>
      ) : (
        <DataTable
          caption={t('outbox.title')}
          captionHidden
          rows={mails}
          columns={[
            { header: t('outbox.when'), text: (m) => formatDateTime(m.created_at, ctx.locale) },
            { header: t('outbox.to'), text: (m) => m.recipient },
            {
              header: t('outbox.subject'),
              html: (m) => (
                <a class="kern-link" href={`/admin/outbox/${m.id}`} safe>
                  {m.subject}
                </a>
              ),
            },
          ]}
        />
      )}
    </Layout>
  );
}

export function OutboxMailPage({ ctx, mail }: { ctx: PageContext; mail: Selectable<MailOutboxTable> }): JSX.Element {
  const t = adminMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={mail.subject}>
      <p class="kern-body">
        <a class="kern-link" href="/admin/outbox">
          {t.html('outbox.back')}
        </a>
      </p>
      <h1 class="kern-heading-large" safe>
        {mail.subject}
      </h1>
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t.html('outbox.to')}</dt>
          <dd class="kern-description-list-item__value" safe>
            {mail.recipient}
          </dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t.html('outbox.when')}</dt>
          <dd class="kern-description-list-item__value" safe>
            {formatDateTime(mail.created_at, ctx.locale)}
          </dd>
        </div>
      </dl>
      <h2 class="kern-heading-medium">{t.html('outbox.textPart')}</h2>
      <pre class="mail-text" safe>
        {mail.text_body}
      </pre>
      {mail.html_body ? <p class="kern-body">{t.html('outbox.htmlPart')}</p> : ''}
    </Layout>
  );
}
