import { defineMessages } from '../i18n/i18n.js';

export const webAppMessages = defineMessages(
  'platform/web-app/web-app.messages',
  {
    'offline.title': 'Keine Verbindung',
    'offline.lead': 'Ihr Gerät ist gerade nicht mit dem Internet verbunden. Deshalb kann diese Seite nicht geladen werden.',
    'offline.retry': 'Sobald die Verbindung wieder da ist, laden Sie die Seite einfach neu.',
    'offline.stillWorks': 'Was trotzdem geht',
    'offline.phone': 'Das Familienbüro erreichen Sie auch ohne Internet per Telefon ({hours}):',
    'offline.calendar': 'Termine, die Sie in Ihren Kalender übernommen haben, finden Sie dort weiterhin.',
    'offline.forms': 'Formulare können ohne Verbindung nicht abgeschickt werden. Was Sie jetzt absenden, kommt bei uns nicht an.',
  },
  {
    'offline.title': 'No connection',
    'offline.lead': 'Your device is not connected to the internet right now. That is why this page cannot be loaded.',
    'offline.retry': 'As soon as the connection is back, simply reload the page.',
    'offline.stillWorks': 'What still works',
    'offline.phone': 'You can reach the family office by phone, without the internet ({hours}):',
    'offline.calendar': 'Dates you have added to your calendar are still there.',
    'offline.forms': 'Forms cannot be sent without a connection. What you send now does not reach us.',
  },
);
