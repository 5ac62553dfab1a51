import { createHash } from 'node:crypto';
import type { EmployerCertificate, EmployerSector, EmployerSize } from '../../db/tables/employers.js';
import type { PlaceField, PlaceKind } from '../../db/tables/places.js';
import type { AppDeps } from '../../platform/deps.js';
import { addDays, addMonths, todayIn } from '../../platform/time/berlin.js';
import { inCatalogueOrder, type Measure } from './employers.catalogue.js';
import type { EmployerData } from './employers.types.js';

/**
 * Fictional demo data: about 40 employers in the city (hospitals, a care service, craft businesses,
 * the city administration and more) with measures, certificates and places, and three good-practice
 * stories, among them the hospitals' shared emergency childcare. The places seeded by the places
 * module belong to some of these organisations already; more are added here. Two profiles were last
 * confirmed more than a year ago, so "unbestätigt" shows. Runs once.
 */

type Demo = [name: string, sector: EmployerSector, size: EmployerSize, districts: number[], measures: string, certificates: string, summary: string];

const employers: Demo[] = [
  [
    'Klinikum Lippeaue (Demo)',
    'health',
    'large',
    [0, 1],
    'flexitime part_time part_time_leadership family_shifts company_childcare emergency_care holiday_care care_leave leave_contact return_programme part_time_training health_programme employee_counselling',
    'audit:2023 network:2019',
    'Das größte Krankenhaus der Stadt: 2.400 Beschäftigte, eine eigene Kita mit Randzeiten und gemeinsam mit den anderen Kliniken eine Notfallbetreuung.',
  ],
  [
    'St.-Marien-Hospital (Demo)',
    'health',
    'large',
    [0, 6],
    'part_time family_shifts company_childcare emergency_care holiday_care care_leave care_counselling leave_contact return_programme health_programme',
    'audit:2022',
    'Katholisches Krankenhaus mit 900 Beschäftigten. Dienstpläne stehen acht Wochen im Voraus, Wünsche von Eltern werden zuerst eingeplant.',
  ],
  [
    'Evangelisches Krankenhaus am Kurpark (Demo)',
    'health',
    'large',
    [0],
    'flexitime part_time job_sharing family_shifts emergency_care parent_child_office leave_contact return_programme employee_counselling',
    'network:2021',
    'Krankenhaus mit Schwerpunkt Geriatrie. Jobsharing auch auf Stationsleitungen; ein Eltern-Kind-Zimmer für den Notfall.',
  ],
  [
    'Pflegedienst Westring (Demo)',
    'care',
    'small',
    [3, 4],
    'part_time family_shifts emergency_care care_leave leave_contact part_time_training',
    'other:Familienfreundlicher Betrieb im Kreis (Demo):2024',
    'Ambulanter Pflegedienst mit 35 Beschäftigten. Touren planen wir um Kita- und Schulzeiten herum.',
  ],
  [
    'Malerbetrieb Farbenfroh GmbH (Demo)',
    'craft',
    'micro',
    [4],
    'flexitime part_time family_shifts leave_contact',
    '',
    'Malerbetrieb mit acht Beschäftigten. Seit zwei Jahren arbeiten alle, die möchten, an vier Tagen in der Woche.',
  ],
  [
    'Stadt {city} – Jugendamt',
    'public',
    'large',
    [0, 1, 2, 3, 4, 5, 6],
    'flexitime part_time part_time_leadership job_sharing remote_work emergency_care holiday_care care_leave care_counselling leave_contact return_programme part_time_training health_programme employee_counselling',
    'audit:2021 network:2016',
    'Das Jugendamt der Stadtverwaltung: Gleitzeit ohne Kernzeit, mobiles Arbeiten und Teilzeit auch in der Abteilungsleitung.',
  ],
  [
    'Stadtverwaltung {city} (Demo)',
    'public',
    'large',
    [0, 1, 2, 3, 4, 5, 6],
    'flexitime part_time part_time_leadership job_sharing remote_work company_childcare emergency_care holiday_care parent_child_office care_leave care_counselling leave_contact return_programme part_time_training health_programme employee_counselling',
    'audit:2021 network:2016',
    'Mit rund 3.000 Beschäftigten die größte Arbeitgeberin der Stadt. Eltern-Kind-Büro im Rathaus, Ferienbetreuung für Kinder der Beschäftigten.',
  ],
  [
    'Familienzentrum Sonnenblume e. V.',
    'social',
    'small',
    [1],
    'flexitime part_time remote_work emergency_care leave_contact',
    '',
    'Familienzentrum mit Kita und Beratung. Kinder unserer Beschäftigten haben Vorrang bei freien Plätzen.',
  ],
  [
    'Lippe Logistik GmbH (Demo)',
    'logistics',
    'medium',
    [5],
    'part_time family_shifts care_leave health_programme',
    'network:2022',
    'Lager und Spedition mit 180 Beschäftigten. Schichtmodelle mit kurzen Schichten für Eltern.',
  ],
  [
    'Café am Kurpark (Demo)',
    'services',
    'micro',
    [0],
    'part_time family_shifts',
    '',
    'Café mit Frühstück und Kuchen. Wer Kinder hat, sucht sich die Schichten zuerst aus.',
  ],
  [
    'Medienwerkstatt Hamm (Demo)',
    'it',
    'small',
    [0],
    'flexitime part_time remote_work parent_child_office',
    '',
    'Agentur für Film und Web. Homeoffice ist bei uns die Regel, das Büro hat eine Spielecke.',
  ],
  [
    'Tischlerei Holzwurm (Demo)',
    'craft',
    'micro',
    [2],
    'flexitime part_time leave_contact part_time_training',
    '',
    'Tischlerei in dritter Generation. Ausbildung geht bei uns auch in Teilzeit.',
  ],
  [
    'Elektro Blitzblank GmbH (Demo)',
    'craft',
    'small',
    [3],
    'flexitime part_time family_shifts emergency_care',
    'other:Ausgezeichneter Ausbildungsbetrieb (Demo):2023',
    'Elektroinstallation mit 22 Beschäftigten. Wer morgens Kinder bringt, startet erst um neun.',
  ],
  [
    'Bäckerei Goldkruste (Demo)',
    'craft',
    'small',
    [5, 6],
    'part_time family_shifts holiday_care',
    '',
    'Bäckerei mit sechs Filialen. In den Ferien gibt es eine Backstube für Kinder unserer Beschäftigten.',
  ],
  [
    'Sanitär Wasserwerk (Demo)',
    'craft',
    'micro',
    [2],
    'part_time leave_contact',
    '',
    'Sanitär- und Heizungsbetrieb. Bereitschaftsdienste tauschen wir im Team, wenn ein Kind krank ist.',
  ],
  [
    'Dachdeckerei Hochhinaus (Demo)',
    'craft',
    'micro',
    [4],
    'flexitime family_shifts',
    '',
    'Dachdeckerei mit sechs Beschäftigten. Im Winter arbeiten wir kürzer und dafür im Sommer länger – wer möchte, plant Ferien mit.',
  ],
  [
    'Autohaus Lippetal (Demo)',
    'retail',
    'medium',
    [5],
    'part_time family_shifts care_leave health_programme',
    '',
    'Autohaus mit Werkstatt und 80 Beschäftigten. Teilzeit in Verkauf und Werkstatt.',
  ],
  [
    'Kfz-Werkstatt Schraubzieher (Demo)',
    'craft',
    'micro',
    [3],
    'flexitime part_time',
    '',
    'Freie Kfz-Werkstatt. Feste Feierabende um 16:30 Uhr, auch freitags.',
  ],
  [
    'Supermarkt Frischeck (Demo)',
    'retail',
    'medium',
    [1, 2],
    'part_time family_shifts leave_contact return_programme',
    '',
    'Lebensmittelmarkt mit zwei Filialen. Dienstpläne vier Wochen im Voraus.',
  ],
  [
    'Modehaus Am Markt (Demo)',
    'retail',
    'small',
    [0],
    'part_time job_sharing family_shifts',
    '',
    'Modegeschäft in der Innenstadt. Zwei Kolleginnen teilen sich die Filialleitung.',
  ],
  [
    'Stadtwerke {city} (Demo)',
    'services',
    'large',
    [0, 6],
    'flexitime part_time part_time_leadership remote_work company_childcare emergency_care care_leave leave_contact return_programme health_programme employee_counselling',
    'audit:2020 network:2018',
    'Energie, Wasser und Bus: 1.100 Beschäftigte, Belegplätze in zwei Kitas und ein Pflegelotse.',
  ],
  [
    'Sparkasse {city} (Demo)',
    'services',
    'large',
    [0, 1, 6],
    'flexitime part_time part_time_leadership job_sharing remote_work emergency_care care_leave care_counselling leave_contact return_programme health_programme',
    'audit:2022',
    'Regionale Bank mit 600 Beschäftigten. Führung in Teilzeit ist bei uns normal.',
  ],
  [
    'Volksbank an der Lippe (Demo)',
    'services',
    'medium',
    [0, 5],
    'flexitime part_time remote_work care_leave leave_contact',
    'network:2020',
    'Genossenschaftsbank mit 140 Beschäftigten. Mobiles Arbeiten an bis zu drei Tagen.',
  ],
  [
    'Softwarehaus Bitfluss (Demo)',
    'it',
    'small',
    [0],
    'flexitime part_time part_time_leadership remote_work parent_child_office employee_counselling',
    '',
    'Softwarefirma mit 30 Beschäftigten. Kernzeit nur von 10 bis 14 Uhr.',
  ],
  [
    'IT-Service Netzknoten (Demo)',
    'it',
    'micro',
    [2],
    'flexitime remote_work',
    '',
    'IT-Dienstleister für Praxen und Kanzleien. Wir arbeiten fast ganz von zu Hause.',
  ],
  [
    'Maschinenbau Zahnrad AG (Demo)',
    'industry',
    'large',
    [4],
    'part_time family_shifts company_childcare care_leave leave_contact return_programme part_time_training health_programme',
    'network:2017',
    'Maschinenbau mit 450 Beschäftigten. Belegplätze in der Kita neben dem Werk, Ausbildung in Teilzeit.',
  ],
  [
    'Drahtwerk Westfalen (Demo)',
    'industry',
    'large',
    [3, 4],
    'part_time family_shifts emergency_care care_leave health_programme employee_counselling',
    'audit:2024',
    'Drahtzieherei mit 700 Beschäftigten im Dreischichtbetrieb. Schichttausch per App, Notfallbetreuung über einen Partner.',
  ],
  [
    'Kunststofftechnik Formvoll (Demo)',
    'industry',
    'medium',
    [5],
    'part_time family_shifts leave_contact',
    '',
    'Kunststoffverarbeitung mit 90 Beschäftigten. Eltern arbeiten auf Wunsch nur in der Frühschicht.',
  ],
  [
    'Brauerei Lippequelle (Demo)',
    'industry',
    'small',
    [2],
    'flexitime part_time holiday_care',
    '',
    'Kleine Brauerei. In den Sommerferien gibt es ein Ferienprogramm für Kinder unserer Beschäftigten.',
  ],
  [
    'Spedition Kurzweg (Demo)',
    'logistics',
    'medium',
    [5],
    'part_time family_shifts care_leave',
    '',
    'Spedition mit 120 Beschäftigten. Nahverkehrstouren mit festen Feierabenden.',
  ],
  ['Kurierdienst Flinkfuß (Demo)', 'logistics', 'micro', [0], 'flexitime part_time', '', 'Fahrradkurier in der Innenstadt. Schichten ab zwei Stunden.'],
  [
    'Kita-Träger Kinderwelt e. V. (Demo)',
    'social',
    'medium',
    [1, 3, 6],
    'flexitime part_time company_childcare emergency_care leave_contact return_programme part_time_training',
    'other:Qualitätssiegel Kita (Demo):2022',
    'Träger von acht Kitas mit 160 Beschäftigten. Kinder unserer Beschäftigten bekommen einen Platz.',
  ],
  [
    'Seniorenzentrum Abendrot (Demo)',
    'care',
    'medium',
    [2],
    'part_time family_shifts emergency_care care_leave care_counselling leave_contact part_time_training health_programme',
    'network:2023',
    'Stationäre Pflege mit 110 Beschäftigten. Dienstplanwünsche von Eltern und pflegenden Angehörigen zuerst.',
  ],
  [
    'Tagespflege Lindenhof (Demo)',
    'care',
    'small',
    [6],
    'part_time family_shifts care_leave care_counselling',
    '',
    'Tagespflege für 24 Gäste. Wir arbeiten nur werktags von 7 bis 17 Uhr.',
  ],
  [
    'Volkshochschule {city} (Demo)',
    'social',
    'medium',
    [0],
    'flexitime part_time remote_work leave_contact return_programme',
    '',
    'Weiterbildung für alle. Kurse für Beschäftigte mit Kinderbetreuung.',
  ],
  [
    'Steuerkanzlei Soll & Haben (Demo)',
    'services',
    'small',
    [0],
    'flexitime part_time job_sharing remote_work parent_child_office',
    '',
    'Steuerberatung mit 18 Beschäftigten. Ein Eltern-Kind-Büro für Tage, an denen die Kita zu ist.',
  ],
  [
    'Apotheke am Bahnhof (Demo)',
    'health',
    'micro',
    [0],
    'part_time family_shifts',
    '',
    'Apotheke mit sieben Beschäftigten. Notdienste planen wir ein Jahr im Voraus.',
  ],
  [
    'Physiotherapie Bewegungsraum (Demo)',
    'health',
    'micro',
    [1],
    'flexitime part_time health_programme',
    '',
    'Praxis für Physiotherapie. Termine legen wir um die Zeiten unserer Therapeutinnen herum.',
  ],
  [
    'Gartenbau Grünzeug (Demo)',
    'craft',
    'small',
    [2, 3],
    'flexitime part_time holiday_care',
    '',
    'Garten- und Landschaftsbau mit 25 Beschäftigten. Im Sommer kürzere Tage für Eltern.',
  ],
  [
    'Reinigungsservice Glanzpunkt (Demo)',
    'services',
    'medium',
    [0, 4, 5],
    'part_time family_shifts leave_contact',
    '',
    'Gebäudereinigung mit 200 Beschäftigten, die meisten in Teilzeit. Einsätze in der Nähe des Wohnorts.',
  ],
];

/** Profiles whose measures were last confirmed 14 months ago (the demo shows "unbestätigt"). */
const unconfirmedDemo = new Set(['Kunststofftechnik Formvoll (Demo)', 'Kurierdienst Flinkfuß (Demo)']);

const certificatesOf = (text: string): EmployerCertificate[] =>
  text
    .split(/ (?=audit:|network:|other:)/)
    .filter(Boolean)
    .map((part) => {
      const [kind, ...rest] = part.split(':');
      const year = Number(rest.pop());
      return kind === 'other' ? { kind: 'other', name: rest.join(':'), year } : { kind: kind as 'audit' | 'network', year };
    });

interface DemoPlace {
  employer: string;
  kind: PlaceKind;
  title: string;
  occupation: string;
  field: PlaceField;
  partTime: boolean;
  months: number;
  description: string;
}

/** Places beyond those of the places module's demo. */
const morePlaces: DemoPlace[] = [
  {
    employer: 'St.-Marien-Hospital (Demo)',
    kind: 'apprenticeship',
    title: 'Ausbildung Medizinische/r Fachangestellte/r',
    occupation: 'Medizinische/r Fachangestellte/r',
    field: 'health',
    partTime: true,
    months: 7,
    description: 'Drei Jahre in Ambulanz, Labor und Verwaltung des Krankenhauses. Teilzeit in der Ausbildung ist möglich.',
  },
  {
    employer: 'Evangelisches Krankenhaus am Kurpark (Demo)',
    kind: 'internship',
    title: 'Praktikum in der Geriatrie',
    occupation: 'Pflegefachmann/-frau',
    field: 'health',
    partTime: false,
    months: 2,
    description: 'Zwei Wochen auf einer Station für ältere Menschen.',
  },
  {
    employer: 'Stadtverwaltung {city} (Demo)',
    kind: 'apprenticeship',
    title: 'Ausbildung Fachinformatiker/in in der Stadtverwaltung',
    occupation: 'Fachinformatiker/in',
    field: 'it',
    partTime: true,
    months: 8,
    description: 'Du betreust Rechner, Netze und Fachverfahren der Stadt. Gleitzeit von Anfang an.',
  },
  {
    employer: 'Stadtwerke {city} (Demo)',
    kind: 'apprenticeship',
    title: 'Ausbildung Elektroniker/in für Betriebstechnik',
    occupation: 'Elektroniker/in für Betriebstechnik',
    field: 'craft',
    partTime: false,
    months: 8,
    description: 'Strom, Wasser, Busdepot: Du lernst die Technik der Stadtwerke kennen.',
  },
  {
    employer: 'Tischlerei Holzwurm (Demo)',
    kind: 'apprenticeship',
    title: 'Ausbildung Tischler/in (auch in Teilzeit)',
    occupation: 'Tischler/in',
    field: 'craft',
    partTime: true,
    months: 8,
    description: 'Möbel, Türen und Treppen aus Holz. Die Ausbildung geht auch in Teilzeit, zum Beispiel mit Kind.',
  },
  {
    employer: 'Elektro Blitzblank GmbH (Demo)',
    kind: 'apprenticeship',
    title: 'Ausbildung Elektroniker/in Energie- und Gebäudetechnik',
    occupation: 'Elektroniker/in',
    field: 'craft',
    partTime: false,
    months: 8,
    description: 'Du installierst Licht, Strom und Solaranlagen in Häusern in ganz Hamm.',
  },
  {
    employer: 'Maschinenbau Zahnrad AG (Demo)',
    kind: 'dual_study',
    title: 'Duales Studium Maschinenbau',
    occupation: 'Ingenieur/in Maschinenbau',
    field: 'craft',
    partTime: false,
    months: 9,
    description: 'Studium an der Hochschule und Praxis im Werk, mit Belegplatz in der Kita nebenan, wenn du ihn brauchst.',
  },
  {
    employer: 'Seniorenzentrum Abendrot (Demo)',
    kind: 'apprenticeship',
    title: 'Ausbildung Pflegefachfrau / Pflegefachmann in der Altenpflege',
    occupation: 'Pflegefachmann/-frau',
    field: 'health',
    partTime: true,
    months: 8,
    description: 'Drei Jahre Ausbildung in der stationären Pflege, auch in Teilzeit.',
  },
  {
    employer: 'Supermarkt Frischeck (Demo)',
    kind: 'apprenticeship',
    title: 'Ausbildung Kauffrau / Kaufmann im Einzelhandel',
    occupation: 'Kaufmann/-frau im Einzelhandel',
    field: 'office',
    partTime: false,
    months: 8,
    description: 'Ware, Kasse, Kundschaft: Du lernst alles, was ein Markt braucht.',
  },
  {
    employer: 'Softwarehaus Bitfluss (Demo)',
    kind: 'internship',
    title: 'Praktikum Softwareentwicklung',
    occupation: 'Fachinformatiker/in',
    field: 'it',
    partTime: false,
    months: 3,
    description: 'Drei Wochen im Team: Du baust mit an einer echten App.',
  },
];

interface DemoStory {
  slug: string;
  title: string;
  employer: string;
  sector: EmployerSector;
  measures: Measure[];
  problem: string;
  solution: string;
  cost: string;
  effect: string;
  contact: [string, string, string];
}

const stories: DemoStory[] = [
  {
    slug: 'notfallbetreuung-der-kliniken',
    title: 'Die Kliniken der Stadt teilen sich eine Notfallbetreuung',
    employer: 'Klinikum Lippeaue (Demo)',
    sector: 'health',
    measures: ['emergency_care', 'family_shifts', 'company_childcare'],
    problem:
      'Frühdienst um 6 Uhr, die Kita öffnet um 7, und wenn die Tagesmutter krank wird, fehlt eine Pflegekraft auf Station. Jede der drei Kliniken hatte das Problem, keine konnte allein eine Notfallbetreuung bezahlen.',
    solution:
      'Mit dem Familienbüro und der Wirtschaftsförderung haben sich die drei Krankenhäuser zusammengetan: Ein Träger betreut Kinder von 5:30 bis 22 Uhr im Notfall, in einem Raum neben dem Klinikum oder zu Hause. Die Dienstplanung fragt Betreuungszeiten ab, bevor sie plant.',
    cost: 'Rund 60.000 Euro im Jahr, nach Beschäftigten auf die drei Kliniken verteilt; die Stadt hat den Start im ersten Jahr mit 10.000 Euro unterstützt.',
    effect:
      'Im ersten Jahr wurde die Notfallbetreuung 310-mal genutzt; kurzfristige Ausfälle im Frühdienst gingen um ein Drittel zurück. Zwei Pflegekräfte sind aus der Elternzeit früher zurückgekommen als geplant.',
    contact: ['Frau Beispiel (Demo), Personalabteilung Klinikum Lippeaue', 'vereinbarkeit@klinikum-lippeaue.example', '02381 200150'],
  },
  {
    slug: 'vier-tage-woche-im-malerbetrieb',
    title: 'Vier-Tage-Woche im Malerbetrieb',
    employer: 'Malerbetrieb Farbenfroh GmbH (Demo)',
    sector: 'craft',
    measures: ['flexitime', 'part_time', 'family_shifts'],
    problem:
      'Zwei Gesellen mit kleinen Kindern wollten kündigen, weil Baustellen quer durch die Stadt lange Tage bedeuteten. Neue Fachkräfte waren nicht zu finden.',
    solution:
      'Wer möchte, arbeitet an vier Tagen je 9,5 Stunden und hat einen festen freien Tag. Baustellen werden so geplant, dass Teams in ihrem Stadtbezirk bleiben.',
    cost: 'Kein Geld, aber ein halbes Jahr Umstellung in der Planung; ein zusätzlicher Transporter für die Teams (gebraucht, 18.000 Euro).',
    effect: 'Niemand hat gekündigt, und es gab zum ersten Mal seit Jahren zwei Bewerbungen auf die Ausbildung. Die Krankentage sind gesunken.',
    contact: ['Meister Probe (Demo)', 'info@farbenfroh.example', '02381 300200'],
  },
  {
    slug: 'wunschbuch-im-pflegedienst',
    title: 'Das Wunschbuch im Pflegedienst',
    employer: 'Pflegedienst Westring (Demo)',
    sector: 'care',
    measures: ['family_shifts', 'care_leave', 'emergency_care'],
    problem: 'Touren wurden kurzfristig geändert, Eltern und pflegende Angehörige wussten oft erst am Vortag, wann sie arbeiten.',
    solution:
      'Ein Wunschbuch für die nächsten acht Wochen: Wer Kinder oder Angehörige betreut, trägt zuerst ein. Springerinnen fangen kurzfristige Ausfälle auf; für Notfälle gibt es eine Absprache mit einer Tagesmutter in der Nähe.',
    cost: 'Eine halbe Stelle mehr für Springerdienste (etwa 25.000 Euro im Jahr).',
    effect: 'Weniger Überstunden, und zwei Kolleginnen sind nach der Elternzeit mit mehr Stunden zurückgekommen als vorher.',
    contact: ['Frau Fiktiv (Demo), Pflegedienstleitung', 'team@pflegedienst-westring.example', '02381 400300'],
  },
];

/** A stable id per demo place, so a second seed finds it again. */
const demoId = (key: string) => {
  const h = createHash('sha1').update(`employers-demo:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

export async function seedEmployersDemo(deps: Pick<AppDeps, 'db' | 'city'>): Promise<boolean> {
  const { db, city } = deps;
  if (await db.selectFrom('employer_profiles').select('organization_id').limit(1).executeTakeFirst()) return false;
  const today = todayIn(new Date());
  const named = (name: string) => name.replace('{city}', city.name);
  await db.transaction().execute(async (trx) => {
    const ids = new Map<string, string>();
    for (const [raw, sector, size, districts, measures, certificates, summary] of employers) {
      const name = named(raw);
      const found = await trx.selectFrom('organizations').select('id').where('name', '=', name).executeTakeFirst();
      const org =
        found ??
        (await trx
          .insertInto('organizations')
          .values({ name, kind: sector === 'public' ? 'city' : 'provider' })
          .returning('id')
          .executeTakeFirstOrThrow());
      ids.set(raw, org.id);
      const slug = name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
      const data: EmployerData = {
        name,
        sector,
        size,
        districts: districts.map((i) => city.districts[i % city.districts.length]!).filter((d, i, all) => all.indexOf(d) === i),
        summary,
        measures: inCatalogueOrder(measures.split(' ')),
        certificates: certificatesOf(certificates),
        website: `https://${slug}.example`,
        logo_id: null,
        contact_name: size === 'micro' ? null : 'Personalabteilung (Demo)',
        contact_email: `familie@${slug}.example`,
        contact_phone: null,
      };
      const confirmed = unconfirmedDemo.has(raw) ? (addMonths(today, -14) ?? today) : addDays(today, -((data.name.length * 7) % 200));
      await trx
        .insertInto('employer_profiles')
        .values({
          organization_id: org.id,
          sector: data.sector,
          size: data.size,
          districts: data.districts,
          summary: data.summary,
          measures: data.measures,
          certificates: JSON.stringify(data.certificates),
          website: data.website,
          contact_name: data.contact_name,
          contact_email: data.contact_email,
          contact_phone: data.contact_phone,
          measures_confirmed_on: confirmed,
        })
        .execute();
      // The first version, as if it had been reviewed: the history starts here.
      await trx
        .insertInto('revisions')
        .values({
          entity_type: 'employer',
          entity_id: org.id,
          organization_id: org.id,
          version: 1,
          status: 'published',
          data: JSON.stringify(data),
          author_id: null,
        })
        .execute();
    }
    for (const [n, p] of morePlaces.entries()) {
      const organizationId = ids.get(p.employer)!;
      const id = demoId(`${p.employer}:${p.title}`);
      const start = addMonths(`${today.slice(0, 7)}-01`, p.months) ?? today;
      const place = {
        id,
        kind: p.kind,
        title: p.title,
        occupation: p.occupation,
        field: p.field,
        certificate: p.kind === 'dual_study' ? ('abitur' as const) : ('hauptschule' as const),
        start_date: start,
        part_time: p.partTime,
        positions: 1 + (n % 3),
        description: p.description,
        how_to_apply: 'Schick uns deinen Lebenslauf und dein letztes Zeugnis per E-Mail.',
        district: city.districts[n % city.districts.length] ?? null,
        contact_name: null,
        contact_email: `ausbildung-${n + 1}@arbeitgeber.example`,
        contact_phone: null,
      };
      await trx
        .insertInto('places')
        .values({ ...place, organization_id: organizationId })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      await trx
        .insertInto('revisions')
        .values({
          entity_type: 'place',
          entity_id: id,
          organization_id: organizationId,
          version: 1,
          status: 'published',
          data: JSON.stringify(place),
          author_id: null,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    for (const s of stories) {
      await trx
        .insertInto('employer_stories')
        .values({
          slug: s.slug,
          title: s.title,
          organization_id: ids.get(s.employer) ?? null,
          sector: s.sector,
          measures: s.measures,
          problem: s.problem,
          solution: s.solution,
          cost: s.cost,
          effect: s.effect,
          contact_name: s.contact[0],
          contact_email: s.contact[1],
          contact_phone: s.contact[2],
        })
        .execute();
    }
  });
  return true;
}
