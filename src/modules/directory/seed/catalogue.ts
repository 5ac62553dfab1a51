import type { OrganizationKind } from '../../../db/types.js';

/**
 * The vocabulary of the demo catalogue: service templates (per topic, in templates.*.ts) and
 * organisations (organizations.*.ts) that offer them. Everything is fictional: organisations,
 * streets, phone numbers (+49 2381 0000…: a subscriber number starting with 0 is never assigned)
 * and e-mail addresses (example.org). No real person appears anywhere.
 */

export type TopicCode =
  | 'kinderbetreuung'
  | 'gesundheit'
  | 'beratung'
  | 'finanzielle-hilfen'
  | 'bildung-schule'
  | 'freizeit-sport'
  | 'barrierefrei-unterwegs'
  | 'beruf-familie'
  | 'familienbildung'
  | 'schwangerschaft-geburt'
  | 'jugend'
  | 'notfall-krise';

/** Opening-hour patterns; see `hourPatterns`. */
export type HoursKey =
  | 'office'
  | 'officeAfternoon'
  | 'practice'
  | 'kita'
  | 'daycare'
  | 'counselling'
  | 'afternoon'
  | 'youth'
  | 'library'
  | 'sport'
  | 'swim'
  | 'weekendSwim'
  | 'morningCourse'
  | 'eveningCourse'
  | 'saturday'
  | 'holidayCare'
  | 'edgeTimes'
  | 'emergencyPractice'
  | 'midnight'
  | 'overnight'
  | 'evenings'
  | 'daily'
  | 'homework'
  | 'always'
  | 'appointment'
  | 'none';

/**
 * Where a service is offered: 'first' location (default), 'both' first two, 'all' locations (one service
 * each time), 'each' (one service per location), 'none' (hotline, no address); a number is one location's
 * index, a list of numbers is one service per listed location.
 */
export type Placement = 'first' | 'both' | 'all' | 'each' | 'none' | number | number[];

export type CostSeed =
  | 'free'
  /** Paid by the health insurance: free for the family. */
  | 'insurance'
  | { amount: number; per: string; /** Familienpass price. */ reduced?: number };

export interface ServiceTemplate {
  /** `{place}` is the location's short name, `{city}` the city's name. */
  name: string;
  alternate?: string;
  topics: TopicCode[];
  description: string;
  application: string;
  eligibility?: string;
  ages?: readonly [number, number];
  cost?: CostSeed;
  fees?: string;
  documents?: string[];
  /** Illustrative 14-digit LeiKa key (format only; not checked against the LeiKa catalogue). */
  leika?: string;
  /** Summary in Leichte Sprache: short sentences. */
  easy?: string;
  hours: HoursKey;
  /** Extra languages always spoken (ISO 639-1); others are added at random. */
  languages?: string[];
  /** Offered everywhere in the city: every district is a service area. */
  citywide?: boolean;
  at?: Placement;
  alert?: string;
}

export interface LocationSeed {
  /** Short name for `{place}` in service names. */
  place: string;
  name: string;
  /** Index into the city's districts (Hamm: 0 Mitte, 1 Uentrop, 2 Rhynern, 3 Pelkum, 4 Herringen, 5 Bockum-Hövel, 6 Heessen). */
  district: number;
  barrierFree?: boolean;
  description?: string;
}

export type ServiceRef = string | { key: string; name?: string; at?: Placement };

export interface OrganizationSeed {
  key: string;
  /** `{city}` is the city's name. */
  name: string;
  kind: Extract<OrganizationKind, 'city' | 'provider'>;
  legalStatus: string;
  description: string;
  locations: LocationSeed[];
  services: ServiceRef[];
}

type Slot = readonly [byday: string, opens: string, closes: string];

/** Weekly hours (HSDS schedules, Europe/Berlin). A period that closes before it opens runs past midnight. */
export const hourPatterns: Record<HoursKey, { slots: Slot[]; description?: string; vary?: boolean }> = {
  office: {
    slots: [
      ['MO,TU,WE,TH', '08:00', '16:00'],
      ['FR', '08:00', '12:00'],
    ],
    vary: true,
  },
  officeAfternoon: {
    slots: [
      ['MO,TU,WE,FR', '08:30', '12:30'],
      ['TH', '14:00', '18:00'],
    ],
  },
  practice: {
    slots: [
      ['MO,TU,WE,TH,FR', '08:00', '12:00'],
      ['MO,TU,TH', '15:00', '18:00'],
    ],
    vary: true,
  },
  kita: { slots: [['MO,TU,WE,TH,FR', '07:00', '16:30']], vary: true },
  daycare: { slots: [['MO,TU,WE,TH,FR', '07:30', '15:00']], vary: true },
  counselling: {
    slots: [
      ['MO,TU,WE,TH', '09:00', '17:00'],
      ['FR', '09:00', '13:00'],
    ],
    vary: true,
  },
  afternoon: { slots: [['TU,TH', '15:00', '17:30']], vary: true },
  youth: {
    slots: [
      ['TU,WE,TH,FR', '14:00', '20:00'],
      ['SA', '14:00', '18:00'],
    ],
    vary: true,
  },
  library: {
    slots: [
      ['TU,WE,FR', '10:00', '18:00'],
      ['TH', '10:00', '19:00'],
      ['SA', '10:00', '13:00'],
    ],
  },
  sport: {
    slots: [
      ['MO,WE', '16:00', '18:00'],
      ['SA', '10:00', '12:00'],
    ],
    vary: true,
  },
  swim: {
    slots: [
      ['WE', '15:00', '17:00'],
      ['SA', '09:00', '12:00'],
    ],
  },
  weekendSwim: {
    slots: [
      ['SA', '14:00', '17:00'],
      ['SU', '09:00', '13:00'],
    ],
  },
  morningCourse: { slots: [['WE', '09:30', '11:00']], vary: true },
  eveningCourse: { slots: [['TU', '19:00', '21:00']], vary: true },
  saturday: { slots: [['SA', '10:00', '13:00']], vary: true },
  holidayCare: { slots: [['MO,TU,WE,TH,FR', '08:00', '16:00']], description: 'In den Oster-, Sommer- und Herbstferien.' },
  edgeTimes: {
    slots: [
      ['MO,TU,WE,TH,FR', '06:00', '08:00'],
      ['MO,TU,WE,TH,FR', '16:00', '21:00'],
      ['SA', '08:00', '14:00'],
    ],
  },
  emergencyPractice: {
    slots: [
      ['MO,TU,TH', '19:00', '22:00'],
      ['WE,FR', '15:00', '22:00'],
      ['SA,SU', '09:00', '21:00'],
    ],
    description: 'Auch an Feiertagen von 9 bis 21 Uhr.',
  },
  midnight: { slots: [['SA', '21:00', '01:00']] },
  overnight: { slots: [['MO,TU,WE,TH,FR,SA,SU', '18:00', '10:00']] },
  evenings: { slots: [['MO,TU,WE,TH,FR,SA,SU', '17:00', '23:00']] },
  daily: { slots: [['MO,TU,WE,TH,FR,SA,SU', '08:00', '20:00']], description: 'Bitte nehmen Sie Rücksicht auf die Nachbarn.' },
  homework: { slots: [['MO,TU,WE,TH', '14:00', '16:00']], vary: true },
  always: { slots: [], description: 'Rund um die Uhr erreichbar, auch an Wochenenden und Feiertagen.' },
  appointment: { slots: [], description: 'Termine nach Vereinbarung.' },
  none: { slots: [] },
};

/** German names of the languages the demo services speak besides German (ISO 639-1). */
export const languageNames: Record<string, string> = {
  de: 'Deutsch',
  tr: 'Türkisch',
  ar: 'Arabisch',
  ru: 'Russisch',
  pl: 'Polnisch',
  uk: 'Ukrainisch',
  en: 'Englisch',
  ku: 'Kurdisch',
  ro: 'Rumänisch',
  fa: 'Persisch',
};

/** How often each language is spoken besides German (relative weights). */
export const languageWeights: Record<string, number> = { tr: 6, en: 5, ar: 5, ru: 3, pl: 3, uk: 3, ku: 2, ro: 2, fa: 2 };

/** Real postal codes of Hamm's districts; other cities fall back to the family office's code. */
export const postalCodes: Record<string, readonly string[]> = {
  'Hamm-Mitte': ['59063', '59065'],
  Uentrop: ['59071'],
  Rhynern: ['59069'],
  Pelkum: ['59077'],
  Herringen: ['59077'],
  'Bockum-Hövel': ['59075'],
  Heessen: ['59073'],
};

/** Invented street names. */
export const streets = [
  'Am Kastanienhof',
  'Lippewiesenweg',
  'Zum Förderturm',
  'Sonnenblumenweg',
  'Brunnengasse',
  'Am Zechenwald',
  'Holunderstraße',
  'Kiebitzweg',
  'Schachtstraße',
  'Auf der Heide',
  'Mühlenkamp',
  'Lindenallee',
  'Am Kanalufer',
  'Eichhörnchenweg',
  'Hofstraße',
  'Glück-Auf-Straße',
  'Wiesengrund',
  'Birkenhain',
  'Am Bürgerpark',
  'Weidenstraße',
  'Ahornring',
  'Fasanenweg',
  'Kirchplatz',
  'Schulstraße',
  'Marktgasse',
  'Rosenhügel',
  'Steigerweg',
  'Am Lerchenfeld',
];

/** Invented short place names, for the benchmark's generated locations. */
export const placeNames = [
  'Regenbogen',
  'Pusteblume',
  'Lindenhof',
  'Wirbelwind',
  'Löwenzahn',
  'Kunterbunt',
  'Sternschnuppe',
  'Zechenwald',
  'Lippeaue',
  'Kastanienhof',
  'Am Bürgerpark',
  'Brückenschlag',
  'Mühlenbach',
  'Sonnenschein',
  'Glückauf',
  'Wiesengrund',
];
