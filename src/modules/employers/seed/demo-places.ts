import type { PlaceField, PlaceKind } from '../../../db/tables/places.js';

export interface DemoPlace {
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
export const morePlaces: DemoPlace[] = [
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
