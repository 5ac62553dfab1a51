import type { PageContext } from '../../../platform/http/context.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import { formatCivilDate, formatDateTime } from '../../../platform/i18n/i18n.js';
import { DataTable } from '../../../platform/views/data-table.js';
import {
  Alert,
  Checkbox,
  CsrfField,
  DateField,
  ErrorSummary,
  FileField,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../../platform/views/forms.js';
import { todayIn } from '../../../platform/time/berlin.js';
import { Layout } from '../../../platform/views/layout.js';
import { layoutMessages } from '../../../platform/views/layout.messages.js';
import { councilMessages } from '../council.messages.js';
import { followUps, type Application, type CompositionTable, type FormerMember, type Workshop } from '../council.service.js';
import { staffMessages } from '../staff.messages.js';
import { CompositionTables, ResultList, type ResultView } from './public.js';

const section = '/verwaltung';
export const staffPath = '/verwaltung/familienbeirat';
export const staffWorkshopPath = (id: string) => `${staffPath}/workshops/${id}`;

export interface Figure {
  id: string;
  title: string;
  startsAt: Date;
  registrations: number;
  attended: number;
  districts: number;
}

function Notice({ text }: { text?: string }): JSX.Element {
  return text ? <Alert kind="success" title={text} /> : '';
}

export function StaffOverviewPage({
  ctx,
  applications,
  formerMembers,
  composition,
  workshops,
  figures,
  notice,
  errors = {},
}: {
  ctx: PageContext;
  applications: Application[];
  formerMembers: FormerMember[];
  composition: { members: number; tables: CompositionTable[] };
  workshops: Workshop[];
  figures: Figure[];
  notice?: string;
  /** A decision that could not be saved, by field (`term-<id>`). */
  errors?: FieldErrors;
}): JSX.Element {
  const t = staffMessages(ctx.locale);
  const c = councilMessages(ctx.locale);
  const statusText = (a: Application) =>
    a.status === 'accepted' ? t('status.accepted', { until: formatCivilDate(a.term_until ?? '', ctx.locale) }) : t(`status.${a.status}`);
  const optionalText = (a: Application) =>
    a.optional_consent_at
      ? [
          a.family_situation ? c(`situation.${a.family_situation}`) : '',
          a.home_languages ?? '',
          a.needs_interpreter ? c('dimension.needs_interpreter') : '',
          a.needs_childcare ? c('dimension.needs_childcare') : '',
        ]
          .filter(Boolean)
          .join(', ')
      : t('applications.optional.none');
  const maxAttended = Math.max(1, ...figures.map((f) => f.attended));
  const today = todayIn();
  return (
    <Layout ctx={ctx} title={t('title')} section={section} hasErrors={Object.keys(errors).length > 0}>
      <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} />
      <h1 class="kern-heading-x-large">{t.html('title')}</h1>
      <Notice text={notice} />
      <h2 class="kern-heading-medium">{t.html('workshops.heading')}</h2>
      <p class="kern-body">
        <a class="kern-link" href={`${staffPath}/workshops/neu`}>
          {t.html('workshops.new')}
        </a>
      </p>
      {workshops.length === 0 ? (
        <p class="kern-body">{t.html('workshops.none')}</p>
      ) : (
        <DataTable
          caption={t('workshops.heading')}
          captionHidden
          columns={[
            {
              header: t('workshops.column'),
              rowHeader: true,
              html: (w: Workshop) => (
                <a class="kern-link" href={staffWorkshopPath(w.id)} safe>
                  {w.title}
                </a>
              ),
            },
            { header: t('workshops.date'), text: (w) => formatDateTime(w.starts_at, ctx.locale) },
            { header: t('workshops.places'), text: (w) => t('workshops.places.value', { taken: w.places_taken, capacity: w.capacity }) },
            { header: t('workshops.report'), text: (w) => (w.report_published_at ? t('workshops.report.published') : t('workshops.report.draft')) },
          ]}
          rows={workshops}
        />
      )}
      <h2 class="kern-heading-medium">{t.html('applications.heading')}</h2>
      {applications.length === 0 ? (
        <p class="kern-body">{t.html('applications.none')}</p>
      ) : (
        <DataTable
          caption={t('applications.heading')}
          captionHidden
          columns={[
            { header: t('applications.name'), rowHeader: true, text: (a: Application) => `${a.name} (${a.email})` },
            { header: t('applications.district'), text: (a) => a.district },
            {
              header: t('applications.household'),
              text: (a) => t('applications.household.value', { adults: a.household_adults, children: a.household_children }),
            },
            { header: t('applications.optional'), text: optionalText },
            { header: t('applications.status'), text: statusText },
            {
              header: t('applications.decide'),
              html: (a) => (
                <form method="post" action={`${staffPath}/bewerbungen/${a.id}`} class="council-decision">
                  <CsrfField token={ctx.csrfToken} />
                  <SelectField
                    name="decision"
                    label={t('decision.label', { name: a.name })}
                    value={a.status === 'received' ? 'accepted' : a.status}
                    options={(['accepted', 'reserve', 'declined'] as const).map((d) => ({ value: d, label: t(`decision.${d}`) }))}
                  />
                  <div class="kern-form-input">
                    <label class="kern-label" for={`term-${a.id}`}>
                      {t.html('decision.termUntil')}
                    </label>
                    <input class="kern-form-input__input" id={`term-${a.id}`} name="termUntil" type="text" value={a.term_until ?? ''} />
                  </div>
                  <SubmitButton label={t('decision.submit')} variant="secondary" />
                </form>
              ),
            },
            {
              header: t('members.term'),
              html: (a) =>
                a.status === 'accepted' && (a.term_until ?? '') >= today ? (
                  <form method="post" action={`${staffPath}/mitglieder/${a.id}/beenden`}>
                    <CsrfField token={ctx.csrfToken} />
                    <SubmitButton label={t('members.end', { name: a.name })} variant="tertiary" />
                  </form>
                ) : (
                  ''
                ),
            },
          ]}
          rows={applications}
        />
      )}
      <h2 class="kern-heading-medium" id="ehemalige">
        {t.html('members.former.heading')}
      </h2>
      <p class="kern-body">{t.html('members.former.lead')}</p>
      {formerMembers.length === 0 ? (
        <p class="kern-body">{t.html('members.former.none')}</p>
      ) : (
        <DataTable
          caption={t('members.former.heading')}
          captionHidden
          columns={[
            { header: t('applications.name'), rowHeader: true, text: (m: FormerMember) => m.name },
            { header: t('applications.district'), text: (m) => m.district },
            { header: t('members.former.until'), text: (m) => (m.term_until ? formatCivilDate(m.term_until, ctx.locale) : '–') },
            {
              header: t('members.former.remove'),
              html: (m) => (
                <form method="post" action={`${staffPath}/mitglieder/${m.id}/entfernen`}>
                  <CsrfField token={ctx.csrfToken} />
                  <SubmitButton label={t('members.remove', { name: m.name })} variant="secondary" />
                </form>
              ),
            },
          ]}
          rows={formerMembers}
        />
      )}
      <h2 class="kern-heading-medium">{t.html('composition.heading')}</h2>
      <p class="kern-body">{c.html('composition.lead', { count: composition.members })}</p>
      <CompositionTables locale={ctx.locale} tables={composition.tables} />
      <h2 class="kern-heading-medium">{t.html('figures.heading')}</h2>
      <div class="idea-chart" aria-hidden="true">
        <p class="kern-body kern-body--bold">{t.html('figures.chart')}</p>
        {figures.map((f) => (
          <div class="idea-chart__row">
            <span class="idea-chart__label" safe>
              {f.title}
            </span>
            <span class="idea-chart__bar">
              <span class={`idea-chart__fill idea-chart__fill--${Math.round((f.attended / maxAttended) * 20) * 5}`}></span>
            </span>
            <span class="idea-chart__value" safe>
              {String(f.attended)}
            </span>
          </div>
        ))}
      </div>
      <DataTable
        caption={t('figures.heading')}
        captionHidden
        columns={[
          { header: t('workshops.column'), rowHeader: true, text: (f: Figure) => `${f.title} (${formatDateTime(f.startsAt, ctx.locale)})` },
          { header: t('figures.registrations'), numeric: true, text: (f) => String(f.registrations) },
          { header: t('figures.attended'), numeric: true, text: (f) => String(f.attended) },
          { header: t('figures.districts'), numeric: true, text: (f) => String(f.districts) },
        ]}
        rows={figures}
      />
    </Layout>
  );
}

export function WorkshopFormPage({
  ctx,
  id,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  id: string | null;
  values?: Record<string, string>;
  errors?: FieldErrors;
}): JSX.Element {
  const t = staffMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('workshop.new.title')} section={section} hasErrors={Object.keys(errors).length > 0}>
      <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} />
      <h1 class="kern-heading-x-large">{t.html('workshop.new.title')}</h1>
      <WorkshopFields ctx={ctx} id={id} values={values} errors={errors} />
    </Layout>
  );
}

function WorkshopFields({
  ctx,
  id,
  values,
  errors,
}: {
  ctx: PageContext;
  id: string | null;
  values: Record<string, string>;
  errors: FieldErrors;
}): JSX.Element {
  const t = staffMessages(ctx.locale);
  return (
    <form method="post" action={id ? staffWorkshopPath(id) : `${staffPath}/workshops/neu`} novalidate>
      <CsrfField token={ctx.csrfToken} />
      <TextField name="title" label={t('workshop.title')} value={values.title} error={errors.title} required />
      <DateField name="date" label={t('workshop.date')} value={values.date} error={errors.date} locale={ctx.locale} required />
      <TextField name="from" label={t('workshop.from')} value={values.from} error={errors.from} width="narrow" required />
      <TextField name="until" label={t('workshop.until')} value={values.until} error={errors.until} width="narrow" required />
      <DateField
        name="registrationUntil"
        label={t('workshop.registrationUntil')}
        value={values.registrationUntil}
        error={errors.registrationUntil}
        locale={ctx.locale}
        required
      />
      <TextField name="place" label={t('workshop.place')} value={values.place} error={errors.place} required />
      <TextArea name="agenda" label={t('workshop.agenda')} value={values.agenda} error={errors.agenda} rows={5} />
      <TextField name="languages" label={t('workshop.languages')} value={values.languages} error={errors.languages} />
      <TextField name="capacity" label={t('workshop.capacity')} value={values.capacity} error={errors.capacity} width="narrow" required />
      <TextField
        name="childcarePlaces"
        label={t('workshop.childcarePlaces')}
        value={values.childcarePlaces ?? '0'}
        error={errors.childcarePlaces}
        width="narrow"
        required
      />
      <SubmitButton label={t('workshop.save')} />
    </form>
  );
}

export interface StaffRegistration {
  id: string;
  name: string;
  status: string;
  persons: number;
  childcare_children: number;
  attended: boolean | null;
  waiting_position: string | null;
  childcare_ages: string | null;
  interpreter_language: string | null;
  step_free: boolean | null;
  dietary: string | null;
  travel_refund: boolean | null;
}

export interface ReportErrors {
  errors: FieldErrors;
  values: Record<string, string>;
}

export function StaffWorkshopPage({
  ctx,
  workshop: w,
  registrations,
  results,
  initiatives,
  ideas,
  workshopValues,
  workshopErrors = {},
  report,
  notice,
}: {
  ctx: PageContext;
  workshop: Workshop;
  registrations: StaffRegistration[];
  results: (ResultView & { initiative_id: string | null; idea_id: string | null })[];
  initiatives: { id: string; title: string }[];
  ideas: { id: string; title: string }[];
  workshopValues: Record<string, string>;
  workshopErrors?: FieldErrors;
  report?: ReportErrors;
  notice?: string;
}): JSX.Element {
  const t = staffMessages(ctx.locale);
  const c = councilMessages(ctx.locale);
  const errors = { ...workshopErrors, ...(report?.errors ?? {}) };
  const reportValues = report?.values ?? {
    discussed: w.report_discussed ?? '',
    blindSpots: w.report_blind_spots ?? '',
    ideas: w.report_ideas ?? '',
    photoAlt: w.report_photo_alt ?? '',
  };
  const confirmed = registrations.filter((r) => r.status === 'confirmed');
  const needs = (r: StaffRegistration) =>
    [
      r.childcare_children > 0 ? t('needs.childcare', { ages: r.childcare_ages ?? String(r.childcare_children) }) : '',
      r.interpreter_language ? t('needs.interpreter', { language: r.interpreter_language }) : '',
      r.step_free ? t('needs.stepFree') : '',
      r.dietary ? t('needs.dietary', { text: r.dietary }) : '',
      r.travel_refund ? t('needs.travel') : '',
    ]
      .filter(Boolean)
      .join('; ');
  const initiativeOptions = [{ value: '', label: t('results.initiative.none') }, ...initiatives.map((i) => ({ value: i.id, label: i.title }))];
  const ideaOptions = [{ value: '', label: t('results.idea.none') }, ...ideas.map((i) => ({ value: i.id, label: i.title }))];
  const past = w.starts_at <= new Date();
  const noShows = confirmed.filter((r) => r.attended === false).length;
  return (
    <Layout ctx={ctx} title={w.title} section={section} hasErrors={Object.keys(errors).length > 0}>
      <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} />
      <p class="kern-body">
        <a class="kern-link" href={staffPath}>
          {t.html('back')}
        </a>
      </p>
      <h1 class="kern-heading-x-large" safe>
        {w.title}
      </h1>
      <Notice text={notice} />
      <p
        class="kern-body"
        safe
      >{`${formatDateTime(w.starts_at, ctx.locale)}, ${w.place}. ${t('workshops.places.value', { taken: w.places_taken, capacity: w.capacity })}`}</p>
      {w.invited_at ? (
        <p class="kern-body">{t.html('invite.sent', { date: formatDateTime(w.invited_at, ctx.locale) })}</p>
      ) : (
        <form method="post" action={`${staffWorkshopPath(w.id)}/einladen`}>
          <CsrfField token={ctx.csrfToken} />
          <p class="kern-body">{t.html('invite.hint')}</p>
          <SubmitButton label={t('invite.button')} />
        </form>
      )}

      <h2 class="kern-heading-medium">{t.html('registrations.heading')}</h2>
      <p class="kern-body">{t.html('registrations.needsNote')}</p>
      {registrations.length === 0 ? (
        <p class="kern-body">{t.html('registrations.none')}</p>
      ) : (
        <DataTable
          caption={t('registrations.heading')}
          captionHidden
          columns={[
            { header: t('registrations.name'), rowHeader: true, text: (r: StaffRegistration) => r.name },
            {
              header: t('registrations.status'),
              text: (r) => (r.status === 'confirmed' ? t('registrations.confirmed') : t('registrations.waiting', { position: r.waiting_position ?? '' })),
            },
            { header: t('registrations.persons'), numeric: true, text: (r) => String(r.persons) },
            { header: t('registrations.childcare'), numeric: true, text: (r) => String(r.childcare_children) },
            { header: t('registrations.needs'), text: needs },
          ]}
          rows={registrations}
        />
      )}

      <h2 class="kern-heading-medium">{t.html('attendance.heading')}</h2>
      <p class="kern-body">
        <a class="kern-link" href={`${staffWorkshopPath(w.id)}/liste`}>
          {t.html('attendance.print')}
        </a>
      </p>
      {past && confirmed.some((r) => r.attended !== null) ? <p class="kern-body">{t.html('attendance.noShows', { count: noShows })}</p> : ''}
      {confirmed.length > 0 ? (
        <form method="post" action={`${staffWorkshopPath(w.id)}/anwesenheit`}>
          <CsrfField token={ctx.csrfToken} />
          {confirmed.map((r) => (
            <Checkbox name={r.id} label={t('attendance.present', { name: r.name })} checked={r.attended === true} />
          ))}
          <SubmitButton label={t('attendance.save')} variant="secondary" />
        </form>
      ) : (
        ''
      )}

      <h2 class="kern-heading-medium">{t.html('report.heading')}</h2>
      <form method="post" action={`${staffWorkshopPath(w.id)}/bericht`} enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextArea name="discussed" label={t('report.discussed')} value={reportValues.discussed} error={errors.discussed} rows={5} />
        <TextArea name="blindSpots" label={t('report.blindSpots')} value={reportValues.blindSpots} error={errors.blindSpots} rows={4} />
        <TextArea name="ideas" label={t('report.ideas')} value={reportValues.ideas} error={errors.ideas} rows={4} />
        <FileField name="photo" label={t('report.photo')} hint={t('report.photo.hint')} error={errors.photo} accept="image/jpeg,image/png,image/webp" />
        <TextField name="photoAlt" label={t('report.photoAlt')} value={reportValues.photoAlt} error={errors.photoAlt} />
        <SubmitButton label={t('report.save')} variant="secondary" />
      </form>
      <form method="post" action={`${staffWorkshopPath(w.id)}/veroeffentlichen`}>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="publish" value={w.report_published_at ? 'nein' : 'ja'} />
        <SubmitButton label={w.report_published_at ? t('report.unpublish') : t('report.publish')} />
      </form>

      <h2 class="kern-heading-medium">{t.html('results.heading')}</h2>
      <ResultList locale={ctx.locale} results={results} />
      {results.map((r) => (
        <form method="post" action={`${staffPath}/ergebnisse/${r.id}`} class="council-result">
          <CsrfField token={ctx.csrfToken} />
          <fieldset class="kern-fieldset">
            <legend class="kern-label" safe>
              {t('results.followUp', { title: r.title })}
            </legend>
            <div class="kern-form-input">
              <label class="kern-label" for={`follow-${r.id}`}>
                {c.html('followUp.label')}
              </label>
              <div class="kern-form-input__select-wrapper">
                <select class="kern-form-input__select" id={`follow-${r.id}`} name="followUp">
                  {followUps.map((f) => (
                    <option value={f} selected={f === r.follow_up} safe>
                      {c(`followUp.${f}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <div class="kern-form-input">
              <label class="kern-label" for={`initiative-${r.id}`}>
                {t.html('results.initiative')}
              </label>
              <div class="kern-form-input__select-wrapper">
                <select class="kern-form-input__select" id={`initiative-${r.id}`} name="initiative">
                  {initiativeOptions.map((o) => (
                    <option value={o.value} selected={o.value === (r.initiative_id ?? '')} safe>
                      {o.label}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <div class="kern-form-input">
              <label class="kern-label" for={`idea-${r.id}`}>
                {t.html('results.idea')}
              </label>
              <div class="kern-form-input__select-wrapper">
                <select class="kern-form-input__select" id={`idea-${r.id}`} name="idea">
                  {ideaOptions.map((o) => (
                    <option value={o.value} selected={o.value === (r.idea_id ?? '')} safe>
                      {o.label}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <div class="kern-form-input">
              <label class="kern-label" for={`note-${r.id}`}>
                {t.html('results.note')}
              </label>
              <input class="kern-form-input__input" id={`note-${r.id}`} name="note" type="text" value={r.follow_up_note ?? ''} />
            </div>
            <SubmitButton label={t('results.move')} variant="secondary" />
          </fieldset>
        </form>
      ))}
      <form method="post" action={`${staffWorkshopPath(w.id)}/ergebnisse`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <fieldset class="kern-fieldset">
          <legend class="kern-label">{t.html('results.add')}</legend>
          <TextField name="resultTitle" label={t('results.title')} error={errors.resultTitle} />
          <TextArea name="resultBody" label={t('results.body')} rows={3} />
          <SelectField name="resultInitiative" label={t('results.initiative')} options={initiativeOptions} />
          <SelectField name="resultIdea" label={t('results.idea')} options={ideaOptions} />
          <SubmitButton label={t('results.add')} variant="secondary" />
        </fieldset>
      </form>

      <h2 class="kern-heading-medium">{t.html('workshop.new.title')}</h2>
      <WorkshopFields ctx={ctx} id={w.id} values={workshopValues} errors={workshopErrors} />
    </Layout>
  );
}

export function PrintListPage({ ctx, workshop: w, registrations }: { ctx: PageContext; workshop: Workshop; registrations: StaffRegistration[] }): JSX.Element {
  const t = staffMessages(ctx.locale);
  const title = t('print.title', { title: w.title });
  return (
    <Layout ctx={ctx} title={title} section={section}>
      <h1 class="kern-heading-large" safe>
        {title}
      </h1>
      <p class="kern-body" safe>{`${formatDateTime(w.starts_at, ctx.locale)}, ${w.place}`}</p>
      <DataTable
        caption={title}
        captionHidden
        columns={[
          { header: t('registrations.name'), rowHeader: true, text: (r: StaffRegistration) => r.name },
          { header: t('registrations.persons'), numeric: true, text: (r) => String(r.persons) },
          { header: t('registrations.childcare'), numeric: true, text: (r) => String(r.childcare_children) },
          { header: t('print.signature'), text: () => '' },
        ]}
        rows={registrations.filter((r) => r.status === 'confirmed')}
      />
    </Layout>
  );
}
