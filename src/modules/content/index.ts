import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app.js';
import { registerBarrierPages } from './barriers.pages.js';
import { createBarrierService } from './barriers.service.js';
import { contentPersonalData } from './content.privacy.js';
import { registerContentPages } from './content.pages.js';
import { createContentService } from './content.service.js';

export { seedContentPages } from './content.seed.js';
export { contentPages } from './content.schemas.js';
export { renderMarkdown } from './markdown.js';

/** Legal and help pages that editors write in the browser, and "Barriere melden". */
export function contentModule(deps: AppDeps): FastifyPluginAsync {
  const content = createContentService(deps);
  const barriers = createBarrierService(deps);
  deps.privacy.register(...contentPersonalData);
  deps.search.register({
    id: 'content',
    label: { de: 'Seiten', en: 'Pages' },
    search: (query, locale, limit) => content.search(query, locale, limit),
  });
  return async (app) => {
    registerContentPages(app, content, deps.city);
    registerBarrierPages(app, barriers, deps.city, deps.config);
  };
}
