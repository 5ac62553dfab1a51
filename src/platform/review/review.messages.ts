import { defineMessages } from '../i18n/i18n.js';

/** The review workflow's own words: its refusals and the decision mail to the author. */
export const reviewMessages = defineMessages(
  'platform/review/review.messages',
  {
    notPending: 'Diese Fassung ist nicht (mehr) in Prüfung.',
    reasonRequired: 'Schreiben Sie eine Begründung für die Ablehnung.',
    reasonTooLong: 'Die Begründung darf höchstens 2000 Zeichen lang sein.',
    greeting: 'Guten Tag {name},',
    signature: 'Freundliche Grüße\nIhr Team vom {portal}',
    'approved.subject': 'Freigegeben: {entry}',
    'approved.body': 'Ihre Änderung an „{entry}“ ({entity}, {organization}) ist geprüft und jetzt im {portal} zu sehen.',
    'approved.action': 'Verlauf des Eintrags ansehen',
    'rejected.subject': 'Nicht freigegeben: {entry}',
    'rejected.body':
      'Ihre Änderung an „{entry}“ ({entity}, {organization}) hat die Redaktion nicht freigegeben. Im {portal} bleibt die bisherige Fassung zu sehen.',
    'rejected.reason': 'Begründung der Redaktion:',
    'rejected.action': 'Eintrag überarbeiten',
    'rejected.after':
      'Sie können den Eintrag überarbeiten und noch einmal zur Prüfung einreichen. Bei Fragen antworten Sie bitte nicht auf diese E-Mail, sondern wenden Sie sich an die Redaktion: {editors}',
  },
  {
    notPending: 'This version is not (or no longer) in review.',
    reasonRequired: 'Write a reason for rejecting.',
    reasonTooLong: 'The reason must be 2000 characters or fewer.',
    greeting: 'Hello {name},',
    signature: 'Kind regards\nYour {portal} team',
    'approved.subject': 'Approved: {entry}',
    'approved.body': 'Your change to “{entry}” ({entity}, {organization}) has been reviewed and is now visible on {portal}.',
    'approved.action': 'See the history of the entry',
    'rejected.subject': 'Not approved: {entry}',
    'rejected.body': 'The editors did not approve your change to “{entry}” ({entity}, {organization}). {portal} keeps showing the previous version.',
    'rejected.reason': 'The editors’ reason:',
    'rejected.action': 'Revise the entry',
    'rejected.after':
      'You can revise the entry and submit it for review again. If you have questions, please do not reply to this email but contact the editors: {editors}',
  },
);
