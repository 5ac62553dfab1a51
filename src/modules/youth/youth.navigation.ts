import type { NavigationEntry } from '../../platform/views/navigation.js';
import { youthMessages } from './youth.messages.js';

/** The module's section in the main navigation and its card on the start page. */
export const youthNavigation: NavigationEntry = {
  path: '/jugend-beruf',
  label: (locale) => youthMessages(locale)('nav.label'),
  teaser: (locale) => youthMessages(locale)('nav.teaser'),
};
