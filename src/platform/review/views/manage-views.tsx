import type { RevisionStatus } from '../../../db/types.js';
import type { PageContext } from '../../http/context.js';
import { formatDateTime, type Locale } from '../../i18n/i18n.js';
import { DataTable } from '../../views/data-table.js';
import { SelectField, SubmitButton } from '../../views/forms.js';
import { Layout } from '../../views/layout.js';
import { manageViewMessages } from './manage-views.messages.js';

/**
 * What the pages share where members of an organisation maintain entries that staff review (the
 * places, the employer profiles): choosing the organisation, the state of a version in words, and
 * the history of an entry. The module names its pages and addresses; the words of the workflow are here.
 */

/** A version's state in words ("In Prüfung"), with the editors' reason after a rejection. */
export function revisionStateText(locale: Locale, status: RevisionStatus, reason?: string | null): string {
  const t = manageViewMessages(locale);
  return status === 'rejected' && reason ? `${t(`status.${status}`)} · ${t('reason', { reason })}` : t(`status.${status}`);
}

/** The published version and the newest open one in one line ("Veröffentlicht · In Prüfung"); '' when there is neither. */
export function entryStateText(locale: Locale, entry: { published: boolean; pending?: { status: RevisionStatus; reason?: string | null } }): string {
  const t = manageViewMessages(locale);
  return [
    ...(entry.published ? [t('status.published')] : []),
    ...(entry.pending ? [revisionStateText(locale, entry.pending.status, entry.pending.reason)] : []),
  ].join(' · ');
}

interface Organization {
  id: string;
  name: string;
}

/**
 * The start page of "… verwalten": members see their organisations as links; editors, who may act
 * for every organisation, choose one in a list (a form with GET, so it works without JavaScript).
 */
export function OrganizationPickerPage({
  ctx,
  title,
  intro,
  none,
  openLabel,
  action,
  editor,
  organizations,
  linkOf,
  linkText,
}: {
  ctx: PageContext;
  title: string;
  intro: string;
  /** Said when the person belongs to no organisation. */
  none: string;
  openLabel: string;
  /** The page's own address: the editors' choice comes back as `?org=<id>`. */
  action: string;
  editor: boolean;
  organizations: readonly Organization[];
  linkOf: (organizationId: string) => string;
  linkText: (organizationName: string) => string;
}): JSX.Element {
  const t = manageViewMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="kern-heading-large" safe>
        {title}
      </h1>
      <p class="kern-body" safe>
        {intro}
      </p>
      {organizations.length === 0 ? (
        <p class="kern-body" safe>
          {none}
        </p>
      ) : editor ? (
        <form method="get" action={action}>
          <SelectField name="org" label={t('pick')} options={organizations.map((o) => ({ value: o.id, label: o.name }))} />
          <SubmitButton label={openLabel} />
        </form>
      ) : (
        <ul class="kern-list">
          {organizations.map((o) => (
            <li>
              <a class="kern-link" href={linkOf(o.id)} safe>
                {linkText(o.name)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

interface HistoryVersion {
  version: number;
  status: RevisionStatus;
  review_reason: string | null;
  author_name: string | null;
  reviewed_at: Date | null;
  submitted_at: Date | null;
  created_at: Date;
}

/** Every version of an entry, newest first: number, state (with the editors' reason), author and date. */
export function VersionHistoryTable({ ctx, caption, versions }: { ctx: PageContext; caption: string; versions: readonly HistoryVersion[] }): JSX.Element {
  const t = manageViewMessages(ctx.locale);
  return (
    <DataTable
      caption={caption}
      captionHidden
      rows={versions}
      columns={[
        { header: t('history.version'), rowHeader: true, text: (v) => String(v.version) },
        { header: t('history.status'), text: (v) => revisionStateText(ctx.locale, v.status, v.review_reason) },
        { header: t('history.author'), text: (v) => v.author_name ?? t('history.deletedAccount') },
        { header: t('history.date'), text: (v) => formatDateTime(v.reviewed_at ?? v.submitted_at ?? v.created_at, ctx.locale) },
      ]}
    />
  );
}
