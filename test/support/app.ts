import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { AppDeps } from '../../src/platform/deps.js';
import { boot, type Booted } from '../../src/boot.js';
import { loadConfig } from '../../src/config.js';
import { freshDatabase } from './database.js';

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  booted: Booted;
  /** Runs every queued job now (mail, clean-up), as the worker would. */
  runJobs(): Promise<number>;
}

/**
 * Boots the whole app on a fresh copy of the migrated template (PGlite by default,
 * the PostgreSQL server when TEST_DATABASE_URL is set) for the test file that calls it.
 */
export function useTestApp(env: Record<string, string> = {}): TestApp {
  const holder = {} as TestApp;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const database = await freshDatabase();
    drop = () => database.drop();
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: database.dataDir,
      ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
      ...env,
    });
    const booted = await boot(config, { snapshot: database.snapshot });
    Object.assign(holder, { app: booted.app, deps: booted.deps, booted, runJobs: () => booted.deps.jobs.drain() });
  });
  afterAll(async () => {
    await holder.booted?.close();
    await drop?.();
  });
  return holder;
}

let visitors = 0;
/**
 * A new address for every visitor (198.18.0.0/15, the benchmarking range). Random addresses from a
 * small range collided now and then: a visitor then inherited a per-IP limit another test used up.
 */
const nextVisitorAddress = () => {
  visitors += 1;
  return `198.${18 + ((visitors >> 16) & 1)}.${(visitors >> 8) & 255}.${visitors & 255}`;
};

/** A visitor with a cookie jar, talking to the app through inject(). */
export class Visitor {
  readonly cookies = new Map<string, string>();
  constructor(
    private readonly app: () => FastifyInstance,
    /** Each visitor comes from its own address, so per-IP rate limits count per visitor. */
    readonly ip = nextVisitorAddress(),
  ) {}

  private remember(response: LightMyRequestResponse): void {
    for (const c of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.value === '' || (c.expires && c.expires.getTime() < Date.now()) || c.maxAge === 0;
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  private cookieHeader(): Record<string, string> {
    return Object.fromEntries(this.cookies);
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const response = await this.app().inject({ method: 'GET', url, cookies: this.cookieHeader(), headers, remoteAddress: this.ip });
    this.remember(response);
    return response;
  }

  /**
   * Posts a form the way a browser does, with the CSRF token taken from the page it came from — if the
   * page has one (the Infobrief sign-up carries none; a form that needs one and lacks it gets 403).
   */
  async submit(formPageUrl: string, actionUrl: string, fields: Record<string, string>): Promise<LightMyRequestResponse> {
    const page = await this.get(formPageUrl);
    const token = csrfTokenIn(page.body);
    return this.post(actionUrl, { ...(token ? { _csrf: token } : {}), ...fields });
  }

  /** Like submit(), for forms with a file field (enctype multipart/form-data). */
  async submitMultipart(
    formPageUrl: string,
    actionUrl: string,
    fields: Record<string, string | string[]>,
    files: Record<string, FormFile> = {},
  ): Promise<LightMyRequestResponse> {
    const page = await this.get(formPageUrl);
    return this.postMultipart(actionUrl, { _csrf: csrfTokenOf(page.body), ...fields }, files);
  }

  async postMultipart(url: string, fields: Record<string, string | string[]>, files: Record<string, FormFile> = {}): Promise<LightMyRequestResponse> {
    const { body, contentType } = multipartBody(fields, files);
    const response = await this.app().inject({
      method: 'POST',
      url,
      remoteAddress: this.ip,
      cookies: this.cookieHeader(),
      headers: { 'content-type': contentType },
      payload: body,
    });
    this.remember(response);
    return response;
  }

  async post(url: string, fields: Record<string, string>): Promise<LightMyRequestResponse> {
    const response = await this.app().inject({
      method: 'POST',
      url,
      remoteAddress: this.ip,
      cookies: this.cookieHeader(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });
    this.remember(response);
    return response;
  }
}

export function csrfTokenOf(html: string): string {
  const token = csrfTokenIn(html);
  if (!token) throw new Error('no CSRF token on the page');
  return token;
}

const csrfTokenIn = (html: string): string | undefined => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];

/** A file as a browser sends it; an input left empty is `{ filename: '', content: Buffer.alloc(0) }`. */
export interface FormFile {
  filename: string;
  content: Buffer;
  type?: string;
}

/** Encodes fields and files as multipart/form-data, the way browsers do. */
export function multipartBody(fields: Record<string, string | string[]>, files: Record<string, FormFile>): { body: Buffer; contentType: string } {
  const boundary = `----frhtest${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value])
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n`));
  }
  for (const [name, file] of Object.entries(files)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${file.filename}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
