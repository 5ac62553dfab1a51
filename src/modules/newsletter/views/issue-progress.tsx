import type { PageContext } from '../../../platform/http/context.js';
import { DataTable } from '../../../platform/views/data-table.js';
import { Alert, CsrfField, SubmitButton } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { composeMessages } from '../compose.messages.js';
import type { Progress } from '../deliveries.repository.js';
import type { Issue } from '../issues.repository.js';

/** "m…a@example.org": enough for an editor to recognise an address, no more. */
export function maskEmail(email: string | null): string {
  if (!email) return '–';
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}…${local.length > 1 ? local.slice(-1) : ''}@${domain}`;
}

/** "1.234 von 50.000 erledigt: …" */
export function progressSummary(ctx: { locale: PageContext['locale'] }, progress: Progress): string {
  const done = progress.sent + progress.failed + progress.unknown + progress.skipped;
  return composeMessages(ctx.locale)('progress.summary', {
    done,
    total: progress.total,
    sent: progress.sent,
    failed: progress.failed,
    unknown: progress.unknown,
    skipped: progress.skipped,
  });
}

/** Sent / failed / total as a native progress bar; refresh by link (or opt-in auto refresh, set by the route). */
export function ProgressPage(props: {
  ctx: PageContext;
  issue: Issue;
  progress: Progress;
  problems: { id: string; state: string; error: string | null; email: string | null }[];
  auto: boolean;
  notice?: string;
}): JSX.Element {
  const { ctx, issue, progress, problems, auto, notice } = props;
  const t = composeMessages(ctx.locale);
  const done = progress.sent + progress.failed + progress.unknown + progress.skipped;
  const self = `/verwaltung/infobrief/${issue.id}/fortschritt`;
  return (
    <Layout ctx={ctx} title={t('progress.title', { subject: issue.subject })}>
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <p class="kern-body">
        <a class="kern-link" href="/verwaltung/infobrief">
          {t.html('overview.title')}
        </a>
      </p>
      <h1 class="kern-heading-large" safe>
        {t('progress.title', { subject: issue.subject })}
      </h1>
      {issue.status === 'sent' ? <Alert kind="success" title={t('progress.finished')} /> : ''}
      <div data-progress-url={issue.status === 'sending' ? `${self}.json` : undefined}>
        <div class="kern-form-input">
          <label class="kern-label" for="progress">
            {t.html('progress.bar')}
          </label>
          <progress id="progress" max={String(Math.max(1, progress.total))} value={String(done)} safe>
            {`${done} / ${progress.total}`}
          </progress>
        </div>
        <p class="kern-body" role="status" safe>
          {progressSummary(ctx, progress)}
        </p>
      </div>
      {issue.status === 'sending' ? <script src="/verwaltung/infobrief/fortschritt.js" defer></script> : ''}
      <ul class="site-inline-list">
        <li>
          <a class="kern-link" href={auto ? `${self}?auto=1` : self}>
            {t.html('progress.refresh')}
          </a>
        </li>
        {issue.status === 'sending' ? (
          <li>
            <a class="kern-link" href={auto ? self : `${self}?auto=1`}>
              {t.html(auto ? 'progress.autoOff' : 'progress.auto')}
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
      {progress.unknown > 0 && issue.status === 'sent' ? (
        <section aria-labelledby="unknown-title">
          <h2 class="kern-heading-medium" id="unknown-title">
            {t.html('unknown.title')}
          </h2>
          <p class="kern-body" safe>
            {t('unknown.text', { n: progress.unknown })}
          </p>
          <form method="post" action={`/verwaltung/infobrief/${issue.id}/unklare-senden`} data-confirm={t('unknown.text', { n: progress.unknown })}>
            <CsrfField token={ctx.csrfToken} />
            <SubmitButton label={t('unknown.submit')} variant="secondary" />
          </form>
        </section>
      ) : (
        ''
      )}
      <h2 class="kern-heading-medium">{t.html('progress.problems')}</h2>
      {problems.length === 0 ? (
        <p class="kern-body">{t.html('progress.noProblems')}</p>
      ) : (
        <DataTable
          caption={t('progress.problems')}
          captionHidden
          rows={problems}
          columns={[
            { header: t('progress.address'), text: (p) => maskEmail(p.email), rowHeader: true },
            { header: t('progress.state'), text: (p) => t(p.state === 'unknown' ? 'state.unknown' : 'state.failed') },
            { header: t('progress.reason'), text: (p) => p.error ?? '' },
          ]}
        />
      )}
    </Layout>
  );
}
