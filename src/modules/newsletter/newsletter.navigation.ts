import { defineMessages } from '../../platform/i18n/i18n.js';
import type { NavigationEntry } from '../../platform/views/navigation.js';

const messages = defineMessages(
  'newsletter/newsletter.navigation',
  {
    'newsletter.label': 'Infobrief',
    'newsletter.teaser': 'Der Familieninfobrief kommt viermal im Jahr per E-Mail.',
    'news.label': 'Neuigkeiten',
    'news.teaser': 'Aktuelles aus der Stadt und dem Bündnis für Familie.',
  },
  {
    'newsletter.label': 'Newsletter',
    'newsletter.teaser': 'The family newsletter arrives by email four times a year.',
    'news.label': 'News',
    'news.teaser': 'News from the city and the local alliance for families.',
  },
);

/** The module's sections in the main navigation and their cards on the start page. */
export const newsletterNavigation: readonly NavigationEntry[] = [
  { path: '/infobrief', label: (locale) => messages(locale)('newsletter.label'), teaser: (locale) => messages(locale)('newsletter.teaser') },
  { path: '/neuigkeiten', label: (locale) => messages(locale)('news.label'), teaser: (locale) => messages(locale)('news.teaser') },
];
