import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requireActor } from '../../../platform/auth/guard.js';
import type { CityProfile } from '../../../platform/city.js';
import { pageContext } from '../../../platform/http/context.js';
import { notFound } from '../../../platform/http/errors.js';
import { formValues, parseForm } from '../../../platform/http/forms.js';
import { ButtonForm, formBody, NoQuery, type RouteApp } from '../../../platform/http/routes.js';
import { fileFromForm } from '../../../platform/media/uploaded-file.js';
import { acceptMultipart, type UploadLimits } from '../../../platform/media/uploads.js';
import { videoUploadLimits } from '../../../platform/media/videos.js';
import { contentPolicy } from '../content.policy.js';
import { signLanguageMessages } from './sign-language.messages.js';
import { isSignLanguageTopic, ManageQuery, TopicParams, VideoForm, type SignLanguageTopic } from './sign-language.schemas.js';
import type { SignLanguageService } from './sign-language.service.js';
import { DeleteVideoPage, ManageVideosPage, topicUrl, VideoFormPage } from './views/manage-videos.js';

/*
 * Routes of the sign-language videos (editors and admins; the videos show on /gebaerdensprache):
 *   GET       /verwaltung/gebaerdensprache                   each topic with its video
 *   GET  POST /verwaltung/gebaerdensprache/:topic            upload, replace, change heading and text
 *   GET  POST /verwaltung/gebaerdensprache/:topic/loeschen   delete, after asking
 */
/** The upload form: a video, its captions, a heading and a text of up to 50,000 characters. */
const uploadLimits: UploadLimits = { ...videoUploadLimits, fields: 8, fieldBytes: 256 * 1024 };

export function registerSignLanguagePages(app: RouteApp, service: SignLanguageService, city: CityProfile): void {
  const ctxOf = (req: FastifyRequest) => pageContext(req, city);

  app.get('/verwaltung/gebaerdensprache', { schema: { querystring: ManageQuery } }, async (req, reply) => {
    const videos = await service.listForEditor(requireActor(req));
    const topic = (value: string | undefined) => (isSignLanguageTopic(value) ? value : undefined);
    return reply.html(<ManageVideosPage ctx={ctxOf(req)} videos={videos} saved={topic(req.query.gespeichert)} deleted={topic(req.query.geloescht)} />);
  });

  app.get('/verwaltung/gebaerdensprache/:topic', { schema: { params: TopicParams, querystring: NoQuery } }, async (req, reply) => {
    const existing = await service.find(requireActor(req), req.params.topic);
    return reply.html(
      <VideoFormPage ctx={ctxOf(req)} topic={req.params.topic} existing={existing} values={{ title: existing?.title, transcript: existing?.transcript }} />,
    );
  });

  async function save(req: FastifyRequest, reply: FastifyReply, topic: SignLanguageTopic) {
    const actor = requireActor(req);
    // Refuse before looking at the form, so a non-editor learns nothing from validation messages.
    const existing = await service.find(actor, topic);
    const t = signLanguageMessages(req.locale);
    const form = parseForm(VideoForm, req.body, { title: t('field.title'), transcript: t('field.transcript') }, req.locale);
    const files = { video: fileFromForm(req.body, 'video'), captions: fileFromForm(req.body, 'captions') };
    const result = form.ok
      ? await service.save(actor, topic, form.value, files, req.locale)
      : { ok: false as const, errors: service.fileErrors(files, existing, req.locale) };
    if (result.ok) return reply.redirect(`/verwaltung/gebaerdensprache?gespeichert=${topic}`, 303);

    const errors = { ...result.errors };
    if (!form.ok) {
      // Our own wording: the generic messages read badly with these labels.
      const length = (name: 'title' | 'transcript') => form.values[name]?.trim().length ?? 0;
      if (form.errors.title) errors.title = length('title') ? t('error.titleTooLong', { count: length('title') }) : t('error.titleMissing');
      if (form.errors.transcript)
        errors.transcript = length('transcript') ? t('error.transcriptTooLong', { count: length('transcript') }) : t('error.transcriptMissing');
    }
    // The summary lists the fields in the order of the form.
    const ordered = Object.fromEntries(['title', 'transcript', 'video', 'captions'].flatMap((name) => (errors[name] ? [[name, errors[name]]] : [])));
    const page = (
      <VideoFormPage
        ctx={ctxOf(req)}
        topic={topic}
        existing={existing}
        values={formValues(req.body)}
        errors={ordered}
        filesChosen={!!(files.video ?? files.captions)}
      />
    );
    return reply.status(422).html(page);
  }

  // Multipart is read only for editors: anyone else is refused before a byte of the video arrives.
  acceptMultipart(app, { limits: uploadLimits, who: (actor) => contentPolicy.can(actor, 'videos.manage') }, (scope) => {
    scope
      .withTypeProvider<TypeBoxTypeProvider>()
      .post('/verwaltung/gebaerdensprache/:topic', { schema: { params: TopicParams, body: formBody(VideoForm) } }, (req, reply) =>
        save(req, reply, req.params.topic),
      );
  });

  app.get('/verwaltung/gebaerdensprache/:topic/loeschen', { schema: { params: TopicParams, querystring: NoQuery } }, async (req, reply) => {
    const video = await service.find(requireActor(req), req.params.topic);
    if (!video) return reply.redirect(topicUrl(req.params.topic), 303);
    return reply.html(<DeleteVideoPage ctx={ctxOf(req)} topic={req.params.topic} video={video} />);
  });

  app.post('/verwaltung/gebaerdensprache/:topic/loeschen', { schema: { params: TopicParams, body: ButtonForm } }, async (req, reply) => {
    if (!(await service.remove(requireActor(req), req.params.topic))) throw notFound('Video');
    return reply.redirect(`/verwaltung/gebaerdensprache?geloescht=${req.params.topic}`, 303);
  });
}
