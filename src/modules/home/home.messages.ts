import { defineMessages } from '../../platform/i18n/i18n.js';

export const homeMessages = defineMessages(
  'home/home.messages',
  {
    title: 'Willkommen im Familienrathaus',
    intro: 'Hier finden Familien in {city} Angebote, Beratung, Veranstaltungen und Ferienbetreuung – alles an einem Ort.',
    sectionsHeading: 'Was suchen Sie?',
    'office.heading': 'Persönliche Beratung',
    'upcoming.heading': 'Demnächst in der Stadt',
    'upcoming.at': '{day}, {time} Uhr',
    'upcoming.cancelled': 'abgesagt',
    'upcoming.postponed': 'verschoben',
    'upcoming.all': 'Alle Veranstaltungen',
    'office.text': 'Das {office} hilft Ihnen weiter: {hours}.',
  },
  {
    title: 'Welcome to the Familienrathaus',
    intro: 'Families in {city} find services, counselling, events and holiday care here – all in one place.',
    sectionsHeading: 'What are you looking for?',
    'upcoming.heading': 'Coming up in the city',
    'upcoming.at': '{day}, {time}',
    'upcoming.cancelled': 'cancelled',
    'upcoming.postponed': 'postponed',
    'upcoming.all': 'All events',
    'office.heading': 'Personal advice',
    'office.text': 'The {office} will help you: {hours}.',
  },
);
