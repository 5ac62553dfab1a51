import { defineMessages } from '../../platform/i18n/i18n.js';

/** What each section will offer once it is built, in one or two plain sentences. */
export const sectionMessages = defineMessages(
  'sections/sections.messages',
  {
    'employers.label': 'Arbeitgeber',
    'employers.teaser': 'Familienfreundliche Arbeitgeber in der Stadt.',
    'employers.plan': 'Hier stellen sich bald familienfreundliche Arbeitgeber aus der Stadt vor.',
    title: '{section} (im Aufbau)',
    'office.heading': 'So hilft Ihnen das Familienbüro schon jetzt',
    home: 'Zur Startseite',
  },
  {
    'employers.label': 'Employers',
    'employers.teaser': 'Family-friendly employers in the city.',
    'employers.plan': 'Soon family-friendly employers in the city will introduce themselves here.',
    title: '{section} (under construction)',
    'office.heading': 'How the family office can help you now',
    home: 'Go to the home page',
  },
);
