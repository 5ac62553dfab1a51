import { defineMessages } from '../../platform/i18n/i18n.js';

/** What each section will offer once it is built, in one or two plain sentences. */
export const sectionMessages = defineMessages(
  'sections/sections.messages',
  {
    title: '{section} (im Aufbau)',
    'office.heading': 'So hilft Ihnen das Familienbüro schon jetzt',
    home: 'Zur Startseite',
  },
  {
    title: '{section} (under construction)',
    'office.heading': 'How the family office can help you now',
    home: 'Go to the home page',
  },
);
