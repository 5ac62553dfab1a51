// The portal's service worker, served as /sw.js by worker-script.ts, which puts VERSION, PRECACHE,
// OFFLINE_URL, LANGUAGES and shouldCache (cache-rules.js) before this text. Nothing depends on it: it
// keeps the look of the site and a page that says there is no connection, never anything personal.
const CACHE_PREFIX = 'familienrathaus-';
const CACHE = `${CACHE_PREFIX}${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await Promise.all(PRECACHE.map((url) => keep(cache, url, url)));
      // The server picks the language as for any page (the visitor's choice, else the browser's).
      await keep(cache, OFFLINE_URL, OFFLINE_URL);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') event.respondWith(networkFirst(event));
  else if (url.search === '' && PRECACHE.includes(url.pathname)) event.respondWith(cacheFirst(request));
});

/** Fetches past the browser's HTTP cache (a new version must not keep yesterday's file) and keeps the answer under `key`. */
async function keep(cache, url, key) {
  const request = new Request(url, { cache: 'reload' });
  const response = await fetch(request);
  if (!shouldCache(request, response)) throw new Error(`${url} may not be kept (${response.status})`);
  await cache.put(key, response);
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (shouldCache(request, response)) await cache.put(request, response.clone());
  return response;
}

async function networkFirst(event) {
  const request = event.request;
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (shouldCache(request, response)) event.waitUntil(cache.put(request, response.clone()));
    event.waitUntil(followLanguage(cache, response.headers.get('content-language')));
    return response;
  } catch {
    return (await cache.match(request, { ignoreVary: true })) ?? (await cache.match(OFFLINE_URL, { ignoreVary: true })) ?? Response.error();
  }
}

/** Keeps the offline page in the language of the last page seen (the server names it in Content-Language). */
async function followLanguage(cache, language) {
  if (!LANGUAGES.includes(language)) return;
  const offline = await cache.match(OFFLINE_URL, { ignoreVary: true });
  if (offline?.headers.get('content-language') === language) return;
  await keep(cache, `${OFFLINE_URL}?lang=${language}`, OFFLINE_URL);
}

// A push message (the appointments' reminder 2 hours before): { title, body, url, lang }, shown as a notification.
self.addEventListener('push', (event) => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch {
    message = {};
  }
  if (!message.title) return;
  event.waitUntil(self.registration.showNotification(message.title, { body: message.body, lang: message.lang, data: { url: message.url } }));
});

// A tap on the notification opens the page it names (only a path on this site).
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = event.notification.data && event.notification.data.url;
  if (typeof url === 'string' && url.startsWith('/') && !url.startsWith('//')) event.waitUntil(self.clients.openWindow(url));
});
