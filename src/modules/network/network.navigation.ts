import type { NavigationEntry } from '../../platform/views/navigation.js';
import { networkMessages } from './network.messages.js';

/** The module's section in the main navigation and its card on the start page. */
export const networkNavigation: NavigationEntry = {
  path: '/netzwerk',
  label: (locale) => networkMessages(locale)('nav.label'),
  teaser: (locale) => networkMessages(locale)('nav.teaser'),
};
