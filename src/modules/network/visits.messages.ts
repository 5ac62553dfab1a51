import { defineMessages } from '../../platform/i18n/i18n.js';

/** What is new on a partner's start page since their last visit. */
export const visitMessages = defineMessages(
  'network/visits.messages',
  {
    'new.title': 'Neue Dokumente seit Ihrem letzten Besuch',
    'new.since': 'Neu oder geändert in Ihren Gruppen seit {date}:',
    'new.none': 'Seit {date} ist in Ihren Gruppen kein Dokument dazugekommen oder geändert worden.',
    'new.entry': '{group}, {date}',
  },
  {
    'new.title': 'New documents since your last visit',
    'new.since': 'New or changed in your groups since {date}:',
    'new.none': 'No document has been added to or changed in your groups since {date}.',
    'new.entry': '{group}, {date}',
  },
);
