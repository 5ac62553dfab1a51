/** The guide's situations: who helps, what to bring, which appointment to book (services by slug). */
export const situations = [
  { slug: 'schule', key: 'schule', help: ['career'], bring: ['zeugnis'], book: ['berufsberatung'], kaoa: true },
  { slug: 'schule-fertig', key: 'abschluss', help: ['career', 'u25'], bring: ['zeugnis', 'lebenslauf', 'ausweis'], book: ['berufsberatung'], kaoa: false },
  {
    slug: 'ausbildung-abbrechen',
    key: 'abbruch',
    help: ['career', 'youth'],
    bring: ['vertrag', 'zeugnis'],
    book: ['berufsberatung', 'jugendberatung'],
    kaoa: false,
  },
  { slug: 'kein-plan', key: 'plan', help: ['career', 'youth'], bring: ['nichts'], book: ['berufsberatung'], kaoa: false },
  { slug: 'geld-wohnung', key: 'geld', help: ['u25', 'youth'], bring: ['ausweis', 'nachweise'], book: ['beratung-u25', 'jugendberatung'], kaoa: false },
] as const;

export type Situation = (typeof situations)[number];

/** The federal agency's occupational information: a plain link, nothing is fetched from there. */
export const berufenetUrl = 'https://web.arbeitsagentur.de/berufenet/';
