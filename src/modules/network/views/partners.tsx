import type { FieldErrors } from '../../../platform/http/errors.js';
import type { PageContext } from '../../../platform/http/context.js';
import { Alert, Checkbox, CsrfField, FileField, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { networkMessages } from '../network.messages.js';
import type { NetworkService } from '../network.service.js';
import { section } from './public.js';
import { Errors } from './parts.js';

type PartnerProfiles = Awaited<ReturnType<NetworkService['partnerProfiles']>>;

export function PartnerListPage({ ctx, partners, notice }: { ctx: PageContext; partners: PartnerProfiles; notice?: string }) {
  const t = networkMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('partnerForm.list')} section={section}>
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <h1 class="kern-heading-x-large">{t.html('partnerForm.list')}</h1>
      <p class="kern-body">{t.html('partnerForm.list.lead')}</p>
      <ul class="kern-list">
        {partners.map((p) => (
          <li>
            <a class="kern-link" href={`/netzwerk/partner/${p.id}`} safe>
              {t('partnerForm.edit', { name: p.name })}
            </a>{' '}
            <span safe>{`· ${p.shown ? t('partnerForm.state.shown') : t('partnerForm.state.hidden')}`}</span>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function PartnerFormPage({
  ctx,
  partner,
  values,
  errors = {},
}: {
  ctx: PageContext;
  partner: { id: string; name: string };
  values: Record<string, string>;
  errors?: FieldErrors;
}) {
  const t = networkMessages(ctx.locale);
  const title = t('partnerForm.edit', { name: partner.name });
  return (
    <Layout ctx={ctx} title={title} section={section} hasErrors={Object.keys(errors).length > 0}>
      <Errors ctx={ctx} errors={errors} />
      <p class="kern-body">
        <a class="kern-link" href="/netzwerk/partner">
          {t.html('partnerForm.list')}
        </a>
      </p>
      <h1 class="kern-heading-x-large" safe>
        {title}
      </h1>
      <form method="post" action={`/netzwerk/partner/${partner.id}`} enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextArea name="shortText" label={t('partnerForm.shortText')} value={values.shortText} error={errors.shortText} rows={3} />
        <TextArea name="contribution" label={t('partnerForm.contribution')} value={values.contribution} error={errors.contribution} rows={3} />
        <TextField name="website" type="url" label={t('partnerForm.website')} value={values.website} error={errors.website} />
        <FileField name="logo" label={t('partnerForm.logo')} error={errors.logo} accept="image/jpeg,image/png,image/webp" />
        <Checkbox name="shown" label={t('partnerForm.shown')} checked={values.shown === 'ja'} error={errors.shown} />
        <SubmitButton label={t('partnerForm.submit')} />
      </form>
    </Layout>
  );
}
