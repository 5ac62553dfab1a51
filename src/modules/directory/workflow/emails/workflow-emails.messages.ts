import { defineMessages } from '../../../../platform/i18n/i18n.js';

export const workflowMailMessages = defineMessages(
  'directory/workflow/emails/workflow-emails.messages',
  {
    greeting: 'Guten Tag {name},',
    greetingTeam: 'Guten Tag,',
    signature: 'Freundliche Grüße\nIhr Team vom {portal}',
    'reminder.subject': 'Bitte prüfen Sie Ihre Einträge im {portal}',
    'reminder.body':
      'die folgenden Einträge wurden seit mehr als 12 Monaten nicht geprüft. Familien verlassen sich darauf, dass die Angaben stimmen. Bitte öffnen Sie jeden Eintrag, prüfen Sie die Angaben und setzen Sie das Häkchen bei „Angaben geprüft“.',
    'reminder.entry': '{entry} ({organization}), zuletzt geprüft: {date}',
    'reminder.after': 'Wenn es ein Angebot nicht mehr gibt, wählen Sie im Eintrag „Gibt es nicht mehr“. Bei Fragen schreiben Sie der Redaktion: {editors}',
    'stale.subject': '{count, plural, one {# Eintrag seit 18 Monaten nicht geprüft} other {# Einträge seit 18 Monaten nicht geprüft}}',
    'stale.body':
      'diese veröffentlichten Angebote wurden seit mehr als 18 Monaten nicht geprüft. Die Anbieter wurden vorher erinnert. Bitte klären Sie, ob die Angaben noch stimmen.',
    'stale.action': 'Zur Prüfliste',
    'digest.subject': '{count, plural, one {# neuer Eintrag zur Prüfung} other {# neue Einträge zur Prüfung}}',
    'digest.body':
      'seit gestern wurden diese Änderungen zur Prüfung eingereicht. {waiting, plural, one {Insgesamt wartet # Eintrag auf Ihre Prüfung.} other {Insgesamt warten # Einträge auf Ihre Prüfung.}}',
    'digest.entry': '{entry} ({entity}, {organization})',
    never: 'nie',
  },
  {
    greeting: 'Hello {name},',
    greetingTeam: 'Hello,',
    signature: 'Kind regards\nYour {portal} team',
    'reminder.subject': 'Please check your entries on {portal}',
    'reminder.body':
      'the following entries have not been checked for more than 12 months. Families rely on the details being correct. Please open each entry, check the details and tick “Details checked”.',
    'reminder.entry': '{entry} ({organization}), last checked: {date}',
    'reminder.after': 'If a service no longer exists, choose “No longer exists” in the entry. If you have questions, write to the editors: {editors}',
    'stale.subject': '{count, plural, one {# entry not checked for 18 months} other {# entries not checked for 18 months}}',
    'stale.body':
      'these published services have not been checked for more than 18 months. The providers were reminded before. Please find out whether the details are still correct.',
    'stale.action': 'Go to the review list',
    'digest.subject': '{count, plural, one {# new entry to review} other {# new entries to review}}',
    'digest.body':
      'since yesterday these changes were submitted for review. {waiting, plural, one {In all, # entry is waiting for your review.} other {In all, # entries are waiting for your review.}}',
    'digest.entry': '{entry} ({entity}, {organization})',
    never: 'never',
  },
);
