import { defineMessages } from '../../platform/i18n/i18n.js';

/** What each section will offer once it is built, in one or two plain sentences. */
export const sectionMessages = defineMessages(
  {
    'events.plan': 'Hier stehen bald Veranstaltungen für Kinder und Familien in allen Stadtbezirken. Sie können Termine auch in Ihren Kalender übernehmen.',
    'holidays.plan': 'Hier können Sie bald Ferienbetreuung und Ferienfreizeiten finden, Ihre Wünsche angeben und Plätze bekommen. Die Plätze werden fair verlost.',
    'newsletter.plan': 'Hier können Sie bald den Familieninfobrief bestellen. Er kommt viermal im Jahr per E-Mail und fasst das Wichtigste für Familien zusammen.',
    'news.plan': 'Hier lesen Sie bald Neuigkeiten aus der Stadt und aus dem Bündnis für Familie.',
    'participate.plan': 'Hier können Sie bald an Befragungen teilnehmen, den Familienbeirat kennenlernen und eigene Ideen und Anliegen einbringen.',
    'network.plan': 'Hier stellt sich bald das Bündnis für Familie vor: die Partner, die Arbeitsgruppen und ihre Termine.',
    'youth.plan': 'Hier finden junge Menschen bald Beratung rund um Schule, Ausbildung und Beruf durch die Jugendberufsagentur und können einen Beratungstermin vereinbaren.',
    'employers.plan': 'Hier stellen sich bald familienfreundliche Arbeitgeber aus der Stadt vor.',
    'title': '{section} (im Aufbau)',
    'office.heading': 'So hilft Ihnen das Familienbüro schon jetzt',
    'home': 'Zur Startseite',
  },
  {
    'events.plan': 'Soon events for children and families in all districts will be listed here. You will also be able to add them to your calendar.',
    'holidays.plan': 'Soon you will be able to find holiday care and holiday trips here, state your wishes and get places. Places are allocated fairly by lottery.',
    'newsletter.plan': 'Soon you will be able to subscribe to the family newsletter here. It arrives by email four times a year and sums up what matters to families.',
    'news.plan': 'Soon you will read news from the city and from the local alliance for families here.',
    'participate.plan': 'Soon you will be able to take part in surveys, get to know the family council and bring in your own ideas and concerns here.',
    'network.plan': 'Soon the local alliance for families will introduce itself here: its partners, working groups and meetings.',
    'youth.plan': 'Soon young people will find advice on school, training and work from the youth career agency here and will be able to book an appointment.',
    'employers.plan': 'Soon family-friendly employers in the city will introduce themselves here.',
    'title': '{section} (under construction)',
    'office.heading': 'How the family office can help you now',
    'home': 'Go to the home page',
  },
);
