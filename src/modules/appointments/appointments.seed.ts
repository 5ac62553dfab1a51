import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.js';
import { addDays, fromLocal, todayIn, weekdayOf } from '../../platform/time/berlin.js';

/**
 * Fictional demo data: the Jugendberufsagentur Hamm with its three partners (career guidance of the
 * employment agency, the job centre's U25 team, the youth office), the family office's counselling (for
 * families and for employers) and the return-to-work advice, with counsellors, weekly patterns, one
 * absence and a few bookings. Runs once: returns false when the services exist already.
 */
const locations = [
  { key: 'jba', name: 'Jugendberufsagentur Hamm (Demo)', address: 'Beispielstraße 1, 59065 Hamm' },
  { key: 'familienbuero', name: 'Familienbüro im Rathaus (Demo)', address: 'Musterplatz 2, 59065 Hamm' },
  { key: 'heessen', name: 'Stadtteilbüro Heessen (Demo)', address: 'Probeweg 5, 59073 Hamm' },
];

const services = [
  {
    slug: 'berufsberatung',
    office: 'youth_career' as const,
    name: 'Berufsberatung',
    description: 'Welcher Beruf passt zu mir? Ausbildung oder Studium? Die Berufsberatung hilft dir, deinen Weg zu finden. Bring dein letztes Zeugnis mit.',
    duration: 45,
    after: 15,
    channel: 'in_person' as const,
    audience: 'young' as const,
    question: 'Worum geht es dir? (freiwillig, zum Beispiel „Ausbildung suchen“)',
  },
  {
    slug: 'beratung-u25',
    office: 'youth_career' as const,
    name: 'Beratung U25 (Jobcenter)',
    description: 'Du brauchst Geld für dich oder deine Wohnung, oder du suchst Arbeit? Das Team U25 des Jobcenters berät dich. Bring deinen Ausweis mit.',
    duration: 30,
    after: 10,
    channel: 'in_person' as const,
    audience: 'young' as const,
    question: null,
  },
  {
    slug: 'jugendberatung',
    office: 'youth_career' as const,
    name: 'Beratung der Jugendhilfe',
    description: 'Ärger zu Hause, keine Wohnung, alles zu viel? Die Jugendhilfe hört zu und hilft weiter – auch am Telefon.',
    duration: 30,
    after: 0,
    channel: 'phone' as const,
    audience: 'young' as const,
    question: null,
  },
  {
    slug: 'elterngeld',
    office: 'family_office' as const,
    name: 'Familienbüro: Elterngeld und Kindergeld',
    description:
      'Wir helfen beim Ausfüllen der Anträge für Elterngeld, Kindergeld und Kinderzuschlag. Bringen Sie die Geburtsurkunde und Ihre Gehaltsnachweise mit.',
    duration: 30,
    after: 0,
    channel: 'in_person' as const,
    audience: 'anyone' as const,
    question: null,
  },
  {
    slug: 'beratung-arbeitgeber',
    office: 'family_office' as const,
    name: 'Familienbüro: Beratung für Arbeitgeber',
    description:
      'Für Betriebe jeder Größe: Wie passen Familie und Beruf bei Ihnen besser zusammen? Wir besprechen Ihr Ergebnis im Selbstcheck, Maßnahmen aus dem Katalog und gute Beispiele aus Hamm – kostenlos.',
    duration: 60,
    after: 0,
    channel: 'video' as const,
    audience: 'anyone' as const,
    question: 'Wie viele Beschäftigte hat Ihr Betrieb? (freiwillig)',
  },
  {
    slug: 'wiedereinstieg',
    office: 'return_to_work' as const,
    name: 'Wiedereinstieg in den Beruf',
    description: 'Nach der Elternzeit oder Pflegezeit zurück in den Beruf: Wir beraten zu Teilzeit, Weiterbildung und Kinderbetreuung.',
    duration: 60,
    after: 0,
    channel: 'video' as const,
    audience: 'anyone' as const,
    question: null,
  },
];

/** Counsellors (fictional), their services and weekly patterns ([weekday, from, until, location]). */
const counsellors: { name: string; services: string[]; patterns: [number, string, string, string][]; demoUser?: string }[] = [
  {
    name: 'Jana Beispiel (Berufsberatung, Demo)',
    services: ['berufsberatung'],
    patterns: [
      [1, '08:00', '12:00', 'jba'],
      [3, '13:00', '17:00', 'jba'],
      [4, '08:00', '12:00', 'heessen'],
    ],
    demoUser: 'partner@familienrathaus.example',
  },
  {
    name: 'Tom Muster (Berufsberatung, Demo)',
    services: ['berufsberatung'],
    patterns: [
      [2, '09:00', '15:00', 'jba'],
      [5, '08:00', '12:00', 'jba'],
    ],
  },
  {
    name: 'Selin Probe (Team U25, Demo)',
    services: ['beratung-u25'],
    patterns: [
      [1, '08:30', '12:30', 'jba'],
      [2, '08:30', '12:30', 'jba'],
      [4, '13:00', '16:00', 'jba'],
    ],
  },
  {
    name: 'Mark Fiktiv (Team U25, Demo)',
    services: ['beratung-u25'],
    patterns: [
      [3, '08:30', '12:30', 'jba'],
      [5, '08:30', '12:00', 'jba'],
    ],
  },
  {
    name: 'Ria Erfunden (Jugendhilfe, Demo)',
    services: ['jugendberatung'],
    patterns: [
      [1, '14:00', '17:00', 'jba'],
      [3, '14:00', '18:00', 'jba'],
    ],
  },
  {
    name: 'Familienbüro-Team (Demo)',
    services: ['elterngeld'],
    patterns: [
      [1, '09:00', '12:00', 'familienbuero'],
      [2, '09:00', '12:00', 'familienbuero'],
      [4, '14:00', '18:00', 'familienbuero'],
    ],
  },
  {
    name: 'Nora Beispielhaft (Wiedereinstieg, Demo)',
    services: ['wiedereinstieg', 'beratung-arbeitgeber'],
    patterns: [
      [2, '10:00', '14:00', 'familienbuero'],
      [4, '09:00', '12:00', 'familienbuero'],
    ],
  },
];

export async function seedAppointmentsDemo(deps: Pick<AppDeps, 'db'>, now = new Date()): Promise<boolean> {
  const existing = await deps.db.selectFrom('appointment_services').select('id').where('slug', '=', services[0]!.slug).executeTakeFirst();
  if (existing) return false;
  const today = todayIn(now);
  await deps.db.transaction().execute(async (trx) => {
    const locationIds = new Map<string, string>();
    for (const l of locations) {
      const row = await trx.insertInto('appointment_locations').values({ name: l.name, address: l.address }).returning('id').executeTakeFirstOrThrow();
      locationIds.set(l.key, row.id);
    }
    const serviceIds = new Map<string, string>();
    for (const s of services) {
      const row = await trx
        .insertInto('appointment_services')
        .values({
          slug: s.slug,
          office: s.office,
          name: s.name,
          description: s.description,
          duration_minutes: s.duration,
          buffer_after_minutes: s.after,
          channel: s.channel,
          audience: s.audience,
          question: s.question,
          min_notice_minutes: 120,
          window_days: 60,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      serviceIds.set(s.slug, row.id);
    }
    for (const c of counsellors) {
      const user = c.demoUser ? await trx.selectFrom('users').select('id').where('email', '=', c.demoUser).executeTakeFirst() : undefined;
      const row = await trx
        .insertInto('appointment_counsellors')
        .values({ name: c.name, user_id: user?.id ?? null })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const slug of c.services)
        await trx
          .insertInto('appointment_counsellor_services')
          .values({ counsellor_id: row.id, service_id: serviceIds.get(slug)! })
          .execute();
      for (const [weekday, starts, ends, location] of c.patterns)
        await trx
          .insertInto('appointment_patterns')
          .values({ counsellor_id: row.id, location_id: locationIds.get(location)!, weekday, starts, ends, valid_from: addDays(today, -30), valid_until: null })
          .execute();
      // The first counsellor is away for a day next week (an absence the free days reflect).
      if (c === counsellors[0]) {
        let day = addDays(today, 7);
        while (weekdayOf(day) !== 1) day = addDays(day, 1);
        await trx
          .insertInto('appointment_exceptions')
          .values({
            counsellor_id: row.id,
            kind: 'absence',
            location_id: null,
            starts_at: fromLocal(day),
            ends_at: fromLocal(addDays(day, 1)),
            note: 'Fortbildung',
          })
          .execute();
      }
    }
    // A few fictional bookings next Tuesday, so the staff's day view is not empty.
    let tuesday = addDays(today, 1);
    while (weekdayOf(tuesday) !== 2) tuesday = addDays(tuesday, 1);
    const tom = await trx.selectFrom('appointment_counsellors').select('id').where('name', 'like', 'Tom Muster%').executeTakeFirstOrThrow();
    const people = [
      ['09:00', 'Lena (Demo)'],
      ['10:00', 'Kemal (Demo)'],
      ['12:00', 'Sofia (Demo)'],
    ] as const;
    for (const [time, name] of people) {
      const start = fromLocal(tuesday, time);
      await trx
        .insertInto('appointment_bookings')
        .values({
          service_id: serviceIds.get('berufsberatung')!,
          counsellor_id: tom.id,
          location_id: locationIds.get('jba')!,
          starts_at: start,
          ends_at: new Date(start.getTime() + 45 * 60_000),
          busy_from: start,
          busy_until: new Date(start.getTime() + 60 * 60_000),
          status: 'confirmed',
          name,
          email: `${name.split(' ')[0]!.toLowerCase()}@demo.example`,
          locale: 'de',
          ical_uid: randomUUID(),
          confirmed_at: now,
        })
        .execute();
    }
  });
  return true;
}
