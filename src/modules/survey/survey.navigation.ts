import { defineMessages } from '../../platform/i18n/i18n.js';
import type { NavigationEntry } from '../../platform/views/navigation.js';

const messages = defineMessages(
  'survey/survey.navigation',
  {
    label: 'Mitmachen',
    teaser: 'Ihre Meinung zählt: Befragung, Familienbeirat, Ideen und Anliegen.',
  },
  {
    label: 'Take part',
    teaser: 'Your opinion counts: survey, family council, ideas and concerns.',
  },
);

/** The module's section in the main navigation and its card on the start page. */
export const surveyNavigation: NavigationEntry = {
  path: '/mitmachen',
  label: (locale) => messages(locale)('label'),
  teaser: (locale) => messages(locale)('teaser'),
};
