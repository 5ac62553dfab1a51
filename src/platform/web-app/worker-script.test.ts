import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { serviceWorkerScript } from './worker-script.js';

const versionOf = (script: string) => /^const VERSION = "([0-9a-f]+)";$/m.exec(script)?.[1];
const assets = [{ url: '/assets/app.css', content: 'body{}' }];

describe('the service worker script', () => {
  it('is one classic script: settings, the cache rules without `export`, the worker', () => {
    const script = serviceWorkerScript(assets, ['<p>offline</p>']);
    expect(() => new Script(script)).not.toThrow();
    expect(script).not.toMatch(/^export /m);
    expect(script).toContain('const PRECACHE = ["/assets/app.css"];');
    expect(script).toContain('function shouldCache(request, response)');
  });

  it('names a new cache when anything it keeps changes, and the same one for the same files in every process', () => {
    const version = versionOf(serviceWorkerScript(assets, ['<p>offline</p>']));
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(versionOf(serviceWorkerScript([{ url: '/assets/app.css', content: 'body{}' }], ['<p>offline</p>']))).toBe(version);
    expect(versionOf(serviceWorkerScript([{ url: '/assets/app.css', content: 'body{color:red}' }], ['<p>offline</p>']))).not.toBe(version);
    expect(versionOf(serviceWorkerScript(assets, ['<p>keine Verbindung</p>']))).not.toBe(version);
  });
});
