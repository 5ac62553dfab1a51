import type { PageContext } from '../../http/context.js';
import type { FieldErrors } from '../../http/errors.js';
import { formatDateTime } from '../../i18n/i18n.js';
import { DataTable } from '../../views/data-table.js';
import { Alert, CsrfField, ErrorSummary, SelectField, SubmitButton } from '../../views/forms.js';
import { Layout } from '../../views/layout.js';
import { layoutMessages } from '../../views/layout.messages.js';
import type { NotificationContent, Notifications } from '../notifications.js';
import { notificationMessages } from '../notifications.messages.js';
import { pushServiceName } from '../push.js';

type Preferences = NonNullable<Awaited<ReturnType<Notifications['preferences']>>>;
const cadences = ['immediate', 'daily', 'weekly', 'never'] as const;

/** A hidden token field for people without an account (their settings link is the authority). */
const TokenField = ({ token }: { token?: string }) => (token ? <input type="hidden" name="token" value={token} /> : '');

/**
 * /benachrichtigungen: per kind of message the cadence and push, the hour of the digests, and the devices
 * that take push messages. The push section needs JavaScript and a browser with push (public/appointment-push.js
 * shows it); everything else works without.
 */
export function SettingsPage(props: {
  ctx: PageContext;
  prefs: Preferences;
  token?: string;
  publicKey: string;
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: { kind: 'success' | 'warning'; text: string };
}) {
  const { ctx, prefs, token, publicKey, values, errors, notice } = props;
  const t = notificationMessages(ctx.locale);
  const hasErrors = !!errors && Object.keys(errors).length > 0;
  const sections = new Map<string, Preferences['kinds']>();
  for (const k of prefs.kinds) {
    const name = k.kind.section(ctx.locale);
    sections.set(name, [...(sections.get(name) ?? []), k]);
  }
  const hour = values?.digest_hour ?? String(prefs.digestHour);
  let n = 0;
  return (
    <Layout ctx={ctx} title={t('settings.title')} hasErrors={hasErrors} section={undefined}>
      {hasErrors ? <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} /> : ''}
      {notice ? <Alert kind={notice.kind} title={notice.text} /> : ''}
      <h1 class="kern-heading-x-large">{t.html('settings.title')}</h1>
      <p class="kern-body kern-body--large">{t.html('settings.lead')}</p>
      {prefs.kinds.length === 0 ? (
        <p class="kern-body">{t.html('settings.none')}</p>
      ) : (
        <form method="post" action="/benachrichtigungen">
          <CsrfField token={ctx.csrfToken} />
          <TokenField token={token} />
          {[...sections.entries()].map(([section, list]) => (
            <>
              <h2 class="kern-heading-medium" safe>
                {section}
              </h2>
              {list.map((k) => {
                n++;
                const field = `c${n}`;
                const chosen = values?.[`c-${k.kind.kind}`] ?? k.cadence;
                const pushOn = values ? values[`p-${k.kind.kind}`] === 'ja' : k.push;
                const offered = cadences.filter((c) => k.kind.digest !== false || c === 'immediate' || c === 'never');
                const error = errors?.[`c-${k.kind.kind}`];
                return (
                  <fieldset class={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`} id={`c-${k.kind.kind}`}>
                    <legend class="kern-label" safe>
                      {k.kind.label(ctx.locale)}
                    </legend>
                    <div class="kern-fieldset__body">
                      {error ? (
                        <p class="kern-error" safe>
                          {error}
                        </p>
                      ) : (
                        ''
                      )}
                      {offered.map((c) => (
                        <div class="kern-form-check">
                          <input class="kern-form-check__radio" type="radio" id={`${field}-${c}`} name={`c-${k.kind.kind}`} value={c} checked={chosen === c} />
                          <label class="kern-label" for={`${field}-${c}`}>
                            {t.html(`settings.cadence.${c}`)}
                          </label>
                        </div>
                      ))}
                      <div class="kern-form-check">
                        <input class="kern-form-check__checkbox" type="checkbox" id={`${field}-push`} name={`p-${k.kind.kind}`} value="ja" checked={pushOn} />
                        <label class="kern-label" for={`${field}-push`}>
                          {t.html('settings.push')}
                        </label>
                      </div>
                    </div>
                  </fieldset>
                );
              })}
            </>
          ))}
          <SelectField
            name="digest_hour"
            label={t('settings.hour')}
            hint={t('settings.hour.hint')}
            error={errors?.digest_hour}
            value={hour}
            options={Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: t('settings.hour.option', { hour: String(h).padStart(2, '0') }) }))}
          />
          <SubmitButton label={t('settings.submit')} />
        </form>
      )}
      <h2 class="kern-heading-medium" id="geraete">
        {t.html('devices.title')}
      </h2>
      <p class="kern-body">{t.html('devices.lead')}</p>
      <p class="kern-body">{t.html('devices.ios')}</p>
      {prefs.devices.length === 0 ? (
        <p class="kern-body">{t.html('devices.none')}</p>
      ) : (
        <ul class="kern-list">
          {prefs.devices.map((d) => (
            <li>
              <span safe>{t('devices.since', { service: pushServiceName(d.endpoint), date: formatDateTime(d.created_at, ctx.locale) })}</span>
              <form method="post" action={`/benachrichtigungen/geraete/${d.id}/entfernen`} class="inline-form">
                <CsrfField token={ctx.csrfToken} />
                <TokenField token={token} />
                <SubmitButton label={t('devices.remove')} variant="tertiary" />
              </form>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="push-title" data-push-reminder hidden>
        <h3 class="kern-heading-small" id="push-title">
          {t.html('devices.add')}
        </h3>
        <form method="post" action="/benachrichtigungen/push" data-push-key={publicKey}>
          <CsrfField token={ctx.csrfToken} />
          <TokenField token={token} />
          <input type="hidden" name="endpoint" value="" />
          <input type="hidden" name="p256dh" value="" />
          <input type="hidden" name="auth" value="" />
          <SubmitButton label={t('devices.add')} variant="secondary" />
        </form>
      </section>
      <script src="/assets/appointment-push.js" defer></script>
    </Layout>
  );
}

/** The page behind an unsubscribe link: one button (mail scanners only GET, so nothing happens by opening it). */
export function UnsubscribePage({ ctx, token, kindLabel }: { ctx: PageContext; token: string; kindLabel: string | null }) {
  const t = notificationMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('unsubscribe.title')} section={undefined}>
      <h1 class="kern-heading-x-large">{t.html('unsubscribe.title')}</h1>
      <p class="kern-body" safe>
        {kindLabel ? t('unsubscribe.lead', { kind: kindLabel }) : t('unsubscribe.lead.digest')}
      </p>
      <form method="post" action="/benachrichtigungen/abbestellen">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="token" value={token} />
        <SubmitButton label={t('unsubscribe.submit')} />
      </form>
    </Layout>
  );
}

type AttentionRow = Awaited<ReturnType<Notifications['needingAttention']>>[number];

/** Masks an address for the staff list: "ma…@example.org". */
const masked = (email: string) => email.replace(/^(.{1,2})[^@]*/, '$1…');

/** /verwaltung/benachrichtigungen: counts per state, and the unclear and failed deliveries with a deliberate resend. */
export function StaffPage({ ctx, counts, rows, notice }: { ctx: PageContext; counts: Record<string, number>; rows: AttentionRow[]; notice?: string }) {
  const t = notificationMessages(ctx.locale);
  const c = (state: string) => String(counts[state] ?? 0);
  return (
    <Layout ctx={ctx} title={t('staff.title')} section={undefined}>
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <h1 class="kern-heading-x-large">{t.html('staff.title')}</h1>
      <p class="kern-body">{t.html('staff.lead')}</p>
      <p class="kern-body" safe>
        {t('staff.counts', { queued: c('queued'), sent: c('sent'), unclear: c('unclear'), failed: c('failed') })}
      </p>
      {rows.length === 0 ? (
        <p class="kern-body">{t.html('staff.empty')}</p>
      ) : (
        <>
          <Alert kind="warning" title={t('staff.resend.warning')} />
          <DataTable
            caption={t('staff.caption')}
            columns={[
              { header: t('staff.col.when'), text: (r: AttentionRow) => formatDateTime(r.created_at, ctx.locale) },
              { header: t('staff.col.subject'), rowHeader: true, text: (r: AttentionRow) => (r.content as NotificationContent).subject },
              {
                header: t('staff.col.to'),
                text: (r: AttentionRow) => `${masked(r.email)} (${t(r.channel === 'push' ? 'staff.channel.push' : 'staff.channel.mail')})`,
              },
              {
                header: t('staff.col.state'),
                text: (r: AttentionRow) => `${t(r.state === 'unclear' ? 'staff.state.unclear' : 'staff.state.failed')}${r.error ? `: ${r.error}` : ''}`,
              },
              {
                header: t('staff.col.action'),
                html: (r: AttentionRow) => (
                  <form method="post" action={`/verwaltung/benachrichtigungen/${r.id}/erneut`}>
                    <CsrfField token={ctx.csrfToken} />
                    <SubmitButton label={t('staff.resend')} variant="secondary" />
                  </form>
                ),
              },
            ]}
            rows={rows}
          />
        </>
      )}
    </Layout>
  );
}
