import type { PageContext } from '../../../platform/http/context.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import { formatCivilDate } from '../../../platform/i18n/i18n.js';
import { isoWithOffset, toLocal } from '../../../platform/time/berlin.js';
import { Alert, CsrfField, DateField, ErrorSummary, SelectField, SubmitButton, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { layoutMessages } from '../../../platform/views/layout.messages.js';
import { whenText } from '../appointments.service.js';
import type { Slot } from '../slots.js';
import { staffMessages } from '../staff.messages.js';

export interface PlanningData {
  services: { id: string; name: string }[];
  serviceId: string;
  slots: Slot[];
  locations: Map<string, { name: string }>;
  counsellors: { id: string; name: string }[];
}

/** /verwaltung/termine/planen: book for a caller, block time, report an absence. */
export function PlanningPage({
  ctx,
  data,
  values = {},
  errors = {},
  notice,
}: {
  ctx: PageContext;
  data: PlanningData;
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: string;
}): JSX.Element {
  const t = staffMessages(ctx.locale);
  const failed = Object.keys(errors).length > 0;
  const slotLabel = (s: Slot) => {
    const when = whenText(s.start, ctx.locale);
    return `${formatCivilDate(toLocal(s.start).date, ctx.locale)}, ${when.time} – ${data.locations.get(s.locationId)?.name ?? ''}`;
  };
  const counsellorOptions = [{ value: '', label: '' }, ...data.counsellors.map((c) => ({ value: c.id, label: c.name }))];
  return (
    <Layout ctx={ctx} title={t('plan')} hasErrors={failed}>
      {failed ? <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} /> : ''}
      <h1 class="kern-heading-large">{t.html('plan')}</h1>
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <p class="kern-body">
        <a class="kern-link" href="/verwaltung/termine">
          {t.html('title')}
        </a>
      </p>

      <section aria-labelledby="anruf">
        <h2 class="kern-heading-medium" id="anruf">
          {t.html('caller.title')}
        </h2>
        <form method="get" action="/verwaltung/termine/planen#anruf">
          <SelectField name="dienst" label={t('caller.service')} value={data.serviceId} options={data.services.map((s) => ({ value: s.id, label: s.name }))} />
          <SubmitButton label={t('caller.choose')} variant="secondary" />
        </form>
        {data.slots.length === 0 ? (
          <p class="kern-body">{t.html('caller.none')}</p>
        ) : (
          <form method="post" action="/verwaltung/termine/anruf" novalidate>
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="dienst" value={data.serviceId} />
            <SelectField
              name="zeit"
              label={t('caller.slot')}
              value={values.zeit}
              error={errors.zeit}
              options={[{ value: '', label: '' }, ...data.slots.map((s) => ({ value: `${isoWithOffset(s.start)}|${s.locationId}`, label: slotLabel(s) }))]}
            />
            <TextField name="name" label={t('caller.name')} value={values.name} error={errors.name} required />
            <TextField name="telefon" type="tel" label={t('caller.phone')} value={values.telefon} error={errors.telefon} required />
            <TextField name="email" type="email" label={t('caller.email')} value={values.email} error={errors.email} />
            <SubmitButton label={t('caller.submit')} />
          </form>
        )}
      </section>

      <section aria-labelledby="sperren">
        <h2 class="kern-heading-medium" id="sperren">
          {t.html('block.title')}
        </h2>
        <form method="post" action="/verwaltung/termine/sperren" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <SelectField name="berater" label={t('block.counsellor')} value={values.berater} error={errors.berater} options={counsellorOptions} />
          <DateField name="tag" label={t('block.day')} value={values.tag} error={errors.tag} locale={ctx.locale} />
          <TextField name="von" label={t('block.start')} value={values.von} error={errors.von} width="narrow" />
          <TextField name="bis" label={t('block.end')} value={values.bis} error={errors.bis} width="narrow" />
          <TextField name="grund" label={t('block.reason')} value={values.grund} error={errors.grund} />
          <SubmitButton label={t('block.submit')} />
        </form>
      </section>

      <section aria-labelledby="ausfall">
        <h2 class="kern-heading-medium" id="ausfall">
          {t.html('ill.title')}
        </h2>
        <p class="kern-body">{t.html('ill.lead')}</p>
        <form method="post" action="/verwaltung/termine/ausfall" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <SelectField
            name="ausfallBerater"
            label={t('block.counsellor')}
            value={values.ausfallBerater}
            error={errors.ausfallBerater}
            options={counsellorOptions}
          />
          <DateField name="ausfallTag" label={t('block.day')} value={values.ausfallTag} error={errors.ausfallTag} locale={ctx.locale} />
          <SubmitButton label={t('ill.submit')} />
        </form>
      </section>
    </Layout>
  );
}
