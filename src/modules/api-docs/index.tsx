import type { AppDeps } from '../../platform/deps.js';
import { defineModule, type ModuleManifest } from '../../platform/modules/manifest.js';
import { pageContext } from '../../platform/http/context.js';
import { NoQuery, type RouteApp } from '../../platform/http/routes.js';
import { Layout } from '../../platform/views/layout.js';
import { DataTable } from '../../platform/views/data-table.js';
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
        <DataTable
          caption={t('operations')}
          captionHidden
          rows={operations}
          columns={[
            { header: t('method'), html: (op) => <code safe>{op.method}</code> },
            { header: t('path'), html: (op) => <code safe>{op.path}</code> },
            { header: t('summary'), text: (op) => (op.tag ? `${op.tag}: ${op.summary}` : op.summary) },
            { header: t('responses'), text: (op) => op.responses.join(', ') },
          ]}
        />
      </Layout>,
    );
  });
}

/** The API's description for machines (OpenAPI) and people. */
export function apiDocsModule(deps: AppDeps): ModuleManifest {
  return defineModule({ name: 'api-docs', routes: (app) => registerApiDocs(app, deps) });
}
