import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { cookieNames } from '../src/platform/http/context.js';
import { registerSecurityHeaders } from '../src/platform/http/security.js';

const production = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://db/familienrathaus',
  PUBLIC_URL: 'https://familien.example',
  SESSION_SECRET: 'x'.repeat(32),
};

describe('configuration', () => {
  it('refuses to start in production without the secrets it needs', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...production, SESSION_SECRET: 'kurz' })).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ ...production, DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ NODE_ENV: 'test', PORT: 'abc' })).toThrow(/PORT/);
  });

  it('uses secure __Host- cookies in production and plain ones on local http', () => {
    const prod = loadConfig(production);
    expect(prod.cookieSecure).toBe(true);
    expect(cookieNames(prod).session).toBe('__Host-frh_session');
    const local = loadConfig({ NODE_ENV: 'test' });
    expect(local.cookieSecure).toBe(false);
    expect(cookieNames(local).session).toBe('frh_session');
  });

  it('believes X-Forwarded-For only from the proxies TRUST_PROXY names (production: the same machine)', () => {
    expect(loadConfig(production).trustProxy).toBe('loopback');
    expect(loadConfig({ NODE_ENV: 'test' }).trustProxy).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', TRUST_PROXY: '10.0.0.0/8, loopback' }).trustProxy).toBe('10.0.0.0/8, loopback');
    expect(() => loadConfig({ NODE_ENV: 'test', TRUST_PROXY: '$(kaputt)' })).toThrow(/TRUST_PROXY/);
  });

  it('sends HSTS in production only', async () => {
    for (const [env, expected] of [
      [production, true],
      [{ NODE_ENV: 'test' }, false],
    ] as const) {
      const app = Fastify();
      registerSecurityHeaders(app, loadConfig(env));
      app.get('/', async () => 'ok');
      const res = await app.inject('/');
      expect('strict-transport-security' in res.headers).toBe(expected);
      await app.close();
    }
  });
});
