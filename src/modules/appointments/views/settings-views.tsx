import type { Children } from '@kitajs/html';
import type { PageContext } from '../../../platform/http/context.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import { formatCivilDate, type Locale } from '../../../platform/i18n/i18n.js';
import { isoWithOffset, toLocal } from '../../../platform/time/berlin.js';
import { DataTable } from '../../../platform/views/data-table.js';
import { Alert, Checkbox, CsrfField, DateField, ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { layoutMessages } from '../../../platform/views/layout.messages.js';
import { appointmentMessages } from '../appointments.messages.js';
import { whenText } from '../appointments.service.js';
import { settingsMessages } from '../settings.messages.js';
import type { Slot } from '../slots.js';

type Values = Record<string, string>;
const base = '/verwaltung/termine/einstellungen';

/** "Montag" … "Sonntag" in the page's language (ISO weekday 1–7; 1 January 2024 was a Monday). */
export const weekdayName = (weekday: number, locale: Locale) =>
  new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, weekday)));

function Shell({ ctx, title, errors, notice, children }: { ctx: PageContext; title: string; errors?: FieldErrors; notice?: string; children?: Children }) {
  const t = settingsMessages(ctx.locale);
  const failed = !!errors && Object.keys(errors).length > 0;
  return (
    <Layout ctx={ctx} title={title} hasErrors={failed}>
      {failed ? <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} /> : ''}
      <h1 class="kern-heading-large" safe>
        {title}
      </h1>
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <p class="kern-body">
        <a class="kern-link" href={base}>
          {t.html('back')}
        </a>
      </p>
      {children}
    </Layout>
  );
}

export interface SettingsOverview {
  services: { id: string; name: string; office: string; active: boolean }[];
  counsellors: { id: string; name: string }[];
  locations: { id: string; name: string; address: string }[];
}

/** /verwaltung/termine/einstellungen: what can be booked, who gives it, where. */
export function SettingsOverviewPage({ ctx, data }: { ctx: PageContext; data: SettingsOverview }): JSX.Element {
  const t = settingsMessages(ctx.locale);
  const a = appointmentMessages(ctx.locale);
  const list = (items: { href: string; label: string }[]) => (
    <ul class="kern-list">
      {items.map((i) => (
        <li>
          <a class="kern-link" href={i.href} safe>
            {i.label}
          </a>
        </li>
      ))}
    </ul>
  );
  return (
    <Layout ctx={ctx} title={t('title')}>
      <h1 class="kern-heading-large">{t.html('title')}</h1>
      <h2 class="kern-heading-medium">{t.html('services.title')}</h2>
      {list(
        data.services.map((s) => ({
          href: `${base}/dienste/${s.id}`,
          label: `${a(`office.${s.office as 'youth_career'}`)}: ${s.active ? s.name : t('services.inactive', { name: s.name })}`,
        })),
      )}
      <p class="kern-body">
        <a class="kern-link" href={`${base}/dienste/neu`}>
          {t.html('services.new')}
        </a>
      </p>
      <h2 class="kern-heading-medium">{t.html('counsellors.title')}</h2>
      {list(data.counsellors.map((c) => ({ href: `${base}/beratende/${c.id}`, label: c.name })))}
      <p class="kern-body">
        <a class="kern-link" href={`${base}/beratende/neu`}>
          {t.html('counsellors.new')}
        </a>
      </p>
      <h2 class="kern-heading-medium">{t.html('locations.title')}</h2>
      {list(data.locations.map((l) => ({ href: `${base}/orte/${l.id}`, label: l.address ? `${l.name}, ${l.address}` : l.name })))}
      <p class="kern-body">
        <a class="kern-link" href={`${base}/orte/neu`}>
          {t.html('locations.new')}
        </a>
      </p>
    </Layout>
  );
}

/** The service form (new or existing). */
export function ServiceFormPage({
  ctx,
  id,
  title,
  values,
  errors,
  notice,
}: {
  ctx: PageContext;
  id: string | null;
  title: string;
  values: Values;
  errors?: FieldErrors;
  notice?: string;
}): JSX.Element {
  const t = settingsMessages(ctx.locale);
  const a = appointmentMessages(ctx.locale);
  const e = errors ?? {};
  const number = (name: string, label: string) => <TextField name={name} label={label} value={values[name]} error={e[name]} width="narrow" />;
  return (
    <Shell ctx={ctx} title={title} errors={errors} notice={notice}>
      <form method="post" action={id ? `${base}/dienste/${id}` : `${base}/dienste/neu`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="name" label={t('service.name')} value={values.name} error={e.name} required />
        <SelectField
          name="stelle"
          label={t('service.office')}
          value={values.stelle}
          error={e.stelle}
          options={(['youth_career', 'family_office', 'return_to_work'] as const).map((o) => ({ value: o, label: a(`office.${o}`) }))}
        />
        <TextArea name="beschreibung" label={t('service.description')} value={values.beschreibung} error={e.beschreibung} rows={3} />
        {number('dauer', t('service.duration'))}
        {number('pufferVorher', t('service.bufferBefore'))}
        {number('pufferNachher', t('service.bufferAfter'))}
        <SelectField
          name="art"
          label={t('service.channel')}
          value={values.art}
          error={e.art}
          options={(['in_person', 'phone', 'video'] as const).map((c) => ({ value: c, label: a(`channel.${c}`) }))}
        />
        <SelectField
          name="zielgruppe"
          label={t('service.audience')}
          value={values.zielgruppe}
          error={e.zielgruppe}
          options={(['anyone', 'young', 'invitation'] as const).map((c) => ({ value: c, label: t(`audience.${c}`) }))}
        />
        <TextField name="frage" label={t('service.question')} value={values.frage} error={e.frage} />
        {number('vorlauf', t('service.notice'))}
        {number('zeitraum', t('service.window'))}
        <Checkbox name="buchbar" label={t('service.active')} checked={values.buchbar === 'ja'} error={e.buchbar} />
        <SubmitButton label={t('save')} />
      </form>
    </Shell>
  );
}

export function LocationFormPage({
  ctx,
  id,
  title,
  values,
  errors,
  notice,
}: {
  ctx: PageContext;
  id: string | null;
  title: string;
  values: Values;
  errors?: FieldErrors;
  notice?: string;
}): JSX.Element {
  const t = settingsMessages(ctx.locale);
  const e = errors ?? {};
  return (
    <Shell ctx={ctx} title={title} errors={errors} notice={notice}>
      <form method="post" action={id ? `${base}/orte/${id}` : `${base}/orte/neu`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="name" label={t('location.name')} value={values.name} error={e.name} required />
        <TextField name="adresse" label={t('location.address')} value={values.adresse} error={e.adresse} />
        <SubmitButton label={t('save')} />
      </form>
    </Shell>
  );
}

export interface CounsellorPageData {
  id: string | null;
  title: string;
  services: { id: string; name: string }[];
  locations: { id: string; name: string }[];
  patterns: { id: string; weekday: number; starts: string; ends: string; valid_from: string; valid_until: string | null; location_name: string }[];
  exceptions: { id: string; kind: 'absence' | 'extra'; starts_at: Date; ends_at: Date; note: string; location_name: string | null }[];
  outside: { id: string; starts_at: Date; name: string; service_name: string | null; location_name: string | null; targets: Slot[] }[];
}

/** A counsellor: name, account and services; their weekly pattern; absences and extra hours; bookings that fell outside. */
export function CounsellorPage({
  ctx,
  data,
  values,
  errors,
  notice,
}: {
  ctx: PageContext;
  data: CounsellorPageData;
  values: Values;
  errors?: FieldErrors;
  notice?: string;
}): JSX.Element {
  const t = settingsMessages(ctx.locale);
  const e = errors ?? {};
  const here = data.id ? `${base}/beratende/${data.id}` : `${base}/beratende/neu`;
  const locationOptions = [{ value: '', label: '' }, ...data.locations.map((l) => ({ value: l.id, label: l.name }))];
  const instant = (d: Date) => `${formatCivilDate(toLocal(d).date, ctx.locale)}, ${whenText(d, ctx.locale).time}`;
  const slotLabel = (s: Slot) => `${instant(s.start)} – ${data.locations.find((l) => l.id === s.locationId)?.name ?? ''}`;
  const removeButton = (action: string) => (
    <form method="post" action={action} class="inline-form">
      <CsrfField token={ctx.csrfToken} />
      <SubmitButton label={t('remove')} variant="tertiary" />
    </form>
  );
  return (
    <Shell ctx={ctx} title={data.title} errors={errors} notice={notice}>
      {data.outside.length > 0 ? (
        <section aria-labelledby="ausserhalb">
          <h2 class="kern-heading-medium" id="ausserhalb" safe>
            {t('outside.title', { count: data.outside.length })}
          </h2>
          <p class="kern-body">{t.html('outside.text')}</p>
          <DataTable
            caption={t('outside.title', { count: data.outside.length })}
            captionHidden
            columns={[
              {
                header: t('col.time'),
                rowHeader: true,
                html: (b: CounsellorPageData['outside'][number]) => (
                  <time datetime={isoWithOffset(b.starts_at)} safe>
                    {instant(b.starts_at)}
                  </time>
                ),
              },
              { header: t('col.service'), text: (b: CounsellorPageData['outside'][number]) => b.service_name ?? '' },
              { header: t('col.person'), text: (b: CounsellorPageData['outside'][number]) => b.name },
              { header: t('col.location'), text: (b: CounsellorPageData['outside'][number]) => b.location_name ?? '' },
              {
                header: t('col.action'),
                html: (b: CounsellorPageData['outside'][number]) =>
                  b.targets.length === 0 ? (
                    <p class="kern-body">{t.html('outside.none')}</p>
                  ) : (
                    <form method="post" action={`${here}/verschieben/${b.id}`}>
                      <CsrfField token={ctx.csrfToken} />
                      <SelectField
                        name={`zeit-${b.id}`}
                        label={t('outside.target')}
                        error={e[`zeit-${b.id}`]}
                        options={b.targets.map((s) => ({ value: `${isoWithOffset(s.start)}|${s.locationId}`, label: slotLabel(s) }))}
                      />
                      <SubmitButton label={t('outside.move')} variant="secondary" />
                    </form>
                  ),
              },
            ]}
            rows={data.outside}
          />
        </section>
      ) : (
        ''
      )}

      <form method="post" action={here} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="name" label={t('counsellor.name')} value={values.name} error={e.name} required />
        <TextField name="konto" type="email" label={t('counsellor.account')} hint={t('counsellor.account.hint')} value={values.konto} error={e.konto} />
        <fieldset class="kern-fieldset">
          <legend class="kern-label">{t.html('counsellor.services')}</legend>
          <div class="kern-fieldset__body">
            {data.services.map((s) => (
              <Checkbox name={`dienst-${s.id}`} label={s.name} checked={values[`dienst-${s.id}`] === 'ja'} />
            ))}
          </div>
        </fieldset>
        <SubmitButton label={t('save')} />
      </form>

      {data.id ? (
        <>
          <section aria-labelledby="wochenplan">
            <h2 class="kern-heading-medium" id="wochenplan">
              {t.html('patterns.title')}
            </h2>
            {data.patterns.length === 0 ? (
              <p class="kern-body">{t.html('patterns.none')}</p>
            ) : (
              <DataTable
                caption={t('patterns.title')}
                captionHidden
                columns={[
                  { header: t('col.day'), rowHeader: true, text: (p: CounsellorPageData['patterns'][number]) => weekdayName(p.weekday, ctx.locale) },
                  { header: t('col.time'), text: (p: CounsellorPageData['patterns'][number]) => `${p.starts}–${p.ends}` },
                  { header: t('col.location'), text: (p: CounsellorPageData['patterns'][number]) => p.location_name },
                  {
                    header: t('col.valid'),
                    text: (p: CounsellorPageData['patterns'][number]) =>
                      p.valid_until
                        ? t('patterns.validUntil', { from: formatCivilDate(p.valid_from, ctx.locale), until: formatCivilDate(p.valid_until, ctx.locale) })
                        : t('patterns.valid', { from: formatCivilDate(p.valid_from, ctx.locale) }),
                  },
                  { header: t('col.action'), html: (p: CounsellorPageData['patterns'][number]) => removeButton(`${here}/zeiten/${p.id}/entfernen`) },
                ]}
                rows={data.patterns}
              />
            )}
            <h3 class="kern-heading-small">{t.html('patterns.add')}</h3>
            <form method="post" action={`${here}/zeiten`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <SelectField
                name="wochentag"
                label={t('pattern.weekday')}
                value={values.wochentag}
                error={e.wochentag}
                options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: weekdayName(d, ctx.locale) }))}
              />
              <SelectField name="ort" label={t('pattern.location')} value={values.ort} error={e.ort} options={locationOptions} />
              <TextField name="von" label={t('pattern.start')} value={values.von} error={e.von} width="narrow" />
              <TextField name="bis" label={t('pattern.end')} value={values.bis} error={e.bis} width="narrow" />
              <DateField name="gueltigAb" label={t('pattern.validFrom')} value={values.gueltigAb} error={e.gueltigAb} locale={ctx.locale} />
              <DateField name="gueltigBis" label={t('pattern.validUntil')} value={values.gueltigBis} error={e.gueltigBis} locale={ctx.locale} />
              <SubmitButton label={t('patterns.add')} />
            </form>
          </section>

          <section aria-labelledby="ausnahmen">
            <h2 class="kern-heading-medium" id="ausnahmen">
              {t.html('exceptions.title')}
            </h2>
            {data.exceptions.length === 0 ? (
              <p class="kern-body">{t.html('exceptions.none')}</p>
            ) : (
              <DataTable
                caption={t('exceptions.title')}
                captionHidden
                columns={[
                  { header: t('col.kind'), rowHeader: true, text: (x: CounsellorPageData['exceptions'][number]) => t(`kind.${x.kind}`) },
                  { header: t('col.time'), text: (x: CounsellorPageData['exceptions'][number]) => `${instant(x.starts_at)} – ${instant(x.ends_at)}` },
                  { header: t('col.location'), text: (x: CounsellorPageData['exceptions'][number]) => x.location_name ?? '' },
                  { header: t('col.note'), text: (x: CounsellorPageData['exceptions'][number]) => x.note },
                  { header: t('col.action'), html: (x: CounsellorPageData['exceptions'][number]) => removeButton(`${here}/ausnahmen/${x.id}/entfernen`) },
                ]}
                rows={data.exceptions}
              />
            )}
            <form method="post" action={`${here}/ausnahmen`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <SelectField
                name="artAusnahme"
                label={t('exception.kind')}
                value={values.artAusnahme}
                error={e.artAusnahme}
                options={(['absence', 'extra'] as const).map((k) => ({ value: k, label: t(`kind.${k}`) }))}
              />
              <DateField name="tag" label={t('exception.day')} value={values.tag} error={e.tag} locale={ctx.locale} />
              <DateField name="letzterTag" label={t('exception.lastDay')} value={values.letzterTag} error={e.letzterTag} locale={ctx.locale} />
              <TextField name="ab" label={t('exception.start')} value={values.ab} error={e.ab} width="narrow" />
              <TextField name="bisZeit" label={t('exception.end')} value={values.bisZeit} error={e.bisZeit} width="narrow" />
              <SelectField name="ausnahmeOrt" label={t('exception.location')} value={values.ausnahmeOrt} error={e.ausnahmeOrt} options={locationOptions} />
              <TextField name="notiz" label={t('exception.note')} value={values.notiz} error={e.notiz} />
              <SubmitButton label={t('exceptions.add')} />
            </form>
          </section>
        </>
      ) : (
        ''
      )}
    </Shell>
  );
}
