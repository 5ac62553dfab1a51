/**
 * The directory's two taxonomies, with fixed ids so seed data, imports and tests agree:
 * - topics families look for (editors may add terms);
 * - features that HSDS has no field for, carried as attributes (easy-language summary, LeiKa key,
 *   barrier-free location).
 */

export const topicTaxonomy = {
  id: '6f1d2c4e-0a51-4d8e-9a10-000000000001',
  name: 'Familienrathaus Themen',
  description: 'Themen, nach denen Familien Angebote suchen.',
  version: '1',
};

export const featureTaxonomy = {
  id: '6f1d2c4e-0a51-4d8e-9a10-000000000002',
  name: 'Familienrathaus Merkmale',
  description: 'Merkmale von Angeboten und Standorten, für die HSDS kein eigenes Feld hat.',
  version: '1',
};

export const featureTerms = {
  easyLanguage: {
    id: '6f1d2c4e-0a51-4d8e-9a10-0000000000f1',
    code: 'leichte-sprache',
    name: 'Zusammenfassung in Leichter Sprache',
    name_en: 'Summary in easy German',
  },
  leika: { id: '6f1d2c4e-0a51-4d8e-9a10-0000000000f2', code: 'leika', name: 'LeiKa-Schlüssel', name_en: 'LeiKa key' },
  barrierFree: { id: '6f1d2c4e-0a51-4d8e-9a10-0000000000f3', code: 'barrierefrei', name: 'Barrierefrei zugänglich', name_en: 'Step-free access' },
} as const;

export interface TopicSeed {
  id: string;
  code: string;
  name: string;
  name_en: string;
  description: string;
  description_en: string;
}

const topic = (n: number, code: string, name: string, name_en: string, description: string, description_en: string): TopicSeed => ({
  id: `6f1d2c4e-0a51-4d8e-9a10-0000000001${String(n).padStart(2, '0')}`,
  code,
  name,
  name_en,
  description,
  description_en,
});

export const topics: TopicSeed[] = [
  topic(
    1,
    'kinderbetreuung',
    'Kinderbetreuung',
    'Childcare',
    'Kita, Tagespflege, Ganztag und Betreuung in Randzeiten.',
    'Day care, childminders, all-day school and care at off-peak times.',
  ),
  topic(
    2,
    'gesundheit',
    'Gesundheit & Kinderärzte',
    'Health & paediatricians',
    'Kinderärztinnen und Kinderärzte, Hebammen, Frühförderung und Gesundheitsberatung.',
    'Paediatricians, midwives, early intervention and health advice.',
  ),
  topic(
    3,
    'beratung',
    'Beratung & Hilfe',
    'Counselling & help',
    'Erziehungsberatung, Familienberatung, Schuldnerberatung und mehr.',
    'Parenting advice, family counselling, debt advice and more.',
  ),
  topic(
    4,
    'finanzielle-hilfen',
    'Finanzielle Hilfen',
    'Financial help',
    'Kindergeld, Kinderzuschlag, Elterngeld, Bildung und Teilhabe, Familienpass.',
    'Child benefit, child supplement, parental allowance, education and participation.',
  ),
  topic(
    5,
    'bildung-schule',
    'Bildung & Schule',
    'Education & school',
    'Schulanmeldung, Nachhilfe, Lernförderung und Übergang Kita–Schule.',
    'School registration, tutoring, learning support and starting school.',
  ),
  topic(
    6,
    'freizeit-sport',
    'Freizeit, Spiel & Sport',
    'Leisure, play & sport',
    'Spielplätze, Vereine, Schwimmen, Musik und Kultur für Kinder.',
    'Playgrounds, clubs, swimming, music and culture for children.',
  ),
  topic(
    7,
    'barrierefrei-unterwegs',
    'Barrierefrei unterwegs',
    'Getting around step-free',
    'Barrierefreie Wege, Orte und Hilfen für Familien mit Behinderung.',
    'Step-free routes, places and help for families with disabilities.',
  ),
  topic(
    8,
    'beruf-familie',
    'Beruf & Familie',
    'Work & family',
    'Wiedereinstieg, Vereinbarkeit und familienfreundliche Arbeitgeber.',
    'Returning to work, work–life balance and family-friendly employers.',
  ),
  topic(
    9,
    'familienbildung',
    'Familienbildung',
    'Family education',
    'Elternkurse, Eltern-Kind-Gruppen und Familienzentren.',
    'Parenting courses, parent–child groups and family centres.',
  ),
  topic(
    10,
    'schwangerschaft-geburt',
    'Schwangerschaft & Geburt',
    'Pregnancy & birth',
    'Schwangerschaftsberatung, Hebammen, Geburtsvorbereitung und frühe Hilfen.',
    'Pregnancy advice, midwives, antenatal classes and early help.',
  ),
  topic(
    11,
    'jugend',
    'Jugend',
    'Youth',
    'Jugendzentren, Jugendberatung, Ausbildung und Beteiligung.',
    'Youth centres, youth counselling, training and participation.',
  ),
  topic(
    12,
    'notfall-krise',
    'Notfall & Krise',
    'Emergency & crisis',
    'Schnelle Hilfe in Notlagen: Kinderschutz, Gewalt, Krisendienste.',
    'Quick help in emergencies: child protection, violence, crisis services.',
  ),
];
