import { defineMessages } from '../../platform/i18n/i18n.js';

/** The calendar feeds of the groups (the personal feed's texts are in network.messages.ts). */
export const calendarMessages = defineMessages(
  'network/calendar.messages',
  {
    'groups.heading': 'Termine einer Gruppe im eigenen Kalender',
    'groups.lead':
      'Jede Ihrer Gruppen hat eine eigene Adresse mit nur ihren Terminen. Auch diese Adressen gelten nur für Sie: Wenn Sie die Gruppe verlassen, zeigt die Adresse keine Termine mehr.',
    'groups.none': 'Sie sind noch in keiner Gruppe.',
    'group.url': 'Adresse für „{group}“',
    'group.renew.lead': 'Sie leiten diese Gruppe. Wenn die Adressen der Gruppe in falsche Hände geraten sind, bekommen alle Mitglieder neue Adressen.',
    'group.renew': 'Neue Adressen für alle Mitglieder von „{group}“',
    'renew.all': 'Eine neue Adresse macht alle Ihre bisherigen Adressen sofort ungültig, Ihre eigene und die Ihrer Gruppen.',
    'group.link': 'Termine dieser Gruppe im eigenen Kalender',
    'notice.renewed': 'Die Gruppe hat neue Kalender-Adressen. Die alten gelten nicht mehr; jedes Mitglied findet seine neue Adresse hier.',
  },
  {
    'groups.heading': 'A group’s meetings in your own calendar',
    'groups.lead':
      'Each of your groups has its own address with only its meetings. These addresses, too, are for you alone: once you leave the group, the address shows no more meetings.',
    'groups.none': 'You are not in any group yet.',
    'group.url': 'Address for “{group}”',
    'group.renew.lead': 'You lead this group. If the group’s addresses have fallen into the wrong hands, every member gets a new address.',
    'group.renew': 'New addresses for every member of “{group}”',
    'renew.all': 'A new address stops all your previous addresses at once: your own and those of your groups.',
    'group.link': 'This group’s meetings in your own calendar',
    'notice.renewed': 'The group has new calendar addresses. The old ones no longer work; every member finds their new address here.',
  },
);
