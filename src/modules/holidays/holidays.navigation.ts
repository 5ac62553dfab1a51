import { defineMessages } from '../../platform/i18n/i18n.js';
import type { NavigationEntry } from '../../platform/views/navigation.js';

const messages = defineMessages(
  'holidays/holidays.navigation',
  {
    label: 'Ferien',
    teaser: 'Ferienbetreuung und Freizeiten: Wünsche abgeben und Plätze bekommen.',
  },
  {
    label: 'Holidays',
    teaser: 'Holiday care and trips: make your wishes and get places.',
  },
);

/** The module's section in the main navigation and its card on the start page. */
export const holidaysNavigation: NavigationEntry = {
  path: '/ferien',
  label: (locale) => messages(locale)('label'),
  teaser: (locale) => messages(locale)('teaser'),
};
