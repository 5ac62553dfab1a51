import type { AppDeps } from '../../platform/deps.js';
import { defineModule, type ModuleManifest } from '../../platform/modules/manifest.js';
import { registerBarrierPages } from './barriers.pages.js';
import { createBarrierService } from './barriers.service.js';
import { contentFooterLinks } from './content.navigation.js';
import { contentPersonalData } from './content.privacy.js';
import { registerContentPages } from './content.pages.js';
import { seedContentPages } from './content.seed.js';
import { createContentService } from './content.service.js';
import { contentMessages } from './content.messages.js';
import { registerSignLanguagePages } from './sign-language/sign-language.pages.js';
import { seedSignLanguageVideos } from './sign-language/sign-language.seed.js';
import { createSignLanguageService } from './sign-language/sign-language.service.js';

export { seedContentPages } from './content.seed.js';
export { contentPages } from './content.schemas.js';
export { renderMarkdown } from './markdown.js';

/**
 * Legal and help pages that editors write in the browser, the pages in Leichte Sprache, the videos in
 * German Sign Language, and "Barriere melden".
 */
export function contentModule(deps: AppDeps): ModuleManifest {
  const content = createContentService(deps);
  const signLanguage = createSignLanguageService(deps);
  const barriers = createBarrierService(deps);
  return defineModule({
    name: 'content',
    personalData: contentPersonalData,
    footerLinks: contentFooterLinks,
    searchProviders: [
      { id: 'content', label: (locale) => contentMessages(locale)('search.label'), search: (query, locale, limit) => content.search(query, locale, limit) },
    ],
    routes(app) {
      registerContentPages(app, content, signLanguage, deps.city);
      registerSignLanguagePages(app, signLanguage, deps.city);
      registerBarrierPages(app, barriers, deps.city, deps.config);
    },
    seedDemo: async () => {
      const pages = await seedContentPages(deps.db, deps.city);
      const videos = await seedSignLanguageVideos(deps.db);
      return pages + videos > 0;
    },
  });
}
