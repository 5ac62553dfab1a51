import { defineMessages } from '../../../platform/i18n/i18n.js';

/** Texts of the confirmation mail and the "already subscribed" notice — no advertising in either. */
export const subscriptionMailMessages = defineMessages(
  'newsletter/emails/subscription-mails.messages',
  {
    greeting: 'Guten Tag,',
    'confirm.subject': 'Bitte bestätigen Sie Ihre Anmeldung zum Familieninfobrief',
    'confirm.body':
      'jemand – wahrscheinlich Sie – hat den Familieninfobrief vom {portal} für diese E-Mail-Adresse bestellt. Bitte bestätigen Sie die Anmeldung mit einem Klick auf den Link. Er gilt 48 Stunden.',
    'confirm.action': 'Anmeldung bestätigen',
    'confirm.after':
      'Wenn Sie den Infobrief nicht bestellt haben, tun Sie nichts. Ohne Bestätigung bekommen Sie keine E-Mail mehr von uns, und wir löschen die Adresse nach 7 Tagen.',
    'exists.subject': 'Sie sind schon für den Familieninfobrief angemeldet',
    'exists.body':
      'jemand – wahrscheinlich Sie – hat den Familieninfobrief vom {portal} noch einmal für diese Adresse bestellt. Sie sind schon angemeldet. Über diesen Link ändern Sie Ihre Einstellungen oder melden sich ab:',
    'exists.action': 'Einstellungen ändern',
    'exists.after': 'Wenn Sie das nicht waren, müssen Sie nichts tun.',
    signature: 'Ihr Team vom {portal}',
  },
  {
    greeting: 'Hello,',
    'confirm.subject': 'Please confirm your family newsletter subscription',
    'confirm.body':
      'someone – probably you – subscribed this email address to the family newsletter of {portal}. Please confirm with one click on the link. It is valid for 48 hours.',
    'confirm.action': 'Confirm subscription',
    'confirm.after': 'If you did not subscribe, do nothing. Without confirmation you get no more emails from us, and we delete the address after 7 days.',
    'exists.subject': 'You are already subscribed to the family newsletter',
    'exists.body':
      'someone – probably you – subscribed this address to the family newsletter of {portal} again. You are already subscribed. Use this link to change your settings or unsubscribe:',
    'exists.action': 'Change settings',
    'exists.after': 'If this was not you, there is nothing you need to do.',
    signature: 'Your {portal} team',
  },
);
