import type { Kysely } from 'kysely';
import type { DB } from '../../../db/types.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/auth/roles.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import type { UploadedFile } from '../../../platform/media/uploaded-file.js';
import {
  captionsFromUpload,
  deleteVideo,
  maxCaptionBytes,
  maxVideoBytes,
  storeVideo,
  storeWithNewCaptions,
  validateVideo,
} from '../../../platform/media/videos.js';
import { authorize } from '../content.policy.js';
import { fileSize } from './file-size.js';
import * as repo from './sign-language.repository.js';
import type { SignLanguageVideo } from './sign-language.repository.js';
import type { SignLanguageTopic, VideoInput } from './sign-language.schemas.js';
import { signLanguageMessages } from './sign-language.messages.js';

export type { SignLanguageVideo };

/** The files of the upload form; null where the editor chose none. */
export interface VideoFiles {
  video: UploadedFile | null;
  captions: UploadedFile | null;
}

export type SignLanguageService = ReturnType<typeof createSignLanguageService>;

const captionProblemKeys = {
  'captions.size': 'error.captionsSize',
  'captions.encoding': 'error.captionsEncoding',
  'captions.header': 'error.captionsHeader',
  'captions.cues': 'error.captionsCues',
} as const;

/** The videos in German Sign Language: everyone watches them, editors and admins manage them. */
export function createSignLanguageService({ db }: { db: Kysely<DB> }) {
  /** What is wrong with the files, worded for the form; the captions' text when they are fine. */
  function checkFiles(files: VideoFiles, existing: SignLanguageVideo | undefined, locale: Locale): { errors: FieldErrors; captions?: string } {
    const t = signLanguageMessages(locale);
    const errors: FieldErrors = {};
    const videoProblem = files.video ? validateVideo(files.video) : null;
    if (videoProblem === 'video.size') errors.video = t('error.videoSize', { max: fileSize(maxVideoBytes, locale) });
    else if (videoProblem === 'video.type') errors.video = t('error.videoType');
    else if (!files.video && !existing) errors.video = t('error.videoMissing');

    if (!files.captions) {
      if (files.video && existing) errors.captions = t('error.captionsForNewVideo');
      else if (!existing) errors.captions = t('error.captionsMissing');
      return { errors };
    }
    const read = captionsFromUpload(files.captions);
    if (read.ok) return { errors, captions: read.text };
    errors.captions = t(captionProblemKeys[read.problem], { max: fileSize(maxCaptionBytes, locale) });
    return { errors };
  }

  return {
    /** What is wrong with the chosen files, for a form that fails on its text fields too. */
    fileErrors: (files: VideoFiles, existing: SignLanguageVideo | undefined, locale: Locale): FieldErrors => checkFiles(files, existing, locale).errors,

    /** The videos on /gebaerdensprache. */
    list: (): Promise<SignLanguageVideo[]> => repo.listVideos(db),

    async listForEditor(actor: Actor | null): Promise<SignLanguageVideo[]> {
      authorize(actor, 'videos.manage');
      return repo.listVideos(db);
    },

    async find(actor: Actor | null, topic: SignLanguageTopic): Promise<SignLanguageVideo | undefined> {
      authorize(actor, 'videos.manage');
      return repo.findVideo(db, topic);
    },

    /**
     * Uploads a topic's first video, replaces its video or captions, or changes its heading and text.
     * New files get a new id (browsers cache a video for good); the old video goes in the same transaction.
     */
    async save(
      actor: Actor | null,
      topic: SignLanguageTopic,
      input: VideoInput,
      files: VideoFiles,
      locale: Locale,
    ): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
      authorize(actor, 'videos.manage');
      const existing = await repo.findVideo(db, topic);
      const checked = checkFiles(files, existing, locale);
      if (Object.keys(checked.errors).length > 0) return { ok: false, errors: checked.errors };

      await db.transaction().execute(async (trx) => {
        const captions = checked.captions;
        let videoId = existing?.videoId;
        if (files.video && captions !== undefined) videoId = (await storeVideo(trx, files.video, captions, actor.id)).id;
        else if (existing && captions !== undefined) videoId = (await storeWithNewCaptions(trx, existing.videoId, captions, actor.id)).id;
        if (!videoId) throw new Error('a video without a file passed the checks');
        await repo.saveVideo(trx, { topic, title: input.title, transcript: input.transcript, videoId, actorId: actor.id });
        if (existing && existing.videoId !== videoId) await deleteVideo(trx, existing.videoId);
        await recordAudit(trx, {
          actorId: actor.id,
          action: existing ? (existing.videoId !== videoId ? 'content.sign_video_replaced' : 'content.sign_video_updated') : 'content.sign_video_added',
          subjectType: 'sign_language_video',
          subjectId: topic,
          details: { topic },
        });
      });
      return { ok: true };
    },

    /** Deletes the topic's video with its captions and text; false when there was none. */
    async remove(actor: Actor | null, topic: SignLanguageTopic): Promise<boolean> {
      authorize(actor, 'videos.manage');
      return db.transaction().execute(async (trx) => {
        const existing = await repo.findVideo(trx, topic);
        if (!existing) return false;
        await repo.deleteTopicVideo(trx, topic);
        await deleteVideo(trx, existing.videoId);
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'content.sign_video_deleted',
          subjectType: 'sign_language_video',
          subjectId: topic,
          details: { topic },
        });
        return true;
      });
    },
  };
}
