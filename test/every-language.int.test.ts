import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/db/types.js';
import { locales, missingMessages, textDirection } from '../src/platform/i18n/i18n.js';
import { seedDemoModules } from '../src/platform/modules/install.js';
import { useTestApp, Visitor } from './support/app.js';
import { signedInVisitor } from './support/auth.js';

/*
 * Every page a visitor reaches by following links (the demo city, anonymous and as each role), in
 * every language: it answers without a server error, says its language and direction, and asks the
 * catalogues for no message they lack.
 */
const t = useTestApp();
const pagesPerVisitor = 90;

// Addresses that are not pages: files, feeds, the language switch itself, actions behind links.
const notAPage = /^\/(assets|medien|api|sprache)\/|\.(ics|rss|atom|csv|xlsx|pdf|json)(\?|$)|\/abmelden|\/export|\/herunterladen/;

function linksOf(html: string): string[] {
  return [...html.matchAll(/<a [^>]*href="(\/[^"#]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

/** Breadth-first over the links of the pages, one address per path (queries vary too much to follow all). */
async function crawl(visitor: Visitor, start: string[]): Promise<string[]> {
  const seen = new Set<string>();
  const pages: string[] = [];
  const queue = [...start];
  while (queue.length > 0 && pages.length < pagesPerVisitor) {
    const url = queue.shift()!;
    const path = url.split('?')[0]!;
    if (seen.has(path) || notAPage.test(url)) continue;
    seen.add(path);
    const res = await visitor.get(url);
    if (res.statusCode !== 200 || !String(res.headers['content-type']).startsWith('text/html')) continue;
    pages.push(url);
    queue.push(...linksOf(res.body));
  }
  return pages;
}

const withLang = (url: string, locale: string) => `${url}${url.includes('?') ? '&' : '?'}lang=${locale}`;

describe('every page in every language', () => {
  const visitors: { who: string; visitor: Visitor; pages: string[] }[] = [];

  beforeAll(async () => {
    await seedDemoModules(t.booted.modules);
    const anonymous = new Visitor(() => t.app);
    visitors.push({
      who: 'anonymous',
      visitor: anonymous,
      pages: await crawl(anonymous, ['/', '/suche?q=kita', '/angebote?q=beratung', '/mitmachen', '/ferien', '/infobrief']),
    });
    const starts: Record<Exclude<Role, 'family'>, string[]> = {
      provider: ['/konto', '/mein-verzeichnis', '/ferien/anbieter'],
      editor: ['/konto', '/verwaltung'],
      admin: ['/konto', '/verwaltung', '/verwaltung/benutzer'],
      partner: ['/konto'],
      analyst: ['/konto', '/verwaltung'],
    };
    for (const [role, start] of [['family', ['/konto', '/ferien']] as const, ...Object.entries(starts)]) {
      const { visitor } = await signedInVisitor(t, role as Role);
      visitors.push({ who: role, visitor, pages: await crawl(visitor, [...start]) });
    }
  }, 300_000);

  it('finds the pages of every module by following links', () => {
    const anonymous = visitors.find((v) => v.who === 'anonymous')!.pages;
    for (const prefix of [
      '/angebote',
      '/veranstaltungen',
      '/ferien',
      '/infobrief',
      '/neuigkeiten',
      '/mitmachen/befragung',
      '/mitmachen/ideen',
      '/impressum',
      '/suche',
    ]) {
      expect(
        anonymous.some((url) => url.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
    expect(visitors.find((v) => v.who === 'editor')!.pages.length).toBeGreaterThan(10);
  });

  it.each(locales.filter((l) => l !== 'de'))(
    'shows each of them in %s, with its language and direction, and no message missing',
    async (locale) => {
      missingMessages.clear();
      const problems: string[] = [];
      for (const { who, visitor, pages } of visitors) {
        for (const url of pages) {
          const res = await visitor.get(withLang(url, locale));
          if (res.statusCode >= 500) problems.push(`${who} ${url}: ${res.statusCode}`);
          else if (!res.body.includes(`<html lang="${locale}" dir="${textDirection(locale)}"`)) problems.push(`${who} ${url}: not marked as ${locale}`);
        }
      }
      expect(problems).toEqual([]);
      expect([...missingMessages]).toEqual([]);
    },
    300_000,
  );
});
