import type { FieldErrors } from '../../../platform/http/errors.js';
import type { PageContext } from '../../../platform/http/context.js';
import { dateFormat, intlLocale, type Locale } from '../../../platform/i18n/i18n.js';
import { imagePath } from '../../../platform/media/media.js';
import { Checkbox, CsrfField, ErrorSummary, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { layoutMessages } from '../../../platform/views/layout.messages.js';
import { networkMessages } from '../network.messages.js';
import type { NetworkService } from '../network.service.js';
import { documentPath } from '../network.paths.js';

export const section = '/netzwerk';
export const day = (date: Date, locale: Locale) => dateFormat(intlLocale[locale], { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(date);

type Overview = Awaited<ReturnType<NetworkService['publicOverview']>>;

/** The form that asks to join as a partner; it reaches the family office. */
export function PartnerRequestForm({ ctx, values = {}, errors = {} }: { ctx: PageContext; values?: Record<string, string>; errors?: FieldErrors }) {
  const t = networkMessages(ctx.locale);
  return (
    <form method="post" action="/netzwerk/partner-werden" novalidate>
      <CsrfField token={ctx.csrfToken} />
      <TextField
        name="organization"
        label={t('request.organization')}
        value={values.organization}
        error={errors.organization}
        required
        autocomplete="organization"
      />
      <TextField name="name" label={t('request.name')} value={values.name} error={errors.name} required autocomplete="name" />
      <TextField name="email" type="email" label={t('request.email')} value={values.email} error={errors.email} required autocomplete="email" />
      <TextArea name="message" label={t('request.message')} hint={t('request.message.hint')} value={values.message} error={errors.message} required rows={5} />
      <div class="idea-honeypot" aria-hidden="true">
        <label for="website">{t.html('request.website')}</label>
        <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" value="" />
      </div>
      <Checkbox name="privacy" label={t('request.privacy')} checked={values.privacy === 'ja'} error={errors.privacy} />
      <SubmitButton label={t('request.submit')} />
    </form>
  );
}

export function NetworkPublicPage({ ctx, overview }: { ctx: PageContext; overview: Overview }) {
  const t = networkMessages(ctx.locale);
  const steering = overview.groups.filter((g) => g.kind === 'steering');
  const working = overview.groups.filter((g) => g.kind === 'working');
  const groupName = new Map(overview.groups.map((g) => [g.id, g.name]));
  const GroupCard = ({ g }: { g: Overview['groups'][number] }) => (
    <article class="network-group" aria-labelledby={`gruppe-${g.slug}`}>
      <h3 class="kern-heading-small" id={`gruppe-${g.slug}`} lang="de" safe>
        {g.name}
      </h3>
      {g.topic ? (
        <p class="kern-body" lang="de" safe>
          {g.topic}
        </p>
      ) : (
        ''
      )}
      <p class="kern-body kern-body--small">
        {g.lead_organization ? <span safe>{t('group.lead', { organization: g.lead_organization })}</span> : ''}{' '}
        <span safe>{t('group.members', { count: Number(g.members ?? 0) })}</span>
      </p>
      {g.public_results ? (
        <>
          <h4 class="kern-heading-x-small">{t.html('group.results')}</h4>
          <p class="kern-body" lang="de" style="white-space: pre-line;" safe>
            {g.public_results}
          </p>
        </>
      ) : (
        ''
      )}
    </article>
  );
  return (
    <Layout ctx={ctx} title={t('public.title')} section={section}>
      <h1 class="kern-heading-x-large">{t.html('public.title')}</h1>
      <p class="kern-body kern-body--large">{t.html('public.lead')}</p>
      <p class="kern-body">
        {ctx.actor ? (
          <a class="kern-link" href="/netzwerk/mein">
            {t.html('public.toWorkspace')}
          </a>
        ) : (
          <a class="kern-link" href="/anmelden?zurueck=/netzwerk/mein">
            {t.html('public.signIn')}
          </a>
        )}
      </p>

      <h2 class="kern-heading-large" id="partner">
        {t.html('public.partners')}
      </h2>
      {overview.partners.length === 0 ? <p class="kern-body">{t.html('public.partners.none')}</p> : ''}
      <ul class="network-partners" aria-labelledby="partner">
        {overview.partners.map((p) => (
          <li class="network-partner">
            {p.logo_image_id ? <img src={imagePath(p.logo_image_id)} alt={t('partner.logo', { name: p.name })} width="96" height="96" loading="lazy" /> : ''}
            <div>
              <h3 class="kern-heading-small" safe>
                {p.name}
              </h3>
              {p.short_text ? (
                <p class="kern-body" lang="de" safe>
                  {p.short_text}
                </p>
              ) : (
                ''
              )}
              {p.contribution ? (
                <p class="kern-body">
                  <strong>{t.html('partner.contribution')}</strong>{' '}
                  <span lang="de" safe>
                    {p.contribution}
                  </span>
                </p>
              ) : (
                ''
              )}
              <p class="kern-body">
                {p.in_directory ? (
                  <a class="kern-link" href={`/angebote?q=${encodeURIComponent(p.name)}`}>
                    {t.html('partner.directory', { name: p.name })}
                  </a>
                ) : (
                  ''
                )}
                {p.website ? (
                  <>
                    {' '}
                    <a class="kern-link" href={p.website} rel="noopener">
                      {t.html('partner.website', { name: p.name })}
                    </a>
                  </>
                ) : (
                  ''
                )}
              </p>
            </div>
          </li>
        ))}
      </ul>

      <h2 class="kern-heading-large">{t.html('public.steering')}</h2>
      {steering.map((g) => (
        <GroupCard g={g} />
      ))}
      <h2 class="kern-heading-large">{t.html('public.working')}</h2>
      {working.length === 0 ? <p class="kern-body">{t.html('public.working.none')}</p> : ''}
      {working.map((g) => (
        <GroupCard g={g} />
      ))}

      {overview.documents.length > 0 ? (
        <>
          <h2 class="kern-heading-large">{t.html('public.documents')}</h2>
          <ul class="kern-list">
            {overview.documents.map((d) => (
              <li>
                <a class="kern-link" href={documentPath(d.id)} lang="de" safe>
                  {d.title}
                </a>{' '}
                <span class="kern-body kern-body--small" safe>
                  {`${groupName.get(d.group_id) ?? ''} · ${day(d.updated_at, ctx.locale)}`}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}

      <h2 class="kern-heading-large" id="mitmachen">
        {t.html('public.join')}
      </h2>
      <p class="kern-body">{t.html('public.join.text')}</p>
      <PartnerRequestForm ctx={ctx} />
    </Layout>
  );
}

export function PartnerRequestPage({ ctx, values, errors }: { ctx: PageContext; values?: Record<string, string>; errors?: FieldErrors }) {
  const t = networkMessages(ctx.locale);
  const hasErrors = !!errors && Object.keys(errors).length > 0;
  return (
    <Layout ctx={ctx} title={t('request.title')} section={section} hasErrors={hasErrors}>
      <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors ?? {}} />
      <h1 class="kern-heading-x-large">{t.html('request.title')}</h1>
      <p class="kern-body kern-body--large">{t.html('public.join.text')}</p>
      <PartnerRequestForm ctx={ctx} values={values} errors={errors} />
    </Layout>
  );
}
