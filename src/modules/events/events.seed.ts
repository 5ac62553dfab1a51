import { createHash } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.js';
import { demoOrganizers, type DemoOrganizer, type DemoVenue } from '../directory/index.js';
import { addDays, todayIn, weekdayOf } from '../../platform/time/berlin.js';
import type { CategoryCode } from './events.categories.js';
import { rowValues, type EventInput } from './events.model.js';
import { analyzeEvents, insertOccurrences } from './events.repository.js';
import type { RecurrenceRule } from './recurrence.js';

/** Stable UUID from a name, so the seed recognises its own rows. */
export function demoId(name: string): string {
  const h = createHash('sha1').update(`familienrathaus-events:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A small seeded random generator (mulberry32): the same demo data on every start of a day. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!,
  };
}

/**
 * `organizers` are the directory's service templates whose providers plausibly run the event (a
 * swimming afternoon at a pool or swimming club, never at a paediatric practice); none: a
 * neighbourhood event in the district's community hall.
 */
interface EventTemplate {
  title: string;
  text: string;
  category: CategoryCode;
  ages: [number | null, number | null];
  free: boolean;
  allDay?: boolean;
  hours?: number;
  organizers: string[];
}

const templates: EventTemplate[] = [
  {
    title: 'Bewegungsbaustelle in der Turnhalle',
    text: 'Klettern, balancieren, rutschen: eine große Bewegungslandschaft für kleine Entdeckerinnen und Entdecker. Bitte Turnschuhe oder Stoppersocken mitbringen.',
    category: 'sport',
    ages: [2, 6],
    free: true,
    organizers: ['kinderturnen', 'eltern-kind-turnen'],
  },
  {
    title: 'Kinderflohmarkt',
    text: 'Kinder verkaufen Spielzeug, Bücher und Kleidung. Standanmeldung im Familienzentrum.',
    category: 'fest',
    ages: [null, null],
    free: true,
    hours: 4,
    organizers: ['familienzentrum'],
  },
  {
    title: 'Vorlesestunde: Bilderbuchkino',
    text: 'Ein Bilderbuch groß an der Wand, vorgelesen von Lesepatinnen. Danach malen wir zur Geschichte.',
    category: 'lesen',
    ages: [3, 7],
    free: true,
    hours: 1,
    organizers: ['bilderbuchkino'],
  },
  {
    title: 'Familienwanderung an der Lippe',
    text: 'Eine leichte Wanderung von etwa 5 km mit Spielpausen. Kinderwagen-tauglich. Treffpunkt am Eingang.',
    category: 'natur',
    ages: [null, null],
    free: true,
    hours: 3,
    organizers: ['familienzentrum', 'vaeter-kind-treff'],
  },
  {
    title: 'Theater für Kinder: Der kleine Drache',
    text: 'Ein Figurentheater über Mut und Freundschaft, etwa 45 Minuten.',
    category: 'kultur',
    ages: [4, 10],
    free: false,
    organizers: ['bibliothek', 'theater'],
  },
  {
    title: 'Trommelworkshop für Eltern und Kinder',
    text: 'Gemeinsam Rhythmen entdecken. Trommeln werden gestellt.',
    category: 'musik',
    ages: [5, 12],
    free: false,
    hours: 2,
    organizers: ['instrumentalunterricht'],
  },
  {
    title: 'Basteln mit Naturmaterialien',
    text: 'Aus Blättern, Zapfen und Ästen entstehen kleine Kunstwerke. Material ist vorhanden.',
    category: 'kreativ',
    ages: [4, 10],
    free: true,
    hours: 2,
    organizers: ['familienzentrum', 'malen', 'waldkita'],
  },
  {
    title: 'Elterncafé: Schlafen lernen',
    text: 'Austausch bei Kaffee und Tee, mit einer Fachkraft der Familienberatung. Kinder dürfen mitkommen.',
    category: 'bildung',
    ages: [0, 3],
    free: true,
    hours: 2,
    organizers: ['familiencafe', 'fruehe-hilfen'],
  },
  {
    title: 'Babymassage-Kurs',
    text: 'Sanfte Massage für Babys ab sechs Wochen, mit Hebamme. Bitte eine Decke und ein Handtuch mitbringen.',
    category: 'baby',
    ages: [0, 1],
    free: false,
    hours: 1,
    organizers: ['babymassage'],
  },
  {
    title: 'Jugendtreff: Spieleabend',
    text: 'Brettspiele, Konsole und Snacks im Jugendzentrum.',
    category: 'jugend',
    ages: [12, 17],
    free: true,
    hours: 3,
    organizers: ['jugendzentrum'],
  },
  {
    title: 'Kinderdisco',
    text: 'Tanzen, Spiele und Musik zum Mitsingen.',
    category: 'musik',
    ages: [4, 10],
    free: true,
    hours: 2,
    organizers: ['kindertanz', 'familienzentrum'],
  },
  {
    title: 'Schwimmen für Familien',
    text: 'Das Lehrschwimmbecken ist nur für Familien geöffnet. Schwimmhilfen sind vorhanden.',
    category: 'sport',
    ages: [null, null],
    free: false,
    hours: 2,
    organizers: ['familienschwimmen', 'schwimmkurs'],
  },
  {
    title: 'Stadtteilfest',
    text: 'Spiel- und Mitmachstände, Hüpfburg, Kinderschminken und Musik für die ganze Familie.',
    category: 'fest',
    ages: [null, null],
    free: true,
    allDay: true,
    organizers: [],
  },
  {
    title: 'Naturforscher im Wald',
    text: 'Mit Becherlupe und Bestimmungsbuch Tiere und Pflanzen entdecken. Wetterfeste Kleidung mitbringen.',
    category: 'natur',
    ages: [4, 8],
    free: true,
    hours: 2,
    organizers: ['waldkita'],
  },
  {
    title: 'Mal- und Zeichenwerkstatt',
    text: 'Freies Malen mit Acryl, Kreide und Wasserfarben, begleitet von einer Künstlerin.',
    category: 'kreativ',
    ages: [6, 14],
    free: false,
    hours: 2,
    organizers: ['malen'],
  },
  {
    title: 'Informationsabend: Der Weg in die Kita',
    text: 'Wie finde ich einen Kitaplatz? Das Jugendamt erklärt Anmeldung, Fristen und Kosten.',
    category: 'bildung',
    ages: [null, null],
    free: true,
    hours: 2,
    organizers: ['kita-anmeldung'],
  },
  {
    title: 'Krabbelgruppe',
    text: 'Spielen, singen und andere Eltern kennenlernen.',
    category: 'baby',
    ages: [0, 2],
    free: true,
    hours: 2,
    organizers: ['eltern-kind-gruppe', 'baby-spielgruppe'],
  },
  {
    title: 'Lesenacht in der Bibliothek',
    text: 'Mit Taschenlampe und Schlafsack zwischen den Regalen: Geschichten bis in die Nacht.',
    category: 'lesen',
    ages: [8, 12],
    free: false,
    hours: 3,
    organizers: ['bibliothek'],
  },
  {
    title: 'Fußball-Schnuppertraining',
    text: 'Offenes Training für Mädchen und Jungen, ohne Vereinsmitgliedschaft.',
    category: 'sport',
    ages: [6, 12],
    free: true,
    hours: 1,
    organizers: ['fussball'],
  },
  {
    title: 'Weihnachtsbasteln',
    text: 'Sterne, Karten und kleine Geschenke basteln.',
    category: 'kreativ',
    ages: [4, 12],
    free: true,
    hours: 2,
    organizers: ['familienzentrum', 'malen'],
  },
];

/** Where the neighbourhood events of a district take place: one invented hall, one address each. */
function communityHall(district: string, index: number): DemoVenue {
  return { id: '', name: `Bürgerhaus ${district}`, district, street: `Am Bürgerhaus ${index + 1}`, postalCode: postalCodeOf(district) };
}

const postalCodeOf = (district: string) =>
  ({ 'Hamm-Mitte': '59065', Uentrop: '59071', Rhynern: '59069', Pelkum: '59077', Herringen: '59077', 'Bockum-Hövel': '59075', Heessen: '59073' })[district] ??
  '59065';

export interface DemoEvent {
  id: string;
  /** The organising demo organisation's name (its id is looked up when seeding); null for neighbourhood events. */
  organizer: string | null;
  venue: DemoVenue;
  input: EventInput;
  exceptions: { date: string; kind: 'excluded' | 'override'; status: 'cancelled' | null; note: string }[];
}

/**
 * Builds the demo events (pure): about 220 over the next 90 days from `today`, some repeating,
 * some cancelled, each at one of its organiser's places (preferably in the next district in turn).
 */
export function buildDemoEvents(options: { today: string; districts: readonly string[]; organizers: readonly DemoOrganizer[]; count?: number }): DemoEvent[] {
  const r = random(20261125);
  const count = options.count ?? 224;
  const events: DemoEvent[] = [];
  for (let i = 0; i < count; i++) {
    const template = templates[i % templates.length]!;
    const wanted = options.districts[i % options.districts.length]!;
    const hosts = options.organizers
      .filter((o) => o.offers.some((offer) => template.organizers.includes(offer.key)))
      .flatMap((o) => o.venues.map((venue) => ({ organizer: o.name, venue })));
    const nearby = hosts.filter((h) => h.venue.district === wanted);
    const host = hosts.length ? r.pick(nearby.length ? nearby : hosts) : { organizer: null, venue: communityHall(wanted, options.districts.indexOf(wanted)) };
    const { venue } = host;
    const startDate = addDays(options.today, r.int(0, 88));
    const hour = r.int(9, 18);
    const startTime = `${String(hour).padStart(2, '0')}:${r.next() < 0.5 ? '00' : '30'}`;
    const hours = template.hours ?? 2;
    const endTime = `${String(Math.min(hour + hours, 23)).padStart(2, '0')}:${startTime.slice(3)}`;
    let rule: RecurrenceRule | null = null;
    const kind = i % 10;
    if (kind === 3) rule = { freq: 'weekly', interval: 1, byWeekday: [weekdayOf(startDate)], until: null, count: r.int(4, 10) };
    else if (kind === 7) rule = { freq: 'weekly', interval: 2, byWeekday: [], until: addDays(startDate, r.int(30, 80)), count: null };
    else if (i % 40 === 11) rule = { freq: 'daily', interval: 1, byWeekday: [], until: null, count: 5 };
    else if (i % 40 === 21) rule = { freq: 'monthly', interval: 1, byWeekday: [], until: null, count: 3 };
    const status = i % 29 === 5 ? 'cancelled' : i % 47 === 9 ? 'postponed' : 'scheduled';
    const price = template.free ? null : r.pick([300, 450, 500, 800, 1200]);
    const input: EventInput = {
      organizationId: null,
      title: template.title,
      description: template.text,
      timing: template.allDay
        ? { allDay: true, startDate, startTime: null, endDate: r.next() < 0.3 ? addDays(startDate, 1) : startDate, endTime: null }
        : { allDay: false, startDate, startTime, endDate: startDate, endTime },
      rule: template.allDay ? null : rule,
      excludedDates: [],
      // The seed swaps the address for the directory location when that is there.
      locationId: null,
      placeName: venue.name,
      street: venue.street,
      postalCode: venue.postalCode,
      locality: 'Hamm',
      district: venue.district,
      minAge: template.ages[0],
      maxAge: template.ages[1],
      free: template.free,
      priceCents: price,
      reducedPriceCents: price ? Math.round(price / 2) : null,
      registrationRequired: !template.free || r.next() < 0.2,
      // "Beim Veranstalter" only where there is one: the page shows its phone and email.
      registrationHow: template.free
        ? ''
        : host.organizer
          ? 'Telefonisch oder per E-Mail beim Veranstalter.'
          : 'An der Kasse vor Ort, solange Plätze frei sind.',
      registrationUntil: !template.free && startDate > options.today ? addDays(startDate, -1) : null,
      barrierFree: r.next() < 0.55,
      signLanguage: r.next() < 0.08,
      easyLanguage: r.next() < 0.2,
      quietSpace: r.next() < 0.15,
      categories: [template.category],
      imageId: null,
      imageAlt: null,
      status,
      statusNote:
        status === 'cancelled' ? 'Fällt wegen Erkrankung der Kursleitung aus.' : status === 'postponed' ? 'Wird verschoben; der neue Termin folgt.' : '',
    };
    const exceptions: DemoEvent['exceptions'] = [];
    // Every third repeating event loses one date, and cancels another one on its own.
    if (input.rule && i % 3 === 0 && input.rule.freq === 'weekly') {
      const step = 7 * input.rule.interval;
      exceptions.push({ date: addDays(startDate, step), kind: 'excluded', status: null, note: '' });
      exceptions.push({ date: addDays(startDate, 2 * step), kind: 'override', status: 'cancelled', note: 'Dieser Termin fällt aus (Ferien der Einrichtung).' });
    }
    events.push({ id: demoId(`event-${i}`), organizer: host.organizer, venue, input, exceptions });
  }
  return [...events, ...careerEvents(options.today, options.organizers)];
}

/** KAoA dates of the Jugendberufsagentur (category "beruf"): they show on the young people's school-to-work page. */
const careerTemplates: { title: string; text: string; days: number; start: string; end: string; ages: [number | null, number | null] }[] = [
  {
    title: 'Elternabend: Berufsorientierung in der Schule (KAoA)',
    text: 'Was passiert in Klasse 8 bis 10? Potenzialanalyse, Berufsfelderkundung, Praktikum: Die Berufsberatung erklärt die Schritte und beantwortet Fragen.',
    days: 12,
    start: '18:30',
    end: '20:00',
    ages: [null, null],
  },
  {
    title: 'Ausbildungsbörse Hamm: Betriebe stellen sich vor',
    text: 'Über 40 Betriebe aus Hamm zeigen ihre Ausbildungsberufe und dualen Studiengänge. Bring deinen Lebenslauf mit – manche führen gleich erste Gespräche.',
    days: 20,
    start: '10:00',
    end: '15:00',
    ages: [14, 25],
  },
  {
    title: 'Berufsfelderkundung: Tag der offenen Werkstatt',
    text: 'Einen Tag in Werkstätten, Praxen und Büros reinschnuppern. Anmeldung über deine Schule.',
    days: 30,
    start: '08:00',
    end: '13:00',
    ages: [13, 16],
  },
  {
    title: 'Bewerbungstraining für Schülerinnen und Schüler',
    text: 'Anschreiben, Lebenslauf, Vorstellungsgespräch: Wir üben zusammen. Kostenlos, ohne Anmeldung.',
    days: 40,
    start: '14:00',
    end: '17:00',
    ages: [14, 21],
  },
];

function careerEvents(today: string, organizers: readonly DemoOrganizer[]): DemoEvent[] {
  const agency = organizers.find((o) => o.key === 'jugendberufsagentur');
  const venue = agency?.venues[0];
  if (!agency || !venue) return [];
  return careerTemplates.map((c, i) => {
    const startDate = addDays(today, c.days);
    const input: EventInput = {
      organizationId: null,
      title: c.title,
      description: c.text,
      timing: { allDay: false, startDate, startTime: c.start, endDate: startDate, endTime: c.end },
      rule: null,
      excludedDates: [],
      locationId: null,
      placeName: venue.name,
      street: venue.street,
      postalCode: venue.postalCode,
      locality: 'Hamm',
      district: venue.district,
      minAge: c.ages[0],
      maxAge: c.ages[1],
      free: true,
      priceCents: null,
      reducedPriceCents: null,
      registrationRequired: false,
      registrationHow: '',
      registrationUntil: null,
      barrierFree: true,
      signLanguage: false,
      easyLanguage: i === 0,
      quietSpace: false,
      categories: ['beruf'],
      imageId: null,
      imageAlt: null,
      status: 'scheduled',
      statusNote: '',
    };
    return { id: demoId(`career-event-${i}`), organizer: agency.name, venue, input, exceptions: [] };
  });
}

/** Loads about 220 fictional events once; false when they are there already. */
export async function seedEvents(deps: Pick<AppDeps, 'db' | 'city'>): Promise<boolean> {
  const { db, city } = deps;
  const firstId = demoId('event-0');
  if (await db.selectFrom('events').select('id').where('id', '=', firstId).executeTakeFirst()) return false;
  const organizers = demoOrganizers({ city, today: new Date() });
  const [organizations, locations] = await Promise.all([
    db
      .selectFrom('organizations')
      .select(['id', 'name'])
      .where(
        'name',
        'in',
        organizers.map((o) => o.name),
      )
      .execute(),
    db
      .selectFrom('directory_locations')
      .select('id')
      .where(
        'id',
        'in',
        organizers.flatMap((o) => o.venues.map((v) => v.id)),
      )
      .execute(),
  ]);
  const organizationIds = new Map(organizations.map((o) => [o.name, o.id]));
  const located = new Set(locations.map((l) => l.id));
  const built = buildDemoEvents({ today: todayIn(new Date()), districts: city.districts, organizers }).map((b) => {
    const organizationId = (b.organizer && organizationIds.get(b.organizer)) ?? null;
    const atLocation = located.has(b.venue.id);
    const place = atLocation ? { locationId: b.venue.id, placeName: '', street: '', postalCode: '', locality: '' } : {};
    return {
      ...b,
      input: {
        ...b.input,
        organizationId,
        ...place,
        registrationHow: organizationId || b.input.free ? b.input.registrationHow : 'An der Kasse vor Ort, solange Plätze frei sind.',
      },
    };
  });
  await db.transaction().execute(async (trx) => {
    const rows = await trx
      .insertInto('events')
      .values(built.map((b) => ({ id: b.id, ...rowValues(b.input), review_state: 'published' as const })))
      .returningAll()
      .execute();
    const exceptionRows = built.flatMap((b) =>
      b.exceptions.map((e) => ({ event_id: b.id, occurrence_date: e.date, kind: e.kind, status: e.status, starts_at: null, ends_at: null, note: e.note })),
    );
    const exceptions = exceptionRows.length ? await trx.insertInto('event_exceptions').values(exceptionRows).returningAll().execute() : [];
    await insertOccurrences(trx, rows, exceptions);
  });
  // Fresh statistics, or the planner (PGlite has no autovacuum) joins occurrences to events row by row.
  await analyzeEvents(db);
  return true;
}
