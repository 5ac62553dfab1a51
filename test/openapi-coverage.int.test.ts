import { expect, it } from 'vitest';
import { useTestApp } from './support/app.js';
import { routesOf } from './support/routes.js';

const t = useTestApp();
// The document itself and the page that shows it are not part of the API they describe.
const notDescribed = new Set(['/api/openapi.json', '/api/docs']);

it('describes every JSON route under /api in the OpenAPI document', async () => {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
  const apiRoutes = routesOf(t.app.printRoutes({ commonPrefix: false })).filter((route) => route.path.startsWith('/api/') && !notDescribed.has(route.path));
  expect(apiRoutes.length).toBeGreaterThan(10);
  const missing: string[] = [];
  for (const route of apiRoutes) {
    const documented = route.path.replace(/:([A-Za-z_]+)/g, '{$1}');
    for (const method of route.methods.filter((m) => m !== 'HEAD' && m !== 'OPTIONS')) {
      // '/api/hsds' answers like the documented '/api/hsds/' (HSDS clients use both).
      const described = doc.paths[documented] ?? doc.paths[`${documented}/`];
      if (!described?.[method.toLowerCase()]) missing.push(`${method} ${route.path}`);
    }
  }
  expect(missing).toEqual([]);
});
