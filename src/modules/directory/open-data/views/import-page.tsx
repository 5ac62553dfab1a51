import type { PageContext } from '../../../../platform/http/context.js';
import { DataTable } from '../../../../platform/views/data-table.js';
import { Alert, Checkbox, CsrfField, ErrorSummary, SubmitButton, TextArea } from '../../../../platform/views/forms.js';
import { Layout } from '../../../../platform/views/layout.js';
import { topics } from '../../directory.taxonomy.js';
import { hsdsMessages } from '../hsds.messages.js';
import type { ImportCounts } from '../hsds.import.js';
import { maxPackageBytes, wordsOf, type Problem } from '../hsds.validate.js';

export const importPath = '/admin/verzeichnis/import';
export const importScriptPath = '/admin/verzeichnis/import.js';
const limitMb = maxPackageBytes / 1024 / 1024;
/** Above this a failed package is not put back into the field (the page would be huge). */
const keepLimit = 1024 * 1024;

const example = {
  organizations: [
    {
      id: '0b5e3c9a-6a41-4f8e-9d2b-1c7a5e3f9b10',
      name: 'Familienzentrum Beispiel e. V.',
      description: 'Beratung und Kurse für Familien.',
      email: 'info@familienzentrum.example',
    },
  ],
  locations: [
    {
      id: '1c6f4dab-7b52-4a9f-8e3c-2d8b6f4a0c21',
      location_type: 'physical',
      organization_id: '0b5e3c9a-6a41-4f8e-9d2b-1c7a5e3f9b10',
      name: 'Haus der Familie',
      addresses: [
        {
          id: '2d7a5ebc-8c63-4ba0-9f4d-3e9c7a5b1d32',
          address_1: 'Musterstraße 1',
          city: 'Hamm',
          region: 'Hamm-Mitte',
          state_province: 'Nordrhein-Westfalen',
          postal_code: '59065',
          country: 'DE',
          address_type: 'physical',
        },
      ],
    },
  ],
  services: [
    {
      id: '3e8b6fcd-9d74-4cb1-8a5e-4fad8b6c2e43',
      organization_id: '0b5e3c9a-6a41-4f8e-9d2b-1c7a5e3f9b10',
      name: 'Elterncafé',
      status: 'active',
      minimum_age: 0,
      maximum_age: 6,
      assured_date: '2026-10-01',
      attributes: [{ id: '4f9c7ade-ae85-4dc2-9b6f-5abe9c7d3f54', taxonomy_term_id: topics.find((t) => t.code === 'familienbildung')?.id ?? '' }],
      service_at_locations: [{ id: '5aad8bef-bf96-4ed3-8c7a-6bcfad8e4a65', location_id: '1c6f4dab-7b52-4a9f-8e3c-2d8b6f4a0c21' }],
    },
  ],
};

export interface ImportPageProps {
  ctx: PageContext;
  text?: string;
  dryRun?: boolean;
  problems?: { list: Problem[]; total: number };
  done?: { summary: ImportSummary; dryRun: boolean };
}

/** What the page says after an import or a check: totals per kind, new and updated overall. */
export interface ImportSummary {
  organizations: number;
  locations: number;
  services: number;
  created: number;
  updated: number;
}

export function summaryOf(c: ImportCounts): ImportSummary {
  const kinds = [c.organizations, c.locations, c.services];
  return {
    organizations: c.organizations.created + c.organizations.updated,
    locations: c.locations.created + c.locations.updated,
    services: c.services.created + c.services.updated,
    created: kinds.reduce((n, k) => n + k.created, 0),
    updated: kinds.reduce((n, k) => n + k.updated, 0),
  };
}

export function ImportPage({ ctx, text = '', dryRun = false, problems, done }: ImportPageProps): JSX.Element {
  const t = hsdsMessages(ctx.locale);
  const failed = !!problems && problems.total > 0;
  const keep = text.length <= keepLimit;
  const words = (problems?.list ?? []).map((p) => wordsOf(p, t));
  const countVars = done ? { ...done.summary } : undefined;
  return (
    <Layout ctx={ctx} title={t('import.title')} hasErrors={failed}>
      {failed ? (
        <ErrorSummary
          title={t('import.errors.title')}
          errors={{ paket: t('import.errors.summary', { count: problems.total }), fehlerbericht: t('import.errors.link') }}
        />
      ) : (
        ''
      )}
      <h1 class="kern-heading-large">{t.html('import.title')}</h1>
      {done && countVars ? (
        <Alert kind="success" title={t(done.dryRun ? 'import.checked.title' : 'import.done.title')}>
          <p class="kern-body" safe>
            {t(done.dryRun ? 'import.checked.text' : 'import.done.text', countVars)}
          </p>
        </Alert>
      ) : (
        ''
      )}
      <p class="kern-body">{t.html('import.intro')}</p>
      <p class="kern-body">{t.html('import.rules')}</p>
      {failed ? (
        <section aria-labelledby="fehlerbericht">
          <h2 class="kern-heading-medium" id="fehlerbericht">
            {t.html('import.report.title')}
          </h2>
          <DataTable
            caption={t('import.report.title')}
            captionHidden
            labelledBy="fehlerbericht"
            class="kern-table--small"
            rows={words}
            columns={[
              { header: t('import.report.record'), rowHeader: true, text: (w) => w.record },
              { header: t('import.report.field'), html: (w) => <code safe>{w.field}</code> },
              { header: t('import.report.problem'), text: (w) => w.message },
            ]}
          />
          {problems.total > words.length ? <p class="kern-body">{t.html('import.report.more', { count: problems.total - words.length })}</p> : ''}
          {keep ? '' : <p class="kern-body">{t.html('import.report.notKept')}</p>}
        </section>
      ) : (
        ''
      )}
      <form method="post" action={importPath}>
        <CsrfField token={ctx.csrfToken} />
        <TextArea
          name="paket"
          label={t('import.field')}
          hint={t('import.field.hint', { limit: limitMb })}
          error={failed ? t('import.errors.summary', { count: problems.total }) : undefined}
          value={keep ? text : ''}
          rows={14}
        />
        {/* KERN gives .kern-form-input a display of its own, which would beat `hidden`: hide a plain wrapper. */}
        <div data-import-file hidden>
          <div class="kern-form-input">
            <label class="kern-label" for="paket-datei">
              {t.html('import.file')}
            </label>
            <div class="kern-hint" id="paket-datei-hint">
              {t.html('import.file.hint')}
            </div>
            <input
              class="kern-form-input__input"
              id="paket-datei"
              type="file"
              accept="application/json,.json"
              aria-describedby="paket-datei-hint paket-datei-status"
              data-target="paket"
              data-limit={String(maxPackageBytes)}
              data-too-large={t('import.file.tooLarge', { limit: limitMb })}
            />
            <p class="kern-body" id="paket-datei-status" role="status" data-import-status></p>
          </div>
        </div>
        <Checkbox name="nurPruefen" label={t('import.dryRun')} checked={dryRun} />
        <SubmitButton label={t('import.submit')} />
      </form>
      <h2 class="kern-heading-medium">{t.html('import.format.title')}</h2>
      <p class="kern-body">{t.html('import.format.text')}</p>
      <p class="kern-body">{t.html('import.format.additions')}</p>
      <h3 class="kern-heading-small">{t.html('import.format.example')}</h3>
      <pre class="mail-text">
        <code safe>{JSON.stringify(example, null, 2)}</code>
      </pre>
      <h2 class="kern-heading-medium">{t.html('import.cli.title')}</h2>
      <p class="kern-body">{t.html('import.cli.text', { limit: limitMb })}</p>
      <pre class="mail-text">
        <code>npx tsx src/modules/directory/hsds.import.cli.ts paket.json</code>
      </pre>
      <script src={importScriptPath} defer></script>
    </Layout>
  );
}

/** Reads a chosen file into the text field; without JavaScript the file field stays hidden. */
export const importScript = `document.addEventListener('DOMContentLoaded', function () {
  var box = document.querySelector('[data-import-file]');
  if (!box) return;
  var input = box.querySelector('input[type="file"]');
  var target = document.getElementById(input.getAttribute('data-target'));
  var status = box.querySelector('[data-import-status]');
  box.hidden = false;
  input.addEventListener('change', function () {
    var file = input.files && input.files[0];
    if (!file || !target) return;
    if (file.size > Number(input.getAttribute('data-limit'))) {
      status.textContent = input.getAttribute('data-too-large');
      input.value = '';
      return;
    }
    file.text().then(function (text) { target.value = text; status.textContent = ''; });
  });
});
`;
