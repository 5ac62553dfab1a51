import type { PageContext } from '../../../platform/http/context.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import { formatDateTime, intlLocale, numberFormat } from '../../../platform/i18n/i18n.js';
import { DataTable } from '../../../platform/views/data-table.js';
import { Alert, CsrfField, DateField, ErrorSummary, SelectField, SubmitButton, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { layoutMessages } from '../../../platform/views/layout.messages.js';
import { adminMessages } from '../admin.messages.js';
import type { seasonDashboard } from '../admin.service.js';
import type { AllocationSummary } from '../allocation-summary.js';
import { familyMessages } from '../family.messages.js';
import type { SeasonRow } from './offer-facts.js';

type Dashboard = Awaited<ReturnType<typeof seasonDashboard>>;
const phases = ['collecting', 'wishes', 'allocation', 'results', 'first_come', 'closed'] as const;

/** /verwaltung/ferien: the seasons and a form for a new one. */
export function SeasonsPage({
  ctx,
  seasons,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  seasons: SeasonRow[];
  values?: Record<string, string>;
  errors?: FieldErrors;
}): JSX.Element {
  const t = adminMessages(ctx.locale);
  const f = familyMessages(ctx.locale);
  const failed = Object.keys(errors).length > 0;
  return (
    <Layout ctx={ctx} title={t('seasons.title')} hasErrors={failed}>
      {failed ? <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} /> : ''}
      <h1 class="kern-heading-large">{t.html('seasons.title')}</h1>
      {seasons.length === 0 ? <p class="kern-body">{t.html('seasons.none')}</p> : ''}
      <ul class="kern-list">
        {seasons.map((s) => (
          <li>
            <a class="kern-link" href={`/verwaltung/ferien/${s.id}`} safe>
              {s.name}
            </a>
            <span safe>{` – ${f(`phase.${s.phase}`)}`}</span>
          </li>
        ))}
      </ul>
      <h2 class="kern-heading-medium">{t.html('seasons.new')}</h2>
      <form method="post" action="/verwaltung/ferien" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="name" label={t('field.name')} value={values.name} error={errors.name} />
        <DateField name="wishFrom" label={t('field.wishFrom')} locale={ctx.locale} value={values.wishFrom} error={errors.wishFrom} />
        <DateField name="wishUntil" label={t('field.wishUntil')} locale={ctx.locale} value={values.wishUntil} error={errors.wishUntil} />
        <TextField name="maxWishes" label={t('field.maxWishes')} value={values.maxWishes ?? '5'} error={errors.maxWishes} width="narrow" />
        <TextField
          name="reservedPercent"
          label={t('field.reservedPercent')}
          value={values.reservedPercent ?? '10'}
          error={errors.reservedPercent}
          width="narrow"
        />
        <TextField name="retentionDays" label={t('field.retentionDays')} value={values.retentionDays ?? '180'} error={errors.retentionDays} width="narrow" />
        <SubmitButton label={t('field.create')} />
      </form>
    </Layout>
  );
}

const percent = (share: number, locale: PageContext['locale']) =>
  numberFormat(intlLocale[locale], { style: 'percent', maximumFractionDigits: 1 }).format(share);

/** Demand vs places as an SVG bar chart; the table beside it carries the same figures. */
function DemandChart({ ctx, offers }: { ctx: PageContext; offers: Dashboard['offers'] }): JSX.Element {
  const t = adminMessages(ctx.locale);
  const max = Math.max(1, ...offers.map((o) => Math.max(o.wishes, o.places)));
  const row = 34;
  const legend = 26;
  const height = legend + offers.length * row + 10;
  return (
    <svg class="demand-chart" viewBox={`0 0 600 ${height}`} width="100%" role="img" aria-labelledby="chart-title chart-desc" focusable="false">
      <title id="chart-title" safe>
        {t('dash.chart')}
      </title>
      <desc id="chart-desc" safe>
        {t('dash.chartSummary')}
      </desc>
      <g class="demand-chart__legend">
        <rect x="0" y="4" width="14" height="10" fill="#0b3d91" />
        <text x="20" y="13" font-size="12" fill="#1b1b1b" safe>
          {t('dash.legendWishes')}
        </text>
        <rect x="200" y="4" width="14" height="10" fill="#7aa7e0" />
        <text x="220" y="13" font-size="12" fill="#1b1b1b" safe>
          {t('dash.legendPlaces')}
        </text>
      </g>
      {offers.map((o, i) => (
        <g>
          <text x="0" y={String(legend + i * row + 12)} font-size="11" fill="#1b1b1b" safe>
            {o.title.slice(0, 60)}
          </text>
          <rect x="0" y={String(legend + i * row + 15)} height="7" width={String((o.wishes / max) * 600)} fill="#0b3d91" />
          <rect x="0" y={String(legend + i * row + 23)} height="7" width={String((o.places / max) * 600)} fill="#7aa7e0" />
        </g>
      ))}
    </svg>
  );
}

interface DashboardProps {
  ctx: PageContext;
  data: Dashboard;
  isAdmin: boolean;
  suggestion: { seed: string; hash: string };
  preview?: { summary: AllocationSummary; nothing: string[] };
  notice?: string;
  values?: Record<string, string>;
  errors?: FieldErrors;
}

/** /verwaltung/ferien/:id: phase, lottery (hash, preview, confirm), demand vs places, review, run log. */
export function DashboardPage({ ctx, data, isAdmin, suggestion, preview, notice, values = {}, errors = {} }: DashboardProps): JSX.Element {
  const t = adminMessages(ctx.locale);
  const f = familyMessages(ctx.locale);
  const { season, offers, runs } = data;
  const failed = Object.keys(errors).length > 0;
  const title = t('dash.title', { name: season.name });
  const base = `/verwaltung/ferien/${season.id}`;
  const titles = new Map(offers.map((o) => [o.id, o.title]));
  return (
    <Layout ctx={ctx} title={title} hasErrors={failed}>
      {failed ? <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} /> : ''}
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <h1 class="kern-heading-large" safe>
        {title}
      </h1>
      <p class="kern-body" safe>
        {t('dash.registrations', { n: data.registrations })}
      </p>
      <form method="post" action={`${base}/phase`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <SelectField
          name="phase"
          label={t('dash.phase')}
          value={values.phase ?? season.phase}
          error={errors.phase}
          options={phases.map((p) => ({ value: p, label: f(`phase.${p}`) }))}
        />
        <SubmitButton label={t('dash.setPhase')} variant="secondary" />
      </form>

      <h2 class="kern-heading-medium">{t.html('lottery.title')}</h2>
      {season.seed ? (
        <p class="kern-body" safe>
          {t('lottery.done', { date: season.allocated_at ? formatDateTime(season.allocated_at, ctx.locale) : '', seed: season.seed })}
        </p>
      ) : !season.seed_hash ? (
        isAdmin ? (
          <form method="post" action={`${base}/hash`} novalidate>
            <p class="kern-body">{t.html('lottery.hashIntro')}</p>
            <p class="kern-body" safe>
              {t('lottery.suggestion', suggestion)}
            </p>
            <CsrfField token={ctx.csrfToken} />
            <TextField name="seedHash" label={t('lottery.hash')} value={values.seedHash} error={errors.seedHash} autocomplete="off" />
            <SubmitButton label={t('lottery.commit')} variant="secondary" />
          </form>
        ) : (
          ''
        )
      ) : (
        <>
          <p class="kern-body" safe>
            {t('lottery.committed', { hash: season.seed_hash })}
          </p>
          {season.phase !== 'allocation' ? (
            <p class="kern-body">{t.html('lottery.onlyInPhase')}</p>
          ) : isAdmin ? (
            <>
              <form method="post" action={`${base}/vorschau`} novalidate>
                <CsrfField token={ctx.csrfToken} />
                <TextField name="seed" label={t('lottery.seed')} value={values.seed} error={errors.seed} autocomplete="off" />
                <SubmitButton label={t('lottery.preview')} variant="secondary" />
              </form>
              {preview ? (
                <section aria-labelledby="preview-heading">
                  <h3 class="kern-heading-small" id="preview-heading">
                    {t.html('preview.title')}
                  </h3>
                  <ul class="kern-list">
                    <li safe>{t('preview.children', { n: preview.summary.children })}</li>
                    <li safe>{t('preview.withPlace', { share: percent(preview.summary.shareWithPlace, ctx.locale) })}</li>
                    <li safe>{t('preview.firstWish', { share: percent(preview.summary.shareFirstWishMet, ctx.locale) })}</li>
                  </ul>
                  <DataTable
                    caption={t('preview.title')}
                    captionHidden
                    labelledBy="preview-heading"
                    rows={preview.summary.offers}
                    columns={[
                      { header: t('dash.offer'), text: (o) => titles.get(o.offerId) ?? o.offerId, rowHeader: true },
                      { header: t('dash.places'), text: (o) => String(o.places), numeric: true },
                      { header: t('dash.taken'), text: (o) => String(o.filled), numeric: true },
                      { header: t('preview.fill'), text: (o) => percent(o.fillRate, ctx.locale), numeric: true },
                    ]}
                  />
                  <h4 class="kern-heading-small" safe>
                    {t('preview.nothing', { n: preview.nothing.length })}
                  </h4>
                  <ul class="kern-list">
                    {preview.nothing.map((name) => (
                      <li safe>{name}</li>
                    ))}
                  </ul>
                </section>
              ) : (
                ''
              )}
              <form method="post" action={`${base}/verlosen`} novalidate>
                <p class="kern-body">{t.html('lottery.confirmNote')}</p>
                <CsrfField token={ctx.csrfToken} />
                <TextField name="confirmSeed" label={`${t('lottery.seed')} (${t('lottery.confirm')})`} value="" error={errors.confirmSeed} autocomplete="off" />
                <SubmitButton label={t('lottery.confirm')} />
              </form>
            </>
          ) : (
            ''
          )}
        </>
      )}

      <h2 class="kern-heading-medium" id="demand-heading">
        {t.html('dash.chart')}
      </h2>
      <DemandChart ctx={ctx} offers={offers} />
      <p class="kern-body">
        <a class="kern-link" href={`${base}/angebote.csv`}>
          {t.html('dash.csv')}
        </a>
      </p>
      <DataTable
        caption={t('dash.chart')}
        captionHidden
        labelledBy="demand-heading"
        rows={offers}
        columns={[
          { header: t('dash.offer'), text: (o) => `${o.title} (${o.organization_name})`, rowHeader: true },
          { header: t('dash.status'), text: (o) => t(`status.${o.status}`) },
          { header: t('dash.places'), text: (o) => String(o.places), numeric: true },
          { header: t('dash.taken'), text: (o) => String(o.places_taken), numeric: true },
          { header: t('dash.wishes'), text: (o) => String(o.wishes), numeric: true },
          { header: t('dash.firstWishes'), text: (o) => String(o.first_wishes), numeric: true },
          { header: t('dash.waiting'), text: (o) => String(o.waiting), numeric: true },
          {
            header: t('dash.review'),
            html: (o) => (
              <>
                <a class="kern-link" href={`${base}/angebote/${o.id}`}>
                  {t.html('dash.open')}
                  <span class="visually-hidden" safe>{`: ${o.title}`}</span>
                </a>
                {o.status === 'submitted' || o.status === 'rejected' ? (
                  <form method="post" action={`${base}/angebote/${o.id}/pruefen`} class="site-inline-form">
                    <CsrfField token={ctx.csrfToken} />
                    <input type="hidden" name="decision" value="approved" />
                    <button type="submit" class="kern-btn kern-btn--tertiary">
                      <span class="kern-label" safe>
                        {`${t('dash.approve')}: ${o.title}`}
                      </span>
                    </button>
                  </form>
                ) : (
                  ''
                )}
              </>
            ),
          },
        ]}
      />

      <h2 class="kern-heading-medium">{t.html('runs.title')}</h2>
      {runs.length === 0 ? <p class="kern-body">{t.html('runs.none')}</p> : ''}
      <ul class="kern-list">
        {runs.map((r) => (
          <li safe>
            {t('runs.line', {
              kind: r.kind === 'confirmed' ? t('runs.confirmed') : t('runs.preview'),
              date: formatDateTime(r.created_at, ctx.locale),
              placed: Number(r.stats.childrenWithPlace ?? 0),
              children: Number(r.stats.children ?? 0),
            })}
          </li>
        ))}
      </ul>
    </Layout>
  );
}
