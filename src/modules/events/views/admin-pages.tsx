import type { PageContext } from '../../../platform/http/context.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import { DataTable } from '../../../platform/views/data-table.js';
import { Alert, CsrfField, DateField, ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { toLocal } from '../../../platform/time/berlin.js';
import { adminMessages } from '../events-admin.messages.js';
import { formMessages } from '../events-form.messages.js';
import type { OrganizerMembership } from '../events.policy.js';
import type { FormFields } from '../events.form.js';
import { EventForm, type EventFormProps } from './event-form.js';
import { longDate, whenText } from './format.js';
import { listPath } from './parts.js';

type EventSummary = {
  id: string;
  title: string;
  starts_at: Date;
  all_day: boolean;
  ends_at: Date | null;
  review_state: string;
  status: string;
  organization_name?: string | null;
  suggester_email?: string | null;
};

function StateText({ ctx, state }: { ctx: PageContext; state: string }): JSX.Element {
  const t = adminMessages(ctx.locale);
  return <span safe>{t(state === 'pending' ? 'state.pending' : state === 'rejected' ? 'state.rejected' : 'state.published')}</span>;
}

function EventTable({
  ctx,
  events,
  linkOf,
  linkLabel,
  caption,
}: {
  ctx: PageContext;
  events: EventSummary[];
  linkOf: (e: EventSummary) => string;
  linkLabel: string;
  caption: string;
}): JSX.Element {
  const t = adminMessages(ctx.locale);
  return (
    <DataTable
      caption={caption}
      rows={events}
      columns={[
        {
          header: t('col.title'),
          rowHeader: true,
          html: (e) => (
            <a class="kern-link" href={`/veranstaltungen/${e.id}`} safe>
              {e.title}
            </a>
          ),
        },
        { header: t('col.start'), text: (e) => whenText({ start: e.starts_at, end: e.ends_at, allDay: e.all_day }, ctx.locale) },
        { header: t('col.state'), html: (e) => <StateText ctx={ctx} state={e.review_state} /> },
        {
          header: t('col.action'),
          html: (e) => (
            <a class="kern-link" href={linkOf(e)}>
              <span safe>{linkLabel}</span>{' '}
              <span class="visually-hidden" safe>
                {e.title}
              </span>
            </a>
          ),
        },
      ]}
    />
  );
}

export function ManagePage({
  ctx,
  memberships,
  events,
  canCreate,
}: {
  ctx: PageContext;
  memberships: OrganizerMembership[];
  events: EventSummary[];
  canCreate: boolean;
}): JSX.Element {
  const t = adminMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('manage.title')} section={listPath}>
      <h1 class="kern-heading-x-large" safe>
        {t('manage.title')}
      </h1>
      {canCreate ? (
        <p class="kern-body" safe>
          {t('manage.intro')}
        </p>
      ) : (
        <p class="kern-body" safe>
          {t('manage.none')}
        </p>
      )}
      {memberships
        .filter((m) => !m.publishesDirectly)
        .map((m) => (
          <Alert kind="info" title={t('manage.revoked', { org: m.name })} />
        ))}
      <ul class="site-inline-list">
        {canCreate ? (
          <li>
            <a class="kern-link" href="/veranstaltungen/neu" safe>
              {t('manage.new')}
            </a>
          </li>
        ) : (
          ''
        )}
        <li>
          <a class="kern-link" href="/veranstaltungen/vorschlagen" safe>
            {t('suggest.title')}
          </a>
        </li>
      </ul>
      {canCreate ? (
        <section aria-labelledby="liste">
          <h2 class="kern-heading-medium" id="liste" safe>
            {t('manage.list')}
          </h2>
          {events.length === 0 ? (
            <p class="kern-body" safe>
              {t('manage.empty')}
            </p>
          ) : (
            <EventTable ctx={ctx} events={events} linkOf={(e) => `/veranstaltungen/${e.id}/bearbeiten`} linkLabel={t('edit')} caption={t('manage.list')} />
          )}
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}

export interface FormPageProps extends EventFormProps {
  title: string;
  intro?: string;
  notice?: string;
  occurrences?: { occurrence_date: string; starts_at: Date; ends_at: Date | null; status: string; note: string }[];
  eventId?: string;
  allDay?: boolean;
  moveValues?: FormFields;
  moveErrors?: FieldErrors;
  /** The "Übersetzungen" section (editors, saved events). */
  translations?: JSX.Element;
}

export function FormPage(props: FormPageProps): JSX.Element {
  const { ctx, title, intro, notice, occurrences, eventId, translations = '' } = props;
  const t = adminMessages(ctx.locale);
  const moveErrors = props.moveErrors ?? {};
  const moveValues = props.moveValues ?? {};
  const hasErrors = Object.keys(props.errors).length + Object.keys(moveErrors).length > 0;
  const f = formMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={title} hasErrors={hasErrors} section={listPath}>
      <h1 class="kern-heading-x-large" safe>
        {title}
      </h1>
      {notice ? <Alert kind="success" title={notice} /> : ''}
      {intro ? (
        <p class="kern-body" safe>
          {intro}
        </p>
      ) : (
        ''
      )}
      {props.mode === 'suggest' ? (
        <p class="kern-body" safe>
          {t('suggest.privacy')}
        </p>
      ) : (
        ''
      )}
      <EventForm {...props} />
      {occurrences && eventId && occurrences.length > 1 ? (
        <section aria-labelledby="einzeltermine">
          <h2 class="kern-heading-medium" id="einzeltermine" safe>
            {t('dates.title')}
          </h2>
          <p class="kern-body" safe>
            {t('dates.intro')}
          </p>
          <ul class="kern-list">
            {occurrences.map((o) => (
              <li>
                <form method="post" action={`/veranstaltungen/${eventId}/termine`} class="site-inline-form">
                  <CsrfField token={ctx.csrfToken} />
                  <input type="hidden" name="date" value={o.occurrence_date} />
                  <input type="hidden" name="status" value={o.status === 'cancelled' ? 'scheduled' : 'cancelled'} />
                  <input type="hidden" name="note" value="" />
                  <span safe>{whenText({ start: o.starts_at, end: o.ends_at, allDay: !!props.allDay }, ctx.locale)}</span>{' '}
                  {o.status === 'cancelled' ? <strong safe>{`(${formMessages(ctx.locale)('status.cancelled')})`}</strong> : ''}{' '}
                  <button type="submit" class="kern-btn kern-btn--tertiary kern-btn--x-small">
                    <span class="kern-label" safe>
                      {o.status === 'cancelled' ? t('dates.restore') : t('dates.cancel')}
                    </span>
                    <span class="visually-hidden" safe>
                      {longDate(toLocal(o.starts_at).date, ctx.locale)}
                    </span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      {occurrences && eventId && occurrences.length > 1 && !props.allDay ? (
        <section aria-labelledby="verlegen">
          <h2 class="kern-heading-medium" id="verlegen" safe>
            {t('move.title')}
          </h2>
          <p class="kern-body" safe>
            {t('move.intro')}
          </p>
          <form method="post" action={`/veranstaltungen/${eventId}/verlegen`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <ErrorSummary title={t('move.errors')} errors={moveErrors} />
            <SelectField
              name="moveDate"
              label={t('move.date')}
              error={moveErrors.moveDate}
              value={moveValues.moveDate ?? ''}
              options={occurrences.map((o) => ({
                value: o.occurrence_date,
                label: whenText({ start: o.starts_at, end: o.ends_at, allDay: false }, ctx.locale),
              }))}
            />
            <DateField name="moveNewDate" label={t('move.newDate')} locale={ctx.locale} error={moveErrors.moveNewDate} value={moveValues.moveNewDate ?? ''} />
            <TextField
              name="moveNewStart"
              label={t('move.newStart')}
              hint={f('time.hint')}
              error={moveErrors.moveNewStart}
              value={moveValues.moveNewStart ?? ''}
            />
            <TextField name="moveNewEnd" label={t('move.newEnd')} error={moveErrors.moveNewEnd} value={moveValues.moveNewEnd ?? ''} />
            <TextField name="moveNote" label={t('move.note')} error={moveErrors.moveNote} value={moveValues.moveNote ?? ''} />
            <SubmitButton label={t('move.submit')} variant="secondary" />
          </form>
        </section>
      ) : (
        ''
      )}
      {translations}
    </Layout>
  );
}

export function ThanksPage({ ctx }: { ctx: PageContext }): JSX.Element {
  const t = adminMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('suggest.thanks')} section={listPath}>
      <h1 class="kern-heading-x-large" safe>
        {t('suggest.thanks')}
      </h1>
      <p class="kern-body" safe>
        {t('suggest.thanksText')}
      </p>
      <p class="kern-body">
        <a class="kern-link" href={listPath} safe>
          {t('suggest.back')}
        </a>
      </p>
    </Layout>
  );
}

export function ReviewQueuePage({
  ctx,
  pending,
  organizations,
  notice,
}: {
  ctx: PageContext;
  pending: EventSummary[];
  organizations: { id: string; name: string; blocked: boolean }[];
  notice?: string;
}): JSX.Element {
  const t = adminMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('review.title')} section={listPath}>
      <h1 class="kern-heading-x-large" safe>
        {t('review.title')}
      </h1>
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <p class="kern-body" safe>
        {t('review.intro')}
      </p>
      {pending.length === 0 ? (
        <p class="kern-body" safe>
          {t('review.empty')}
        </p>
      ) : (
        <EventTable ctx={ctx} events={pending} linkOf={(e) => `/veranstaltungen/pruefen/${e.id}`} linkLabel={t('review.open')} caption={t('review.title')} />
      )}
      <section aria-labelledby="rechte">
        <h2 class="kern-heading-medium" id="rechte" safe>
          {t('rights.title')}
        </h2>
        <p class="kern-body" safe>
          {t('rights.intro')}
        </p>
        <DataTable
          caption={t('rights.title')}
          rows={organizations}
          columns={[
            { header: t('rights.col.org'), text: (o) => o.name, rowHeader: true },
            { header: t('rights.col.state'), text: (o) => (o.blocked ? t('rights.no') : t('rights.yes')) },
            {
              header: t('col.action'),
              html: (o) => (
                <form method="post" action={`/veranstaltungen/pruefen/organisationen/${o.id}`} class="site-inline-form">
                  <CsrfField token={ctx.csrfToken} />
                  <input type="hidden" name="allowed" value={o.blocked ? 'ja' : 'nein'} />
                  <button
                    type="submit"
                    class="kern-btn kern-btn--tertiary kern-btn--x-small"
                    aria-label={o.blocked ? t('rights.restoreFor', { org: o.name }) : t('rights.revokeFor', { org: o.name })}
                  >
                    <span class="kern-label" safe>
                      {o.blocked ? t('rights.restore') : t('rights.revoke')}
                    </span>
                  </button>
                </form>
              ),
            },
          ]}
        />
      </section>
    </Layout>
  );
}

export interface ReviewItemProps extends EventFormProps {
  event: EventSummary;
  duplicates: { id: string; title: string; occurrence_date: string }[];
  decisionErrors: FieldErrors;
  reason: string;
}

export function ReviewItemPage(props: ReviewItemProps): JSX.Element {
  const { ctx, event, duplicates, decisionErrors } = props;
  const t = adminMessages(ctx.locale);
  const hasErrors = Object.keys(props.errors).length + Object.keys(decisionErrors).length > 0;
  return (
    <Layout ctx={ctx} title={t('review.itemTitle', { title: event.title })} hasErrors={hasErrors} section={listPath}>
      <h1 class="kern-heading-x-large" safe>
        {t('review.itemTitle', { title: event.title })}
      </h1>
      <ErrorSummary title={formMessages(ctx.locale)('errors.title')} errors={decisionErrors} />
      <p class="kern-body">
        <span safe>{`${t('review.source')}: ${event.organization_name ?? t('review.sourcePublic')}`}</span>
      </p>
      {duplicates.length ? (
        <div class="kern-alert kern-alert--warning" role="status">
          <div class="kern-alert__header">
            <span class="kern-icon kern-icon--warning" aria-hidden="true"></span>
            <h2 class="kern-title" safe>
              {t('review.duplicates')}
            </h2>
          </div>
          <div class="kern-alert__body">
            <p class="kern-body" safe>
              {t('review.duplicatesText')}
            </p>
            <ul class="kern-list">
              {duplicates.map((d) => (
                <li>
                  <a class="kern-link" href={`/veranstaltungen/${d.id}`} safe>{`${d.title} (${longDate(d.occurrence_date, ctx.locale)})`}</a>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : (
        ''
      )}
      <section aria-labelledby="entscheidung">
        <h2 class="kern-heading-medium" id="entscheidung" safe>
          {t('review.decision')}
        </h2>
        {event.suggester_email ? (
          <p class="kern-body" safe>
            {t('review.mailNote')}
          </p>
        ) : (
          ''
        )}
        <form method="post" action={`/veranstaltungen/pruefen/${event.id}/entscheidung`}>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="decision" value="approve" />
          <SubmitButton label={t('review.approve')} />
        </form>
        <form method="post" action={`/veranstaltungen/pruefen/${event.id}/entscheidung`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="decision" value="reject" />
          <TextArea name="reason" label={t('review.reason')} hint={t('review.reasonHint')} error={decisionErrors.reason} value={props.reason} rows={3} />
          <SubmitButton label={t('review.reject')} variant="secondary" />
        </form>
      </section>
      <section aria-labelledby="bearbeiten">
        <h2 class="kern-heading-medium" id="bearbeiten" safe>
          {t('review.editTitle')}
        </h2>
        <EventForm {...props} />
      </section>
    </Layout>
  );
}
