import { Script, createContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { shouldCache } from '../src/platform/web-app/cache-rules.js';
import { useTestApp, Visitor } from './support/app.js';
import { signedInVisitor } from './support/auth.js';
import { pngSize } from './support/images.js';

/* The installable portal: manifest, icons, service worker, offline page (src/platform/web-app/). */
const t = useTestApp();
const visitor = () => new Visitor(() => t.app);

describe('web app manifest', () => {
  it('names the portal from the city profile, in German by default', async () => {
    const res = await visitor().get('/manifest.webmanifest', { 'accept-language': 'de-DE' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/manifest+json; charset=utf-8');
    expect(res.headers.vary).toBe('Cookie, Accept-Language');
    expect(res.headers['set-cookie']).toBeUndefined();
    const city = t.deps.city;
    expect(res.json()).toMatchObject({
      name: 'Familienrathaus Hamm',
      short_name: 'Hamm',
      lang: 'de',
      dir: 'ltr',
      description: city.tagline.de,
      start_url: '/?quelle=app',
      scope: '/',
      display: 'standalone',
      theme_color: '#005c8f',
      background_color: '#005c8f',
    });
  });

  it('speaks the language the page links it in, Arabic right to left', async () => {
    const arabic = (await visitor().get('/manifest.webmanifest?lang=ar')).json();
    expect(arabic).toMatchObject({ lang: 'ar', dir: 'rtl', description: t.deps.city.tagline.ar, name: 'Familienrathaus Hamm' });
    const turkish = (await visitor().get('/manifest.webmanifest', { 'accept-language': 'tr-TR,tr;q=0.9' })).json();
    expect(turkish).toMatchObject({ lang: 'tr', dir: 'ltr', description: t.deps.city.tagline.tr });
  });

  it('lists icons that are PNGs of the sizes it states, a maskable one among them, and the SVG logo', async () => {
    const { icons } = (await visitor().get('/manifest.webmanifest')).json<{ icons: { src: string; sizes: string; type: string; purpose: string }[] }>();
    const pngs = icons.filter((icon) => icon.type === 'image/png');
    expect(pngs.map((icon) => `${icon.sizes} ${icon.purpose}`).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of pngs) {
      const res = await t.app.inject({ method: 'GET', url: icon.src });
      expect(res.statusCode, icon.src).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      const size = pngSize(res.rawPayload);
      expect(size && `${size.width}x${size.height}`, icon.src).toBe(icon.sizes);
    }
    const svg = icons.find((icon) => icon.type === 'image/svg+xml')!;
    expect((await t.app.inject({ method: 'GET', url: svg.src })).statusCode).toBe(200);
  });
});

describe('layout', () => {
  it('links the manifest in the page language, the theme colour, the iOS icon (a 180 px PNG) and home-screen title', async () => {
    const html = (await visitor().get('/?lang=ar')).body;
    expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest?lang=ar"/>');
    expect(html).toContain('<meta name="theme-color" content="#005c8f"/>');
    expect(html).toContain('<meta name="apple-mobile-web-app-title" content="Hamm"/>');
    const touchIcon = /<link rel="apple-touch-icon" href="([^"]+)"/.exec(html)?.[1];
    expect(touchIcon).toBe('/assets/city/apple-touch-icon.png');
    expect(pngSize((await t.app.inject({ method: 'GET', url: touchIcon! })).rawPayload)).toEqual({ width: 180, height: 180 });
  });

  it('allows our own service worker and manifest, and still no inline script', async () => {
    const csp = String((await visitor().get('/')).headers['content-security-policy']);
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("manifest-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('says each page language in Content-Language, which the worker follows for its offline page', async () => {
    expect((await visitor().get('/veranstaltungen?lang=uk')).headers['content-language']).toBe('uk');
  });
});

describe('service worker', () => {
  it('is served from the root, revalidated on every check, as a script that registers its events (offline cache, and push for the appointment reminder)', async () => {
    const res = await visitor().get('/sw.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['set-cookie']).toBeUndefined();
    const events: string[] = [];
    const self = { addEventListener: (name: string) => events.push(name), location: { origin: 'http://localhost' } };
    const context = createContext({ self, URL });
    new Script(res.body).runInContext(context);
    expect(events.sort()).toEqual(['activate', 'fetch', 'install', 'notificationclick', 'push']);
  });

  it('precaches only what is there and may be kept: KERN in both directions, its fonts, the Arabic fonts, ours, the logo', async () => {
    const body = (await visitor().get('/sw.js')).body;
    const precache = JSON.parse(/^const PRECACHE = (.+);$/m.exec(body)![1]!) as string[];
    for (const url of [
      '/assets/kern/kern.min.css',
      '/assets/rtl/kern.rtl.min.css',
      '/assets/kern/fonts/fira-sans.css',
      '/assets/app.css',
      '/assets/app.js',
      '/assets/city/logo',
    ])
      expect(precache).toContain(url);
    expect(precache.filter((url) => url.endsWith('.woff2')).length).toBeGreaterThanOrEqual(10);
    expect(precache.filter((url) => url.startsWith('/assets/fonts/noto-sans-arabic/'))).toHaveLength(2);
    for (const url of precache) {
      const res = await visitor().get(url);
      const answer = new Response(null, { status: res.statusCode, headers: res.headers as Record<string, string> });
      expect(shouldCache(new Request(`http://localhost${url}`), answer), url).toBe(true);
    }
  });
});

describe('offline page', () => {
  it('says plainly, in the visitor’s language, that there is no connection and what still works', async () => {
    const german = await visitor().get('/offline', { 'accept-language': 'de' });
    expect(german.statusCode).toBe(200);
    expect(german.body).toContain('<html lang="de" dir="ltr"');
    expect(german.body).toContain('<h1 class="kern-heading-large">Keine Verbindung</h1>');
    expect(german.body).toContain('href="tel:+492381000000"');
    expect(german.headers['content-language']).toBe('de');

    const arabic = await visitor().get('/offline?lang=ar');
    expect(arabic.body).toContain('<html lang="ar" dir="rtl"');
    expect(arabic.body).toContain('لا يوجد اتصال');
    expect(arabic.headers['content-language']).toBe('ar');
  });

  it('is the same for everyone, so the worker may keep it: no session, no form token, no cookie', async () => {
    const { visitor: family } = await signedInVisitor(t, 'family');
    expect((await family.get('/')).body).toContain('Abmelden');
    const res = await family.get('/offline?lang=de');
    expect(res.body).not.toContain('Abmelden');
    expect(res.body).not.toContain('name="_csrf"');
    expect(res.body).not.toContain('method="post"');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('public, no-cache');
    expect(res.headers.vary).toBe('Cookie, Accept-Language');
  });
});

describe('answers that set a cookie', () => {
  it('are never kept by any cache, even where the route allows it', async () => {
    const first = visitor();
    // A session that is no longer valid: the answer clears its cookie.
    first.cookies.set('frh_session', 'abgelaufen');
    const fresh = await first.get('/verwaltung/infobrief/fortschritt.js');
    expect(fresh.headers['set-cookie']).toBeDefined();
    expect(fresh.headers['cache-control']).toBe('no-store');
    const again = await first.get('/verwaltung/infobrief/fortschritt.js');
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.headers['cache-control']).toBe('public, max-age=3600');
  });
});
