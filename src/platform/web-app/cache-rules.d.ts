// Types for cache-rules.js, which stays plain JavaScript because the service worker carries its text.

interface HeadersLike {
  get(name: string): string | null;
}

export declare const personalAreas: readonly string[];

export declare function shouldCache(
  request: { readonly method: string; readonly url: string; readonly headers: HeadersLike },
  response: { readonly status: number; readonly type: string; readonly redirected: boolean; readonly headers: HeadersLike },
): boolean;
