import type { FieldErrors } from '../../../platform/http/errors.js';
import type { PageContext } from '../../../platform/http/context.js';
import { CsrfField, SelectField, SubmitButton, TextField } from '../../../platform/views/forms.js';
import { attachmentMessages } from '../attachments.messages.js';
import { documentPath, meetingPath } from '../network.paths.js';
import type { NetworkService } from '../network.service.js';

type MeetingPage = Awaited<ReturnType<NetworkService['meetingPage']>>;

/** A meeting's agenda items (who presents, the paper to read), and for its lead the form to add one. */
export function AgendaItems({ ctx, view, errors, values }: { ctx: PageContext; view: MeetingPage; errors: FieldErrors; values: Record<string, string> }) {
  const a = attachmentMessages(ctx.locale);
  const path = meetingPath(view.meeting.id);
  return (
    <>
      {view.agenda.length > 0 ? (
        <>
          <h3 class="kern-heading-small">{a.html('agenda.items')}</h3>
          <ol class="kern-list network-agenda">
            {view.agenda.map((item) => (
              <li>
                <strong lang="de" safe>
                  {item.title}
                </strong>
                {item.presenter ? <span safe>{` · ${a('agenda.presenter', { name: item.presenter })}`}</span> : ''}
                {item.document_id ? (
                  <span>
                    {' · '}
                    {a.html('agenda.document')}{' '}
                    <a class="kern-link" href={documentPath(item.document_id)} lang="de" safe>
                      {item.document_title}
                    </a>
                  </span>
                ) : (
                  ''
                )}
                {view.isLead ? (
                  <form method="post" action={`${path}/tagesordnung/${item.id}/entfernen`} class="network-inline-form">
                    <CsrfField token={ctx.csrfToken} />
                    <button type="submit" class="kern-btn kern-btn--tertiary">
                      <span class="kern-label" safe>
                        {a('agenda.remove', { title: item.title })}
                      </span>
                    </button>
                  </form>
                ) : (
                  ''
                )}
              </li>
            ))}
          </ol>
        </>
      ) : (
        ''
      )}
      {view.isLead ? (
        <form method="post" action={`${path}/tagesordnung`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <h3 class="kern-heading-small">{a.html('agenda.new')}</h3>
          <TextField name="agendaTitle" label={a('agenda.title')} value={values.agendaTitle} error={errors.agendaTitle} />
          <TextField
            name="agendaPresenter"
            label={a('agenda.presenterField')}
            hint={a('agenda.presenterField.hint')}
            value={values.agendaPresenter}
            error={errors.agendaPresenter}
          />
          <SelectField
            name="agendaDocument"
            label={a('agenda.documentField')}
            value={values.agendaDocument ?? ''}
            error={errors.agendaDocument}
            options={[
              { value: '', label: a('agenda.documentField.none') },
              ...view.documents.map((d) => ({ value: d.id, label: d.folder ? `${d.folder} / ${d.title}` : d.title })),
            ]}
          />
          <SubmitButton label={a('agenda.submit')} variant="secondary" />
        </form>
      ) : (
        ''
      )}
    </>
  );
}
