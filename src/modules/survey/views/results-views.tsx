import type { PageContext } from '../../../platform/http/context.js';
import { DataTable } from '../../../platform/views/data-table.js';
import { CsrfField, SelectField, SubmitButton } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { editorMessages } from '../editor.messages.js';
import type { CrossTab, Dashboard, Distribution, ResultVariable } from '../results.types.js';
import type { SurveyRow } from '../survey.repository.js';
import { BarChart } from './chart.js';
import { editorPath } from './editor-views.js';
import { dateFormat, intlLocale, numberFormat } from '../../../platform/i18n/i18n.js';

const shown = (value: number | null) => (value === null ? '–' : String(value));

/** One question: chart and table side by side (stacked on small screens). */
export function DistributionBlock({ ctx, d, index }: { ctx: PageContext; d: Distribution; index: number }): JSX.Element {
  const t = editorMessages(ctx.locale);
  const id = `frage-${index}`;
  const bars = d.variable.categories.map((c, i) => ({ label: c.label, value: d.counts[i] ?? null }));
  return (
    <section class="survey-result" aria-labelledby={id}>
      <h3 class="kern-heading-small" id={id} safe>
        {d.variable.label}
      </h3>
      {d.mean !== null ? (
        <p class="kern-body" safe>
          {t('results.mean', { mean: numberFormat(intlLocale[ctx.locale], { maximumFractionDigits: 2 }).format(d.mean) })}
        </p>
      ) : (
        ''
      )}
      <div class="kern-row">
        <div class="kern-col-12 kern-col-6-md">
          <BarChart id={`${id}-chart`} title={`${d.variable.label} – ${t('results.chart')}`} bars={bars} />
        </div>
        <div class="kern-col-12 kern-col-6-md">
          <DataTable
            caption={d.variable.label}
            class="kern-table--small"
            rows={bars}
            columns={[
              { header: t('results.answer'), text: (b) => b.label, rowHeader: true },
              { header: t('results.count'), text: (b) => shown(b.value), numeric: true },
            ]}
          />
        </div>
      </div>
    </section>
  );
}

interface CountRow {
  label: string;
  values: (number | null)[];
}

/** A count table with its margins: the last row and column are the sums ("Summe"); the sum row goes in tfoot. */
function Table({
  caption,
  rowLabels,
  colLabels,
  cells,
  corner,
}: {
  caption: string;
  rowLabels: string[];
  colLabels: string[];
  cells: (number | null)[][];
  corner: string;
}): JSX.Element {
  const rows: CountRow[] = cells.map((values, r) => ({ label: rowLabels[r] ?? '', values }));
  return (
    <DataTable
      caption={caption}
      class="kern-table--small"
      rows={rows.slice(0, -1)}
      footer={rows.slice(-1)}
      columns={[
        { header: corner, text: (row) => row.label, rowHeader: true },
        ...colLabels.map((header, c) => ({ header, text: (row: CountRow) => shown(row.values[c] ?? null), numeric: true })),
      ]}
    />
  );
}

function CrossForm({
  ctx,
  survey,
  variables,
  rowKey,
  colKey,
  filterKey,
  filterValue,
}: {
  ctx: PageContext;
  survey: SurveyRow;
  variables: ResultVariable[];
  rowKey: string;
  colKey: string;
  filterKey: string;
  filterValue: string;
}): JSX.Element {
  const t = editorMessages(ctx.locale);
  const options = variables.filter((v) => !v.multi).map((v) => ({ value: v.key, label: v.label.length > 90 ? `${v.label.slice(0, 89)}…` : v.label }));
  const filterVar = variables.find((v) => v.key === filterKey);
  return (
    <form method="get" action={`${editorPath(survey.id)}/ergebnisse`}>
      <SelectField name="zeilen" label={t('results.rows')} value={rowKey} options={options} />
      <SelectField name="spalten" label={t('results.cols')} value={colKey} options={options} />
      <SelectField name="filter" label={t('results.filter')} value={filterKey} options={[{ value: '', label: t('results.filterNone') }, ...options]} />
      {filterVar ? (
        <SelectField
          name="wert"
          label={t('results.filterValue')}
          value={filterValue}
          options={filterVar.categories.map((c, i) => ({ value: String(i), label: c.label }))}
        />
      ) : (
        ''
      )}
      <SubmitButton label={t('results.show')} variant="secondary" />
    </form>
  );
}

export function DashboardPage(props: {
  ctx: PageContext;
  survey: SurveyRow;
  dashboard: Dashboard;
  variables: ResultVariable[];
  cross: CrossTab | null;
  query: { rowKey: string; colKey: string; filterKey: string; filterValue: string };
  texts: { key: string; label: string; answers: { id: string; text: string; published: boolean }[] }[];
  canRaw: boolean;
}): JSX.Element {
  const { ctx, survey, dashboard, cross, query, texts } = props;
  const t = editorMessages(ctx.locale);
  const base = editorPath(survey.id);
  const r = dashboard.recruitment;
  // "2. Nov. 2026", not "2026-11-02": the Monday each week starts on, as people read dates.
  const weeks = r.weeks.map((day) =>
    dateFormat(intlLocale[ctx.locale], { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`)),
  );
  return (
    <Layout ctx={ctx} title={t('results.title', { title: survey.title })}>
      <p class="kern-body">
        <a class="kern-link" href={base} safe>
          {survey.title}
        </a>
      </p>
      <h1 class="kern-heading-x-large" safe>
        {t('results.title', { title: survey.title })}
      </h1>
      <p class="kern-body kern-body--large" safe>
        {t('results.total', { count: dashboard.total })}
      </p>
      <p class="kern-body" safe>
        {t('results.hiddenNote')}
      </p>
      <nav aria-label={t('results.exports')}>
        <ul class="site-inline-list">
          <li>
            <a class="kern-link" href={`${base}/export/ergebnisse.csv`}>
              {t.html('results.csv')}
            </a>
          </li>
          <li>
            <a class="kern-link" href={`${base}/export/ergebnisse.xlsx`}>
              {t.html('results.xlsx')}
            </a>
          </li>
          {props.canRaw ? (
            <li>
              <a class="kern-link" href={`${base}/export/rohdaten.csv`}>
                {t.html('results.raw')}
              </a>
            </li>
          ) : (
            ''
          )}
        </ul>
      </nav>
      <h2 class="kern-heading-medium">{t.html('results.recruitment')}</h2>
      <div class="kern-row">
        {[...r.channels.categories.map((c, i) => ({ label: c.label, index: i })), { label: t('results.sum'), index: r.channels.categories.length }].map(
          (channel) => (
            <div class="kern-col-12 kern-col-6-md">
              <h3 class="kern-heading-small" safe>
                {channel.label}
              </h3>
              <BarChart
                id={`rekrutierung-${channel.index}`}
                title={`${t('results.recruitment')}: ${channel.label} – ${t('results.chart')}`}
                bars={weeks.map((w, i) => ({ label: w, value: r.cells[i]?.[channel.index] ?? null }))}
              />
            </div>
          ),
        )}
      </div>
      <Table
        caption={t('results.recruitment')}
        corner={t('results.week')}
        rowLabels={[...weeks, t('results.sum')]}
        colLabels={[...r.channels.categories.map((c) => c.label), t('results.sum')]}
        cells={r.cells}
      />

      <h2 class="kern-heading-medium">{t.html('results.crossTitle')}</h2>
      <CrossForm ctx={ctx} survey={survey} variables={props.variables} {...query} />
      {cross ? (
        <Table
          caption={`${cross.rows.label} × ${cross.cols.label}${cross.filter ? ` (${cross.filter.variable.label} = ${cross.filter.variable.categories[cross.filter.index]!.label})` : ''}`}
          corner={cross.rows.label.slice(0, 40)}
          rowLabels={[...cross.rows.categories.map((c) => c.label), t('results.sum')]}
          colLabels={[...cross.cols.categories.map((c) => c.label), t('results.sum')]}
          cells={cross.cells}
        />
      ) : query.rowKey ? (
        <p class="kern-body" safe>
          {t('results.invalidCross')}
        </p>
      ) : (
        ''
      )}

      <h2 class="kern-heading-medium">{t.html('results.texts')}</h2>
      <p class="kern-body" safe>
        {t('results.textsLead')}
      </p>
      <form method="post" action={`${base}/freitexte`}>
        <CsrfField token={ctx.csrfToken} />
        {texts.map((group, g) => (
          <fieldset class="kern-fieldset">
            <legend class="kern-label" safe>
              {group.label}
            </legend>
            <div class="kern-fieldset__body">
              {group.answers.map((a, i) => (
                <div class="kern-form-check">
                  <input
                    class="kern-form-check__checkbox"
                    type="checkbox"
                    id={`text-${g}-${i}`}
                    name="pick"
                    value={`${a.id}|${group.key}`}
                    checked={a.published}
                  />
                  <label class="kern-label" for={`text-${g}-${i}`} safe>
                    {a.text}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        ))}
        <SubmitButton label={t('results.textsSave')} variant="secondary" />
      </form>

      <h2 class="kern-heading-medium">{t.html('questions.title')}</h2>
      {dashboard.distributions.map((d, i) => (
        <DistributionBlock ctx={ctx} d={d} index={i} />
      ))}
    </Layout>
  );
}
