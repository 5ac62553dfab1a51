import type { AppDeps } from '../../../platform/deps.js';
import { addDays, todayIn } from '../../../platform/time/berlin.js';
import { seedNetworkDemo, sharedGroups } from '../../network/index.js';
import { demoIdeaId } from '../ideas.seed.js';
import type { RoadmapInitiative } from './roadmap-csv.js';

type Demo = Omit<RoadmapInitiative, 'milestones'> & {
  milestones: [title: string, plannedDaysFromToday: number, reached: boolean][];
  ideas?: string[];
  links?: { kind: 'survey' | 'council'; url: string; label: string }[];
};

/** The seed's initiatives (fictional details): the city's family policy as a roadmap. */
const demoInitiatives: Demo[] = [
  {
    slug: 'familienrathaus',
    title: 'Familienrathaus: alle Angebote für Familien an einem Ort',
    goal: 'Familien finden alle Angebote, Termine und Ansprechpersonen der Stadt an einem Ort, in ihrer Sprache, und können mitreden.',
    topic: 'beratung',
    marks: ['gestaltbar', 'sichtbar'],
    office: 'Familienbüro',
    workingGroup: 'Lenkungsgruppe Bündnis für Familie',
    status: 'in_progress',
    budget: '180.000 € (2025–2027)',
    milestones: [
      ['Bedarfe der Familien erhoben (Familienbefragung)', -700, true],
      ['Angebotsverzeichnis und Veranstaltungskalender online', -200, true],
      ['Ideen und Anliegen online', -10, true],
      ['Netzwerkbereich für das Bündnis', 60, false],
      ['Jugendberufsagentur mit Terminbuchung', 150, false],
    ],
    ideas: ['beratung-2', 'sonstiges-0'],
    links: [
      {
        kind: 'survey',
        url: '/mitmachen/befragung/familienfreundliches-hamm/ergebnisse',
        label: 'Ergebnisse der Befragung „Wie familienfreundlich ist Hamm?“',
      },
    ],
  },
  {
    slug: 'jugendberufsagentur',
    title: 'Ausbau der Jugendberufsagentur',
    goal: 'Junge Menschen bekommen Beratung zu Schule, Ausbildung und Beruf aus einer Hand – auch in den Stadtbezirken.',
    topic: 'schule',
    marks: ['spuerbar'],
    office: 'Amt für Schule und Bildung mit Agentur für Arbeit und Jobcenter',
    workingGroup: 'AG Übergang Schule–Beruf',
    status: 'preparing',
    budget: null,
    milestones: [
      ['Kooperationsvereinbarung unterzeichnet', -120, true],
      ['Beratung in zwei Stadtbezirken', 90, false],
      ['Online-Terminbuchung', 200, false],
    ],
  },
  {
    slug: 'familienbefragung-2021',
    title: 'Stadtweite Familienbefragung (Dezember 2021 bis Januar 2022)',
    goal: 'Die Stadt fragt alle Familien, was gut läuft und was fehlt, und richtet ihre Familienpolitik danach aus.',
    topic: 'sonstiges',
    marks: ['gestaltbar', 'sichtbar'],
    office: 'Familienbüro mit der Statistikstelle',
    workingGroup: null,
    status: 'done',
    budget: '25.000 €',
    milestones: [
      ['Fragebogen mit Familien und Trägern entwickelt', -1500, true],
      ['Befragung gelaufen (Dezember 2021 bis Januar 2022)', -1420, true],
      ['Ergebnisse veröffentlicht', -1300, true],
    ],
    links: [{ kind: 'survey', url: '/mitmachen/befragung/familienfreundliches-hamm/ergebnisse', label: 'Ergebnisse der Befragung' }],
  },
  {
    slug: 'familienbeirat',
    title: 'Familienbeirat',
    goal: 'Eltern und Jugendliche beraten die Stadt regelmäßig in einem eigenen Gremium und bringen Anliegen direkt in die Politik.',
    topic: 'beratung',
    marks: ['gestaltbar'],
    office: 'Familienbüro',
    workingGroup: 'AG Beteiligung',
    status: 'in_progress',
    budget: null,
    milestones: [
      ['Satzung beschlossen', -300, true],
      ['Mitglieder gewählt', -120, true],
      ['Erste Empfehlungen an den Rat', 45, false],
    ],
    links: [{ kind: 'council', url: '/mitmachen/familienbeirat', label: 'Familienbeirat: Termine und Ergebnisse' }],
  },
  {
    slug: 'schattige-spielplaetze',
    title: 'Schattige Spielplätze',
    goal: 'Die zehn meistbesuchten Spielplätze bekommen Sonnensegel oder neue Bäume, damit Kinder auch im Sommer draußen spielen können.',
    topic: 'spielen-sport',
    marks: ['spuerbar'],
    office: 'Tiefbau- und Grünflächenamt',
    workingGroup: null,
    status: 'in_progress',
    budget: '240.000 €',
    milestones: [
      ['Spielplätze ausgewählt', -60, true],
      ['Sonnensegel an fünf Spielplätzen', 30, false],
      ['Bäume an weiteren fünf Spielplätzen gepflanzt', 180, false],
    ],
    ideas: ['spielen-sport-0', 'spielen-sport-5'],
  },
  {
    slug: 'sichere-schulwege',
    title: 'Sichere Schulwege',
    goal: 'Jede Grundschule bekommt einen Schulwegplan; gefährliche Stellen werden entschärft.',
    topic: 'wege',
    marks: ['sichtbar', 'spuerbar'],
    office: 'Tiefbau- und Grünflächenamt, Verkehrsplanung',
    workingGroup: 'AG Mobilität von Familien',
    status: 'planned',
    budget: null,
    milestones: [
      ['Gefahrenstellen mit Schulen erfasst', 40, false],
      ['Schulwegpläne für alle Grundschulen', 250, false],
    ],
    ideas: ['wege-0', 'wege-4'],
  },
  {
    slug: 'kita-plaetze-u3',
    title: 'Mehr Kita-Plätze für Kinder unter drei Jahren',
    goal: '300 zusätzliche Plätze für Kinder unter drei Jahren bis 2028, zuerst in den Bezirken mit den längsten Wartelisten.',
    topic: 'kinderbetreuung',
    marks: ['spuerbar'],
    office: 'Jugendamt, Abteilung Kindertagesbetreuung',
    workingGroup: null,
    status: 'paused',
    budget: '4,2 Mio. € (Landesmittel beantragt)',
    milestones: [
      ['Bedarfsplanung beschlossen', -400, true],
      ['Förderbescheid des Landes', 120, false],
    ],
    ideas: ['kinderbetreuung-0'],
  },
];

/** Which demo initiative the network's demo groups work on (slugs of `network.seed.ts`). */
const demoNetworkGroups: Record<string, string> = {
  familienrathaus: 'lenkungsgruppe',
  jugendberufsagentur: 'vereinbarkeit',
  familienbeirat: 'lenkungsgruppe',
  'schattige-spielplaetze': 'mobilitaet-spielraeume',
  'sichere-schulwege': 'mobilitaet-spielraeume',
  'kita-plaetze-u3': 'kinderbetreuung',
};

/** The roadmap's demo initiatives with milestones, links to ideas and survey results; idempotent. */
export async function seedInitiativesDemo(deps: AppDeps): Promise<boolean> {
  const { db } = deps;
  if (await db.selectFrom('initiatives').select('id').where('slug', '=', 'familienrathaus').executeTakeFirst()) return false;
  const today = todayIn();
  // The working groups are real groups of the network: its demo first (idempotent), then linked by slug.
  await seedNetworkDemo(deps);
  const groups = await sharedGroups.bySlugs(db, Object.values(demoNetworkGroups));
  await db.transaction().execute(async (trx) => {
    for (const d of demoInitiatives) {
      const group = groups.get(demoNetworkGroups[d.slug] ?? '');
      const { id } = await trx
        .insertInto('initiatives')
        .values({
          slug: d.slug,
          title: d.title,
          goal: d.goal,
          topic: d.topic,
          marks: d.marks,
          office: d.office,
          working_group: group ? null : d.workingGroup,
          network_group_id: group?.id ?? null,
          status: d.status,
          budget: d.budget,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('initiative_milestones')
        .values(
          d.milestones.map(([title, days, reached], i) => ({
            initiative_id: id,
            position: i + 1,
            title,
            planned_on: addDays(today, days),
            reached_on: reached ? addDays(today, days + 5 > 0 ? days : days + 5) : null,
          })),
        )
        .execute();
      for (const idea of d.ideas ?? []) {
        const ideaId = demoIdeaId(idea);
        if (await trx.selectFrom('ideas').select('id').where('id', '=', ideaId).executeTakeFirst())
          await trx.insertInto('initiative_links').values({ initiative_id: id, kind: 'idea', idea_id: ideaId }).execute();
      }
      for (const link of d.links ?? [])
        await trx.insertInto('initiative_links').values({ initiative_id: id, kind: link.kind, url: link.url, label: link.label }).execute();
      await trx
        .insertInto('initiative_history')
        .values({ initiative_id: id, actor_id: null, changes: JSON.stringify({ fields: ['created'], status: d.status }) })
        .execute();
    }
  });
  return true;
}
