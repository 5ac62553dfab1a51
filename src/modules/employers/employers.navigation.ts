import type { NavigationEntry } from '../../platform/views/navigation.js';
import { employersMessages } from './employers.messages.js';
import { employerPaths } from './employers.paths.js';

/** The module's section in the main navigation and its card on the start page. */
export const employersNavigation: NavigationEntry = {
  path: employerPaths.list,
  label: (locale) => employersMessages(locale)('nav.label'),
  teaser: (locale) => employersMessages(locale)('nav.teaser'),
};
