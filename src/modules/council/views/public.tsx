import type { PageContext } from '../../../platform/http/context.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import { formatDateTime, type Locale } from '../../../platform/i18n/i18n.js';
import { DataTable } from '../../../platform/views/data-table.js';
import { Alert, Checkbox, CsrfField, ErrorSummary, SelectField, SubmitButton, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { layoutMessages } from '../../../platform/views/layout.messages.js';
import { councilMessages } from '../council.messages.js';
import { councilPath, familySituations, workshopPath, type CompositionTable, type Workshop } from '../council.service.js';

const section = '/mitmachen';
type T = ReturnType<typeof councilMessages>;

export interface ResultView {
  id: string;
  title: string;
  body: string;
  follow_up: string;
  follow_up_note: string | null;
  initiative: { title: string; path: string; statusLabel: string } | null;
  idea: { title: string; path: string } | null;
}

const when = (w: { starts_at: Date; ends_at: Date }, locale: Locale) => `${formatDateTime(w.starts_at, locale)} – ${formatDateTime(w.ends_at, locale)}`;

export function keyLabel(t: T, dimension: CompositionTable['dimension'], key: string): string {
  if (key === 'unknown' || key === 'other' || key === 'yes' || key === 'no') return t(`key.${key}`);
  if (dimension === 'family_situation') return t(`situation.${key as (typeof familySituations)[number]}`);
  return key;
}

/** The composition as tables of counts; hidden groups say "fewer than 5". */
export function CompositionTables({ locale, tables }: { locale: Locale; tables: CompositionTable[] }): JSX.Element {
  const t = councilMessages(locale);
  const shown = (n: number | null) => (n === null ? t('composition.hidden') : String(n));
  return (
    <>
      {tables.map((table) => (
        <DataTable
          caption={t(`dimension.${table.dimension}`)}
          columns={[
            { header: t(`dimension.${table.dimension}`), rowHeader: true, text: (r: { label: string; count: number | null }) => r.label },
            { header: t('composition.count'), numeric: true, text: (r) => shown(r.count) },
          ]}
          rows={table.rows.filter((r) => r.count !== 0).map((r) => ({ label: keyLabel(t, table.dimension, r.key), count: r.count }))}
          footer={[{ label: t('composition.total'), count: table.total }]}
        />
      ))}
    </>
  );
}

export function CouncilPage({
  ctx,
  upcoming,
  reports,
  composition,
}: {
  ctx: PageContext;
  upcoming: Workshop[];
  reports: Workshop[];
  composition: { members: number; tables: CompositionTable[] };
}): JSX.Element {
  const t = councilMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('title')} section={section}>
      <h1 class="kern-heading-x-large">{t.html('title')}</h1>
      <p class="kern-body kern-body--large">{t.html('lead')}</p>
      <h2 class="kern-heading-medium">{t.html('who.heading')}</h2>
      <p class="kern-body">{t.html('who.text')}</p>
      <h2 class="kern-heading-medium">{t.html('how.heading')}</h2>
      <p class="kern-body">{t.html('how.text')}</p>
      <p class="kern-body">
        <a class="kern-btn kern-btn--primary" href={`${councilPath}/bewerben`}>
          <span class="kern-label">{t.html('apply.link')}</span>
        </a>
      </p>
      <h2 class="kern-heading-medium">{t.html('upcoming.heading')}</h2>
      {upcoming.length === 0 ? <p class="kern-body">{t.html('upcoming.none')}</p> : ''}
      <ul class="kern-list">
        {upcoming.map((w) => (
          <li>
            <a class="kern-link" href={workshopPath(w.id)} safe>
              {w.title}
            </a>
            <span
              class="kern-body"
              safe
            >{`, ${when(w, ctx.locale)}, ${w.place}. ${t('upcoming.free', { count: Math.max(0, w.capacity - w.places_taken) })}`}</span>
          </li>
        ))}
      </ul>
      <h2 class="kern-heading-medium">{t.html('reports.heading')}</h2>
      {reports.length === 0 ? <p class="kern-body">{t.html('reports.none')}</p> : ''}
      <ul class="kern-list">
        {reports.map((w) => (
          <li>
            <a class="kern-link" href={workshopPath(w.id)} safe>
              {`${w.title} (${formatDateTime(w.starts_at, ctx.locale)})`}
            </a>
          </li>
        ))}
      </ul>
      <h2 class="kern-heading-medium">{t.html('composition.heading')}</h2>
      <p class="kern-body">{t.html('composition.lead', { count: composition.members })}</p>
      <CompositionTables locale={ctx.locale} tables={composition.tables} />
      <p class="kern-body">
        <a class="kern-link" href={`${councilPath}/austausch`}>
          {t.html('board.link')}
        </a>
      </p>
    </Layout>
  );
}

export function ApplyPage({ ctx, values = {}, errors = {} }: { ctx: PageContext; values?: Record<string, string>; errors?: FieldErrors }): JSX.Element {
  const t = councilMessages(ctx.locale);
  const districts = [{ value: '', label: '' }, ...ctx.city.districts.map((d) => ({ value: d, label: d }))];
  return (
    <Layout ctx={ctx} title={t('apply.title')} section={section} hasErrors={Object.keys(errors).length > 0}>
      <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} />
      <h1 class="kern-heading-x-large">{t.html('apply.title')}</h1>
      <p class="kern-body kern-body--large">{t.html('apply.lead')}</p>
      <form method="post" action={`${councilPath}/bewerben`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="name" label={t('apply.name')} value={values.name} error={errors.name} autocomplete="name" required />
        <TextField name="email" type="email" label={t('apply.email')} value={values.email} error={errors.email} autocomplete="email" required />
        <TextField name="phone" type="tel" label={t('apply.phone')} value={values.phone} error={errors.phone} autocomplete="tel" />
        <SelectField name="district" label={t('apply.district')} value={values.district} error={errors.district} options={districts} />
        <TextField name="adults" label={t('apply.adults')} value={values.adults ?? '1'} error={errors.adults} width="narrow" required />
        <TextField name="children" label={t('apply.children')} value={values.children ?? '0'} error={errors.children} width="narrow" required />
        <fieldset class="kern-fieldset">
          <legend class="kern-label">{t.html('apply.optional.heading')}</legend>
          <p class="kern-body">{t.html('apply.optional.why')}</p>
          <Checkbox
            name="optionalConsent"
            label={t('apply.optionalConsent')}
            hint={t('apply.optionalConsent.hint')}
            checked={values.optionalConsent === 'ja'}
            error={errors.optionalConsent}
          />
          <SelectField
            name="familySituation"
            label={t('apply.familySituation')}
            hint={t('apply.familySituation.hint')}
            value={values.familySituation}
            error={errors.familySituation}
            options={[{ value: '', label: t('apply.familySituation.none') }, ...familySituations.map((s) => ({ value: s, label: t(`situation.${s}`) }))]}
          />
          <TextField
            name="homeLanguages"
            label={t('apply.homeLanguages')}
            hint={t('apply.homeLanguages.hint')}
            value={values.homeLanguages}
            error={errors.homeLanguages}
          />
          <Checkbox name="needsInterpreter" label={t('apply.needsInterpreter')} hint={t('apply.needs.hint')} checked={values.needsInterpreter === 'ja'} />
          <Checkbox name="needsChildcare" label={t('apply.needsChildcare')} hint={t('apply.needs.hint')} checked={values.needsChildcare === 'ja'} />
        </fieldset>
        <Checkbox name="privacy" label={t('apply.privacy')} hint={t('apply.privacy.hint')} checked={values.privacy === 'ja'} error={errors.privacy} />
        <div class="visually-hidden" aria-hidden="true">
          <label for="website">Website</label>
          <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" />
        </div>
        <SubmitButton label={t('apply.submit')} />
      </form>
    </Layout>
  );
}

export function ResultList({ locale, results }: { locale: Locale; results: ResultView[] }): JSX.Element {
  const t = councilMessages(locale);
  return (
    <ul class="kern-list">
      {results.map((r) => (
        <li id={`ergebnis-${r.id}`}>
          <p class="kern-body kern-body--bold" safe>
            {r.title}
          </p>
          {r.body ? (
            <p class="kern-body" safe>
              {r.body}
            </p>
          ) : (
            ''
          )}
          <p class="kern-body">
            <span class="kern-badge kern-badge--info">
              <span class="kern-label" safe>{`${t('followUp.label')}: ${t(`followUp.${r.follow_up as 'open'}`)}`}</span>
            </span>
            {r.follow_up_note ? <span safe>{` ${r.follow_up_note}`}</span> : ''}
          </p>
          {r.initiative ? (
            <p class="kern-body">
              <a class="kern-link" href={r.initiative.path} safe>
                {t('report.initiative', { title: r.initiative.title, status: r.initiative.statusLabel })}
              </a>
            </p>
          ) : (
            ''
          )}
          {r.idea ? (
            <p class="kern-body">
              <a class="kern-link" href={r.idea.path} safe>
                {t('report.idea', { title: r.idea.title })}
              </a>
            </p>
          ) : (
            ''
          )}
        </li>
      ))}
    </ul>
  );
}

export function WorkshopPage({ ctx, workshop: w, results }: { ctx: PageContext; workshop: Workshop; results: ResultView[] }): JSX.Element {
  const t = councilMessages(ctx.locale);
  const upcoming = w.starts_at > new Date();
  const paragraphs = (text: string | null) =>
    (text ?? '')
      .split(/\n{2,}/)
      .filter(Boolean)
      .map((p) => (
        <p class="kern-body" safe>
          {p}
        </p>
      ));
  return (
    <Layout ctx={ctx} title={w.title} section={section}>
      <p class="kern-body">
        <a class="kern-link" href={councilPath}>
          {t.html('title')}
        </a>
      </p>
      <h1 class="kern-heading-x-large" safe>
        {w.title}
      </h1>
      <dl class="kern-description-list">
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t.html('workshop.when')}</dt>
          <dd class="kern-description-list-item__value" safe>
            {when(w, ctx.locale)}
          </dd>
        </div>
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{t.html('workshop.place')}</dt>
          <dd class="kern-description-list-item__value" safe>
            {w.place}
          </dd>
        </div>
        {w.languages ? (
          <div class="kern-description-list-item">
            <dt class="kern-description-list-item__key">{t.html('workshop.languages')}</dt>
            <dd class="kern-description-list-item__value" safe>
              {w.languages}
            </dd>
          </div>
        ) : (
          ''
        )}
      </dl>
      {upcoming ? (
        <>
          <p class="kern-body">{t.html('upcoming.free', { count: Math.max(0, w.capacity - w.places_taken) })}</p>
          <p class="kern-body">{t.html('workshop.registrationUntil', { date: formatDateTime(w.registration_until, ctx.locale) })}</p>
          <p class="kern-body">{t.html('workshop.membersOnly')}</p>
        </>
      ) : (
        ''
      )}
      {w.agenda ? (
        <>
          <h2 class="kern-heading-medium">{t.html('workshop.agenda')}</h2>
          {paragraphs(w.agenda)}
        </>
      ) : (
        ''
      )}
      {w.report_published_at ? (
        <>
          <h2 class="kern-heading-medium">{t.html('report.heading')}</h2>
          {w.report_photo_id ? <img class="council-photo" src={`/medien/${w.report_photo_id}`} alt={w.report_photo_alt ?? ''} /> : ''}
          <h3 class="kern-heading-small">{t.html('report.discussed')}</h3>
          {paragraphs(w.report_discussed)}
          {w.report_blind_spots ? (
            <>
              <h3 class="kern-heading-small">{t.html('report.blindSpots')}</h3>
              {paragraphs(w.report_blind_spots)}
            </>
          ) : (
            ''
          )}
          {w.report_ideas ? (
            <>
              <h3 class="kern-heading-small">{t.html('report.ideas')}</h3>
              {paragraphs(w.report_ideas)}
            </>
          ) : (
            ''
          )}
          {results.length > 0 ? (
            <>
              <h3 class="kern-heading-small">{t.html('report.results')}</h3>
              <ResultList locale={ctx.locale} results={results} />
            </>
          ) : (
            ''
          )}
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}

/** Who comes and what they need: the same fields to register and to change a registration. */
function RegistrationFields({
  workshop: w,
  locale,
  values,
  errors,
}: {
  workshop: Workshop;
  locale: Locale;
  values: Record<string, string>;
  errors: FieldErrors;
}): JSX.Element {
  const t = councilMessages(locale);
  return (
    <>
      <TextField name="persons" label={t('register.persons')} value={values.persons ?? '1'} error={errors.persons} width="narrow" required />
      <fieldset class="kern-fieldset">
        <legend class="kern-label">{t.html('register.needs.heading')}</legend>
        <p class="kern-body">{t.html('register.needs.why')}</p>
        {w.childcare_places > 0 ? (
          <>
            <TextField
              name="childcareChildren"
              label={t('register.childcareChildren')}
              value={values.childcareChildren ?? '0'}
              error={errors.childcareChildren}
              width="narrow"
            />
            <TextField
              name="childcareAges"
              label={t('register.childcareAges')}
              hint={t('register.childcareAges.hint')}
              value={values.childcareAges}
              error={errors.childcareAges}
            />
          </>
        ) : (
          <input type="hidden" name="childcareChildren" value="0" />
        )}
        <TextField name="interpreterLanguage" label={t('register.interpreterLanguage')} value={values.interpreterLanguage} error={errors.interpreterLanguage} />
        <Checkbox name="stepFree" label={t('register.stepFree')} checked={values.stepFree === 'ja'} />
        <TextField name="dietary" label={t('register.dietary')} value={values.dietary} error={errors.dietary} />
        <Checkbox name="travelRefund" label={t('register.travelRefund')} checked={values.travelRefund === 'ja'} />
      </fieldset>
    </>
  );
}

export function RegisterPage({
  ctx,
  workshop: w,
  member,
  token,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  workshop: Workshop;
  member: { name: string };
  token: string;
  values?: Record<string, string>;
  errors?: FieldErrors;
}): JSX.Element {
  const t = councilMessages(ctx.locale);
  const title = t('register.title', { title: w.title });
  return (
    <Layout ctx={ctx} title={title} section={section} hasErrors={Object.keys(errors).length > 0}>
      <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} />
      <h1 class="kern-heading-x-large" safe>
        {title}
      </h1>
      <p class="kern-body" safe>{`${when(w, ctx.locale)}, ${w.place}`}</p>
      <p class="kern-body">{t.html('register.for', { name: member.name })}</p>
      <p class="kern-body">
        {t.html('register.free', { places: Math.max(0, w.capacity - w.places_taken), childcare: Math.max(0, w.childcare_places - w.childcare_taken) })}
      </p>
      <form method="post" action={`${workshopPath(w.id)}/anmelden`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="token" value={token} />
        <RegistrationFields workshop={w} locale={ctx.locale} values={values} errors={errors} />
        <SubmitButton label={t('register.submit')} />
      </form>
    </Layout>
  );
}

export function RegistrationPage({
  ctx,
  workshop: w,
  status,
  persons,
  position,
  token,
  notice,
  saved,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  workshop: Workshop;
  status: 'confirmed' | 'waiting' | 'cancelled';
  persons: number;
  position: number | null;
  token: string;
  notice?: string;
  saved?: boolean;
  values?: Record<string, string>;
  errors?: FieldErrors;
}): JSX.Element {
  const t = councilMessages(ctx.locale);
  const open = status !== 'cancelled' && w.starts_at > new Date();
  const text =
    status === 'confirmed'
      ? t('registration.confirmed')
      : status === 'waiting'
        ? t('registration.waiting', { position: position ?? 0 })
        : t('registration.cancelled');
  return (
    <Layout ctx={ctx} title={t('registration.title')} section={section} hasErrors={Object.keys(errors).length > 0}>
      <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} />
      <h1 class="kern-heading-x-large">{t.html('registration.title')}</h1>
      {notice ? <Alert kind="warning" title={notice} /> : ''}
      {saved ? <Alert kind="success" title={t('change.saved')} /> : ''}
      <Alert kind={status === 'cancelled' ? 'info' : 'success'} title={text} />
      <p class="kern-body kern-body--bold" safe>
        {w.title}
      </p>
      <p class="kern-body" safe>{`${when(w, ctx.locale)}, ${w.place}. ${t('registration.persons', { count: persons })}`}</p>
      {open ? (
        <>
          <h2 class="kern-heading-medium">{t.html('change.heading')}</h2>
          <form method="post" action={`${councilPath}/anmeldung/aendern`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="token" value={token} />
            <RegistrationFields workshop={w} locale={ctx.locale} values={values} errors={errors} />
            <SubmitButton label={t('change.submit')} variant="secondary" />
          </form>
        </>
      ) : (
        ''
      )}
      {open ? (
        <form method="post" action={`${councilPath}/anmeldung/absagen`}>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="token" value={token} />
          <p class="kern-body">{t.html('registration.cancel.hint')}</p>
          <SubmitButton label={t('registration.cancel')} variant="secondary" />
        </form>
      ) : (
        ''
      )}
      <p class="kern-body">
        <a class="kern-link" href={workshopPath(w.id)}>
          {t.html('apply.done.back')}
        </a>
      </p>
    </Layout>
  );
}

export function ResultMailsPage({ ctx, token, on, settingsUrl }: { ctx: PageContext; token: string; on: boolean; settingsUrl?: string | null }): JSX.Element {
  const t = councilMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('resultMails.title')} section={section}>
      <h1 class="kern-heading-x-large">{t.html('resultMails.title')}</h1>
      <Alert kind="info" title={on ? t('resultMails.on') : t('resultMails.off')} />
      <form method="post" action={`${councilPath}/nachrichten`}>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="on" value={on ? 'nein' : 'ja'} />
        <SubmitButton label={on ? t('resultMails.stop') : t('resultMails.start')} variant="secondary" />
      </form>
      {settingsUrl ? (
        <p class="kern-body">
          <a class="kern-link" href={settingsUrl}>
            {t.html('resultMails.more')}
          </a>
        </p>
      ) : (
        ''
      )}
    </Layout>
  );
}
