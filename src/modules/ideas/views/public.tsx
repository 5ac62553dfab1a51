import type { IdeaStatus } from '../../../db/tables/ideas.js';
import type { PageContext } from '../../../platform/http/context.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import { dateFormat, intlLocale, numberFormat, type Locale } from '../../../platform/i18n/i18n.js';
import { imagePath } from '../../../platform/media/media.js';
import { DataTable } from '../../../platform/views/data-table.js';
import { FilterPanel } from '../../../platform/views/filter-panel.js';
import { Alert, Checkbox, CsrfField, ErrorSummary, FileField, SelectField, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { layoutMessages } from '../../../platform/views/layout.messages.js';
import type { TopicFigures } from '../figures.js';
import { ideaMessages } from '../ideas.messages.js';
import type { IdeaRow } from '../ideas.repository.js';
import type { SimilarIdea } from '../ideas.service.js';
import { ideaPath } from '../ideas.service.js';
import { ideaStatuses, ideaTopics, statusLabel, statusSlugs, topicLabel } from '../ideas.topics.js';
import { Lines, RadioGroup, StatusBadge } from './parts.js';

export const section = '/mitmachen';
const day = (date: Date, locale: Locale) => dateFormat(intlLocale[locale], { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(date);

type Listed = Pick<IdeaRow, 'id' | 'kind' | 'title' | 'topic' | 'district' | 'status' | 'supporters' | 'published_at'>;

export interface ListView {
  topic?: string;
  district?: string;
  status?: IdeaStatus;
  sort: 'newest' | 'supported' | 'answered';
  page: number;
  pages: number;
  total: number;
  items: Listed[];
}

/** The query string of a filter, for links (feed, pages). */
export function filterQuery(v: Pick<ListView, 'topic' | 'district' | 'status' | 'sort'>, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  if (v.topic) q.set('thema', v.topic);
  if (v.district) q.set('bezirk', v.district);
  if (v.status) q.set('status', statusSlugs[v.status]);
  if (v.sort !== 'newest') q.set('sortierung', v.sort === 'supported' ? 'unterstuetzt' : 'beantwortet');
  for (const [k, value] of Object.entries(extra)) q.set(k, value);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export function IdeaCard({ idea, locale }: { idea: Listed; locale: Locale }): JSX.Element {
  const t = ideaMessages(locale);
  return (
    <li class="idea-card">
      <h3 class="kern-heading-small">
        <a class="kern-link" href={ideaPath(idea.id)} safe>
          {idea.title}
        </a>
      </h3>
      <p class="kern-body kern-body--small">
        <StatusBadge status={idea.status} locale={locale} />{' '}
        <span safe>{`${t(`kind.${idea.kind}`)} · ${topicLabel(idea.topic, locale)}${idea.district ? ` · ${idea.district}` : ''}`}</span>
      </p>
      <p class="kern-body kern-body--small" safe>
        {t('list.supporters', { count: idea.supporters })}
      </p>
    </li>
  );
}

/** GET /mitmachen/ideen */
export function IdeaListPage({ ctx, view }: { ctx: PageContext; view: ListView }): JSX.Element {
  const t = ideaMessages(ctx.locale);
  const active = [view.topic, view.district, view.status].filter(Boolean).length + (view.sort !== 'newest' ? 1 : 0);
  const sortSlug = { newest: '', supported: 'unterstuetzt', answered: 'beantwortet' } as const;
  return (
    <Layout ctx={ctx} title={t('list.title')} section={section}>
      <h1 class="kern-heading-x-large">{t.html('list.title')}</h1>
      <p class="kern-body kern-body--large">{t.html('list.lead')}</p>
      <p>
        <a class="kern-btn kern-btn--primary" href="/mitmachen/ideen/neu">
          <span class="kern-label">{t.html('list.submit')}</span>
        </a>
      </p>
      <div class="search-layout">
        <section class="search-layout__filters" aria-labelledby="filter-heading">
          <h2 class="kern-heading-medium" id="filter-heading">
            {t.html('list.filter')}
          </h2>
          <form method="get" action="/mitmachen/ideen">
            <FilterPanel locale={ctx.locale} active={active} submitLabel={t('list.apply')}>
              <SelectField
                name="thema"
                label={t('list.topic')}
                value={view.topic ?? ''}
                options={[{ value: '', label: t('list.all') }, ...ideaTopics.map((topic) => ({ value: topic, label: topicLabel(topic, ctx.locale) }))]}
              />
              <SelectField
                name="bezirk"
                label={t('list.district')}
                value={view.district ?? ''}
                options={[{ value: '', label: t('list.all') }, ...ctx.city.districts.map((d) => ({ value: d, label: d }))]}
              />
              <SelectField
                name="status"
                label={t('list.status')}
                value={view.status ? statusSlugs[view.status] : ''}
                options={[{ value: '', label: t('list.all') }, ...ideaStatuses.map((s) => ({ value: statusSlugs[s], label: statusLabel(s, ctx.locale) }))]}
              />
              <SelectField
                name="sortierung"
                label={t('list.sort')}
                value={sortSlug[view.sort]}
                options={[
                  { value: '', label: t('sort.newest') },
                  { value: 'unterstuetzt', label: t('sort.supported') },
                  { value: 'beantwortet', label: t('sort.answered') },
                ]}
              />
            </FilterPanel>
          </form>
        </section>
        <section class="search-layout__results" aria-labelledby="results-heading">
          <h2 class="kern-heading-medium" id="results-heading" aria-live="polite" safe>
            {t('list.count', { count: view.total })}
          </h2>
          <ul class="idea-list">
            {view.items.map((idea) => (
              <IdeaCard idea={idea} locale={ctx.locale} />
            ))}
          </ul>
          {view.pages > 1 ? (
            <nav aria-label={t('list.page', { page: view.page, pages: view.pages })}>
              <p class="kern-body" safe>
                {t('list.page', { page: view.page, pages: view.pages })}
              </p>
              <ul class="site-inline-list">
                {view.page > 1 ? (
                  <li>
                    <a class="kern-link" href={`/mitmachen/ideen${filterQuery(view, { seite: String(view.page - 1) })}`}>
                      {t.html('list.previous')}
                    </a>
                  </li>
                ) : (
                  ''
                )}
                {view.page < view.pages ? (
                  <li>
                    <a class="kern-link" href={`/mitmachen/ideen${filterQuery(view, { seite: String(view.page + 1) })}`}>
                      {t.html('list.next')}
                    </a>
                  </li>
                ) : (
                  ''
                )}
              </ul>
            </nav>
          ) : (
            ''
          )}
          <ul class="site-inline-list">
            <li>
              <a class="kern-link" href={`/mitmachen/ideen/feed.atom${filterQuery(view)}`}>
                {t.html('list.feed')}
              </a>
            </li>
            <li>
              <a class="kern-link" href={`/mitmachen/ideen/feed.rss${filterQuery(view)}`}>
                {t.html('list.feedRss')}
              </a>
            </li>
            <li>
              <a class="kern-link" href="/mitmachen/ideen/zahlen">
                {t.html('list.figures')}
              </a>
            </li>
          </ul>
        </section>
      </div>
    </Layout>
  );
}

interface ItemView {
  idea: IdeaRow;
  entries: {
    id: string;
    kind: 'answer' | 'author_update';
    status: IdeaStatus | null;
    office: string | null;
    body: string;
    refer_to: string | null;
    created_at: Date;
  }[];
  supported: boolean;
  following: boolean;
  isAuthor: boolean;
  /** The city's initiatives (Vorhaben) this idea shaped. */
  shaped: { href: string; title: string }[];
  /** The family council's workshop results that took this idea up. */
  council: { href: string; label: string }[];
}

/** GET /mitmachen/ideen/:id */
export function IdeaPage({
  ctx,
  item,
  notice,
  followErrors,
  followValue,
}: {
  ctx: PageContext;
  item: ItemView;
  notice?: string;
  followErrors?: FieldErrors;
  followValue?: string;
}): JSX.Element {
  const t = ideaMessages(ctx.locale);
  const { idea, entries } = item;
  const published = idea.published_at ?? idea.created_at;
  const path = ideaPath(idea.id);
  return (
    <Layout ctx={ctx} title={idea.title} section={section} hasErrors={!!followErrors && Object.keys(followErrors).length > 0}>
      <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={followErrors ?? {}} />
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <p class="kern-body">
        <a class="kern-link" href="/mitmachen/ideen">
          {t.html('list.title')}
        </a>
      </p>
      <h1 class="kern-heading-x-large" lang="de" safe>
        {idea.title}
      </h1>
      <p class="kern-body">
        <StatusBadge status={idea.status} locale={ctx.locale} />{' '}
        <span safe>{`${t(`kind.${idea.kind}`)} · ${t('item.topic', { topic: topicLabel(idea.topic, ctx.locale) })}`}</span>
        {idea.district ? <span safe>{` · ${t('item.district', { district: idea.district })}`}</span> : ''}
      </p>
      {idea.moderation === 'merged' && idea.merged_into ? (
        <Alert kind="info" title={t('item.merged')}>
          <p class="kern-body">
            <a class="kern-link" href={ideaPath(idea.merged_into)}>
              {t.html('item.mergedLink')}
            </a>
          </p>
        </Alert>
      ) : (
        ''
      )}
      <p class="kern-body kern-body--small" safe>
        {idea.author_name
          ? t('item.by', { name: idea.author_name, date: day(idea.created_at, ctx.locale) })
          : t('item.byAnonymous', { date: day(idea.created_at, ctx.locale) })}
      </p>
      <div class="kern-body idea-text" lang="de">
        <p>
          <Lines text={idea.body} />
        </p>
      </div>
      {idea.photo_id ? (
        <figure class="idea-photo">
          <img src={imagePath(idea.photo_id)} alt={idea.photo_alt ?? ''} loading="lazy" />
        </figure>
      ) : (
        ''
      )}
      {idea.redaction_note ? (
        <p class="kern-body kern-body--small" safe>
          {t('item.redacted', { note: idea.redaction_note })}
        </p>
      ) : (
        ''
      )}
      {idea.moderation === 'published' ? (
        <>
          <p class="kern-body kern-body--bold" safe>
            {t('list.supporters', { count: idea.supporters })}
          </p>
          {ctx.actor ? (
            <form method="post" action={`${path}/unterstuetzen`}>
              <CsrfField token={ctx.csrfToken} />
              {item.supported ? <input type="hidden" name="zuruecknehmen" value="ja" /> : ''}
              {item.supported ? <p class="kern-body">{t.html('item.supported')}</p> : ''}
              <SubmitButton label={item.supported ? t('item.unsupport') : t('item.support')} variant={item.supported ? 'secondary' : 'primary'} />
            </form>
          ) : (
            <p class="kern-body">
              <span safe>{t('item.supportLogin')}</span>{' '}
              <a class="kern-link" href={`/anmelden?zurueck=${encodeURIComponent(path)}`}>
                {t.html('item.login')}
              </a>
            </p>
          )}
        </>
      ) : (
        ''
      )}
      {item.shaped.length || item.council.length ? <h2 class="kern-heading-medium">{t.html('item.shapedTitle')}</h2> : ''}
      {item.shaped.length ? (
        <>
          <p class="kern-body">{t.html('item.shapedLead', { count: item.shaped.length })}</p>
          <ul class="kern-list">
            {item.shaped.map((i) => (
              <li>
                <a class="kern-link" href={i.href} lang="de" safe>
                  {i.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      {item.council.length ? (
        <>
          <p class="kern-body">{t.html('item.councilLead', { count: item.council.length })}</p>
          <ul class="kern-list">
            {item.council.map((c) => (
              <li>
                <a class="kern-link" href={c.href} lang="de" safe>
                  {c.label}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      <h2 class="kern-heading-medium">{t.html('item.history')}</h2>
      <ol class="idea-timeline">
        <li>
          <p class="kern-body kern-body--bold">
            <time datetime={published.toISOString()} safe>
              {day(published, ctx.locale)}
            </time>
            {' · '}
            {t.html('item.published')}
          </p>
        </li>
        {entries.map((e) => (
          <li>
            <p class="kern-body kern-body--bold">
              <time datetime={e.created_at.toISOString()} safe>
                {day(e.created_at, ctx.locale)}
              </time>
              {' · '}
              <span safe>{e.kind === 'answer' ? t('item.answer', { office: e.office ?? '' }) : t('item.authorUpdate')}</span>
            </p>
            {e.status ? (
              <p class="kern-body" safe>
                {t('item.newStatus', { status: statusLabel(e.status, ctx.locale) })}
              </p>
            ) : (
              ''
            )}
            <p class="kern-body" lang="de">
              <Lines text={e.body} />
            </p>
            {e.refer_to ? (
              <p class="kern-body" safe>
                {t('item.referTo', { referTo: e.refer_to })}
              </p>
            ) : (
              ''
            )}
          </li>
        ))}
      </ol>
      {entries.every((e) => e.kind !== 'answer') ? <p class="kern-body">{t.html('item.noAnswer')}</p> : ''}
      {item.isAuthor ? (
        <p class="kern-body">
          <a class="kern-link" href={`${path}/ergaenzen`}>
            {t.html('item.addUpdate')}
          </a>
        </p>
      ) : (
        ''
      )}
      {idea.moderation === 'published' ? (
        <section aria-labelledby="follow-heading">
          <h2 class="kern-heading-medium" id="follow-heading">
            {t.html('item.followHeading')}
          </h2>
          {ctx.actor ? (
            <form method="post" action={`${path}/folgen`}>
              <CsrfField token={ctx.csrfToken} />
              {item.following ? <p class="kern-body">{t.html('item.following')}</p> : ''}
              {item.following ? <input type="hidden" name="beenden" value="ja" /> : ''}
              <SubmitButton label={item.following ? t('item.unfollow') : t('item.follow')} variant="secondary" />
            </form>
          ) : (
            <form method="post" action={`${path}/folgen`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <TextField
                name="email"
                type="email"
                label={t('item.followEmail')}
                hint={t('item.followHint')}
                autocomplete="email"
                value={followValue}
                error={followErrors?.email}
                required
              />
              <SubmitButton label={t('item.follow')} variant="secondary" />
            </form>
          )}
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}

export function SimilarList({ ideas, locale }: { ideas: SimilarIdea[]; locale: Locale }): JSX.Element {
  const t = ideaMessages(locale);
  return (
    <ul class="kern-list">
      {ideas.map((s) => (
        <li>
          <a class="kern-link" href={s.url} safe>
            {s.title}
          </a>{' '}
          <span class="kern-body kern-body--small" safe>{`(${statusLabel(s.status, locale)} · ${t('list.supporters', { count: s.supporters })})`}</span>
        </li>
      ))}
    </ul>
  );
}

/** GET/POST /mitmachen/ideen/neu; with `similar`, the check page before sending. */
export function IdeaFormPage({
  ctx,
  values = {},
  errors = {},
  similar,
}: {
  ctx: PageContext;
  values?: Record<string, string>;
  errors?: FieldErrors;
  similar?: SimilarIdea[];
}): JSX.Element {
  const t = ideaMessages(ctx.locale);
  const checking = !!similar && similar.length > 0;
  const title = checking ? t('check.title') : t('form.title');
  return (
    <Layout ctx={ctx} title={title} section={section} hasErrors={Object.keys(errors).length > 0}>
      <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} />
      <h1 class="kern-heading-x-large" safe>
        {title}
      </h1>
      {checking ? (
        <>
          <p class="kern-body kern-body--large">{t.html('check.lead')}</p>
          <h2 class="kern-heading-medium">{t.html('similar.heading')}</h2>
          <SimilarList ideas={similar} locale={ctx.locale} />
          <h2 class="kern-heading-medium">{t.html('form.title')}</h2>
        </>
      ) : (
        <p class="kern-body kern-body--large">{t.html('form.lead')}</p>
      )}
      {ctx.actor ? (
        ''
      ) : (
        <p class="kern-body">
          <span safe>{t('form.account')}</span>{' '}
          <a class="kern-link" href="/anmelden?zurueck=%2Fmitmachen%2Fideen%2Fneu">
            {t.html('item.login')}
          </a>
        </p>
      )}
      <form method="post" action="/mitmachen/ideen/neu" enctype="multipart/form-data" novalidate data-similar-form>
        <CsrfField token={ctx.csrfToken} />
        {checking ? <input type="hidden" name="checked" value="ja" /> : ''}
        <RadioGroup
          name="kind"
          legend={t('form.kind')}
          value={values.kind ?? 'idea'}
          error={errors.kind}
          options={[
            { value: 'idea', label: t('form.kindIdea') },
            { value: 'concern', label: t('form.kindConcern') },
          ]}
        />
        <TextField
          name="title"
          label={t('form.title.label')}
          hint={t('form.title.hint')}
          value={values.title}
          error={errors.title}
          required
          autocomplete="off"
        />
        <div id="similar-live" class="idea-similar" aria-live="polite" data-heading={t('similar.live')}></div>
        <TextArea name="body" label={t('form.body.label')} hint={t('form.body.hint')} value={values.body} error={errors.body} required rows={8} />
        <SelectField
          name="topic"
          label={t('form.topic')}
          value={values.topic}
          error={errors.topic}
          options={ideaTopics.map((topic) => ({ value: topic, label: topicLabel(topic, ctx.locale) }))}
        />
        <SelectField
          name="district"
          label={t('form.district')}
          value={values.district ?? ''}
          options={[{ value: '', label: t('form.districtNone') }, ...ctx.city.districts.map((d) => ({ value: d, label: d }))]}
        />
        <RadioGroup
          name="shownAs"
          legend={t('form.shownAs')}
          value={values.shownAs ?? 'first_name'}
          error={errors.shownAs}
          options={[
            { value: 'first_name', label: t('form.shownFirstName') },
            { value: 'initials', label: t('form.shownInitials') },
            { value: 'anonymous', label: t('form.shownAnonymous') },
          ]}
        />
        <TextField
          name="name"
          label={t('form.name')}
          hint={t('form.nameHint')}
          value={values.name ?? ctx.actor?.displayName}
          error={errors.name}
          autocomplete="name"
        />
        {ctx.actor ? (
          ''
        ) : (
          <TextField
            name="email"
            type="email"
            label={t('form.email')}
            hint={t('form.emailHint')}
            value={values.email}
            error={errors.email}
            required
            autocomplete="email"
          />
        )}
        {checking ? <p class="kern-body">{t.html('check.photoAgain')}</p> : ''}
        <FileField name="photo" label={t('form.photo')} hint={t('form.photoHint')} error={errors.photo} accept="image/jpeg,image/png,image/webp" />
        <TextField name="photoAlt" label={t('form.photoAlt')} hint={t('form.photoAltHint')} value={values.photoAlt} error={errors.photoAlt} />
        <div class="idea-honeypot" aria-hidden="true">
          <label for="website" safe>
            {t('form.website')}
          </label>
          <input type="text" id="website" name="website" tabindex="-1" autocomplete="off" value="" />
        </div>
        <Checkbox name="privacy" label={t('form.privacy')} checked={values.privacy === 'ja'} error={errors.privacy} />
        <p class="kern-body kern-body--small">
          <a class="kern-link" href="/datenschutz">
            {t.html('form.privacyLink')}
          </a>
        </p>
        <SubmitButton label={checking ? t('form.send') : t('form.submit')} />
      </form>
      <script src="/assets/ideas.js" defer></script>
    </Layout>
  );
}

/** A page that says one thing: sent, confirmed, a link that does not work. */
export function MessagePage({
  ctx,
  title,
  texts,
  kind = 'success',
  back = true,
}: {
  ctx: PageContext;
  title: string;
  texts: string[];
  kind?: 'success' | 'info' | 'warning';
  back?: boolean;
}): JSX.Element {
  const t = ideaMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={title} section={section}>
      <div class={`kern-alert kern-alert--${kind}`} role="status">
        <div class="kern-alert__header">
          <span class={`kern-icon kern-icon--${kind}`} aria-hidden="true"></span>
          <h1 class="kern-title kern-title--large" safe>
            {title}
          </h1>
        </div>
        <div class="kern-alert__body">
          {texts.map((text) => (
            <p class="kern-body" safe>
              {text}
            </p>
          ))}
        </div>
      </div>
      {back ? (
        <p class="kern-body">
          <a class="kern-link" href="/mitmachen/ideen">
            {t.html('sent.back')}
          </a>
        </p>
      ) : (
        ''
      )}
    </Layout>
  );
}

/** GET /mitmachen/ideen/abbestellen?token= */
export function UnfollowPage({ ctx, token, title }: { ctx: PageContext; token: string; title: string }): JSX.Element {
  const t = ideaMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('unfollow.title')} section={section}>
      <h1 class="kern-heading-x-large">{t.html('unfollow.title')}</h1>
      <p class="kern-body" safe>
        {t('unfollow.question', { title })}
      </p>
      <form method="post" action="/mitmachen/ideen/abbestellen">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="token" value={token} />
        <SubmitButton label={t('unfollow.button')} />
      </form>
    </Layout>
  );
}

/** GET/POST /mitmachen/ideen/:id/ergaenzen */
export function UpdatePage({
  ctx,
  idea,
  token,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  idea: { id: string; title: string };
  token?: string;
  values?: Record<string, string>;
  errors?: FieldErrors;
}): JSX.Element {
  const t = ideaMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('update.title')} section={section} hasErrors={Object.keys(errors).length > 0}>
      <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} />
      <h1 class="kern-heading-x-large">{t.html('update.title')}</h1>
      <p class="kern-body kern-body--large">
        <a class="kern-link" href={ideaPath(idea.id)} safe>
          {idea.title}
        </a>
      </p>
      <p class="kern-body">{t.html('update.lead')}</p>
      <form method="post" action={`${ideaPath(idea.id)}/ergaenzen`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {token ? <input type="hidden" name="token" value={token} /> : ''}
        <TextArea name="body" label={t('update.body')} value={values.body} error={errors.body} required rows={6} />
        <SubmitButton label={t('update.submit')} />
      </form>
    </Layout>
  );
}

/** GET /mitmachen/ideen/zahlen: per topic, the median days to the first answer and the share within 30 days; a bar chart with the same data as the table. */
export function FiguresPage({ ctx, figures }: { ctx: PageContext; figures: TopicFigures[] }): JSX.Element {
  const t = ideaMessages(ctx.locale);
  const percent = numberFormat(intlLocale[ctx.locale], { style: 'percent', maximumFractionDigits: 0 });
  const days = numberFormat(intlLocale[ctx.locale], { maximumFractionDigits: 1 });
  return (
    <Layout ctx={ctx} title={t('figures.title')} section={section}>
      <h1 class="kern-heading-x-large">{t.html('figures.title')}</h1>
      <p class="kern-body kern-body--large">{t.html('figures.lead')}</p>
      <div class="idea-chart" aria-hidden="true">
        <p class="kern-body kern-body--bold">{t.html('figures.chart')}</p>
        {figures.map((f) => (
          <div class="idea-chart__row">
            <span class="idea-chart__label" safe>
              {topicLabel(f.topic, ctx.locale)}
            </span>
            <span class="idea-chart__bar" data-share={String(Math.round((f.within30 ?? 0) * 100))}>
              <span class={`idea-chart__fill idea-chart__fill--${Math.round((f.within30 ?? 0) * 20) * 5}`}></span>
            </span>
            <span class="idea-chart__value" safe>
              {f.within30 === null ? t('figures.none') : percent.format(f.within30)}
            </span>
          </div>
        ))}
      </div>
      <DataTable
        caption={t('figures.caption')}
        rows={figures}
        columns={[
          { header: t('figures.topic'), rowHeader: true, text: (f) => topicLabel(f.topic, ctx.locale) },
          { header: t('figures.count'), numeric: true, text: (f) => String(f.count) },
          { header: t('figures.median'), numeric: true, text: (f) => (f.medianDays === null ? t('figures.none') : days.format(f.medianDays)) },
          { header: t('figures.within30'), numeric: true, text: (f) => (f.within30 === null ? t('figures.none') : percent.format(f.within30)) },
        ]}
      />
      <p class="kern-body kern-body--small">{t.html('figures.note')}</p>
    </Layout>
  );
}
