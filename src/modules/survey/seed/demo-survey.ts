import type { Choice, Question, SurveyDefinition, Texts } from '../survey.definition.js';
import { demoTranslations } from './demo-survey.translations.js';

/** German, English and Leichte Sprache as written here; Turkish, Arabic, Ukrainian, Russian and Polish from the translations file. */
const t = (de: string, en: string, ls?: string): Texts => ({ de, en, ...demoTranslations.get(de), ...(ls ? { ls } : {}) });
const opts = (...pairs: [string, string, string][]): Choice[] => pairs.map(([value, de, en]) => ({ value, text: t(de, en) }));
const q = (id: string, type: Question['type'], text: Texts, extra: Partial<Question> = {}): Question => ({ id, type, text, required: false, ...extra });

/** "Wie familienfreundlich ist Hamm?": the demo survey (fictional, ~28 questions on 6 pages). */
export const demoSurveyDefinition: SurveyDefinition = {
  title: t('Wie familienfreundlich ist Hamm?', 'How family-friendly is Hamm?', 'Wie gut ist Hamm für Familien?'),
  intro: t(
    'Die Stadt fragt alle Familien: Was läuft gut, was fehlt noch? Die Befragung dauert etwa 10 Minuten. Ihre Antworten sind anonym: Wir speichern keinen Namen, keine IP-Adresse und nur den Tag der Antwort.',
    'The city asks all families: what works well, what is still missing? The survey takes about 10 minutes. Your answers are anonymous: we store no name, no IP address and only the day of your answer.',
    'Die Stadt Hamm möchte wissen: Wie geht es Familien in Hamm? Sie beantworten Fragen. Das dauert 10 Minuten. Niemand erfährt, wer Sie sind.',
  ),
  pages: [
    {
      id: 'familie',
      title: t('Ihre Familie', 'Your family', 'Ihre Familie'),
      questions: [
        q('bezirk', 'district', t('In welchem Stadtbezirk wohnen Sie?', 'Which district do you live in?', 'Wo wohnen Sie in Hamm?'), { required: true }),
        q(
          'kinder',
          'number',
          t(
            'Wie viele Kinder unter 18 Jahren leben in Ihrem Haushalt?',
            'How many children under 18 live in your household?',
            'Wie viele Kinder wohnen bei Ihnen?',
          ),
          { required: true, min: 0, max: 10 },
        ),
        q('alter', 'multiple', t('Wie alt sind die Kinder?', 'How old are the children?', 'Wie alt sind die Kinder?'), {
          options: opts(
            ['u3', 'unter 3 Jahre', 'under 3'],
            ['3-5', '3 bis 5 Jahre', '3 to 5'],
            ['6-9', '6 bis 9 Jahre', '6 to 9'],
            ['10-13', '10 bis 13 Jahre', '10 to 13'],
            ['14-17', '14 bis 17 Jahre', '14 to 17'],
          ),
          showIf: undefined,
        }),
        q('form', 'single', t('Wie leben Sie als Familie?', 'What is your family situation?', 'Wer gehört zu Ihrer Familie?'), {
          options: opts(
            ['paar', 'Zwei Erwachsene mit Kindern', 'Two adults with children'],
            ['allein', 'Allein erziehend', 'Single parent'],
            ['mehr', 'Mehrere Generationen', 'Several generations'],
            ['andere', 'Anders', 'Other'],
          ),
        }),
        q('arbeit', 'single', t('Wie sind Sie berufstätig?', 'How do you work?', 'Arbeiten Sie?'), {
          options: opts(
            ['beide-voll', 'Alle Erwachsenen Vollzeit', 'All adults full-time'],
            ['teilzeit', 'Mindestens eine Person Teilzeit', 'At least one part-time'],
            ['keine', 'Zurzeit nicht berufstätig', 'Not working at present'],
            ['ausbildung', 'In Ausbildung oder Studium', 'In training or studying'],
          ),
        }),
      ],
    },
    {
      id: 'gesamt',
      title: t('Hamm insgesamt', 'Hamm overall', 'Hamm allgemein'),
      questions: [
        q(
          'note',
          'grade6',
          t(
            'Welche Schulnote geben Sie Hamm als Stadt für Familien?',
            'Which school grade do you give Hamm as a city for families?',
            'Welche Schulnote geben Sie Hamm?',
          ),
          { required: true },
        ),
        q(
          'empfehlung',
          'scale10',
          t(
            'Wie wahrscheinlich empfehlen Sie Hamm einer befreundeten Familie als Wohnort?',
            'How likely are you to recommend Hamm to a friendly family as a place to live?',
            'Würden Sie Freunden sagen: Zieht nach Hamm?',
          ),
          {
            hint: t('0 = gar nicht, 10 = auf jeden Fall', '0 = not at all, 10 = definitely', '0 = nein, 10 = ja'),
          },
        ),
        q('zufrieden', 'likert', t('Wie sehr stimmen Sie zu?', 'How much do you agree?', 'Stimmt das?'), {
          statements: opts(
            ['sicher', 'Mein Kind kann sich im Viertel sicher bewegen.', 'My child can move around the neighbourhood safely.'],
            ['spiel', 'Es gibt genug Spielplätze in der Nähe.', 'There are enough playgrounds nearby.'],
            ['gruen', 'Es gibt genug Grünflächen.', 'There is enough green space.'],
            ['nachbar', 'Ich kenne Familien in der Nachbarschaft.', 'I know families in the neighbourhood.'],
            ['info', 'Ich finde Informationen für Familien leicht.', 'I find information for families easily.'],
          ),
        }),
        q(
          'wohnen',
          'rating5',
          t(
            'Wie zufrieden sind Sie mit Ihrer Wohnsituation? (1 = sehr unzufrieden, 5 = sehr zufrieden)',
            'How satisfied are you with your housing? (1 = very dissatisfied, 5 = very satisfied)',
            'Wie gut wohnen Sie? (1 = schlecht, 5 = sehr gut)',
          ),
        ),
        q(
          'bleiben',
          'yesno',
          t('Möchten Sie in fünf Jahren noch in Hamm wohnen?', 'Would you like to live in Hamm in five years?', 'Wollen Sie in Hamm bleiben?'),
        ),
      ],
    },
    {
      id: 'betreuung',
      title: t('Betreuung und Schule', 'Childcare and school', 'Kita und Schule'),
      questions: [
        q(
          'kita',
          'yesno',
          t('Besucht ein Kind eine Kita oder Kindertagespflege?', 'Does a child attend a day-care centre or childminder?', 'Geht ein Kind in die Kita?'),
        ),
        q(
          'kitazufrieden',
          'rating5',
          t(
            'Wie zufrieden sind Sie mit der Kita-Betreuung? (1 = sehr unzufrieden, 5 = sehr zufrieden)',
            'How satisfied are you with day care? (1 = very dissatisfied, 5 = very satisfied)',
            'Wie gut ist die Kita? (1 = schlecht, 5 = sehr gut)',
          ),
          { showIf: { question: 'kita', values: ['ja'] } },
        ),
        q(
          'kitaplatz',
          'single',
          t(
            'Wie lange haben Sie auf den Kita-Platz gewartet?',
            'How long did you wait for the day-care place?',
            'Wie lange haben Sie auf den Kita-Platz gewartet?',
          ),
          {
            showIf: { question: 'kita', values: ['ja'] },
            options: opts(
              ['sofort', 'Gar nicht', 'Not at all'],
              ['6m', 'Bis zu 6 Monate', 'Up to 6 months'],
              ['12m', '6 bis 12 Monate', '6 to 12 months'],
              ['mehr', 'Länger als ein Jahr', 'More than a year'],
            ),
          },
        ),
        q(
          'ogs',
          'yesno',
          t('Nutzen Sie eine Offene Ganztagsschule (OGS)?', 'Do you use an all-day primary school (OGS)?', 'Ist Ihr Kind am Nachmittag in der Schule (OGS)?'),
        ),
        q(
          'schulweg',
          'rating5',
          t(
            'Wie sicher ist der Schulweg Ihres Kindes? (1 = sehr unsicher, 5 = sehr sicher)',
            "How safe is your child's way to school? (1 = very unsafe, 5 = very safe)",
            'Ist der Weg zur Schule sicher? (1 = nein, 5 = ja)',
          ),
        ),
        q(
          'ferien',
          'yesno',
          t(
            'Hatten Sie in den letzten Ferien Probleme, eine Betreuung zu finden?',
            'Did you have trouble finding childcare in the last school holidays?',
            'War es schwer, in den Ferien Betreuung zu finden?',
          ),
        ),
      ],
    },
    {
      id: 'freizeit',
      title: t('Freizeit und Unterstützung', 'Leisure and support', 'Freizeit und Hilfe'),
      questions: [
        q('angebote', 'multiple', t('Welche Angebote nutzt Ihre Familie?', 'Which services does your family use?', 'Was macht Ihre Familie in Hamm?'), {
          other: true,
          options: opts(
            ['sport', 'Sportverein', 'Sports club'],
            ['musik', 'Musikschule', 'Music school'],
            ['bib', 'Bücherei', 'Library'],
            ['fz', 'Familienzentrum', 'Family centre'],
            ['jugend', 'Jugendtreff', 'Youth club'],
            ['bad', 'Schwimmbad', 'Swimming pool'],
          ),
        }),
        q(
          'kosten',
          'rating5',
          t(
            'Wie bezahlbar sind Freizeitangebote für Ihre Familie? (1 = gar nicht, 5 = sehr gut)',
            'How affordable are leisure activities for your family? (1 = not at all, 5 = very)',
            'Können Sie Freizeit bezahlen? (1 = nein, 5 = ja)',
          ),
        ),
        q(
          'beratung',
          'yesno',
          t(
            'Haben Sie im letzten Jahr eine Beratung für Familien genutzt?',
            'Did you use family counselling in the last year?',
            'Waren Sie bei einer Beratung für Familien?',
          ),
        ),
        q(
          'beratunghilfe',
          'rating5',
          t(
            'Hat Ihnen die Beratung geholfen? (1 = gar nicht, 5 = sehr)',
            'Did the counselling help you? (1 = not at all, 5 = very much)',
            'Hat die Beratung geholfen? (1 = nein, 5 = ja)',
          ),
          { showIf: { question: 'beratung', values: ['ja'] } },
        ),
        q('familienpass', 'yesno', t('Kennen Sie den Familienpass der Stadt?', "Do you know the city's family pass?", 'Kennen Sie den Familienpass?')),
        q('wege', 'single', t('Wie erreichen Sie Angebote meistens?', 'How do you usually get to activities?', 'Wie kommen Sie zu Angeboten?'), {
          options: opts(
            ['fuss', 'Zu Fuß', 'On foot'],
            ['rad', 'Mit dem Fahrrad', 'By bike'],
            ['bus', 'Mit Bus oder Bahn', 'By bus or train'],
            ['auto', 'Mit dem Auto', 'By car'],
          ),
        }),
      ],
    },
    {
      id: 'mobil',
      title: t('Unterwegs und digital', 'Getting around and online', 'Unterwegs und im Internet'),
      questions: [
        q(
          'bus',
          'rating5',
          t(
            'Wie gut kommen Kinder und Jugendliche mit dem Bus durch Hamm? (1 = sehr schlecht, 5 = sehr gut)',
            'How well do children and teenagers get around Hamm by bus? (1 = very badly, 5 = very well)',
            'Können Kinder gut mit dem Bus fahren? (1 = nein, 5 = ja)',
          ),
        ),
        q(
          'radwege',
          'grade6',
          t(
            'Welche Schulnote geben Sie den Radwegen für Familien?',
            'Which school grade do you give the cycle paths for families?',
            'Welche Note geben Sie den Radwegen?',
          ),
        ),
        q(
          'online',
          'yesno',
          t(
            'Würden Sie Anträge (z. B. Kita-Anmeldung) lieber online stellen?',
            'Would you rather apply online (for example for day care)?',
            'Möchten Sie Anträge im Internet machen?',
          ),
        ),
        q(
          'infoweg',
          'multiple',
          t('Wo informieren Sie sich über Angebote für Familien?', 'Where do you find information about services for families?', 'Wo lesen Sie über Angebote?'),
          {
            other: true,
            options: opts(
              ['web', 'Internet', 'Internet'],
              ['presse', 'Zeitung', 'Newspaper'],
              ['radio', 'Radio', 'Radio'],
              ['kita', 'Kita oder Schule', 'Day care or school'],
              ['freunde', 'Freunde und Familie', 'Friends and family'],
            ),
          },
        ),
      ],
    },
    {
      id: 'wuensche',
      title: t('Ihre Wünsche', 'Your wishes', 'Ihre Wünsche'),
      questions: [
        q(
          'prioritaet',
          'single',
          t('Was sollte die Stadt als Erstes verbessern?', 'What should the city improve first?', 'Was soll die Stadt zuerst besser machen?'),
          {
            required: true,
            options: opts(
              ['kita', 'Mehr Kita-Plätze', 'More day-care places'],
              ['spiel', 'Spielplätze und Grünflächen', 'Playgrounds and green spaces'],
              ['verkehr', 'Sichere Wege', 'Safe routes'],
              ['wohnen', 'Bezahlbare Wohnungen', 'Affordable housing'],
              ['freizeit', 'Freizeit für Jugendliche', 'Leisure for teenagers'],
              ['beratung', 'Beratung und Hilfe', 'Counselling and help'],
            ),
          },
        ),
        q(
          'beirat',
          'yesno',
          t(
            'Haben Sie Interesse, im Familienbeirat mitzuarbeiten?',
            'Would you like to take part in the family council?',
            'Wollen Sie im Familienbeirat mitmachen?',
          ),
        ),
        q(
          'wunsch',
          'text',
          t(
            'Was wünschen Sie sich in einem Satz für Familien in Hamm?',
            'In one sentence: what do you wish for families in Hamm?',
            'Was wünschen Sie sich? Ein Satz.',
          ),
        ),
        q(
          'anmerkung',
          'longtext',
          t(
            'Möchten Sie uns noch etwas mitteilen? Bitte nennen Sie keine Namen.',
            'Anything else you would like to tell us? Please do not name anyone.',
            'Wollen Sie noch etwas sagen? Bitte keine Namen.',
          ),
        ),
      ],
    },
  ],
};

export const demoChannels = [
  { slug: 'schule-heessen', name: 'Schulsozialarbeit Heessen' },
  { slug: 'fz-pelkum', name: 'Familienzentrum Pelkum' },
  { slug: 'presse', name: 'Presse' },
  { slug: 'radio', name: 'Radio' },
  { slug: 'website', name: 'Website' },
];
