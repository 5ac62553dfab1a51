import { defineMessages } from '../../platform/i18n/i18n.js';

/** What deleting a parent's account does to holiday places, wishes and waiting lists. */
export const releaseMessages = defineMessages(
  'holidays/release.messages',
  {
    'preview.accepted':
      '{child}: Der zugesagte Platz in „{offer}“ ({dates}) wird frei. Er geht an das nächste Kind auf der Warteliste, und der Träger bekommt eine Nachricht.',
    'preview.offered': '{child}: Das Platzangebot für „{offer}“ ({dates}) verfällt und geht an das nächste Kind auf der Warteliste.',
    'preview.waiting': '{child}: Der Platz auf der Warteliste für „{offer}“ ({dates}) entfällt.',
    'preview.wishes': '{child}: Die Wunschliste für „{season}“ ({offers}) wird gelöscht. {child} nimmt nicht an der Verlosung teil.',
    'mail.organiser.subject': 'Ein Platz in „{offer}“ ist frei geworden',
    'mail.organiser.text':
      'Guten Tag,\n\nin Ihrem Ferienangebot „{offer}“ ({dates}) ist ein zugesagter Platz frei geworden: Eine Familie hat ihr Konto gelöscht und damit auch die Anmeldung ihres Kindes. Der Platz wird automatisch dem nächsten Kind auf der Warteliste angeboten.\n\nDie aktuelle Teilnehmendenliste finden Sie hier: {url}\n\nIhr Familienrathaus',
  },
  {
    'preview.accepted':
      '{child}: The confirmed place in “{offer}” ({dates}) becomes free. It goes to the next child on the waiting list, and the provider is told.',
    'preview.offered': '{child}: The offered place in “{offer}” ({dates}) lapses and goes to the next child on the waiting list.',
    'preview.waiting': '{child}: The place on the waiting list for “{offer}” ({dates}) is given up.',
    'preview.wishes': '{child}: The wish list for “{season}” ({offers}) is deleted. {child} does not take part in the lottery.',
    'mail.organiser.subject': 'A place in “{offer}” has become free',
    'mail.organiser.text':
      'Hello,\n\na confirmed place in your holiday offer “{offer}” ({dates}) has become free: a family deleted its account and with it their child’s registration. The place is offered to the next child on the waiting list automatically.\n\nThe current list of participants: {url}\n\nYour Familienrathaus',
  },
);
