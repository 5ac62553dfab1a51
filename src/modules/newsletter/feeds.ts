/** RSS 2.0 and Atom 1.0 documents for news and the newsletter archive (pure). */

export interface FeedItem {
  id: string;
  title: string;
  summary: string;
  /** Absolute URL. */
  link: string;
  published: Date;
  updated: Date;
}

export interface Feed {
  title: string;
  description: string;
  /** Absolute URL of the HTML page. */
  link: string;
  /** Absolute URL of this feed. */
  self: string;
  items: FeedItem[];
}

const xml = (text: string) =>
  text
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

export function rssFeed(feed: Feed): string {
  const items = feed.items
    .map(
      (i) =>
        `<item><title>${xml(i.title)}</title><link>${xml(i.link)}</link><guid isPermaLink="true">${xml(i.link)}</guid><pubDate>${i.published.toUTCString()}</pubDate><description>${xml(i.summary)}</description></item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>${xml(feed.title)}</title><link>${xml(feed.link)}</link><description>${xml(feed.description)}</description><language>de</language><atom:link href="${xml(feed.self)}" rel="self" type="application/rss+xml"/>${items}</channel></rss>\n`;
}

export function atomFeed(feed: Feed): string {
  const updated = feed.items.reduce((max, i) => (i.updated > max ? i.updated : max), new Date(0));
  const entries = feed.items
    .map(
      (i) =>
        `<entry><id>${xml(i.link)}</id><title>${xml(i.title)}</title><link href="${xml(i.link)}"/><published>${i.published.toISOString()}</published><updated>${i.updated.toISOString()}</updated><summary>${xml(i.summary)}</summary></entry>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de"><id>${xml(feed.link)}</id><title>${xml(feed.title)}</title><subtitle>${xml(feed.description)}</subtitle><link href="${xml(feed.link)}"/><link rel="self" href="${xml(feed.self)}"/><updated>${updated.toISOString()}</updated>${entries}</feed>\n`;
}
