import type { Selectable } from 'kysely';
import type { HolidayAttendanceTable, HolidayOffersTable } from '../../../db/tables/holidays.js';
import type { PageContext } from '../../../platform/http/context.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import { DataTable } from '../../../platform/views/data-table.js';
import { Alert, Checkbox, CsrfField, DateField, ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { layoutMessages } from '../../../platform/views/layout.messages.js';
import { adminMessages } from '../admin.messages.js';
import { familyMessages } from '../family.messages.js';
import { dateRange } from '../holidays.format.js';
import { providerMessages } from '../provider.messages.js';
import type { Participant } from '../provider.service.js';

type Offer = Selectable<HolidayOffersTable>;

/** /meine-ferienangebote: my organisations and their offers. */
export function ProviderHomePage({
  ctx,
  organizations,
  offers,
  notice,
}: {
  ctx: PageContext;
  organizations: { id: string; name: string }[];
  offers: Offer[];
  notice?: string;
}): JSX.Element {
  const t = providerMessages(ctx.locale);
  const a = adminMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('home.title')}>
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <h1 class="kern-heading-large">{t.html('home.title')}</h1>
      <p class="kern-body">{t.html('home.intro')}</p>
      {organizations.length === 0 ? <p class="kern-body">{t.html('home.none')}</p> : ''}
      {organizations.map((org) => {
        const mine = offers.filter((o) => o.organization_id === org.id);
        return (
          <section>
            <h2 class="kern-heading-medium" safe>
              {org.name}
            </h2>
            {mine.length === 0 ? <p class="kern-body">{t.html('home.noOffers')}</p> : ''}
            <ul class="kern-list">
              {mine.map((o) => (
                <li>
                  <strong safe>{o.title}</strong>
                  <span
                    safe
                  >{` – ${dateRange(o.first_day, o.last_day, ctx.locale)}. ${t('home.status', { status: a(`status.${o.status}`), taken: o.places_taken, places: o.places })} `}</span>
                  <a class="kern-link" href={`/meine-ferienangebote/angebote/${o.id}/teilnehmende`}>
                    {t.html('home.participants')}
                    <span class="visually-hidden" safe>{`: ${o.title}`}</span>
                  </a>
                  {o.status === 'submitted' || o.status === 'rejected' ? (
                    <>
                      {' · '}
                      <a class="kern-link" href={`/meine-ferienangebote/angebote/${o.id}/bearbeiten`}>
                        {t.html('home.edit')}
                        <span class="visually-hidden" safe>{`: ${o.title}`}</span>
                      </a>
                    </>
                  ) : (
                    ''
                  )}
                </li>
              ))}
            </ul>
            <p class="kern-body">
              <a class="kern-link" href={`/meine-ferienangebote/${org.id}/neu`} safe>
                {t('home.new', { org: org.name })}
              </a>
            </p>
          </section>
        );
      })}
    </Layout>
  );
}

/** The form for a new offer. */
export function OfferFormPage({
  ctx,
  action,
  values,
  errors = {},
  note,
}: {
  ctx: PageContext;
  action: string;
  values: Record<string, string>;
  errors?: FieldErrors;
  note?: string;
}): JSX.Element {
  const t = providerMessages(ctx.locale);
  const f = familyMessages(ctx.locale);
  const failed = Object.keys(errors).length > 0;
  const text = (name: string, width?: 'narrow', hint?: string) => (
    <TextField name={name} label={t(`field.${name}` as never)} value={values[name]} error={errors[name]} width={width} hint={hint} />
  );
  return (
    <Layout ctx={ctx} title={t('form.title')} hasErrors={failed}>
      {failed ? <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} /> : ''}
      <h1 class="kern-heading-large">{t.html('form.title')}</h1>
      <p class="kern-body">{t.html('form.why')}</p>
      {note ? <Alert kind="warning" title={t('form.reviewNote', { note })} /> : ''}
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {text('title')}
        <TextArea name="description" label={t('field.description')} value={values.description} error={errors.description} rows={5} />
        <SelectField
          name="kind"
          label={t('field.kind')}
          value={values.kind}
          error={errors.kind}
          options={(['day', 'week', 'trip'] as const).map((k) => ({ value: k, label: f(`offer.kind.${k}`) }))}
        />
        <DateField name="firstDay" label={t('field.firstDay')} locale={ctx.locale} value={values.firstDay} error={errors.firstDay} />
        <DateField name="lastDay" label={t('field.lastDay')} locale={ctx.locale} value={values.lastDay} error={errors.lastDay} />
        {text('dailyFrom', 'narrow', t('field.daily.hint'))}
        {text('dailyUntil', 'narrow')}
        {text('minAge', 'narrow')}
        {text('maxAge', 'narrow')}
        {text('places', 'narrow')}
        {text('minParticipants', 'narrow')}
        {text('price', 'narrow')}
        {text('reducedPrice', 'narrow')}
        {text('location')}
        {text('meetingPoint')}
        <TextArea name="whatToBring" label={t('field.whatToBring')} value={values.whatToBring} error={errors.whatToBring} rows={3} />
        <Checkbox name="inclusionSupport" label={t('field.inclusionSupport')} checked={values.inclusionSupport === 'ja'} error={errors.inclusionSupport} />
        {text('contactName')}
        <TextField name="contactEmail" type="email" label={t('field.contactEmail')} value={values.contactEmail} error={errors.contactEmail} />
        <TextField name="contactPhone" type="tel" label={t('field.contactPhone')} value={values.contactPhone} error={errors.contactPhone} />
        <SubmitButton label={t('field.submit')} />
      </form>
    </Layout>
  );
}

interface ParticipantsProps {
  ctx: PageContext;
  offer: Offer;
  list: Participant[];
  attendance: Selectable<HolidayAttendanceTable>[];
  day: string;
  notice?: string;
  errors?: FieldErrors;
}

/** /meine-ferienangebote/angebote/:id/teilnehmende: list, exports, attendance, cancellation. */
export function ParticipantsPage({ ctx, offer, list, attendance, day, notice, errors = {} }: ParticipantsProps): JSX.Element {
  const t = providerMessages(ctx.locale);
  const title = t('list.title', { offer: offer.title });
  const failed = Object.keys(errors).length > 0;
  const base = `/meine-ferienangebote/angebote/${offer.id}`;
  const present = new Set(attendance.filter((a) => a.day === day && a.present).map((a) => a.place_id));
  return (
    <Layout ctx={ctx} title={title} hasErrors={failed}>
      {failed ? <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} /> : ''}
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <h1 class="kern-heading-large" id="list-heading" safe>
        {title}
      </h1>
      <p class="kern-body" safe>
        {dateRange(offer.first_day, offer.last_day, ctx.locale)}
      </p>
      <Alert kind="info" title={t('list.privacy')} />
      {list.length === 0 ? (
        <p class="kern-body">{t.html('list.none')}</p>
      ) : (
        <DataTable
          caption={title}
          captionHidden
          labelledBy="list-heading"
          rows={list}
          columns={[
            { header: t('list.name'), text: (p) => `${p.lastName}, ${p.firstName}`, rowHeader: true },
            { header: t('list.age'), text: (p) => String(p.age), numeric: true },
            { header: t('list.needs'), text: (p) => p.needs || '–' },
            { header: t('list.contact'), text: (p) => p.contact },
            { header: t('list.photo'), text: (p) => (p.photoConsent ? t('list.yes') : t('list.no')) },
          ]}
        />
      )}
      <ul class="kern-list">
        <li>
          <a class="kern-link" href={`${base}/teilnehmende.csv`}>
            {t.html('list.csv')}
          </a>
        </li>
        <li>
          <a class="kern-link" href={`${base}/teilnehmende.pdf`}>
            {t.html('list.pdf')}
          </a>
        </li>
      </ul>
      {list.length > 0 ? (
        <section aria-labelledby="attendance-heading">
          <h2 class="kern-heading-medium" id="attendance-heading">
            {t.html('attendance.title')}
          </h2>
          <form method="post" action={`${base}/anwesenheit`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <DateField name="day" label={t('attendance.day')} locale={ctx.locale} value={day} error={errors.day} />
            {list.map((p) => (
              <Checkbox
                name={`present_${p.placeId}`}
                label={t('attendance.present', { name: `${p.firstName} ${p.lastName}` })}
                checked={present.has(p.placeId)}
              />
            ))}
            <SubmitButton label={t('attendance.save')} variant="secondary" />
          </form>
        </section>
      ) : (
        ''
      )}
      {offer.status !== 'cancelled' ? (
        <section aria-labelledby="cancel-heading">
          <h2 class="kern-heading-medium" id="cancel-heading">
            {t.html('cancel.title')}
          </h2>
          <p class="kern-body">{t.html('cancel.text')}</p>
          <form method="post" action={`${base}/absagen`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <Checkbox name="confirm" label={t('cancel.confirm')} error={errors.confirm} />
            <SubmitButton label={t('cancel.submit')} variant="secondary" />
          </form>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}
