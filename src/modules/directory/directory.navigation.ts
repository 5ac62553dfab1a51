import { defineMessages } from '../../platform/i18n/i18n.js';
import type { NavigationEntry } from '../../platform/views/navigation.js';

const messages = defineMessages(
  'directory/directory.navigation',
  {
    label: 'Angebote',
    teaser: 'Beratung, Kinderbetreuung, Kinderärzte, Familienzentren und mehr.',
  },
  {
    label: 'Services',
    teaser: 'Counselling, childcare, paediatricians, family centres and more.',
  },
);

/** The module's section in the main navigation and its card on the start page. */
export const directoryNavigation: NavigationEntry = {
  path: '/angebote',
  label: (locale) => messages(locale)('label'),
  teaser: (locale) => messages(locale)('teaser'),
};
