import type { PageContext } from '../../../platform/http/context.js';
import { formatCivilDate } from '../../../platform/i18n/i18n.js';
import { addDays, isoWithOffset, toLocal } from '../../../platform/time/berlin.js';
import { DataTable } from '../../../platform/views/data-table.js';
import { CsrfField, DateField, ErrorSummary, SelectField, SubmitButton } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { layoutMessages } from '../../../platform/views/layout.messages.js';
import { appointmentMessages } from '../appointments.messages.js';
import type { BookingView } from '../appointments.repository.js';
import { whenText } from '../appointments.service.js';
import { staffMessages } from '../staff.messages.js';

export interface StaffFilter {
  day: string;
  view: 'tag' | 'woche';
  location: string;
  counsellor: string;
  /** A day that could not be read: the message and the text as typed (the page shows today). */
  dayError?: string;
  typedDay?: string;
}

function ActionButton({
  ctx,
  action,
  label,
  variant = 'secondary',
}: {
  ctx: PageContext;
  action: string;
  label: string;
  variant?: 'secondary' | 'tertiary';
}): JSX.Element {
  return (
    <form method="post" action={action} class="inline-form">
      <CsrfField token={ctx.csrfToken} />
      <SubmitButton label={label} variant={variant} />
    </form>
  );
}

/** /verwaltung/termine: a day or a week of bookings, filtered by location and counsellor. */
export function StaffCalendarPage({
  ctx,
  filter,
  bookings,
  locations,
  counsellors,
}: {
  ctx: PageContext;
  filter: StaffFilter;
  bookings: BookingView[];
  locations: { id: string; name: string }[];
  counsellors: { id: string; name: string }[];
}): JSX.Element {
  const t = staffMessages(ctx.locale);
  const a = appointmentMessages(ctx.locale);
  const title = t(filter.view === 'woche' ? 'title.week' : 'title.day', { date: formatCivilDate(filter.day, ctx.locale) });
  const span = filter.view === 'woche' ? 7 : 1;
  const query = (day: string) =>
    `/verwaltung/termine?tag=${day}&ansicht=${filter.view}${filter.location ? `&standort=${filter.location}` : ''}${filter.counsellor ? `&berater=${filter.counsellor}` : ''}`;
  const person = (b: BookingView) =>
    b.on_behalf === 'pupil' ? t('person.pupil', { name: b.name }) : b.on_behalf === 'caller' ? t('person.caller', { name: b.name }) : b.name;
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="kern-heading-large" safe>
        {title}
      </h1>
      {filter.dayError ? <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={{ tag: filter.dayError }} /> : ''}
      <form method="get" action="/verwaltung/termine" class="staff-filter no-print">
        <fieldset class="kern-fieldset">
          <legend class="kern-label">{t.html('filter.title')}</legend>
          <DateField name="tag" label={t('filter.day')} locale={ctx.locale} value={filter.typedDay ?? filter.day} error={filter.dayError} />
          <SelectField
            name="ansicht"
            label={t('filter.view')}
            value={filter.view}
            options={[
              { value: 'tag', label: t('filter.view.day') },
              { value: 'woche', label: t('filter.view.week') },
            ]}
          />
          <SelectField
            name="standort"
            label={t('filter.location')}
            value={filter.location}
            options={[{ value: '', label: t('filter.all') }, ...locations.map((l) => ({ value: l.id, label: l.name }))]}
          />
          <SelectField
            name="berater"
            label={t('filter.counsellor')}
            value={filter.counsellor}
            options={[{ value: '', label: t('filter.all') }, ...counsellors.map((c) => ({ value: c.id, label: c.name }))]}
          />
          <SubmitButton label={t('filter.submit')} variant="secondary" />
        </fieldset>
      </form>
      <p class="kern-body no-print">
        <a class="kern-link" href={query(addDays(filter.day, -span))}>
          {t.html('previous')}
        </a>{' '}
        ·{' '}
        <a class="kern-link" href={query(addDays(filter.day, span))}>
          {t.html('next')}
        </a>{' '}
        ·{' '}
        <a class="kern-link" href={`/verwaltung/termine.csv?von=${filter.day}&bis=${addDays(filter.day, span - 1)}`}>
          {t.html('csv')}
        </a>{' '}
        ·{' '}
        <a class="kern-link" href="/verwaltung/termine/planen">
          {t.html('plan')}
        </a>
        {ctx.actor?.role === 'admin' ? (
          <>
            {' '}
            ·{' '}
            <a class="kern-link" href="/verwaltung/termine/einstellungen">
              {t.html('settings')}
            </a>
          </>
        ) : (
          ''
        )}
      </p>
      <p class="kern-body no-print">{t.html('print')}</p>
      {bookings.length === 0 ? (
        <p class="kern-body">{t.html('empty')}</p>
      ) : (
        <DataTable
          caption={t('caption')}
          striped
          columns={[
            {
              header: t('col.time'),
              rowHeader: true,
              html: (b: BookingView) => (
                <time datetime={isoWithOffset(b.starts_at)} safe>
                  {`${filter.view === 'woche' ? `${formatCivilDate(toLocal(b.starts_at).date, ctx.locale)}, ` : ''}${whenText(b.starts_at, ctx.locale).time}`}
                </time>
              ),
            },
            { header: t('col.service'), text: (b: BookingView) => b.service_name ?? a('manage.status.blocked') },
            { header: t('col.person'), text: person },
            { header: t('col.counsellor'), text: (b: BookingView) => b.counsellor_name },
            { header: t('col.location'), text: (b: BookingView) => b.location_name ?? '' },
            { header: t('col.status'), text: (b: BookingView) => a(`manage.status.${b.status}`) },
            {
              header: t('col.actions'),
              html: (b: BookingView) =>
                b.status === 'blocked' ? (
                  <div class="staff-actions">
                    <ActionButton ctx={ctx} action={`/verwaltung/termine/${b.id}/freigeben`} label={t('action.unblock')} variant="tertiary" />
                  </div>
                ) : b.status === 'confirmed' || b.status === 'attended' || b.status === 'no_show' ? (
                  <div class="staff-actions">
                    {b.status !== 'attended' ? <ActionButton ctx={ctx} action={`/verwaltung/termine/${b.id}/erschienen`} label={t('action.attended')} /> : ''}
                    {b.status !== 'no_show' ? (
                      <ActionButton ctx={ctx} action={`/verwaltung/termine/${b.id}/nicht-erschienen`} label={t('action.noShow')} />
                    ) : (
                      ''
                    )}
                    {b.status === 'confirmed' ? (
                      <ActionButton ctx={ctx} action={`/verwaltung/termine/${b.id}/absagen`} label={t('action.cancel')} variant="tertiary" />
                    ) : (
                      ''
                    )}
                  </div>
                ) : (
                  ''
                ),
            },
          ]}
          rows={bookings}
        />
      )}
    </Layout>
  );
}
