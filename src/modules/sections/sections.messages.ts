import { defineMessages } from '../../platform/i18n/i18n.js';

/** What each section will offer once it is built, in one or two plain sentences. */
export const sectionMessages = defineMessages(
  'sections/sections.messages',
  {
    'network.label': 'Netzwerk',
    'network.teaser': 'Das Bündnis für Familie: Partner, Arbeitsgruppen und Termine.',
    'employers.label': 'Arbeitgeber',
    'employers.teaser': 'Familienfreundliche Arbeitgeber in der Stadt.',
    'network.plan': 'Hier stellt sich bald das Bündnis für Familie vor: die Partner, die Arbeitsgruppen und ihre Termine.',
    'employers.plan': 'Hier stellen sich bald familienfreundliche Arbeitgeber aus der Stadt vor.',
    title: '{section} (im Aufbau)',
    'office.heading': 'So hilft Ihnen das Familienbüro schon jetzt',
    home: 'Zur Startseite',
  },
  {
    'network.label': 'Network',
    'network.teaser': 'The alliance for families: partners, working groups and meetings.',
    'employers.label': 'Employers',
    'employers.teaser': 'Family-friendly employers in the city.',
    'network.plan': 'Soon the local alliance for families will introduce itself here: its partners, working groups and meetings.',
    'employers.plan': 'Soon family-friendly employers in the city will introduce themselves here.',
    title: '{section} (under construction)',
    'office.heading': 'How the family office can help you now',
    home: 'Go to the home page',
  },
);
