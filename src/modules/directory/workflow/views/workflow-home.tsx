import type { PageContext } from '../../../../platform/http/context.js';
import { formatDateTime } from '../../../../platform/i18n/i18n.js';
import { DataTable } from '../../../../platform/views/data-table.js';
import { Alert } from '../../../../platform/views/forms.js';
import { Layout } from '../../../../platform/views/layout.js';
import { workflowMessages } from '../workflow.messages.js';
import { paths } from '../workflow.paths.js';
import type { EntryStatus, WorkflowService } from '../workflow.service.js';
import { EntryTable, StatusBadge, SubmitDraftForm, WithdrawForm } from './workflow-parts.js';

type Overview = Awaited<ReturnType<WorkflowService['overview']>>;
type History = Awaited<ReturnType<WorkflowService['history']>>;

/** One organisation's entries: its own details, locations and services, with links to add more. */
function OrganizationEntries({ ctx, org, level }: { ctx: PageContext; org: Overview; level: 2 | 1 }): JSX.Element {
  const t = workflowMessages(ctx.locale);
  const { entries } = org;
  const Heading = level === 1 ? 'h2' : 'h3';
  return (
    <>
      <p class="kern-body">{t.html(org.trusted ? 'org.trusted' : 'org.reviewed')}</p>
      <Heading class="kern-heading-small">{t.html('org.details')}</Heading>
      <EntryTable ctx={ctx} orgId={org.id} caption={t('org.detailsCaption', { name: org.name })} entries={[entries.organization]} />
      <Heading class="kern-heading-small">{t.html('org.locations')}</Heading>
      {entries.locations.length ? (
        <EntryTable ctx={ctx} orgId={org.id} caption={t('org.locationsCaption', { name: org.name })} entries={entries.locations} />
      ) : (
        <p class="kern-body">{t.html('org.noLocations')}</p>
      )}
      <p class="kern-body">
        <a class="kern-link" href={paths.create(org.id, 'location')}>
          {t.html('org.addLocation')}
        </a>
      </p>
      <Heading class="kern-heading-small">{t.html('org.services')}</Heading>
      {entries.services.length ? (
        <EntryTable ctx={ctx} orgId={org.id} caption={t('org.servicesCaption', { name: org.name })} entries={entries.services} />
      ) : (
        <p class="kern-body">{t.html('org.noServices')}</p>
      )}
      <p class="kern-body">
        <a class="kern-link" href={paths.create(org.id, 'service')}>
          {t.html('org.addService')}
        </a>
      </p>
    </>
  );
}

/** GET /mein-verzeichnis */
export function MyDirectoryPage({
  ctx,
  organizations,
  editor,
  notice,
}: {
  ctx: PageContext;
  organizations: Overview[];
  editor: boolean;
  notice?: string;
}): JSX.Element {
  const t = workflowMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('home.title')}>
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <h1 class="kern-heading-large">{t.html('home.title')}</h1>
      <p class="kern-body">{t.html('home.intro')}</p>
      {editor ? (
        <p class="kern-body">
          <a class="kern-link" href={paths.organizations}>
            {t.html('home.allOrganizations')}
          </a>{' '}
          ·{' '}
          <a class="kern-link" href={paths.queue}>
            {t.html('home.queue')}
          </a>
        </p>
      ) : (
        ''
      )}
      {organizations.length === 0 ? <p class="kern-body">{t.html(editor ? 'home.noneEditor' : 'home.none')}</p> : ''}
      {organizations.map((org) => (
        <section aria-labelledby={`org-${org.id}`}>
          <h2 class="kern-heading-medium" id={`org-${org.id}`} safe>
            {org.name}
          </h2>
          <OrganizationEntries ctx={ctx} org={org} level={2} />
        </section>
      ))}
    </Layout>
  );
}

/** GET /mein-verzeichnis/:org */
export function OrganizationPage({ ctx, org, notice }: { ctx: PageContext; org: Overview; notice?: string }): JSX.Element {
  const t = workflowMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={org.name}>
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <h1 class="kern-heading-large" safe>
        {org.name}
      </h1>
      <OrganizationEntries ctx={ctx} org={org} level={1} />
      <p class="kern-body">
        <a class="kern-link" href={paths.home}>
          {t.html('nav.back')}
        </a>
      </p>
    </Layout>
  );
}

export const noticeKeys = {
  entwurf: 'notice.draft',
  pruefung: 'notice.review',
  veroeffentlicht: 'notice.published',
  zurueckgezogen: 'notice.withdrawn',
} as const;

/** GET …/verlauf: every version, newest first. */
export function HistoryPage({
  ctx,
  type,
  entityId,
  history,
}: {
  ctx: PageContext;
  type: EntryStatus['type'];
  entityId: string;
  history: History;
}): JSX.Element {
  const t = workflowMessages(ctx.locale);
  const title = t('history.title', { name: history.name });
  const newest = history.versions[0];
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="kern-heading-large" safe>
        {title}
      </h1>
      <p class="kern-body" safe>
        {t('history.intro', { organization: history.organization.name })}
      </p>
      {history.versions.length === 0 ? (
        <p class="kern-body">{t.html('history.none')}</p>
      ) : (
        <DataTable
          caption={t('history.caption')}
          captionHidden
          rows={history.versions}
          columns={[
            { header: t('history.version'), rowHeader: true, text: (v) => String(v.version) },
            { header: t('history.status'), html: (v) => <StatusBadge ctx={ctx} status={v.status} /> },
            {
              header: t('history.who'),
              text: (v) =>
                v.author_id
                  ? (v.author_name ?? t('history.deletedAccount'))
                  : v.version === 1 && v.status !== 'draft' && !v.submitted_at
                    ? t('history.before')
                    : t('history.deletedAccount'),
            },
            { header: t('history.when'), text: (v) => formatDateTime(v.created_at, ctx.locale) },
            {
              header: t('history.review'),
              text: (v) =>
                [
                  v.reviewed_at
                    ? t('history.reviewedBy', { name: v.reviewer_name ?? t('history.deletedAccount'), date: formatDateTime(v.reviewed_at, ctx.locale) })
                    : '',
                  v.review_reason ? t('history.reason', { reason: v.review_reason }) : '',
                ]
                  .filter(Boolean)
                  .join(' ') || '–',
            },
          ]}
        />
      )}
      {newest?.status === 'draft' ? (
        <SubmitDraftForm ctx={ctx} action={paths.submit(type, history.organization.id, entityId)} version={newest.version} name={history.name} />
      ) : (
        ''
      )}
      {newest && ['draft', 'in_review', 'rejected'].includes(newest.status) ? (
        <WithdrawForm
          ctx={ctx}
          action={paths.withdraw(type, history.organization.id, entityId)}
          version={newest.version}
          name={history.name}
          published={history.published}
        />
      ) : (
        ''
      )}
      <ul class="site-inline-list">
        <li>
          <a class="kern-link" href={paths.edit(type, history.organization.id, entityId)}>
            {t.html('history.edit')}
          </a>
        </li>
        {type === 'service' && history.published ? (
          <li>
            <a class="kern-link" href={paths.publicService(entityId)}>
              {t.html('history.public')}
            </a>
          </li>
        ) : (
          ''
        )}
        <li>
          <a class="kern-link" href={paths.organization(history.organization.id)}>
            {t.html('nav.backToOrganization')}
          </a>
        </li>
      </ul>
    </Layout>
  );
}
