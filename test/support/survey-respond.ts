import { expect } from 'vitest';
import { csrfTokenOf, Visitor, type TestApp } from './app.js';

/** Test helpers of the respondent pages (used by their *.int.test.ts files only). */

/** Starts a survey as a respondent; returns the visitor on page 1. */
export async function begin(t: TestApp, slug: string, fields: Record<string, string> = {}) {
  const v = new Visitor(() => t.app);
  const start = await v.submit(`/mitmachen/befragung/${slug}`, `/mitmachen/befragung/${slug}/start`, fields);
  return { v, start };
}

/** Posts page n with these fields (repeated fields as arrays), with the page's CSRF token. */
export async function answerPage(t: TestApp, v: Visitor, slug: string, n: number, fields: Record<string, string | string[]>) {
  const page = await v.get(`/mitmachen/befragung/${slug}/seite/${n}`);
  const body = new URLSearchParams({ _csrf: csrfTokenOf(page.body) });
  for (const [k, val] of Object.entries(fields)) for (const one of Array.isArray(val) ? val : [val]) body.append(k, one);
  return t.app.inject({
    method: 'POST',
    url: `/mitmachen/befragung/${slug}/seite/${n}`,
    cookies: Object.fromEntries(v.cookies),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
    remoteAddress: v.ip,
  });
}

/** Opens the last step and sends the answers. */
export async function submit(v: Visitor, slug: string) {
  const review = await v.get(`/mitmachen/befragung/${slug}/absenden`);
  expect(review.statusCode).toBe(200);
  const key = /name="schluessel" value="([^"]+)"/.exec(review.body)![1]!;
  return {
    response: await v.post(`/mitmachen/befragung/${slug}/absenden`, { _csrf: csrfTokenOf(review.body), schluessel: key }),
    key,
    csrf: csrfTokenOf(review.body),
  };
}
