// What the service worker may keep. Plain JavaScript: /sw.js carries this text (without `export`,
// see worker-script.ts), and cache-rules.test.ts imports it.

/** Areas that belong to a person or take their input: never kept, whatever their answers say. */
export const personalAreas = ['/konto', '/verwaltung', '/admin', '/mein-verzeichnis', '/api', '/anmelden', '/abmelden', '/registrieren', '/passwort-neu'];

/**
 * Whether the worker may keep this answer: only a plain GET outside the personal areas, answered 200
 * and declared the same for everyone (`Cache-Control: public`, neither private nor no-store). Pages
 * answer no-store unless they say otherwise (they carry the visitor's form token), so none is kept.
 * @param {{ method: string, url: string, headers: { get(name: string): string | null } }} request
 * @param {{ status: number, type: string, redirected: boolean, headers: { get(name: string): string | null } }} response
 * @returns {boolean}
 */
export function shouldCache(request, response) {
  if (request.method !== 'GET' || request.headers.get('authorization') !== null) return false;
  const url = new URL(request.url);
  if (personalAreas.some((area) => url.pathname === area || url.pathname.startsWith(`${area}/`))) return false;
  // Query strings carry search terms, tokens and email addresses; only the page's language may be there.
  for (const name of url.searchParams.keys()) if (name !== 'lang') return false;
  if (response.status !== 200 || response.redirected || (response.type !== 'basic' && response.type !== 'default')) return false;
  // Browsers hide Set-Cookie from workers; the server answers no-store whenever it sets a cookie (context.ts).
  if (response.headers.get('set-cookie') !== null) return false;
  const directives = (response.headers.get('cache-control') ?? '').split(',').map((d) => d.trim().split('=')[0].toLowerCase());
  return directives.includes('public') && !directives.includes('private') && !directives.includes('no-store');
}
