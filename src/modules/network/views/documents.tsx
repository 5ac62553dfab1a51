import type { FieldErrors } from '../../../platform/http/errors.js';
import type { PageContext } from '../../../platform/http/context.js';
import { formatDateTime } from '../../../platform/i18n/i18n.js';
import { DataTable } from '../../../platform/views/data-table.js';
import { Alert, CsrfField, FileField, SelectField, SubmitButton, TextArea, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/layout.js';
import { networkMessages } from '../network.messages.js';
import type { NetworkService } from '../network.service.js';
import { documentPath, groupPath } from '../network.paths.js';
import { day, section } from './public.js';
import { documentAccept, Errors, sizeText } from './parts.js';

type DocumentPage = Awaited<ReturnType<NetworkService['documentPage']>>;

export function DocumentFormPage({
  ctx,
  group,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  group: { slug: string; name: string };
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const t = networkMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('document.new')} section={section} hasErrors={Object.keys(errors).length > 0}>
      <Errors ctx={ctx} errors={errors} />
      <p class="kern-body">
        <a class="kern-link" href={groupPath(group.slug)} lang="de" safe>
          {group.name}
        </a>
      </p>
      <h1 class="kern-heading-x-large">{t.html('document.new')}</h1>
      <form method="post" action={`${groupPath(group.slug)}/dokumente/neu`} enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <FileField name="file" label={t('document.file')} hint={t('document.file.hint')} error={errors.file} accept={documentAccept} required />
        <TextField name="title" label={t('document.title')} value={values.title} error={errors.title} required />
        <TextArea name="description" label={t('document.description')} value={values.description} error={errors.description} rows={3} />
        <TextField name="folder" label={t('document.folder')} hint={t('document.folder.hint')} value={values.folder} error={errors.folder} />
        <SelectField
          name="visibility"
          label={t('document.visibility')}
          value={values.visibility ?? 'group'}
          error={errors.visibility}
          options={(['group', 'partners', 'public'] as const).map((v) => ({ value: v, label: t(`visibility.${v}`) }))}
        />
        <TextField name="note" label={t('document.note')} value={values.note} error={errors.note} />
        <SubmitButton label={t('document.submit')} />
      </form>
    </Layout>
  );
}

export function DocumentPageView({ ctx, view, notice, errors = {} }: { ctx: PageContext; view: DocumentPage; notice?: string; errors?: FieldErrors }) {
  const t = networkMessages(ctx.locale);
  const { doc } = view;
  const path = documentPath(doc.id);
  return (
    <Layout ctx={ctx} title={doc.title} section={section} hasErrors={Object.keys(errors).length > 0}>
      <Errors ctx={ctx} errors={errors} />
      {notice ? <Alert kind="success" title={notice} /> : ''}
      <p class="kern-body">
        <a class="kern-link" href={view.canEdit ? groupPath(doc.group_slug) : '/netzwerk'} lang="de" safe>
          {view.canEdit ? doc.group_name : t('public.title')}
        </a>
      </p>
      <h1 class="kern-heading-x-large" lang="de" safe>
        {doc.title}
      </h1>
      <p class="kern-body" safe>
        {`${t(`visibility.${doc.visibility}`)} · ${t('document.version', { number: doc.current_version })}`}
      </p>
      {doc.description ? (
        <p class="kern-body" lang="de" style="white-space: pre-line;" safe>
          {doc.description}
        </p>
      ) : (
        ''
      )}
      <p class="kern-body">
        <a class="kern-btn kern-btn--primary" href={`${path}/datei`}>
          <span class="kern-label">{t.html('document.download')}</span>
        </a>
      </p>
      <h2 class="kern-heading-medium">{t.html('document.versions')}</h2>
      <DataTable
        caption={t('document.versions')}
        captionHidden
        rows={view.versions}
        columns={[
          {
            header: t('document.version.column'),
            rowHeader: true,
            html: (v) => (
              <a class="kern-link" href={`${path}/datei?version=${v.number}`} safe>
                {t('document.version', { number: v.number })}
              </a>
            ),
          },
          { header: t('document.version.when'), text: (v) => formatDateTime(v.created_at, ctx.locale) },
          { header: t('document.version.who'), text: (v) => v.uploaded_by ?? t('feed.formerMember') },
          { header: t('document.version.file'), text: (v) => `${v.filename} (${sizeText(v.size_bytes, ctx.locale)})` },
          { header: t('document.note'), text: (v) => v.note },
          ...(view.canEdit
            ? [
                {
                  header: t('document.restore.column'),
                  html: (v: DocumentPage['versions'][number]) =>
                    v.number === doc.current_version ? (
                      <span>{t.html('document.current')}</span>
                    ) : (
                      <form method="post" action={`${path}/versionen/${v.number}/wiederherstellen`}>
                        <CsrfField token={ctx.csrfToken} />
                        <button type="submit" class="kern-btn kern-btn--tertiary">
                          <span class="kern-label" safe>
                            {t('document.restore', { number: v.number })}
                          </span>
                        </button>
                      </form>
                    ),
                },
              ]
            : []),
        ]}
      />
      {view.canEdit ? (
        <>
          <h2 class="kern-heading-medium">{t.html('document.newVersion')}</h2>
          <form method="post" action={`${path}/versionen`} enctype="multipart/form-data" novalidate>
            <CsrfField token={ctx.csrfToken} />
            <FileField name="file" label={t('document.file')} hint={t('document.file.hint')} error={errors.file} accept={documentAccept} required />
            <TextField name="note" label={t('document.note')} error={errors.note} />
            <SubmitButton label={t('document.newVersion.submit')} variant="secondary" />
          </form>
        </>
      ) : (
        ''
      )}
    </Layout>
  );
}

type SearchHits = Awaited<ReturnType<NetworkService['searchDocuments']>>;

/** The passage with the matching words marked (the database marks them with << and >>; everything is escaped here). */
function Passage({ text }: { text: string }) {
  const parts = text.split(/(<<[^]*?>>)/);
  return (
    <p class="kern-body network-passage" lang="de">
      {parts.map((part) => (part.startsWith('<<') && part.endsWith('>>') ? <mark safe>{part.slice(2, -2)}</mark> : <span safe>{part}</span>))}
    </p>
  );
}

export function DocumentSearchPage({ ctx, query, hits }: { ctx: PageContext; query: string; hits: SearchHits | null }) {
  const t = networkMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('search.title')} section={section}>
      <p class="kern-body">
        <a class="kern-link" href="/netzwerk/mein">
          {t.html('mine.title')}
        </a>
      </p>
      <h1 class="kern-heading-x-large">{t.html('search.title')}</h1>
      <form method="get" action="/netzwerk/suche" role="search">
        <TextField name="q" type="search" label={t('search.label')} hint={t('search.hint')} value={query} />
        <SubmitButton label={t('search.submit')} />
      </form>
      {hits === null ? (
        ''
      ) : hits.length === 0 ? (
        <p class="kern-body" role="status">
          {t.html('search.none', { query })}
        </p>
      ) : (
        <>
          <h2 class="kern-heading-medium" role="status">
            {t.html('search.count', { count: hits.length, query })}
          </h2>
          <ol class="network-feed">
            {hits.map((hit) => (
              <li>
                <h3 class="kern-heading-small">
                  <a class="kern-link" href={documentPath(hit.id)} lang="de" safe>
                    {hit.title}
                  </a>
                </h3>
                <p class="kern-body kern-body--small" safe>
                  {`${hit.group_name} · ${t(`visibility.${hit.visibility}`)} · ${day(hit.updated_at, ctx.locale)}`}
                </p>
                {hit.passage.trim() ? <Passage text={hit.passage} /> : ''}
              </li>
            ))}
          </ol>
        </>
      )}
    </Layout>
  );
}
