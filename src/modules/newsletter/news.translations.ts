import { defineTranslatable } from '../../platform/translations/translatable.js';
import { newsMessages } from './news.messages.js';
import type { NewsPost } from './news.repository.js';

/** The texts of a news post that editors translate (platform/translations). */
export const newsTranslatable = defineTranslatable<NewsPost>({
  kind: 'news_post',
  idOf: (post) => post.id,
  fields: [
    { name: 'title', label: (l) => newsMessages(l)('field.title'), german: (p) => p.title, show: (p, title) => ({ ...p, title }), maxLength: 200 },
    {
      name: 'teaser',
      label: (l) => newsMessages(l)('field.teaser'),
      german: (p) => p.teaser,
      show: (p, teaser) => ({ ...p, teaser }),
      maxLength: 600,
      rows: 3,
    },
    {
      name: 'body',
      label: (l) => newsMessages(l)('field.body'),
      hint: (l) => newsMessages(l)('field.body.hint'),
      german: (p) => p.body,
      show: (p, body) => ({ ...p, body }),
      maxLength: 50_000,
      rows: 14,
    },
    {
      name: 'imageAlt',
      label: (l) => newsMessages(l)('field.imageAlt'),
      german: (p) => p.imageAlt,
      show: (p, imageAlt) => ({ ...p, imageAlt }),
      maxLength: 300,
    },
  ],
});
