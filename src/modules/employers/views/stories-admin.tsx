import type { PageContext } from '../../../platform/http/context.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import { formatDateTime } from '../../../platform/i18n/i18n.js';
import { DataTable } from '../../../platform/views/data-table.js';
import { Alert, Checkbox, CsrfField, ErrorSummary, SelectField, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { layoutMessages } from '../../../platform/views/layout.messages.js';
import { areas, measures, measuresByArea, sectors } from '../employers.catalogue.js';
import { measureField } from '../employers.form.js';
import { employersMessages } from '../employers.messages.js';
import { employerPaths } from '../employers.paths.js';
import type { StoryRow } from '../stories.repository.js';
import { storiesMessages } from '../stories.messages.js';
import { storyAdminPaths } from '../stories.paths.js';

const stateText = (ctx: PageContext, story: Pick<StoryRow, 'published_at'>) => {
  const s = storiesMessages(ctx.locale);
  return story.published_at ? s('state.published', { date: formatDateTime(story.published_at, ctx.locale) }) : s('state.draft');
};

/** GET /verwaltung/gute-beispiele */
export function StoriesAdminPage({ ctx, stories, notice }: { ctx: PageContext; stories: StoryRow[]; notice?: string }): JSX.Element {
  const s = storiesMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={s('admin.title')}>
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <h1 class="kern-heading-large">{s.html('admin.title')}</h1>
      <p class="kern-body">{s.html('admin.intro')}</p>
      <p class="kern-body">
        <a class="kern-link" href={storyAdminPaths.create}>
          {s.html('admin.new')}
        </a>
      </p>
      {stories.length === 0 ? (
        <p class="kern-body">{s.html('admin.none')}</p>
      ) : (
        <DataTable
          caption={s('admin.caption')}
          captionHidden
          rows={stories}
          columns={[
            {
              header: s('admin.story'),
              rowHeader: true,
              html: (story) => (
                <a class="kern-link" href={storyAdminPaths.edit(story.id)} safe>
                  {story.title}
                </a>
              ),
            },
            { header: s('admin.state'), text: (story) => stateText(ctx, story) },
            { header: s('admin.changed'), text: (story) => formatDateTime(story.updated_at, ctx.locale) },
          ]}
        />
      )}
    </Layout>
  );
}

/** GET/POST /verwaltung/gute-beispiele/neu and /verwaltung/gute-beispiele/:id */
export function StoryFormPage({
  ctx,
  story,
  employers,
  values,
  errors = {},
  notice,
  translations = '',
}: {
  ctx: PageContext;
  /** The stored story when editing; undefined for a new one. */
  story?: StoryRow;
  employers: readonly { id: string; name: string }[];
  values: Record<string, string>;
  errors?: FieldErrors;
  notice?: string;
  /** The story's "Übersetzungen" section (platform/translations). */
  translations?: JSX.Element;
}): JSX.Element {
  const t = employersMessages(ctx.locale);
  const s = storiesMessages(ctx.locale);
  const title = story ? s('form.editTitle', { title: story.title }) : s('form.newTitle');
  const failed = Object.keys(errors).length > 0;
  const measuresError = errors[measureField(measures[0]!)];
  return (
    <Layout ctx={ctx} title={title} hasErrors={failed}>
      <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} />
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <h1 class="kern-heading-large" safe>
        {title}
      </h1>
      {story ? <StoryState ctx={ctx} story={story} /> : ''}
      <form method="post" action={story ? storyAdminPaths.edit(story.id) : storyAdminPaths.create} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="title" label={s('form.title')} value={values.title} error={errors.title} required />
        <TextField name="slug" label={s('form.slug')} hint={s('form.slugHint')} value={values.slug} error={errors.slug} autocomplete="off" />
        <SelectField
          name="organization"
          label={s('form.employer')}
          value={values.organization ?? ''}
          error={errors.organization}
          options={[{ value: '', label: s('form.employerNone') }, ...employers.map((e) => ({ value: e.id, label: e.name }))]}
        />
        <SelectField
          name="sector"
          label={t('form.sector')}
          value={values.sector}
          error={errors.sector}
          options={sectors.map((x) => ({ value: x, label: t(`sector.${x}`) }))}
        />
        <fieldset class={`kern-fieldset${measuresError ? ' kern-fieldset--error' : ''}`}>
          <legend class="kern-label">{t.html('story.measures')}</legend>
          {measuresError ? (
            <p class="kern-error">
              <span class="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true"></span>
              <span class="kern-body" safe>
                {measuresError}
              </span>
            </p>
          ) : (
            ''
          )}
          {areas.map((area) => (
            <div class="kern-fieldset__body">
              <p class="kern-body kern-body--bold">{t.html(`area.${area}`)}</p>
              {measuresByArea[area].map((m) => (
                <Checkbox name={measureField(m)} label={t(`measure.${m}`)} checked={values[measureField(m)] === 'ja'} />
              ))}
            </div>
          ))}
        </fieldset>
        <TextArea name="problem" label={t('story.problem')} value={values.problem} error={errors.problem} rows={5} required />
        <TextArea name="solution" label={t('story.solution')} value={values.solution} error={errors.solution} rows={5} required />
        <TextArea name="cost" label={t('story.cost')} value={values.cost} error={errors.cost} rows={3} required />
        <TextArea name="effect" label={t('story.effect')} value={values.effect} error={errors.effect} rows={5} required />
        <h2 class="kern-heading-medium">{s.html('form.contact')}</h2>
        <p class="kern-body">{s.html('form.contactHint')}</p>
        <TextField name="contact_name" label={t('form.contactName')} value={values.contact_name} error={errors.contact_name} autocomplete="off" />
        <TextField
          name="contact_email"
          type="email"
          label={t('form.contactEmail')}
          value={values.contact_email}
          error={errors.contact_email}
          autocomplete="off"
        />
        <TextField
          name="contact_phone"
          type="tel"
          label={t('form.contactPhone')}
          value={values.contact_phone}
          error={errors.contact_phone}
          autocomplete="off"
        />
        <SubmitButton label={s('form.save')} />
      </form>
      {translations}
      <p class="kern-body">
        <a class="kern-link" href={storyAdminPaths.list}>
          {s.html('edit.back')}
        </a>
      </p>
    </Layout>
  );
}

/** On the edit page: whether the story is public, and the button that changes it. */
function StoryState({ ctx, story }: { ctx: PageContext; story: StoryRow }): JSX.Element {
  const s = storiesMessages(ctx.locale);
  return (
    <section aria-labelledby="stand">
      <h2 class="kern-heading-medium" id="stand" safe>
        {s('edit.state', { state: stateText(ctx, story) })}
      </h2>
      <p class="kern-body">{s.html('edit.publishText')}</p>
      <form method="post" action={story.published_at ? storyAdminPaths.withdraw(story.id) : storyAdminPaths.publish(story.id)}>
        <CsrfField token={ctx.csrfToken} />
        <SubmitButton label={s(story.published_at ? 'edit.withdraw' : 'edit.publish')} variant={story.published_at ? 'secondary' : 'primary'} />
      </form>
      {story.published_at ? (
        <p class="kern-body">
          <a class="kern-link" href={employerPaths.story(story.slug)}>
            {s.html('edit.view')}
          </a>
        </p>
      ) : (
        ''
      )}
    </section>
  );
}
