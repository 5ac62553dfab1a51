import { defineMessages } from '../../platform/i18n/i18n.js';

/** Reported posts (the list leads and staff work through) and how long a group keeps its posts and documents. */
export const moderationMessages = defineMessages(
  'network/moderation.messages',
  {
    'reports.title': 'Gemeldete Beiträge',
    'reports.lead':
      'Hier stehen gemeldete Beiträge aus den Gruppen, die Sie leiten. Ist ein Beitrag in Ordnung, markieren Sie die Meldungen als erledigt. Verstößt er gegen die Regeln der Gruppe, blenden Sie ihn aus: Niemand sieht ihn mehr im Feed, er bleibt aber gespeichert und lässt sich wieder einblenden.',
    'reports.lead.staff':
      'Hier stehen gemeldete Beiträge aus allen Gruppen. Ist ein Beitrag in Ordnung, markieren Sie die Meldungen als erledigt. Verstößt er gegen die Regeln der Gruppe, blenden Sie ihn aus: Niemand sieht ihn mehr im Feed, er bleibt aber gespeichert und lässt sich wieder einblenden.',
    'reports.none': 'Zurzeit wartet keine Meldung.',
    'reports.post': 'Beitrag von {author} in „{group}“ vom {date}',
    'reports.count': '{count, plural, one {# Meldung} other {# Meldungen}}',
    'reports.reason': '{name} am {date}: {reason}',
    'reports.done': 'Erledigt, der Beitrag bleibt',
    'reports.hide': 'Beitrag ausblenden',
    'reports.hidden': 'Ausgeblendete Beiträge',
    'reports.hidden.none': 'Kein Beitrag ist ausgeblendet.',
    'reports.hiddenAt': 'Beitrag von {author} in „{group}“, ausgeblendet am {date}',
    'reports.show': 'Wieder einblenden',
    'reports.link': '{count, plural, =0 {Gemeldete Beiträge} one {Gemeldete Beiträge (# offen)} other {Gemeldete Beiträge (# offen)}}',
    'notice.reportDone': 'Die Meldungen sind erledigt.',
    'notice.hidden': 'Der Beitrag ist ausgeblendet.',
    'notice.shown': 'Der Beitrag ist wieder zu sehen.',

    'retention.heading': 'Aufbewahrung',
    'retention.lead':
      'Wie lange die Gruppe ihre Beiträge (mit Kommentaren) und Dokumente behält. Ältere Beiträge und Dokumente, die so lange nicht geändert wurden, löscht ein nächtlicher Auftrag endgültig.',
    'retention.current':
      '{months, plural, =0 {Zurzeit behält die Gruppe alles.} one {Zurzeit löscht die Gruppe nach # Monat.} other {Zurzeit löscht die Gruppe nach # Monaten.}}',
    'retention.months': 'Nach wie vielen Monaten löschen?',
    'retention.months.hint': 'Eine Zahl von 1 bis 240. Leer lassen, um nichts zu löschen.',
    'retention.months.format': 'Geben Sie eine Zahl von 1 bis 240 ein oder lassen Sie das Feld leer.',
    'retention.submit': 'Aufbewahrung speichern',
    'notice.retention': 'Die Aufbewahrung ist gespeichert.',
  },
  {
    'reports.title': 'Reported posts',
    'reports.lead':
      'Here are reported posts from the groups you lead. If a post is fine, mark its reports as done. If it breaks the group’s rules, hide it: nobody sees it in the feed any more, but it is kept and can be shown again.',
    'reports.lead.staff':
      'Here are reported posts from every group. If a post is fine, mark its reports as done. If it breaks the group’s rules, hide it: nobody sees it in the feed any more, but it is kept and can be shown again.',
    'reports.none': 'No report is waiting at the moment.',
    'reports.post': 'Post by {author} in “{group}” of {date}',
    'reports.count': '{count, plural, one {# report} other {# reports}}',
    'reports.reason': '{name} on {date}: {reason}',
    'reports.done': 'Done, the post stays',
    'reports.hide': 'Hide the post',
    'reports.hidden': 'Hidden posts',
    'reports.hidden.none': 'No post is hidden.',
    'reports.hiddenAt': 'Post by {author} in “{group}”, hidden on {date}',
    'reports.show': 'Show again',
    'reports.link': '{count, plural, =0 {Reported posts} one {Reported posts (# open)} other {Reported posts (# open)}}',
    'notice.reportDone': 'The reports are done.',
    'notice.hidden': 'The post is hidden.',
    'notice.shown': 'The post can be seen again.',

    'retention.heading': 'Retention',
    'retention.lead':
      'How long the group keeps its posts (with comments) and documents. A nightly job deletes older posts, and documents not changed for that long, for good.',
    'retention.current':
      '{months, plural, =0 {At the moment the group keeps everything.} one {At the moment the group deletes after # month.} other {At the moment the group deletes after # months.}}',
    'retention.months': 'Delete after how many months?',
    'retention.months.hint': 'A number from 1 to 240. Leave it empty to delete nothing.',
    'retention.months.format': 'Enter a number from 1 to 240, or leave the field empty.',
    'retention.submit': 'Save retention',
    'notice.retention': 'The retention is saved.',
  },
);
