import type { PageContext } from '../../../platform/http/context.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import { formatCivilDate } from '../../../platform/i18n/i18n.js';
import { isoWithOffset, toLocal } from '../../../platform/time/berlin.js';
import { Alert, Checkbox, CsrfField, DateField, ErrorSummary, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { NoticePage as PlatformNoticePage, type NoticeProps } from '../../../platform/views/notice-page.js';
import { layoutMessages } from '../../../platform/views/layout.messages.js';
import { appointmentMessages } from '../appointments.messages.js';
import type { BookingView } from '../appointments.repository.js';
import { whenText, type AppointmentService } from '../appointments.service.js';
import type { Slot } from '../slots.js';

/** The booking pages belong to no one section: every office uses them. */
export const section: string | undefined = undefined;

type Location = { id: string; name: string; address: string };

function ServiceFacts({ ctx, service }: { ctx: PageContext; service: AppointmentService }): JSX.Element {
  const t = appointmentMessages(ctx.locale);
  return (
    <p class="kern-body">
      {t.html('service.facts', { minutes: service.duration_minutes, channel: t(`channel.${service.channel}`) })}
      {service.audience === 'young' ? <> {t.html('service.young')}</> : ''}
    </p>
  );
}

/** /termine: every service, grouped by the office that gives it. */
export function ServiceListPage({ ctx, services }: { ctx: PageContext; services: AppointmentService[] }): JSX.Element {
  const t = appointmentMessages(ctx.locale);
  const offices = [...new Set(services.map((s) => s.office))];
  return (
    <Layout ctx={ctx} title={t('list.title')} section={section}>
      <h1 class="kern-heading-large">{t.html('list.title')}</h1>
      <p class="kern-body kern-body--large">{t.html('list.lead')}</p>
      {services.length === 0 ? <p class="kern-body">{t.html('list.empty')}</p> : ''}
      {offices.map((office) => (
        <section>
          <h2 class="kern-heading-medium">{t.html(`office.${office}`)}</h2>
          <ul class="kern-list appointment-services">
            {services
              .filter((s) => s.office === office)
              .map((s) => (
                <li>
                  <a class="kern-link" href={`/termine/${s.slug}`} safe>
                    {s.name}
                  </a>
                  <ServiceFacts ctx={ctx} service={s} />
                </li>
              ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}

/** Free days as links (grouped by month), and for the chosen day its free times as links to the form. */
export function SlotPicker({
  ctx,
  days,
  day,
  slots,
  locations,
  dayHref,
  slotHref,
}: {
  ctx: PageContext;
  days: string[];
  day: string | null;
  slots: Slot[];
  locations: Map<string, Location>;
  dayHref: (day: string) => string;
  slotHref: (slot: Slot) => string;
}): JSX.Element {
  const t = appointmentMessages(ctx.locale);
  const months = [...new Set(days.map((d) => d.slice(0, 7)))];
  const monthName = (m: string) =>
    new Intl.DateTimeFormat(ctx.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m}-01T00:00:00Z`));
  const daySlots = day ? slots.filter((s) => toLocal(s.start).date === day) : [];
  const byLocation = [...new Set(daySlots.map((s) => s.locationId))];
  return (
    <>
      {day ? (
        <section aria-labelledby="zeiten">
          <h2 class="kern-heading-medium" id="zeiten">
            {t.html('times.title', { date: formatCivilDate(day, ctx.locale) })}
          </h2>
          {daySlots.length === 0 ? <Alert kind="warning" title={t('times.none')} /> : ''}
          {byLocation.map((locationId) => (
            <div class="appointment-times">
              <p class="kern-body kern-body--bold">{t.html('times.at', { location: locations.get(locationId)?.name ?? '' })}</p>
              <ul class="slot-list">
                {daySlots
                  .filter((s) => s.locationId === locationId)
                  .map((s) => (
                    <li>
                      <a class="kern-btn kern-btn--secondary slot-list__slot" href={slotHref(s)}>
                        <span class="kern-label">
                          <time datetime={isoWithOffset(s.start)} safe>
                            {whenText(s.start, ctx.locale).time}
                          </time>
                        </span>
                      </a>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="tage">
        <h2 class="kern-heading-medium" id="tage">
          {t.html('days.title')}
        </h2>
        {days.length === 0 ? <p class="kern-body">{t.html('days.none')}</p> : <p class="kern-body">{t.html('days.pick')}</p>}
        {months.map((m) => (
          <>
            <h3 class="kern-heading-small" safe>
              {monthName(m)}
            </h3>
            <ul class="day-list">
              {days
                .filter((d) => d.startsWith(m))
                .map((d) => (
                  <li>
                    <a class="kern-link" href={dayHref(d)} aria-current={d === day ? 'date' : undefined}>
                      <time datetime={d} safe>
                        {new Intl.DateTimeFormat(ctx.locale, { weekday: 'short', day: 'numeric', month: 'numeric', timeZone: 'UTC' }).format(
                          new Date(`${d}T00:00:00Z`),
                        )}
                      </time>
                    </a>
                  </li>
                ))}
            </ul>
          </>
        ))}
      </section>
    </>
  );
}

/** /termine/:slug: the service, its free days and, for a chosen day, its free times. */
export function ServicePage(props: {
  ctx: PageContext;
  service: AppointmentService;
  days: string[];
  day: string | null;
  slots: Slot[];
  locations: Map<string, Location>;
  values?: Record<string, string>;
  errors?: FieldErrors;
}): JSX.Element {
  const { ctx, service, values = {}, errors = {} } = props;
  const t = appointmentMessages(ctx.locale);
  const failed = Object.keys(errors).length > 0;
  return (
    <Layout ctx={ctx} title={service.name} section={section} hasErrors={failed}>
      {failed ? <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} /> : ''}
      <p class="kern-body">
        <a class="kern-link" href="/termine">
          {t.html('list.title')}
        </a>
      </p>
      <h1 class="kern-heading-large" safe>
        {service.name}
      </h1>
      <ServiceFacts ctx={ctx} service={service} />
      {service.description ? (
        <p class="kern-body" lang="de" safe>
          {service.description}
        </p>
      ) : (
        ''
      )}
      {service.audience === 'invitation' ? (
        <Alert kind="info" title={t('service.invitation')} />
      ) : (
        <SlotPicker
          {...props}
          dayHref={(d) => `/termine/${service.slug}?tag=${d}#zeiten`}
          slotHref={(s) => `/termine/${service.slug}/buchen?beginn=${encodeURIComponent(isoWithOffset(s.start))}&standort=${s.locationId}`}
        />
      )}
      {service.audience === 'invitation' ? (
        ''
      ) : (
        <section aria-labelledby="warteliste">
          <h2 class="kern-heading-medium" id="warteliste">
            {t.html('wait.title')}
          </h2>
          <p class="kern-body">{t.html('wait.lead')}</p>
          <form method="post" action={`/termine/${service.slug}/warteliste`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <DateField name="tag" label={t('wait.day')} value={values.tag} error={errors.tag} locale={ctx.locale} />
            <TextField name="name" label={t('field.name')} hint={t('field.name.hint')} value={values.name} error={errors.name} autocomplete="nickname" />
            <TextField name="email" type="email" label={t('field.email')} value={values.email} error={errors.email} autocomplete="email" />
            <SubmitButton label={t('wait.submit')} variant="secondary" />
          </form>
        </section>
      )}
    </Layout>
  );
}

/** The booking form for one slot. */
export function BookingFormPage({
  ctx,
  service,
  start,
  location,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  service: AppointmentService;
  start: Date;
  location: Location;
  values?: Record<string, string>;
  errors?: FieldErrors;
}): JSX.Element {
  const t = appointmentMessages(ctx.locale);
  const failed = Object.keys(errors).length > 0;
  const when = whenText(start, ctx.locale);
  const slotError = errors.slot;
  return (
    <Layout ctx={ctx} title={t('book.title')} hasErrors={failed} section={section}>
      {failed ? <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} /> : ''}
      <h1 class="kern-heading-large">{t.html('book.title')}</h1>
      <p class="kern-body kern-body--large" id="slot">
        {t.html('book.when', { service: service.name, date: when.date, time: when.time })}
      </p>
      <p class="kern-body" safe>
        {service.channel === 'in_person' ? [location.name, location.address].filter(Boolean).join(', ') : t(`channel.${service.channel}`)}
      </p>
      {slotError ? (
        <p class="kern-body">
          <a class="kern-link" href={`/termine/${service.slug}?tag=${toLocal(start).date}#zeiten`}>
            {t.html('manage.bookAgain')}
          </a>
        </p>
      ) : (
        ''
      )}
      <p class="kern-body">{t.html('book.why')}</p>
      <form method="post" action={`/termine/${service.slug}/buchen`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="beginn" value={isoWithOffset(start)} />
        <input type="hidden" name="standort" value={location.id} />
        <TextField name="name" label={t('field.name')} hint={t('field.name.hint')} value={values.name} error={errors.name} autocomplete="nickname" required />
        <TextField
          name="email"
          type="email"
          label={t('field.email')}
          hint={t('field.email.hint')}
          value={values.email ?? ctx.actor?.email}
          error={errors.email}
          autocomplete="email"
          required
        />
        {service.question ? <TextArea name="antwort" label={service.question} value={values.antwort} error={errors.antwort} rows={3} /> : ''}
        {service.audience === 'young' ? <Checkbox name="jung" label={t('field.young')} checked={values.jung === 'ja'} error={errors.jung} /> : ''}
        <Checkbox name="fuerSchueler" label={t('field.onBehalf')} checked={values.fuerSchueler === 'ja'} error={errors.fuerSchueler} />
        <Checkbox name="einverstanden" label={t('field.pupilConsent')} checked={values.einverstanden === 'ja'} error={errors.einverstanden} />
        <SubmitButton label={ctx.actor ? t('book.submitAccount') : t('book.submit')} />
      </form>
    </Layout>
  );
}

/** The platform's notice page, in this section. */
export const NoticePage = (props: NoticeProps): JSX.Element => <PlatformNoticePage {...props} section={section} />;

function ButtonForm({
  ctx,
  action,
  token,
  label,
  variant,
}: {
  ctx: PageContext;
  action: string;
  token: string;
  label: string;
  variant?: 'primary' | 'secondary';
}): JSX.Element {
  return (
    <form method="post" action={action} class="inline-form">
      <CsrfField token={ctx.csrfToken} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton label={label} variant={variant} />
    </form>
  );
}

/**
 * The push reminder 2 hours before: needs a browser with service workers and push, so the section is
 * hidden and public/appointment-push.js shows it where the browser can (the page works fully without it).
 */
function PushReminder({ ctx, token, push }: { ctx: PageContext; token: string; push: { publicKey: string; active: boolean } }): JSX.Element {
  const t = appointmentMessages(ctx.locale);
  if (push.active) return <p class="kern-body">{t.html('push.active')}</p>;
  return (
    <>
      <section aria-labelledby="push-title" data-push-reminder hidden>
        <h2 class="kern-heading-small" id="push-title">
          {t.html('push.title')}
        </h2>
        <p class="kern-body">{t.html('push.lead')}</p>
        <form method="post" action="/termine/buchung/push" data-push-key={push.publicKey}>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="endpoint" value="" />
          <input type="hidden" name="p256dh" value="" />
          <input type="hidden" name="auth" value="" />
          <SubmitButton label={t('push.submit')} variant="secondary" />
        </form>
      </section>
      <script src="/assets/appointment-push.js" defer></script>
    </>
  );
}

/** /termine/buchung?token=…: the booking, what can be done with it, and (when moving) the picker for a new time. */
export function ManagePage({
  ctx,
  booking,
  token,
  notice,
  move,
  push,
}: {
  ctx: PageContext;
  booking: BookingView;
  token: string;
  notice?: { kind: 'success' | 'info' | 'warning'; text: string };
  move?: { days: string[]; day: string | null; slots: Slot[]; locations: Map<string, Location>; errors?: FieldErrors };
  /** The optional push reminder (a confirmed booking still ahead): the VAPID public key, and whether it is on. */
  push?: { publicKey: string; active: boolean };
}): JSX.Element {
  const t = appointmentMessages(ctx.locale);
  const when = whenText(booking.starts_at, ctx.locale);
  const open = booking.status === 'held' || booking.status === 'confirmed';
  const where =
    booking.channel === 'in_person'
      ? [booking.location_name, booking.location_address].filter(Boolean).join(', ')
      : t(`channel.${booking.channel ?? 'in_person'}`);
  const tokenParam = encodeURIComponent(token);
  return (
    <Layout ctx={ctx} title={move ? t('move.title') : t('manage.title')} hasErrors={!!move?.errors} section={section}>
      {move?.errors ? <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={move.errors} /> : ''}
      <h1 class="kern-heading-large">{move ? t.html('move.title') : t.html('manage.title')}</h1>
      {notice ? <Alert kind={notice.kind} title={notice.text} /> : ''}
      <dl class="booking-facts" id="slot">
        <dt>{t.html('manage.what')}</dt>
        <dd safe>{booking.service_name ?? ''}</dd>
        <dt>{t.html('manage.when')}</dt>
        <dd>
          <time datetime={isoWithOffset(booking.starts_at)}>{t.html('mail.when', when)}</time>
        </dd>
        <dt>{t.html('manage.where')}</dt>
        <dd safe>{where}</dd>
        <dt>{t.html('manage.with')}</dt>
        <dd safe>{booking.counsellor_name}</dd>
      </dl>
      <p class="kern-body kern-body--bold">{t.html('manage.status', { status: t(`manage.status.${booking.status}`) })}</p>
      {move ? (
        <>
          <p class="kern-body">{t.html('move.lead')}</p>
          <SlotPicker
            ctx={ctx}
            days={move.days}
            day={move.day}
            slots={move.slots}
            locations={move.locations}
            dayHref={(d) => `/termine/buchung/verschieben?token=${tokenParam}&tag=${d}#zeiten`}
            slotHref={(s) => `/termine/buchung/verschieben?token=${tokenParam}&beginn=${encodeURIComponent(isoWithOffset(s.start))}&standort=${s.locationId}`}
          />
        </>
      ) : (
        <>
          {booking.status === 'held' ? <ButtonForm ctx={ctx} action="/termine/buchung/bestaetigen" token={token} label={t('manage.confirm')} /> : ''}
          {open ? (
            <p class="kern-body">
              <a class="kern-link" href={`/termine/buchung/verschieben?token=${tokenParam}`}>
                {t.html('manage.move')}
              </a>
            </p>
          ) : (
            ''
          )}
          {open ? <ButtonForm ctx={ctx} action="/termine/buchung/absagen" token={token} label={t('manage.cancel')} variant="secondary" /> : ''}
          {open ? <p class="kern-body">{t.html('manage.keep')}</p> : ''}
          {push ? <PushReminder ctx={ctx} token={token} push={push} /> : ''}
          {!open && booking.service_slug ? (
            <p class="kern-body">
              <a class="kern-link" href={`/termine/${booking.service_slug}`}>
                {t.html('manage.bookAgain')}
              </a>
            </p>
          ) : (
            ''
          )}
        </>
      )}
    </Layout>
  );
}

/** Confirming a new time for a move: one button. */
export function MoveConfirmPage({
  ctx,
  booking,
  token,
  start,
  location,
}: {
  ctx: PageContext;
  booking: BookingView;
  token: string;
  start: Date;
  location: Location;
}): JSX.Element {
  const t = appointmentMessages(ctx.locale);
  const when = whenText(start, ctx.locale);
  return (
    <Layout ctx={ctx} title={t('move.title')} section={section}>
      <h1 class="kern-heading-large">{t.html('move.title')}</h1>
      <p class="kern-body kern-body--large">{t.html('book.when', { service: booking.service_name ?? '', date: when.date, time: when.time })}</p>
      <p class="kern-body" safe>
        {[location.name, location.address].filter(Boolean).join(', ')}
      </p>
      <form method="post" action="/termine/buchung/verschieben">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="beginn" value={isoWithOffset(start)} />
        <input type="hidden" name="standort" value={location.id} />
        <SubmitButton label={t('move.submit')} />
      </form>
    </Layout>
  );
}
