import type { InitiativeStatus } from '../../../db/tables/ideas.js';
import type { PageContext } from '../../../platform/http/context.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import { formatCivilDate, formatDateTime, type Locale } from '../../../platform/i18n/i18n.js';
import { DataTable } from '../../../platform/views/data-table.js';
import { FilterPanel } from '../../../platform/views/filter-panel.js';
import { Alert, Checkbox, CsrfField, ErrorSummary, FileField, SelectField, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { layoutMessages } from '../../../platform/views/layout.messages.js';
import { ideaPath } from '../ideas.service.js';
import { ideaTopics, statusLabel, topicLabel } from '../ideas.topics.js';
import { Lines } from '../views/parts.js';
import { initiativeMessages } from './initiatives.messages.js';
import { initiativePath, type InitiativeService } from './initiatives.service.js';
import { initiativeStatuses, roadmapColumns, statusWords, type RowProblem } from './roadmap-csv.js';

type Listed = Awaited<ReturnType<InitiativeService['list']>>[number];
type Item = Awaited<ReturnType<InitiativeService['item']>>;
type Month = Awaited<ReturnType<InitiativeService['thisMonth']>>;

const statusBadge: Record<InitiativeStatus, string> = { planned: 'info', preparing: 'info', in_progress: 'warning', done: 'success', paused: 'danger' };

function StatusBadge({ status, locale }: { status: InitiativeStatus; locale: Locale }): JSX.Element {
  return (
    <span class={`kern-badge kern-badge--${statusBadge[status]}`}>
      <span class="kern-label" safe>
        {initiativeMessages(locale)(`status.${status}`)}
      </span>
    </span>
  );
}

const fieldKey = (field: string) =>
  field === 'created'
    ? ('item.created' as const)
    : (`field.${['title', 'goal', 'topic', 'marks', 'office', 'workingGroup', 'networkGroup', 'status', 'budget', 'milestones', 'update'].includes(field) ? field : 'update'}` as 'field.title');

/** GET /vorhaben */
export function RoadmapPage({
  ctx,
  initiatives,
  month,
  filter,
}: {
  ctx: PageContext;
  initiatives: Listed[];
  month: Month;
  filter: { topic?: string; status?: InitiativeStatus };
}): JSX.Element {
  const t = initiativeMessages(ctx.locale);
  const timeline = initiatives
    .flatMap((i) => i.milestones.map((m) => ({ initiative: i, milestone: m })))
    .sort((a, b) => (a.milestone.reachedOn ?? a.milestone.plannedOn ?? '9999').localeCompare(b.milestone.reachedOn ?? b.milestone.plannedOn ?? '9999'));
  return (
    <Layout ctx={ctx} title={t('list.title')} section="/mitmachen">
      <h1 class="kern-heading-x-large">{t.html('list.title')}</h1>
      <p class="kern-body kern-body--large">{t.html('list.lead')}</p>
      <form method="get" action="/vorhaben">
        <h2 class="kern-heading-medium">{t.html('list.filter')}</h2>
        <FilterPanel locale={ctx.locale} active={[filter.topic, filter.status].filter(Boolean).length} submitLabel={t('list.apply')}>
          <SelectField
            name="thema"
            label={t('list.topic')}
            value={filter.topic ?? ''}
            options={[{ value: '', label: t('list.all') }, ...ideaTopics.map((topic) => ({ value: topic, label: topicLabel(topic, ctx.locale) }))]}
          />
          <SelectField
            name="stand"
            label={t('list.status')}
            value={filter.status ? statusWords[filter.status] : ''}
            options={[{ value: '', label: t('list.all') }, ...initiativeStatuses.map((s) => ({ value: statusWords[s], label: t(`status.${s}`) }))]}
          />
        </FilterPanel>
      </form>
      {initiatives.length === 0 ? <p class="kern-body">{t.html('list.none')}</p> : ''}
      {initiativeStatuses
        .filter((s) => initiatives.some((i) => i.status === s))
        .map((s) => (
          <section aria-labelledby={`stand-${s}`}>
            <h2 class="kern-heading-medium" id={`stand-${s}`} safe>
              {t(`status.${s}`)}
            </h2>
            <ul class="idea-list">
              {initiatives
                .filter((i) => i.status === s)
                .map((i) => (
                  <li class="idea-card">
                    <h3 class="kern-heading-small">
                      <a class="kern-link" href={initiativePath(i.slug)} safe>
                        {i.title}
                      </a>
                    </h3>
                    <p class="kern-body kern-body--small">
                      <StatusBadge status={i.status} locale={ctx.locale} /> <span safe>{topicLabel(i.topic, ctx.locale)}</span>
                    </p>
                    <p class="kern-body kern-body--small" safe>
                      {i.progress.total === 0 ? t('list.noMilestones') : t('list.progress', i.progress)}
                    </p>
                  </li>
                ))}
            </ul>
          </section>
        ))}
      <h2 class="kern-heading-medium">{t.html('list.month')}</h2>
      {month.history.length === 0 && month.updates.length === 0 ? <p class="kern-body">{t.html('list.monthNone')}</p> : ''}
      <ul class="kern-list">
        {month.updates.map((u) => (
          <li>
            <a class="kern-link" href={initiativePath(u.slug)} safe>
              {t('list.update', { initiative: u.initiative, title: u.title })}
            </a>{' '}
            <span class="kern-body kern-body--small" safe>{`(${formatDateTime(u.created_at, ctx.locale)})`}</span>
          </li>
        ))}
        {month.history
          .filter((h) => !(h.changes as { fields?: string[] }).fields?.includes('update'))
          .map((h) => (
            <li>
              <a class="kern-link" href={initiativePath(h.slug)} safe>
                {t('list.changed', { title: h.title })}
              </a>{' '}
              <span class="kern-body kern-body--small" safe>{`(${formatDateTime(h.at, ctx.locale)})`}</span>
            </li>
          ))}
      </ul>
      <h2 class="kern-heading-medium" id="timeline-heading">
        {t.html('list.timeline')}
      </h2>
      <DataTable
        caption={t('list.timelineCaption')}
        captionHidden
        labelledBy="timeline-heading"
        rows={timeline}
        columns={[
          {
            header: t('col.initiative'),
            rowHeader: true,
            html: (r) => (
              <a class="kern-link" href={initiativePath(r.initiative.slug)} safe>
                {r.initiative.title}
              </a>
            ),
          },
          { header: t('col.milestone'), text: (r) => r.milestone.title },
          { header: t('col.planned'), text: (r) => (r.milestone.plannedOn ? formatCivilDate(r.milestone.plannedOn, ctx.locale) : '–') },
          { header: t('col.reached'), text: (r) => (r.milestone.reachedOn ? formatCivilDate(r.milestone.reachedOn, ctx.locale) : t('col.open')) },
        ]}
      />
      <p class="kern-body">
        <span safe>{t('list.openData')}</span>{' '}
        <a class="kern-link" href="/vorhaben.json">
          JSON
        </a>{' '}
        ·{' '}
        <a class="kern-link" href="/vorhaben.csv">
          CSV
        </a>
      </p>
      <p class="kern-body">
        <a class="kern-link" href="/mitmachen/ideen">
          {t.html('list.ideas')}
        </a>
      </p>
    </Layout>
  );
}

/** GET /vorhaben/:slug */
export function InitiativePage({
  ctx,
  item,
  notice,
  follow,
  canEdit = false,
}: {
  ctx: PageContext;
  item: Item;
  notice?: string;
  /** Editors see a link to the form. */
  canEdit?: boolean;
  /** The mail follow form after a problem: what was typed and what is wrong. */
  follow?: { value: string; errors: FieldErrors };
}): JSX.Element {
  const t = initiativeMessages(ctx.locale);
  const i = item.initiative;
  const path = initiativePath(i.slug);
  return (
    <Layout ctx={ctx} title={i.title} section="/mitmachen" hasErrors={!!follow}>
      <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={follow?.errors ?? {}} />
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <p class="kern-body">
        <a class="kern-link" href="/vorhaben">
          {t.html('item.back')}
        </a>
      </p>
      <h1 class="kern-heading-x-large" lang="de" safe>
        {i.title}
      </h1>
      {canEdit ? (
        <p class="kern-body">
          <a class="kern-link" href={`/verwaltung/vorhaben/${i.slug}/bearbeiten`}>
            {t.html('form.editLink')}
          </a>
        </p>
      ) : (
        ''
      )}
      <p class="kern-body">
        <StatusBadge status={i.status} locale={ctx.locale} />{' '}
        <span safe>{item.progress.total === 0 ? t('list.noMilestones') : t('list.progress', item.progress)}</span>
      </p>
      <h2 class="kern-heading-medium">{t.html('item.goal')}</h2>
      <p class="kern-body" lang="de">
        <Lines text={i.goal} />
      </p>
      <h2 class="kern-heading-medium">{t.html('item.facts')}</h2>
      <dl class="initiative-facts">
        <dt>{t.html('item.topic')}</dt>
        <dd safe>{topicLabel(i.topic, ctx.locale)}</dd>
        <dt>{t.html('item.marks')}</dt>
        <dd safe>{i.marks.map((m) => t(`mark.${m as 'sichtbar'}`)).join(', ') || '–'}</dd>
        <dt>{t.html('item.office')}</dt>
        <dd lang="de" safe>
          {i.office}
        </dd>
        {item.networkGroup ? (
          <>
            <dt>{t.html('item.group')}</dt>
            <dd>
              <a class="kern-link" href={item.networkGroup.path} lang="de" safe>
                {item.networkGroup.name}
              </a>{' '}
              <span class="kern-body kern-body--small">{t.html('item.groupInNetwork')}</span>
            </dd>
          </>
        ) : i.working_group ? (
          <>
            <dt>{t.html('item.group')}</dt>
            <dd lang="de" safe>
              {i.working_group}
            </dd>
          </>
        ) : (
          ''
        )}
        <dt>{t.html('item.budget')}</dt>
        <dd safe>{i.budget ?? t('item.budgetNone')}</dd>
      </dl>
      <h2 class="kern-heading-medium" id="milestones-heading">
        {t.html('item.milestones')}
      </h2>
      {item.milestones.length === 0 ? (
        <p class="kern-body">{t.html('list.noMilestones')}</p>
      ) : (
        <DataTable
          caption={t('item.milestonesCaption')}
          captionHidden
          labelledBy="milestones-heading"
          rows={item.milestones}
          columns={[
            { header: t('col.milestone'), rowHeader: true, text: (m) => m.title },
            { header: t('col.planned'), text: (m) => (m.plannedOn ? formatCivilDate(m.plannedOn, ctx.locale) : '–') },
            { header: t('col.reached'), text: (m) => (m.reachedOn ? formatCivilDate(m.reachedOn, ctx.locale) : t('col.open')) },
          ]}
        />
      )}
      {item.links.length > 0 ? (
        <>
          <h2 class="kern-heading-medium">{t.html('item.shapedBy')}</h2>
          <ul class="kern-list">
            {item.links
              .filter((l) => l.kind !== 'idea' || l.idea_title)
              .map((l) => (
                <li>
                  <span safe>{`${t(`item.kind.${l.kind}`)}: `}</span>
                  {l.kind === 'idea' ? (
                    <>
                      <a class="kern-link" href={ideaPath(l.idea_id!)} safe>
                        {l.idea_title ?? ''}
                      </a>
                      <span safe>{` (${l.idea_status ? statusLabel(l.idea_status, ctx.locale) : ''})`}</span>
                    </>
                  ) : (
                    <a class="kern-link" href={l.url!} safe>
                      {l.label ?? ''}
                    </a>
                  )}
                </li>
              ))}
          </ul>
        </>
      ) : (
        ''
      )}
      {item.updates.length > 0 ? (
        <>
          <h2 class="kern-heading-medium">{t.html('item.updates')}</h2>
          {item.updates.map((u) => (
            <article class="initiative-update">
              <h3 class="kern-heading-small" safe>
                {u.title}
              </h3>
              <p class="kern-body kern-body--small">
                <time datetime={u.created_at.toISOString()} safe>
                  {formatDateTime(u.created_at, ctx.locale)}
                </time>
              </p>
              <p class="kern-body" lang="de">
                <Lines text={u.body} />
              </p>
            </article>
          ))}
        </>
      ) : (
        ''
      )}
      <h2 class="kern-heading-medium">{t.html('item.follow')}</h2>
      {ctx.actor ? (
        <form method="post" action={`${path}/folgen`}>
          <CsrfField token={ctx.csrfToken} />
          {item.following ? <p class="kern-body">{t.html('item.following')}</p> : ''}
          {item.following ? <input type="hidden" name="beenden" value="ja" /> : ''}
          <SubmitButton label={item.following ? t('item.unfollow') : t('item.follow')} variant="secondary" />
        </form>
      ) : (
        <>
          <form method="post" action={`${path}/folgen`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextField
              name="email"
              type="email"
              label={t('item.followEmail')}
              hint={t('item.followHint')}
              autocomplete="email"
              value={follow?.value}
              error={follow?.errors.email}
              required
            />
            <SubmitButton label={t('item.follow')} variant="secondary" />
          </form>
          <p class="kern-body">
            <span safe>{t('item.followWithAccount')}</span>{' '}
            <a class="kern-link" href={`/anmelden?zurueck=${encodeURIComponent(path)}`}>
              {t.html('item.login')}
            </a>
          </p>
        </>
      )}
      {item.history.length > 0 ? (
        <>
          <h2 class="kern-heading-medium">{t.html('item.history')}</h2>
          <ul class="kern-list">
            {item.history.map((h) => {
              const fields = (h.changes as { fields?: string[] }).fields ?? [];
              return (
                <li
                  safe
                >{`${formatDateTime(h.at, ctx.locale)}: ${fields.includes('created') ? t('item.created') : t('item.historyEntry', { fields: fields.map((f) => t(fieldKey(f))).join(', ') })}`}</li>
              );
            })}
          </ul>
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}

/** GET /verwaltung/vorhaben: download, import with a report per line, post an update. */
export function StaffRoadmapPage({
  ctx,
  initiatives,
  result,
  problems,
  importError,
  update = { values: {}, errors: {} },
  notice,
}: {
  ctx: PageContext;
  initiatives: { slug: string; title: string }[];
  result?: { created: number; changed: number; unchanged: number };
  problems?: RowProblem[];
  importError?: string;
  update?: { values: Record<string, string>; errors: FieldErrors };
  notice?: string;
}): JSX.Element {
  const t = initiativeMessages(ctx.locale);
  const errors: FieldErrors = { ...(importError ? { file: importError } : {}), ...update.errors };
  return (
    <Layout ctx={ctx} title={t('staff.title')} hasErrors={Object.keys(errors).length > 0 || (problems?.length ?? 0) > 0}>
      <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} />
      {notice ? <Alert kind="success" title={notice} /> : ''}
      {result ? <Alert kind="success" title={t('staff.result', result)} /> : ''}
      {problems && problems.length > 0 ? (
        <div class="kern-alert kern-alert--danger" role="alert">
          <div class="kern-alert__header">
            <span class="kern-icon kern-icon--danger" aria-hidden="true"></span>
            <h2 class="kern-title">{t.html('staff.problems')}</h2>
          </div>
          <div class="kern-alert__body">
            <ul class="kern-list">
              {problems.map((p) => (
                <li safe>{t(`problem.${p.problem}`, { line: p.line, detail: p.detail ?? '', columns: roadmapColumns.join(';') })}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : (
        ''
      )}
      <h1 class="kern-heading-large">{t.html('staff.title')}</h1>
      <p class="kern-body">{t.html('staff.lead')}</p>
      <p class="kern-body">
        <a class="kern-link" href="/verwaltung/vorhaben/neu">
          {t.html('form.newLink')}
        </a>
      </p>
      <DataTable
        caption={t('form.listCaption')}
        rows={initiatives}
        columns={[
          {
            header: t('col.initiative'),
            rowHeader: true,
            html: (i: { slug: string; title: string }) => (
              <a class="kern-link" href={`/verwaltung/vorhaben/${i.slug}/bearbeiten`} lang="de" safe>
                {i.title}
              </a>
            ),
          },
          { header: t('form.slug'), text: (i) => i.slug },
        ]}
      />
      <p class="kern-body">
        <a class="kern-link" href="/vorhaben.csv">
          {t.html('staff.download')}
        </a>
      </p>
      <h2 class="kern-heading-medium">{t.html('staff.import')}</h2>
      <form method="post" action="/verwaltung/vorhaben/import" enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <FileField name="file" label={t('staff.file')} hint={t('staff.fileHint')} error={importError} accept=".csv,text/csv" required />
        <SubmitButton label={t('staff.importSubmit')} />
      </form>
      <h2 class="kern-heading-medium">{t.html('staff.updateHeading')}</h2>
      <p class="kern-body">{t.html('staff.updateHint')}</p>
      <form method="post" action="/verwaltung/vorhaben/neuigkeit" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <SelectField
          name="initiative"
          label={t('staff.initiative')}
          value={update.values.initiative}
          options={initiatives.map((i) => ({ value: i.slug, label: i.title }))}
        />
        <TextField name="title" label={t('staff.updateTitle')} value={update.values.title} error={update.errors.title} required />
        <TextArea name="body" label={t('staff.updateBody')} value={update.values.body} error={update.errors.body} rows={6} required />
        <Checkbox name="alsNeuigkeit" label={t('staff.asNews')} hint={t('staff.asNewsHint')} checked={update.values.alsNeuigkeit === 'ja'} />
        <SubmitButton label={t('staff.updateSubmit')} />
      </form>
    </Layout>
  );
}

/** GET /vorhaben/abbestellen (a button, so link scanners change nothing) and the page after it. */
export function UnfollowPage({ ctx, token, title }: { ctx: PageContext; token?: string; title?: string | null }): JSX.Element {
  const t = initiativeMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('unfollow.title')}>
      <h1 class="kern-heading-large">{t.html('unfollow.title')}</h1>
      {token !== undefined ? (
        <form method="post" action="/vorhaben/abbestellen">
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="token" value={token} />
          <SubmitButton label={t('item.unfollow')} />
        </form>
      ) : (
        <p class="kern-body" safe>
          {title === null || title === undefined ? t('unfollow.invalid') : t('unfollow.done', { title })}
        </p>
      )}
      <p class="kern-body">
        <a class="kern-link" href="/vorhaben">
          {t.html('item.back')}
        </a>
      </p>
    </Layout>
  );
}
