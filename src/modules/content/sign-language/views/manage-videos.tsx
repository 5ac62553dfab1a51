import type { PageContext } from '../../../../platform/http/context.js';
import type { FieldErrors } from '../../../../platform/http/errors.js';
import { formatDateTime } from '../../../../platform/i18n/i18n.js';
import { maxCaptionBytes, maxVideoBytes } from '../../../../platform/media/videos.js';
import { Alert, CsrfField, ErrorSummary, FileField, SubmitButton, TextArea, TextField } from '../../../../platform/views/forms.js';
import { Layout } from '../../../../platform/views/layout.js';
import { layoutMessages } from '../../../../platform/views/layout.messages.js';
import { fileSize } from '../file-size.js';
import { signLanguageMessages } from '../sign-language.messages.js';
import { signLanguageTopics, topicInfo, type SignLanguageTopic } from '../sign-language.schemas.js';
import type { SignLanguageVideo } from '../sign-language.service.js';
import { videoFormat } from './sign-language-videos.js';

const manageUrl = '/verwaltung/gebaerdensprache';
export const topicUrl = (topic: SignLanguageTopic) => `${manageUrl}/${topic}`;

/** GET /verwaltung/gebaerdensprache: each topic with its video, or the way to upload one. */
export function ManageVideosPage({
  ctx,
  videos,
  saved,
  deleted,
}: {
  ctx: PageContext;
  videos: SignLanguageVideo[];
  saved?: SignLanguageTopic;
  deleted?: SignLanguageTopic;
}): JSX.Element {
  const t = signLanguageMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('manage.title')}>
      {saved ? <Alert kind="success" title={t('manage.saved', { topic: t(topicInfo(saved).labelKey) })} /> : ''}
      {deleted ? <Alert kind="success" title={t('manage.deleted', { topic: t(topicInfo(deleted).labelKey) })} /> : ''}
      <h1 class="kern-heading-large">{t.html('manage.title')}</h1>
      <p class="kern-body">{t.html('manage.intro')}</p>
      {signLanguageTopics.map(({ topic, labelKey }) => {
        const video = videos.find((v) => v.topic === topic);
        const about = (
          <span class="visually-hidden" safe>
            {`: ${t(labelKey)}`}
          </span>
        );
        return (
          <section aria-labelledby={`thema-${topic}`}>
            <h2 class="kern-heading-medium" id={`thema-${topic}`} safe>
              {t(labelKey)}
            </h2>
            {video ? (
              <>
                <p class="kern-body">
                  <strong lang="de" safe>
                    {video.title}
                  </strong>
                </p>
                <p class="kern-body" safe>
                  {t('manage.video', {
                    format: videoFormat(video),
                    size: fileSize(video.sizeBytes, ctx.locale),
                    date: formatDateTime(video.updatedAt, ctx.locale),
                    name: video.updatedByName ?? t('manage.unknownPerson'),
                  })}
                </p>
                <ul class="site-inline-list">
                  <li>
                    <a class="kern-link" href={topicUrl(topic)}>
                      {t.html('manage.edit')}
                      {about}
                    </a>
                  </li>
                  <li>
                    <a class="kern-link" href={`${topicUrl(topic)}/loeschen`}>
                      {t.html('manage.delete')}
                      {about}
                    </a>
                  </li>
                </ul>
              </>
            ) : (
              <>
                <p class="kern-body">{t.html('manage.none')}</p>
                <p class="kern-body">
                  <a class="kern-link" href={topicUrl(topic)}>
                    {t.html('manage.upload')}
                    {about}
                  </a>
                </p>
              </>
            )}
          </section>
        );
      })}
      <ul class="site-inline-list">
        <li>
          <a class="kern-link" href="/gebaerdensprache">
            {t.html('manage.public')}
          </a>
        </li>
        <li>
          <a class="kern-link" href="/verwaltung/seiten">
            {t.html('manage.pages')}
          </a>
        </li>
      </ul>
    </Layout>
  );
}

export interface VideoFormProps {
  ctx: PageContext;
  topic: SignLanguageTopic;
  existing: SignLanguageVideo | undefined;
  values: { title?: string; transcript?: string };
  errors?: FieldErrors;
  /** The editor had chosen files: the browser will not send them again. */
  filesChosen?: boolean;
}

/** GET/POST /verwaltung/gebaerdensprache/:topic: upload a video with its captions, or change it. */
export function VideoFormPage({ ctx, topic, existing, values, errors = {}, filesChosen }: VideoFormProps): JSX.Element {
  const t = signLanguageMessages(ctx.locale);
  const title = t('form.title', { topic: t(topicInfo(topic).labelKey) });
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Layout ctx={ctx} title={title} hasErrors={hasErrors}>
      <ErrorSummary title={layoutMessages(ctx.locale)('error.summary')} errors={errors} />
      <h1 class="kern-heading-large" safe>
        {title}
      </h1>
      {existing ? (
        <p class="kern-body" safe>
          {t('form.current', { format: videoFormat(existing), size: fileSize(existing.sizeBytes, ctx.locale) })}
        </p>
      ) : (
        ''
      )}
      {hasErrors && filesChosen ? <Alert kind="warning" title={t('form.filesAgain')} /> : ''}
      <form method="post" action={topicUrl(topic)} enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="title" label={t('field.title')} hint={t('field.titleHint')} value={values.title} error={errors.title} required />
        <TextArea
          name="transcript"
          label={t('field.transcript')}
          hint={t('field.transcriptHint')}
          value={values.transcript}
          error={errors.transcript}
          rows={12}
          required
        />
        <FileField
          name="video"
          label={t('field.video')}
          hint={t('field.videoHint', { max: fileSize(maxVideoBytes, ctx.locale) })}
          error={errors.video}
          accept="video/mp4,video/webm,.mp4,.webm"
          required={!existing}
        />
        <FileField
          name="captions"
          label={t('field.captions')}
          hint={t('field.captionsHint', { max: fileSize(maxCaptionBytes, ctx.locale) })}
          error={errors.captions}
          accept=".vtt,text/vtt"
          required={!existing}
        />
        <SubmitButton label={t('form.submit')} />
      </form>
      <p class="kern-body">
        <a class="kern-link" href={manageUrl}>
          {t.html('form.back')}
        </a>
      </p>
    </Layout>
  );
}

/** GET /verwaltung/gebaerdensprache/:topic/loeschen: asks before deleting. */
export function DeleteVideoPage({ ctx, topic, video }: { ctx: PageContext; topic: SignLanguageTopic; video: SignLanguageVideo }): JSX.Element {
  const t = signLanguageMessages(ctx.locale);
  const title = t('delete.title', { topic: t(topicInfo(topic).labelKey) });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="kern-heading-large" safe>
        {title}
      </h1>
      <p class="kern-body">
        <strong lang="de" safe>
          {video.title}
        </strong>
      </p>
      <p class="kern-body">{t.html('delete.text')}</p>
      <form method="post" action={`${topicUrl(topic)}/loeschen`}>
        <CsrfField token={ctx.csrfToken} />
        <SubmitButton label={t('delete.submit')} variant="secondary" />
      </form>
      <p class="kern-body">
        <a class="kern-link" href={manageUrl}>
          {t.html('delete.cancel')}
        </a>
      </p>
    </Layout>
  );
}
