import type { NetworkRsvp } from '../../../db/tables/network.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import type { PageContext } from '../../../platform/http/context.js';
import { formatDateTime } from '../../../platform/i18n/i18n.js';
import { Alert, CsrfField, DateField, SelectField, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { networkMessages } from '../network.messages.js';
import type { NetworkService } from '../network.service.js';
import { groupPath, meetingPath } from '../network.paths.js';
import { section } from './public.js';
import { AgendaItems } from './agenda.js';
import { Errors, Markdown, RsvpButtons, TaskList } from './parts.js';

type MeetingPage = Awaited<ReturnType<NetworkService['meetingPage']>>;

export function MeetingFormPage({
  ctx,
  group,
  values = {},
  errors = {},
  meetingId,
}: {
  ctx: PageContext;
  group: { slug: string; name: string };
  values?: Record<string, string>;
  errors?: FieldErrors;
  /** Changing a planned meeting (everyone gets the update) rather than planning a new one. */
  meetingId?: string;
}) {
  const t = networkMessages(ctx.locale);
  const heading = meetingId ? t('meeting.edit') : t('meeting.new');
  return (
    <Layout ctx={ctx} title={heading} section={section} hasErrors={Object.keys(errors).length > 0}>
      <Errors ctx={ctx} errors={errors} />
      <p class="kern-body">
        <a class="kern-link" href={groupPath(group.slug)} lang="de" safe>
          {group.name}
        </a>
      </p>
      <h1 class="kern-heading-x-large" safe>
        {heading}
      </h1>
      <p class="kern-body">{meetingId ? t.html('meeting.edit.lead') : t.html('meeting.new.lead')}</p>
      <form method="post" action={meetingId ? `${meetingPath(meetingId)}/aendern` : `${groupPath(group.slug)}/termine/neu`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="title" label={t('meeting.title')} value={values.title} error={errors.title} required />
        <DateField name="date" label={t('meeting.date')} value={values.date} error={errors.date} locale={ctx.locale} required />
        <TextField name="start" label={t('meeting.start')} hint={t('meeting.time.hint')} value={values.start} error={errors.start} required />
        <TextField name="end" label={t('meeting.end')} hint={t('meeting.time.hint')} value={values.end} error={errors.end} required />
        <TextField name="place" label={t('meeting.place')} value={values.place} error={errors.place} />
        <TextField name="videoUrl" type="url" label={t('meeting.video')} hint={t('meeting.video.hint')} value={values.videoUrl} error={errors.videoUrl} />
        <TextArea name="agenda" label={t('meeting.agenda')} hint={t('meeting.agenda.hint')} value={values.agenda} error={errors.agenda} rows={6} />
        <SubmitButton label={meetingId ? t('meeting.edit.submit') : t('meeting.submit')} />
      </form>
    </Layout>
  );
}

export function MeetingPageView({
  ctx,
  view,
  notice,
  errors = {},
  values = {},
}: {
  ctx: PageContext;
  view: MeetingPage;
  notice?: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
}) {
  const t = networkMessages(ctx.locale);
  const { meeting } = view;
  const path = meetingPath(meeting.id);
  return (
    <Layout ctx={ctx} title={meeting.title} section={section} hasErrors={Object.keys(errors).length > 0}>
      <Errors ctx={ctx} errors={errors} />
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <p class="kern-body">
        <a class="kern-link" href={groupPath(meeting.group_slug)} lang="de" safe>
          {meeting.group_name}
        </a>
      </p>
      <h1 class="kern-heading-x-large" lang="de" safe>
        {meeting.title}
      </h1>
      {meeting.cancelled_at ? <Alert kind="warning" title={t('meeting.cancelled')} /> : ''}
      <p class="kern-body kern-body--large" safe>
        {formatDateTime(meeting.starts_at, ctx.locale)}
      </p>
      {meeting.place ? (
        <p class="kern-body" safe>
          {t('meeting.where', { where: meeting.place })}
        </p>
      ) : (
        ''
      )}
      {meeting.video_url ? (
        <p class="kern-body">
          <a class="kern-link" href={meeting.video_url} rel="noopener">
            {t.html('meeting.videoLink')}
          </a>
        </p>
      ) : (
        ''
      )}
      {meeting.agenda || view.agenda.length > 0 || view.isLead ? (
        <>
          <h2 class="kern-heading-medium" id="tagesordnung">
            {t.html('meeting.agenda')}
          </h2>
          {meeting.agenda ? (
            <div class="network-post" lang="de">
              <Markdown source={meeting.agenda} />
            </div>
          ) : (
            ''
          )}
          <AgendaItems ctx={ctx} view={view} errors={errors} values={values} />
        </>
      ) : (
        ''
      )}
      {meeting.cancelled_at ? (
        ''
      ) : (
        <>
          <h2 class="kern-heading-medium">{t.html('rsvp.heading')}</h2>
          <p class="kern-body">{view.mine ? t.html(`rsvp.state.${view.mine}`) : t.html('rsvp.state.none')}</p>
          <RsvpButtons ctx={ctx} action={`${path}/antwort`} current={view.mine} />
        </>
      )}
      <h2 class="kern-heading-medium">{t.html('rsvp.answers', { count: view.rsvps.length })}</h2>
      <ul class="kern-list">
        {view.rsvps.map((r) => (
          <li safe>{`${r.display_name}: ${t(`rsvp.state.${r.answer}`)}`}</li>
        ))}
      </ul>
      <h2 class="kern-heading-medium">{t.html('minutes.heading')}</h2>
      {meeting.minutes ? (
        <div class="network-post" lang="de">
          <Markdown source={meeting.minutes} />
        </div>
      ) : (
        <p class="kern-body">{t.html('minutes.none')}</p>
      )}
      <h2 class="kern-heading-medium">{t.html('tasks.title')}</h2>
      <TaskList ctx={ctx} tasks={view.tasks} />
      {view.isLead ? (
        <>
          <h3 class="kern-heading-small">{t.html('minutes.edit')}</h3>
          <form method="post" action={`${path}/protokoll`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextArea
              name="minutes"
              label={t('minutes.label')}
              hint={t('minutes.hint')}
              value={values.minutes ?? meeting.minutes}
              error={errors.minutes}
              rows={10}
            />
            <SubmitButton label={t('minutes.submit')} variant="secondary" />
          </form>
          <h3 class="kern-heading-small">{t.html('task.new')}</h3>
          <form method="post" action={`${path}/aufgaben`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextField name="title" label={t('task.title')} value={values.title} error={errors.title} />
            <SelectField
              name="owner"
              label={t('task.owner')}
              value={values.owner}
              error={errors.owner}
              options={[{ value: '', label: t('task.owner.none') }, ...view.members.map((m) => ({ value: m.id, label: m.display_name }))]}
            />
            <DateField name="due" label={t('task.due')} value={values.due} error={errors.due} locale={ctx.locale} />
            <SubmitButton label={t('task.submit')} variant="secondary" />
          </form>
          {meeting.cancelled_at ? (
            ''
          ) : (
            <p class="kern-body">
              <a class="kern-link" href={`${path}/aendern`}>
                {t.html('meeting.edit')}
              </a>
            </p>
          )}
          {meeting.cancelled_at ? (
            ''
          ) : (
            <form method="post" action={`${path}/absagen`}>
              <CsrfField token={ctx.csrfToken} />
              <SubmitButton label={t('meeting.cancel')} variant="tertiary" />
            </form>
          )}
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}

/** The page an RSVP link from a mail opens: the answer is taken with a button (mail scanners open links). */
export function RsvpLinkPage({
  ctx,
  meeting,
  token,
  answer,
}: {
  ctx: PageContext;
  meeting: { id: string; title: string; starts_at: Date };
  token: string;
  answer?: NetworkRsvp;
}) {
  const t = networkMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('rsvp.heading')} section={section}>
      <h1 class="kern-heading-x-large">{t.html('rsvp.heading')}</h1>
      <p class="kern-body kern-body--large" safe>
        {`${meeting.title} · ${formatDateTime(meeting.starts_at, ctx.locale)}`}
      </p>
      <p class="kern-body">{t.html('rsvp.link.lead')}</p>
      <RsvpButtons ctx={ctx} action={`${meetingPath(meeting.id)}/antwort`} token={token} current={answer} />
    </Layout>
  );
}
