import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

/** Real portal processes (`npm start`, `npm run worker`) for tests that crash, restart or kill them. */

const root = path.resolve(import.meta.dirname, '../..');

export interface PortalProcess {
  readonly child: ChildProcess;
  readonly port: number;
  /** Everything it printed so far (for failure messages). */
  output(): string;
  alive(): boolean;
  /** Resolves with the exit code or signal once it has ended. */
  readonly exited: Promise<number | string | null>;
  kill(signal?: NodeJS.Signals): void;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts src/server.ts (web) or src/worker.ts and waits until it says it runs. The environment is
 * the portal's own configuration; NODE_ENV=development unless given, PORT free.
 */
export async function startPortal(
  role: 'web' | 'worker',
  env: Record<string, string>,
  readyText = role === 'web' ? 'läuft:' : 'Auftragsverarbeitung läuft.',
): Promise<PortalProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', role === 'web' ? 'src/server.ts' : 'src/worker.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let seen = '';
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(readyText)) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`${role} ended (${code}) before it was ready:\n${seen}`)));
  });
  const portal: PortalProcess = {
    child,
    port,
    output: () => seen,
    alive: () => child.exitCode === null && child.signalCode === null,
    exited,
    kill: (signal = 'SIGKILL') => void child.kill(signal),
  };
  try {
    await ready;
  } catch (error) {
    portal.kill();
    throw error;
  }
  return portal;
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One HTTP request on a fresh connection; a reset or refused connection rejects. */
export function request(port: number, method: string, url: string, options: { headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: url, headers: { ...options.headers, connection: 'close' }, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A browser-like client for real processes: keeps cookies, posts forms with their CSRF token. */
export class Browser {
  readonly cookies = new Map<string, string>();

  private remember(answer: Answer): void {
    for (const line of answer.headers['set-cookie'] ?? []) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private cookieHeader(): Record<string, string> {
    return this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {};
  }

  async get(port: number, url: string): Promise<Answer> {
    const answer = await request(port, 'GET', url, { headers: this.cookieHeader() });
    this.remember(answer);
    return answer;
  }

  async post(port: number, url: string, fields: Record<string, string>): Promise<Answer> {
    const answer = await request(port, 'POST', url, {
      headers: { ...this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    this.remember(answer);
    return answer;
  }
}

export function csrfTokenIn(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error(`no CSRF token on the page:\n${html.slice(0, 500)}`);
  return match[1];
}
