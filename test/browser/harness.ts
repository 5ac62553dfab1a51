import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import type { AppDeps } from '../../src/platform/deps.js';
import { boot, type Booted } from '../../src/boot.js';
import { loadConfig } from '../../src/config.js';

/**
 * Browser journeys: the whole app in this process on a fresh copy of an embedded database with
 * the demo data, driven by Debian's Chromium. Every page a journey visits must be axe-checked
 * (WCAG 2.1 A/AA) and no page may fetch anything from another origin.
 */

export const chromiumPath = '/usr/bin/chromium';
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const screenshotDir = '/tmp/frh-shots';

export interface ContextOptions {
  viewport?: { width: number; height: number };
  javaScriptEnabled?: boolean;
  /**
   * The portal's service worker (src/platform/web-app/) is blocked unless a journey asks for it: it
   * precaches about 2 MB on every fresh context, and no feature depends on it.
   */
  serviceWorkers?: 'allow' | 'block';
}

export interface MailRow {
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string | null;
}

export interface Harness {
  /** http://127.0.0.1:<port>, the only origin a page may talk to. */
  readonly origin: string;
  readonly booted: Booted;
  readonly deps: AppDeps;
  /** The same shape as test/support's TestApp, so its factories (createUser) work here. */
  readonly app: Booted['app'];
  runJobs(): Promise<number>;
  /** A new tab in this test's default browser (JavaScript on, 1280×800); fresh for every test. */
  newPage(): Promise<Page>;
  /** A browser context of its own (fresh cookies and storage), e.g. with JavaScript off or a narrow screen; closed after the test. */
  newContext(options?: ContextOptions): Promise<BrowserContext>;
  /** Runs the queued jobs (as the worker would), then returns the mails sent to this address. */
  mailsTo(recipient: string): Promise<MailRow[]>;
  url(pathAndQuery: string): string;
}

interface PageState {
  /** A navigation whose page has not been axe-checked yet. */
  unchecked: string | null;
  missed: string[];
  /** Where the page is now. */
  current: string | null;
}

interface ContextState {
  javaScriptEnabled: boolean;
  foreign: string[];
  origin: string;
  /** Every page ever opened here, closed ones too. */
  pages: PageState[];
}

const contexts = new WeakMap<BrowserContext, ContextState>();
const pages = new WeakMap<Page, PageState>();
let axeHelper: BrowserContext | undefined;
/** One Chromium per test file; every test gets fresh contexts (own cookies and storage) in it. */
let browser: Browser | undefined;

function withoutHash(url: string): string {
  const i = url.indexOf('#');
  return i === -1 ? url : url.slice(0, i);
}

async function launch(origin: string, options: ContextOptions = {}): Promise<BrowserContext> {
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: apt-get install -y chromium`);
  browser ??= await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  const javaScriptEnabled = options.javaScriptEnabled ?? true;
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    javaScriptEnabled,
    locale: 'de-DE',
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  const state: ContextState = { javaScriptEnabled, foreign: [], origin, pages: [] };
  contexts.set(context, state);
  const track = (page: Page) => {
    const pageState: PageState = { unchecked: null, missed: [], current: null };
    pages.set(page, pageState);
    state.pages.push(pageState);
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return;
      if (new URL(url).origin !== origin) state.foreign.push(`${request.method()} ${url} (from ${page.url()})`);
    });
    page.on('framenavigated', (frame) => {
      const url = frame.url();
      if (frame !== page.mainFrame() || url === 'about:blank') return;
      const previous = pageState.current;
      pageState.current = url;
      // A jump to a fragment (the skip link's #inhalt) stays on the same page. A reload or
      // a redirect back to the same address (the language switch) is a new page.
      if (url.includes('#') && previous !== null && withoutHash(previous) === withoutHash(url)) return;
      if (pageState.unchecked !== null) pageState.missed.push(pageState.unchecked);
      pageState.unchecked = url;
    });
  };
  for (const page of context.pages()) track(page);
  context.on('page', track);
  return context;
}

function formatViolations(url: string, violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string {
  const lines = [`${violations.length} accessibility violation(s) (WCAG 2.1 A/AA) on ${url}:`];
  for (const v of violations) {
    lines.push(`- ${v.id} [${v.impact ?? 'n/a'}]: ${v.help} (${v.helpUrl})`);
    for (const node of v.nodes) lines.push(`    at ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`);
  }
  return lines.join('\n');
}

/**
 * Pages that passed axe in this run, by what axe looks at: the document as it is now (form tokens
 * aside, which differ per visitor and mean nothing to axe), the viewport and whether scripts run. The
 * stylesheets are the same files all run long. A journey that comes back to the same page (the
 * sign-in form, the start page) does not pay for a second, identical check.
 */
const passedAxe = new Set<string>();

function checkedKey(html: string, viewport: { width: number; height: number } | null, javaScriptEnabled: boolean): string {
  const document = html.replace(/(name="_csrf" value=")[^"]*"/g, '$1"');
  return createHash('sha256').update(`${viewport?.width}x${viewport?.height} js=${javaScriptEnabled}\n${document}`).digest('hex');
}

/**
 * Fails listing every WCAG 2.1 A/AA violation axe finds on the page as it is now.
 * axe needs JavaScript; for a page opened with JavaScript off it checks the very DOM that
 * browser built, replayed in a helper page of the same size with its scripts removed.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const state = contexts.get(page.context());
  if (!state) throw new Error('expectNoAxeViolations: page was not opened through the harness');
  await page.waitForLoadState('load');
  const url = page.url();
  const html = await page.content();
  const key = checkedKey(html, page.viewportSize(), state.javaScriptEnabled);
  const pageState = pages.get(page);
  const markChecked = () => {
    if (pageState && pageState.unchecked !== null && withoutHash(pageState.unchecked) === withoutHash(url)) pageState.unchecked = null;
  };
  if (passedAxe.has(key)) return markChecked();
  const target = state.javaScriptEnabled ? page : await mirrorOf(state.origin, url, html, page.viewportSize());
  // Legacy mode runs axe in the page itself; the default opens a blank page per check to merge
  // the results of frames, which our pages do not have (and which doubled the suite's time).
  const results = await new AxeBuilder({ page: target }).setLegacyMode(true).withTags(wcagTags).analyze();
  markChecked();
  if (results.violations.length > 0) expect.fail(formatViolations(url, results.violations));
  passedAxe.add(key);
}

let mirror: Page | undefined;

/** The DOM of a page without JavaScript in a page with JavaScript: its own address as base, its scripts removed. */
async function mirrorOf(origin: string, url: string, html: string, viewport: { width: number; height: number } | null): Promise<Page> {
  axeHelper ??= await launch(origin);
  if (!mirror || mirror.isClosed()) mirror = await axeHelper.newPage();
  if (viewport) await mirror.setViewportSize(viewport);
  const base = `<base href="${url.replace(/"/g, '&quot;')}">`;
  const replay = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '').replace(/<head([^>]*)>/i, `<head$1>${base}`);
  await mirror.setContent(replay, { waitUntil: 'load' });
  return mirror;
}

/** Navigates and returns the main document's response (never null for http URLs). */
export async function visit(page: Page, url: string): Promise<Response> {
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response) throw new Error(`no response for ${url}`);
  return response;
}

/** Clicks a form's submit button and returns the response to that form's request (before any redirect). */
export async function submitForm(page: Page, submit: ReturnType<Page['locator']>): Promise<Response> {
  const responded = page.waitForResponse(
    (r) => r.request().isNavigationRequest() && r.request().frame() === page.mainFrame() && r.request().method() === 'POST',
  );
  await submit.click();
  const response = await responded;
  await page.waitForLoadState('load');
  return response;
}

/**
 * Sets up the app and a browser for the calling test file. After every test it fails if a page
 * asked another origin for anything or a page was visited without an axe check.
 */
export function useBrowserHarness(options: { worker?: boolean } = {}): Harness {
  let booted: Booted | undefined;
  let origin = '';
  let dataDir = '';
  const opened: BrowserContext[] = [];
  let main: BrowserContext | undefined;

  const must = () => {
    if (!booted) throw new Error('the harness is not booted (beforeAll failed?)');
    return booted;
  };

  const harness: Harness = {
    get origin() {
      return origin;
    },
    get booted() {
      return must();
    },
    get deps() {
      return must().deps;
    },
    get app() {
      return must().app;
    },
    runJobs: () => must().deps.jobs.drain(),
    async newPage() {
      main ??= await harness.newContext();
      return main.newPage();
    },
    async newContext(contextOptions) {
      const context = await launch(origin, contextOptions);
      opened.push(context);
      return context;
    },
    async mailsTo(recipient) {
      await must().deps.jobs.drain();
      return must()
        .deps.db.selectFrom('mail_outbox')
        .select(['recipient', 'subject', 'text_body', 'html_body'])
        .where('recipient', '=', recipient)
        .orderBy('created_at')
        .execute();
    },
    url: (pathAndQuery) => origin + pathAndQuery,
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'frh-browser-'));
    mkdirSync(screenshotDir, { recursive: true });
    // A copy of the demo database global-setup.ts migrated and seeded once for the whole run.
    const snapshot = new Blob([readFileSync(inject('frhBrowserTemplate'))]);
    booted = await boot(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, PORT: '0' }), { snapshot });
    if (options.worker) await booted.deps.jobs.startWorker();
    origin = await booted.app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterEach(async (ctx) => {
    // A test that failed already stopped half-way: its unchecked pages are no news.
    const failedAlready = ctx.task.result?.state === 'fail';
    const problems: string[] = [];
    for (const context of opened) {
      const state = contexts.get(context);
      if (state?.foreign.length) problems.push(`requests to other origins than ${origin}:\n  ${state.foreign.join('\n  ')}`);
      if (state) state.foreign = [];
      for (const pageState of state?.pages ?? []) {
        const missed = [...pageState.missed, ...(pageState.unchecked ? [pageState.unchecked] : [])];
        if (missed.length && !failedAlready) problems.push(`pages visited without an axe check:\n  ${missed.join('\n  ')}`);
        pageState.missed = [];
        pageState.unchecked = null;
      }
    }
    // Every test starts with fresh contexts: no cookie or session crosses from one to the next.
    for (const context of opened.splice(0)) await context.close().catch(() => undefined);
    main = undefined;
    if (problems.length) expect.fail(problems.join('\n'));
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    browser = undefined;
    axeHelper = undefined;
    mirror = undefined;
    await booted?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  return harness;
}
