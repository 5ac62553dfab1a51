import { defineMessages } from '../../platform/i18n/i18n.js';
import type { NavigationEntry } from '../../platform/views/navigation.js';

const messages = defineMessages(
  'events/events.navigation',
  {
    label: 'Veranstaltungen',
    teaser: 'Was ist los für Kinder und Familien in Ihrem Stadtbezirk?',
  },
  {
    label: 'Events',
    teaser: 'What is on for children and families in your district?',
  },
);

/** The module's section in the main navigation and its card on the start page. */
export const eventsNavigation: NavigationEntry = {
  path: '/veranstaltungen',
  label: (locale) => messages(locale)('label'),
  teaser: (locale) => messages(locale)('teaser'),
};
