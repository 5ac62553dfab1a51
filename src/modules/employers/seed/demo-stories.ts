import type { EmployerSector } from '../../../db/tables/employers.js';
import type { Measure } from '../employers.catalogue.js';

/** Three fictional good-practice stories, among them the hospitals' shared emergency childcare. */
export interface DemoStory {
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

export const demoStories: DemoStory[] = [
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
