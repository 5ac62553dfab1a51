import type { AppDeps } from '../../platform/deps.js';
import { defineModule, type ModuleManifest } from '../../platform/modules/manifest.js';
import { pageContext } from '../../platform/http/context.js';
import { NoQuery, type RouteApp } from '../../platform/http/routes.js';
import { Layout } from '../../platform/views/layout.js';
import { ScrollTable } from '../../platform/views/forms.js';
import { apiDocsMessages } from './api-docs.messages.js';

interface Operation {
  method: string;
  path: string;
  summary: string;
  tag: string;
  responses: string[];
}

type OpenApiPaths = Record<string, Record<string, { summary?: string; tags?: string[]; responses?: Record<string, unknown> }>>;

function operationsOf(paths: OpenApiPaths): Operation[] {
  return Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      summary: op.summary ?? '',
      tag: op.tags?.[0] ?? '',
      responses: Object.keys(op.responses ?? {}),
    })),
  );
}

/** /api/openapi.json generated from the route schemas, and a readable docs page served by us (no external assets). */
function registerApiDocs(app: RouteApp, { city }: AppDeps): void {
  app.get('/api/openapi.json', { schema: { hide: true, querystring: NoQuery } }, async () => app.swagger());
  app.get('/api/docs', { schema: { querystring: NoQuery } }, async (req, reply) => {
    const ctx = pageContext(req, city);
    const t = apiDocsMessages(ctx.locale);
    const operations = operationsOf((app.swagger() as { paths?: OpenApiPaths }).paths ?? {});
    return reply.html(
      <Layout ctx={ctx} title={t('title')}>
        <h1 class="kern-heading-large">{t.html('title')}</h1>
        <p class="kern-body">
          <span safe>{t('intro')}</span>{' '}
          <a class="kern-link" href="/api/openapi.json">
            {t.html('download')}
          </a>
        </p>
        <p class="kern-body">{t.html('errors')}</p>
        <h2 class="kern-heading-medium">{t.html('operations')}</h2>
        <ScrollTable>
          <table class="kern-table">
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                <th scope="col" class="kern-table__header">
                  {t.html('method')}
                </th>
                <th scope="col" class="kern-table__header">
                  {t.html('path')}
                </th>
                <th scope="col" class="kern-table__header">
                  {t.html('summary')}
                </th>
                <th scope="col" class="kern-table__header">
                  {t.html('responses')}
                </th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {operations.map((op) => (
                <tr class="kern-table__row">
                  <td class="kern-table__cell">
                    <code safe>{op.method}</code>
                  </td>
                  <td class="kern-table__cell">
                    <code safe>{op.path}</code>
                  </td>
                  <td class="kern-table__cell" safe>
                    {op.tag ? `${op.tag}: ${op.summary}` : op.summary}
                  </td>
                  <td class="kern-table__cell" safe>
                    {op.responses.join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </Layout>,
    );
  });
}

/** The API's description for machines (OpenAPI) and people. */
export function apiDocsModule(deps: AppDeps): ModuleManifest {
  return defineModule({ name: 'api-docs', routes: (app) => registerApiDocs(app, deps) });
}
