import type { FieldErrors } from '../../../platform/http/errors.js';
import type { PageContext } from '../../../platform/http/context.js';
import { formatDateTime } from '../../../platform/i18n/i18n.js';
import { DataTable } from '../../../platform/views/data-table.js';
import { Alert, CsrfField, SelectField, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { networkMessages } from '../network.messages.js';
import type { NetworkService } from '../network.service.js';
import { groupPath, meetingPath } from '../network.paths.js';
import { section } from './public.js';
import { Errors } from './parts.js';

type PollView = Awaited<ReturnType<NetworkService['pollPage']>>;

export function PollFormPage({
  ctx,
  group,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  group: { slug: string; name: string };
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const t = networkMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('poll.new')} section={section} hasErrors={Object.keys(errors).length > 0}>
      <Errors ctx={ctx} errors={errors} />
      <p class="kern-body">
        <a class="kern-link" href={groupPath(group.slug)} lang="de" safe>
          {group.name}
        </a>
      </p>
      <h1 class="kern-heading-x-large">{t.html('poll.new')}</h1>
      <form method="post" action={`${groupPath(group.slug)}/umfragen/neu`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="title" label={t('meeting.title')} value={values.title} error={errors.title} required />
        <TextField name="place" label={t('meeting.place')} value={values.place} error={errors.place} />
        <TextField name="duration" label={t('poll.duration')} hint={t('poll.duration.hint')} value={values.duration ?? '90'} error={errors.duration} required />
        <TextArea name="options" label={t('poll.options')} hint={t('poll.options.hint')} value={values.options} error={errors.options} rows={5} required />
        <SubmitButton label={t('poll.submit')} />
      </form>
    </Layout>
  );
}

export function PollPageView({ ctx, view, notice }: { ctx: PageContext; view: PollView; notice?: string }) {
  const t = networkMessages(ctx.locale);
  const { poll } = view;
  const path = `/netzwerk/umfragen/${poll.id}`;
  return (
    <Layout ctx={ctx} title={poll.title} section={section}>
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <p class="kern-body">
        <a class="kern-link" href={groupPath(poll.group_slug)} lang="de" safe>
          {poll.group_name}
        </a>
      </p>
      <h1 class="kern-heading-x-large" lang="de" safe>
        {poll.title}
      </h1>
      {poll.meeting_id ? (
        <Alert kind="info" title={t('poll.closed')}>
          <p class="kern-body">
            <a class="kern-link" href={meetingPath(poll.meeting_id)}>
              {t.html('poll.toMeeting')}
            </a>
          </p>
        </Alert>
      ) : (
        ''
      )}
      <form method="post" action={`${path}/abstimmen`}>
        <CsrfField token={ctx.csrfToken} />
        <DataTable
          caption={t('poll.options')}
          captionHidden
          rows={view.options}
          columns={[
            {
              header: t('poll.option'),
              rowHeader: true,
              text: (o) => `${formatDateTime(o.starts_at, ctx.locale)}${o.id === view.bestId ? ` (${t('poll.best')})` : ''}`,
            },
            { header: t('rsvp.yes'), numeric: true, text: (o) => String(o.yes) },
            { header: t('poll.maybe'), numeric: true, text: (o) => String(o.maybe) },
            { header: t('rsvp.no'), numeric: true, text: (o) => String(o.no) },
            {
              header: t('poll.mine'),
              html: (o) => (
                <select
                  class="kern-form-input__select"
                  name={`o-${o.id}`}
                  aria-label={t('poll.mine.label', { when: formatDateTime(o.starts_at, ctx.locale) })}
                  disabled={!!poll.closed_at}
                >
                  <option value="" selected={!o.mine}>
                    {t.html('poll.none')}
                  </option>
                  {(['yes', 'maybe', 'no'] as const).map((a) => (
                    <option value={a} selected={o.mine === a}>
                      {a === 'maybe' ? t.html('poll.maybe') : t.html(`rsvp.${a}`)}
                    </option>
                  ))}
                </select>
              ),
            },
          ]}
        />
        {poll.closed_at ? '' : <SubmitButton label={t('poll.vote')} />}
      </form>
      {view.isLead && !poll.closed_at ? (
        <form method="post" action={`${path}/festlegen`}>
          <CsrfField token={ctx.csrfToken} />
          <h2 class="kern-heading-medium">{t.html('poll.decide')}</h2>
          <SelectField
            name="option"
            label={t('poll.decide.label')}
            value={view.bestId ?? undefined}
            options={view.options.map((o) => ({ value: o.id, label: formatDateTime(o.starts_at, ctx.locale) }))}
          />
          <SubmitButton label={t('poll.decide.submit')} variant="secondary" />
        </form>
      ) : (
        ''
      )}
    </Layout>
  );
}
