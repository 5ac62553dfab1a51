import type { PageContext } from '../../../platform/http/context.js';
import { dateFormat, formatDateTime, intlLocale, type Locale } from '../../../platform/i18n/i18n.js';
import { imagePath } from '../../../platform/media/media.js';
import { Layout } from '../../../platform/views/layout.js';
import type { Translated } from '../../../platform/translations/translations.service.js';
import { textLang, TranslationNotice } from '../../../platform/translations/views/translated.js';
import { renderMarkdown } from '../../content/index.js';
import type { NewsPost } from '../news.repository.js';
import { newsMessages } from '../news.messages.js';
import { newsletterTopics, topicMessages } from '../subscribe.messages.js';

const section = '/neuigkeiten';
const day = (d: Date, locale: Locale) => dateFormat(intlLocale[locale], { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(d);

/** The same escaping as the directory: "<" never appears inside the JSON-LD block. */
const jsonLd = (data: unknown) =>
  JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

function pageLink(topic: string | undefined, page: number): string {
  const params = new URLSearchParams();
  if (topic) params.set('thema', topic);
  if (page > 1) params.set('seite', String(page));
  const query = params.toString();
  return `/neuigkeiten${query ? `?${query}` : ''}`;
}

/** A post body from the editors, rendered by the content module's escaping Markdown renderer. */
function Markdown({ source }: { source: string }): JSX.Element {
  return renderMarkdown(source);
}

/** /neuigkeiten: newest first, a topic filter (GET form, works without JS), pages, feeds. */
export function NewsListPage({
  ctx,
  posts,
  total,
  topic,
  page,
  pages,
}: {
  ctx: PageContext;
  posts: Translated<NewsPost>[];
  total: number;
  topic?: string;
  page: number;
  pages: number;
}): JSX.Element {
  const t = newsMessages(ctx.locale);
  const topics = topicMessages(ctx.locale);
  return (
    <Layout ctx={ctx} title={t('list.title')} section={section}>
      <h1 class="kern-heading-x-large">{t.html('list.title')}</h1>
      <p class="kern-body">{t.html('list.intro')}</p>
      <form method="get" action="/neuigkeiten" class="news-filter">
        <div class="kern-form-input">
          <label class="kern-label" for="thema">
            {t.html('list.filter')}
          </label>
          <div class="kern-form-input__select-wrapper">
            <select class="kern-form-input__select" id="thema" name="thema">
              <option value="">{t.html('list.allTopics')}</option>
              {newsletterTopics.map((key) => (
                <option value={key} selected={key === topic} safe>
                  {topics(key)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <button type="submit" class="kern-btn kern-btn--secondary">
          <span class="kern-label">{t.html('list.apply')}</span>
        </button>
      </form>
      <p class="kern-body" role="status">
        {t.html('list.count', { count: total })}
      </p>
      {posts.length === 0 ? <p class="kern-body">{t.html('list.empty')}</p> : ''}
      <ul class="news-list">
        {posts.map((translated) => {
          const p = translated.shown;
          return (
            <li class="news-list__item">
              <article>
                <h2 class="kern-heading-medium">
                  <a class="kern-link" href={`/neuigkeiten/${p.id}`} {...textLang(translated, 'title')} safe>
                    {p.title}
                  </a>
                </h2>
                <p class="kern-body kern-body--small" safe>
                  {t('post.published', { date: day(p.publishedAt!, ctx.locale) })}
                </p>
                <p class="kern-body" {...textLang(translated, 'teaser')} safe>
                  {p.teaser}
                </p>
              </article>
            </li>
          );
        })}
      </ul>
      {pages > 1 ? (
        <nav aria-label={t('list.pages')} class="news-pages">
          <p class="kern-body" safe>
            {t('list.page', { page, pages })}
          </p>
          <ul class="site-inline-list">
            {page > 1 ? (
              <li>
                <a class="kern-link" rel="prev" href={pageLink(topic, page - 1)}>
                  {t.html('list.prev')}
                </a>
              </li>
            ) : (
              ''
            )}
            {page < pages ? (
              <li>
                <a class="kern-link" rel="next" href={pageLink(topic, page + 1)}>
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
      <p class="kern-body">
        <span safe>{t('list.feeds')}</span>{' '}
        <a class="kern-link" href="/neuigkeiten/feed.rss" type="application/rss+xml">
          {t.html('list.rss')}
        </a>
        {' · '}
        <a class="kern-link" href="/neuigkeiten/feed.atom" type="application/atom+xml">
          {t.html('list.atom')}
        </a>
      </p>
    </Layout>
  );
}

/** One news post with schema.org NewsArticle JSON-LD; in the visitor's language where translated, German (marked) elsewhere. */
export function NewsPostPage({
  ctx,
  post: translated,
  publicUrl,
  image,
}: {
  ctx: PageContext;
  post: Translated<NewsPost>;
  publicUrl: string;
  image?: { width: number; height: number };
}): JSX.Element {
  const t = newsMessages(ctx.locale);
  const topics = topicMessages(ctx.locale);
  const post = translated.shown;
  const safeJsonLd = jsonLd({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: post.title,
    description: post.teaser,
    datePublished: post.publishedAt?.toISOString(),
    dateModified: post.updatedAt.toISOString(),
    inLanguage: translated.german.has('body') ? 'de' : ctx.locale,
    url: `${publicUrl}/neuigkeiten/${post.id}`,
    mainEntityOfPage: `${publicUrl}/neuigkeiten/${post.id}`,
    publisher: { '@type': 'GovernmentOrganization', name: ctx.city.portalName },
    ...(post.expiresAt ? { expires: post.expiresAt.toISOString() } : {}),
    ...(post.imageId ? { image: `${publicUrl}${imagePath(post.imageId)}` } : {}),
  });
  return (
    <Layout ctx={ctx} title={post.title} section={section}>
      <TranslationNotice ctx={ctx} translated={translated} />
      <article>
        <h1 class="kern-heading-x-large" {...textLang(translated, 'title')} safe>
          {post.title}
        </h1>
        <p class="kern-body kern-body--small">
          <time datetime={post.publishedAt?.toISOString()} safe>
            {t('post.published', { date: formatDateTime(post.publishedAt!, ctx.locale) })}
          </time>
        </p>
        <p class="kern-body kern-body--large" {...textLang(translated, 'teaser')} safe>
          {post.teaser}
        </p>
        {post.imageId ? (
          <figure class="news-figure">
            <img
              src={imagePath(post.imageId)}
              alt={post.imageAlt ?? ''}
              {...textLang(translated, 'imageAlt')}
              class="news-image"
              width={image ? String(image.width) : undefined}
              height={image ? String(image.height) : undefined}
            />
          </figure>
        ) : (
          ''
        )}
        <div class="content-body" {...textLang(translated, 'body')}>
          <Markdown source={post.body} />
        </div>
        {post.topics.length ? (
          <p class="kern-body">
            <span safe>{t('post.topics')}</span>{' '}
            {post.topics.map((key, i) => (
              <>
                {i > 0 ? ', ' : ''}
                <a class="kern-link" href={`/neuigkeiten?thema=${encodeURIComponent(key)}`} safe>
                  {topics(key as (typeof newsletterTopics)[number])}
                </a>
              </>
            ))}
          </p>
        ) : (
          ''
        )}
      </article>
      <p class="kern-body">
        <a class="kern-link" href="/infobrief">
          {t.html('post.newsletter')}
        </a>
      </p>
      <p class="kern-body">
        <a class="kern-link" href="/neuigkeiten">
          {t.html('post.back')}
        </a>
      </p>
      <script type="application/ld+json">{safeJsonLd}</script>
    </Layout>
  );
}
