import { createHash } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.js';
import { addDays, todayIn, weekdayOf } from './berlin-time.js';
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
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)), pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]! };
}

const templates: { title: string; text: string; category: CategoryCode; ages: [number | null, number | null]; free: boolean; allDay?: boolean; hours?: number }[] = [
  { title: 'Bewegungsbaustelle in der Turnhalle', text: 'Klettern, balancieren, rutschen: eine große Bewegungslandschaft für kleine Entdeckerinnen und Entdecker. Bitte Turnschuhe oder Stoppersocken mitbringen.', category: 'sport', ages: [2, 6], free: true },
  { title: 'Kinderflohmarkt', text: 'Kinder verkaufen Spielzeug, Bücher und Kleidung. Standanmeldung im Familienzentrum.', category: 'fest', ages: [null, null], free: true, hours: 4 },
  { title: 'Vorlesestunde: Bilderbuchkino', text: 'Ein Bilderbuch groß an der Wand, vorgelesen von Lesepatinnen. Danach malen wir zur Geschichte.', category: 'lesen', ages: [3, 7], free: true, hours: 1 },
  { title: 'Familienwanderung an der Lippe', text: 'Eine leichte Wanderung von etwa 5 km mit Spielpausen. Kinderwagen-tauglich. Treffpunkt am Parkplatz.', category: 'natur', ages: [null, null], free: true, hours: 3 },
  { title: 'Theater für Kinder: Der kleine Drache', text: 'Ein Figurentheater über Mut und Freundschaft, etwa 45 Minuten.', category: 'kultur', ages: [4, 10], free: false },
  { title: 'Trommelworkshop für Eltern und Kinder', text: 'Gemeinsam Rhythmen entdecken. Trommeln werden gestellt.', category: 'musik', ages: [5, 12], free: false, hours: 2 },
  { title: 'Basteln mit Naturmaterialien', text: 'Aus Blättern, Zapfen und Ästen entstehen kleine Kunstwerke. Material ist vorhanden.', category: 'kreativ', ages: [4, 10], free: true, hours: 2 },
  { title: 'Elterncafé: Schlafen lernen', text: 'Austausch bei Kaffee und Tee, mit einer Fachkraft der Familienberatung. Kinder dürfen mitkommen.', category: 'bildung', ages: [0, 3], free: true, hours: 2 },
  { title: 'Babymassage-Kurs', text: 'Sanfte Massage für Babys ab sechs Wochen, mit Hebamme. Bitte eine Decke und ein Handtuch mitbringen.', category: 'baby', ages: [0, 1], free: false, hours: 1 },
  { title: 'Jugendtreff: Spieleabend', text: 'Brettspiele, Konsole und Snacks im Jugendzentrum.', category: 'jugend', ages: [12, 17], free: true, hours: 3 },
  { title: 'Kinderdisco', text: 'Tanzen, Spiele und Musik zum Mitsingen.', category: 'musik', ages: [4, 10], free: true, hours: 2 },
  { title: 'Schwimmen für Familien', text: 'Das Lehrschwimmbecken ist nur für Familien geöffnet. Schwimmhilfen sind vorhanden.', category: 'sport', ages: [null, null], free: false, hours: 2 },
  { title: 'Stadtteilfest', text: 'Spiel- und Mitmachstände, Hüpfburg, Kinderschminken und Musik für die ganze Familie.', category: 'fest', ages: [null, null], free: true, allDay: true },
  { title: 'Naturforscher im Wald', text: 'Mit Becherlupe und Bestimmungsbuch Tiere und Pflanzen entdecken. Wetterfeste Kleidung mitbringen.', category: 'natur', ages: [6, 11], free: true, hours: 2 },
  { title: 'Mal- und Zeichenwerkstatt', text: 'Freies Malen mit Acryl, Kreide und Wasserfarben, begleitet von einer Künstlerin.', category: 'kreativ', ages: [6, 14], free: false, hours: 2 },
  { title: 'Informationsabend: Der Weg in die Kita', text: 'Wie finde ich einen Kitaplatz? Das Familienbüro erklärt Anmeldung, Fristen und Kosten.', category: 'bildung', ages: [null, null], free: true, hours: 2 },
  { title: 'Krabbelgruppe', text: 'Spielen, singen und andere Eltern kennenlernen.', category: 'baby', ages: [0, 2], free: true, hours: 2 },
  { title: 'Lesenacht in der Stadtteilbücherei', text: 'Mit Taschenlampe und Schlafsack zwischen den Regalen: Geschichten bis in die Nacht.', category: 'lesen', ages: [8, 12], free: false, hours: 3 },
  { title: 'Fußball-Schnuppertraining', text: 'Offenes Training für Mädchen und Jungen, ohne Vereinsmitgliedschaft.', category: 'sport', ages: [6, 12], free: true, hours: 1 },
  { title: 'Weihnachtsbasteln', text: 'Sterne, Karten und kleine Geschenke basteln.', category: 'kreativ', ages: [4, 12], free: true, hours: 2 },
];


/** Builds the demo events (pure): about 220 over the next 90 days from `today`, some repeating, some cancelled. */
export function buildDemoEvents(options: { today: string; districts: readonly string[]; organizations: readonly string[]; locations: readonly { id: string; district: string | null }[]; count?: number }) {
  const r = random(20261125);
  const count = options.count ?? 224;
  const events: { id: string; input: EventInput; exceptions: { date: string; kind: 'excluded' | 'override'; status: 'cancelled' | null; note: string }[] }[] = [];
  for (let i = 0; i < count; i++) {
    const template = templates[i % templates.length]!;
    const district = options.districts[i % options.districts.length]!;
    const startDate = addDays(options.today, r.int(0, 88));
    const hour = r.int(9, 18);
    const startTime = `${String(hour).padStart(2, '0')}:${r.next() < 0.5 ? '00' : '30'}`;
    const hours = template.hours ?? 2;
    const endTime = `${String(Math.min(hour + hours, 23)).padStart(2, '0')}:${startTime.slice(3)}`;
    const locals = options.locations.filter((l) => l.district === district);
    const location = locals.length && r.next() < 0.6 ? r.pick(locals) : null;
    let rule: RecurrenceRule | null = null;
    const kind = i % 10;
    if (kind === 3) rule = { freq: 'weekly', interval: 1, byWeekday: [weekdayOf(startDate)], until: null, count: r.int(4, 10) };
    else if (kind === 7) rule = { freq: 'weekly', interval: 2, byWeekday: [], until: addDays(startDate, r.int(30, 80)), count: null };
    else if (i % 40 === 11) rule = { freq: 'daily', interval: 1, byWeekday: [], until: null, count: 5 };
    else if (i % 40 === 21) rule = { freq: 'monthly', interval: 1, byWeekday: [], until: null, count: 3 };
    const status = i % 29 === 5 ? 'cancelled' : i % 47 === 9 ? 'postponed' : 'scheduled';
    const price = template.free ? null : r.pick([300, 450, 500, 800, 1200]);
    const organizationId = options.organizations.length && r.next() < 0.85 ? r.pick(options.organizations) : null;
    const input: EventInput = {
      organizationId,
      title: template.title,
      description: template.text,
      timing: template.allDay ? { allDay: true, startDate, startTime: null, endDate: r.next() < 0.3 ? addDays(startDate, 1) : startDate, endTime: null } : { allDay: false, startDate, startTime, endDate: startDate, endTime },
      rule: template.allDay ? null : rule,
      excludedDates: [],
      locationId: location?.id ?? null,
      placeName: location ? '' : `Bürgerhaus ${district}`,
      street: location ? '' : `Marktplatz ${r.int(1, 40)}`,
      postalCode: location ? '' : `590${r.int(63, 77)}`,
      locality: location ? '' : 'Hamm',
      district,
      minAge: template.ages[0],
      maxAge: template.ages[1],
      free: template.free,
      priceCents: price,
      reducedPriceCents: price ? Math.round(price / 2) : null,
      registrationRequired: !template.free || r.next() < 0.2,
      // "Beim Veranstalter" only where there is one: the page shows its phone and email.
      registrationHow: template.free ? '' : organizationId ? 'Telefonisch oder per E-Mail beim Veranstalter.' : 'An der Kasse vor Ort, solange Plätze frei sind.',
      registrationUntil: !template.free && startDate > options.today ? addDays(startDate, -1) : null,
      barrierFree: r.next() < 0.55,
      signLanguage: r.next() < 0.08,
      easyLanguage: r.next() < 0.2,
      quietSpace: r.next() < 0.15,
      categories: [template.category],
      imageId: null,
      imageAlt: null,
      status,
      statusNote: status === 'cancelled' ? 'Fällt wegen Erkrankung der Kursleitung aus.' : status === 'postponed' ? 'Wird verschoben; der neue Termin folgt.' : '',
    };
    const exceptions: (typeof events)[number]['exceptions'] = [];
    // Every third repeating event loses one date, and cancels another one on its own.
    if (input.rule && i % 3 === 0 && input.rule.freq === 'weekly') {
      const step = 7 * input.rule.interval;
      exceptions.push({ date: addDays(startDate, step), kind: 'excluded', status: null, note: '' });
      exceptions.push({ date: addDays(startDate, 2 * step), kind: 'override', status: 'cancelled', note: 'Dieser Termin fällt aus (Ferien der Einrichtung).' });
    }
    events.push({ id: demoId(`event-${i}`), input, exceptions });
  }
  return events;
}

/** Loads about 220 fictional events once; false when they are there already. */
export async function seedEvents(deps: Pick<AppDeps, 'db' | 'city'>): Promise<boolean> {
  const { db, city } = deps;
  const firstId = demoId('event-0');
  if (await db.selectFrom('events').select('id').where('id', '=', firstId).executeTakeFirst()) return false;
  const [organizations, locations] = await Promise.all([
    db.selectFrom('organizations').select('id').where('kind', 'in', ['provider', 'partner']).orderBy('name').execute(),
    db.selectFrom('directory_locations').select(['id', 'district']).orderBy('id').execute(),
  ]);
  const built = buildDemoEvents({ today: todayIn(new Date()), districts: city.districts, organizations: organizations.map((o) => o.id), locations });
  await db.transaction().execute(async (trx) => {
    const rows = await trx
      .insertInto('events')
      .values(built.map((b) => ({ id: b.id, ...rowValues(b.input), review_state: 'published' as const })))
      .returningAll()
      .execute();
    const exceptionRows = built.flatMap((b) => b.exceptions.map((e) => ({ event_id: b.id, occurrence_date: e.date, kind: e.kind, status: e.status, starts_at: null, ends_at: null, note: e.note })));
    const exceptions = exceptionRows.length ? await trx.insertInto('event_exceptions').values(exceptionRows).returningAll().execute() : [];
    await insertOccurrences(trx, rows, exceptions);
  });
  // Fresh statistics, or the planner (PGlite has no autovacuum) joins occurrences to events row by row.
  await analyzeEvents(db);
  return true;
}
