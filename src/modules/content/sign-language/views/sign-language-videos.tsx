import type { PageContext } from '../../../../platform/http/context.js';
import { captionsPath, videoPath } from '../../../../platform/media/videos.js';
import { renderMarkdown } from '../../markdown.js';
import { fileSize } from '../file-size.js';
import { signLanguageMessages } from '../sign-language.messages.js';
import type { SignLanguageVideo } from '../sign-language.service.js';
import { signLanguageTopics, type SignLanguageTopic } from '../sign-language.schemas.js';

/** The transcript, through the escaping Markdown renderer (raw HTML off). */
function MarkdownBody({ source }: { source: string }): JSX.Element {
  return renderMarkdown(source);
}

export const videoFormat = (video: SignLanguageVideo) => (video.contentType === 'video/webm' ? 'WebM' : 'MP4');
const downloadName = (topic: SignLanguageTopic, video: SignLanguageVideo) => `gebaerdensprache-${topic}.${video.contentType === 'video/webm' ? 'webm' : 'mp4'}`;

/**
 * On /gebaerdensprache, before the editors' text: one video per topic, each with German captions,
 * its text version and downloads. Titles and texts are German (lang="de"); the rest speaks the visitor's language.
 */
export function SignLanguageVideos({ ctx, videos }: { ctx: PageContext; videos: SignLanguageVideo[] }): JSX.Element {
  const t = signLanguageMessages(ctx.locale);
  return (
    <>
      {signLanguageTopics.map(({ topic, labelKey }) => {
        const video = videos.find((v) => v.topic === topic);
        const headingId = `video-${topic}`;
        if (!video) {
          return (
            <section class="sign-video-topic" aria-labelledby={headingId} lang={ctx.locale}>
              <h2 class="kern-heading-medium" id={headingId} safe>
                {t(labelKey)}
              </h2>
              <p class="kern-body" safe>
                {t('video.missing')}
              </p>
            </section>
          );
        }
        const src = videoPath(video.videoId);
        return (
          <section class="sign-video-topic" aria-labelledby={headingId}>
            <h2 class="kern-heading-medium" id={headingId} lang="de" safe>
              {video.title}
            </h2>
            <video class="sign-video" controls preload="metadata">
              <source src={src} type={video.contentType} />
              <track kind="captions" srclang="de" label="Deutsch" default="" src={captionsPath(video.videoId)} />
              <p class="kern-body" lang={ctx.locale} safe>
                {t('video.unsupported')}
              </p>
            </video>
            <h3 class="kern-heading-small" lang={ctx.locale} safe>
              {t('video.textVersion')}
            </h3>
            <div class="content-body" lang="de">
              <MarkdownBody source={video.transcript} />
            </div>
            <ul class="site-inline-list" lang={ctx.locale}>
              <li>
                <a class="kern-link" href={src} download={downloadName(topic, video)}>
                  <span class="kern-icon kern-icon--download" aria-hidden="true"></span>
                  <span class="icon-link__text" safe>
                    {t('video.download', { format: videoFormat(video), size: fileSize(video.sizeBytes, ctx.locale) })}
                  </span>
                  <span class="visually-hidden" lang="de" safe>
                    {`: ${video.title}`}
                  </span>
                </a>
              </li>
              <li>
                <a class="kern-link" href={captionsPath(video.videoId)} download={`gebaerdensprache-${topic}.vtt`}>
                  <span class="kern-icon kern-icon--download" aria-hidden="true"></span>
                  <span class="icon-link__text" safe>
                    {t('video.captions')}
                  </span>
                  <span class="visually-hidden" lang="de" safe>
                    {`: ${video.title}`}
                  </span>
                </a>
              </li>
            </ul>
          </section>
        );
      })}
    </>
  );
}
