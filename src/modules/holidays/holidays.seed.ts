import type { Insertable } from 'kysely';
import type { AppDeps } from '../../platform/deps.js';
import type { HolidayOffersTable } from '../../db/tables/holidays.js';
import { demoOrganizers, type DemoOrganizer, type DemoVenue } from '../directory/index.js';

/**
 * Fictional demo data: "Sommerferien 2027" in the wish phase with 40 offers of the directory's
 * organisations, each run by one that offers such things (a football camp by a sports club, never
 * by a women's shelter), and two children of the demo family account. Runs once: returns false
 * when a season exists already.
 */

/** `organizers`: the directory's service templates whose providers run such an offer. */
const themes: { title: string; kind: 'day' | 'week' | 'trip'; minAge: number; maxAge: number; text: string; organizers: string[] }[] = [
  {
    title: 'Zirkuswoche',
    kind: 'week',
    minAge: 6,
    maxAge: 10,
    text: 'Jonglieren, Balancieren und Clownerie – am Freitag zeigen wir den Familien unsere Vorstellung.',
    organizers: ['spielmobil'],
  },
  {
    title: 'Waldforscher',
    kind: 'week',
    minAge: 6,
    maxAge: 9,
    text: 'Wir bauen Hütten, bestimmen Tierspuren und kochen über dem Feuer.',
    organizers: ['waldkita', 'ferienbetreuung'],
  },
  {
    title: 'Fußballcamp',
    kind: 'week',
    minAge: 7,
    maxAge: 12,
    text: 'Training mit Trainerinnen und Trainern des Vereins, Turnier am letzten Tag.',
    organizers: ['fussball', 'sportcamp'],
  },
  {
    title: 'Kunstwerkstatt',
    kind: 'week',
    minAge: 6,
    maxAge: 12,
    text: 'Malen, Drucken und Töpfern – alle Werke dürfen mit nach Hause.',
    organizers: ['malen'],
  },
  {
    title: 'Schwimmabzeichen-Woche',
    kind: 'week',
    minAge: 7,
    maxAge: 11,
    text: 'Jeden Tag im Becken: vom Seepferdchen bis zum Bronze-Abzeichen.',
    organizers: ['schwimmkurs'],
  },
  { title: 'Theatertage', kind: 'day', minAge: 8, maxAge: 12, text: 'Drei Tage Theater spielen, Kostüme nähen und Bühnenbild bauen.', organizers: ['theater'] },
  {
    title: 'Robotik und Programmieren',
    kind: 'week',
    minAge: 9,
    maxAge: 12,
    text: 'Wir bauen kleine Roboter und bringen ihnen das Fahren bei.',
    organizers: ['medienwerkstatt', 'nachhilfe'],
  },
  {
    title: 'Bauernhof-Tage',
    kind: 'day',
    minAge: 6,
    maxAge: 9,
    text: 'Tiere füttern, Brot backen und Ponys striegeln auf dem Hof am Stadtrand.',
    organizers: ['reiten'],
  },
  {
    title: 'Kanu-Freizeit an der Lippe',
    kind: 'trip',
    minAge: 12,
    maxAge: 16,
    text: 'Fünf Tage mit Kanu und Zelt unterwegs – mit ausgebildeten Betreuerinnen und Betreuern.',
    organizers: ['jugendzentrum'],
  },
  {
    title: 'Jugendfreizeit Nordsee',
    kind: 'trip',
    minAge: 13,
    maxAge: 17,
    text: 'Eine Woche Jugendherberge am Meer mit Wattwanderung und Surfkurs.',
    organizers: ['jugendzentrum', 'maedchentreff'],
  },
  {
    title: 'Ferienspiele im Familienzentrum',
    kind: 'week',
    minAge: 6,
    maxAge: 10,
    text: 'Spielen, basteln, Ausflüge in die Umgebung – jeden Tag mit gemeinsamem Mittagessen.',
    organizers: ['familienzentrum'],
  },
];
// The six weeks of the NRW summer holidays 2027 (Mondays).
const weeks = ['2027-07-19', '2027-07-26', '2027-08-02', '2027-08-09', '2027-08-16', '2027-08-23'];

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export type DemoOffer = Omit<Insertable<HolidayOffersTable>, 'season_id' | 'organization_id'>;

/** The 40 demo offers (pure), each with the name of the organisation that runs it and where. */
export function buildDemoOffers(organizers: readonly DemoOrganizer[]): { organizer: string; venue: DemoVenue; offer: DemoOffer }[] {
  return Array.from({ length: 40 }, (_, i) => {
    const theme = themes[i % themes.length]!;
    const hosts = organizers.filter((o) => o.offers.some((offer) => theme.organizers.includes(offer.key)));
    if (hosts.length === 0) throw new Error(`no demo organisation offers ${theme.title}`);
    const round = Math.floor(i / themes.length);
    const host = hosts[round % hosts.length]!;
    const venue = host.venues[round % host.venues.length]!;
    // Each round of themes moves two weeks on, so a programme's repeats spread over the holidays.
    const week = weeks[((i % themes.length) + 2 * round) % weeks.length]!;
    const trip = theme.kind === 'trip';
    return {
      organizer: host.name,
      venue,
      offer: {
        status: 'approved',
        title: round === 0 ? theme.title : `${theme.title} (${venue.district})`,
        description: theme.text,
        kind: theme.kind,
        first_day: week,
        last_day: addDays(week, theme.kind === 'day' ? 2 : 4),
        daily_from: trip ? 0 : i % 3 === 0 ? 480 : 540,
        daily_until: trip ? 1440 : i % 3 === 0 ? 960 : 780,
        min_age: theme.minAge,
        max_age: theme.maxAge,
        places: 10 + ((i * 7) % 21),
        min_participants: 6,
        price_cents: trip ? 24_000 : 4_000 + (i % 4) * 1_000,
        reduced_price_cents: trip ? 6_000 : 1_000,
        location: `${venue.name}, ${venue.street}, ${venue.postalCode} Hamm`,
        meeting_point: trip ? 'Hauptbahnhof Hamm, Ausgang Westentor' : 'Eingang des Hauses',
        what_to_bring: trip ? 'Schlafsack, Regenjacke, Badesachen' : 'Trinkflasche, Frühstück, wetterfeste Kleidung',
        inclusion_support: i % 4 === 0,
        contact_name: 'Team Ferienbetreuung',
        contact_email: 'ferien@familienrathaus.example',
        contact_phone: '02381 000000',
      },
    };
  });
}

/** Loads the demo season once; false when a season exists already or the directory's organisations are missing. */
export async function seedHolidayDemo(deps: AppDeps): Promise<boolean> {
  const { db, city } = deps;
  if (await db.selectFrom('holiday_seasons').select('id').limit(1).executeTakeFirst()) return false;
  const built = buildDemoOffers(demoOrganizers({ city, today: new Date() }));
  const rows = await db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('name', 'in', [...new Set(built.map((b) => b.organizer))])
    .execute();
  const organizationIds = new Map(rows.map((r) => [r.name, r.id]));
  if (organizationIds.size === 0) return false;
  await db.transaction().execute(async (trx) => {
    const season = await trx
      .insertInto('holiday_seasons')
      .values({
        name: 'Sommerferien 2027',
        phase: 'wishes',
        wish_from: '2026-11-16',
        wish_until: '2027-04-30',
        max_wishes: 5,
        reserved_percent: 10,
        retention_days: 180,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const offers: Insertable<HolidayOffersTable>[] = built.flatMap((b) => {
      const organizationId = organizationIds.get(b.organizer);
      return organizationId ? [{ ...b.offer, season_id: season.id, organization_id: organizationId }] : [];
    });
    await trx.insertInto('holiday_offers').values(offers).execute();
    const family = await trx.selectFrom('users').select('id').where('email', '=', 'familie@familienrathaus.example').executeTakeFirst();
    if (family) {
      const children = await trx
        .insertInto('holiday_children')
        .values([
          { parent_id: family.id, first_name: 'Lena', last_name: 'Muster', birth_date: '2017-09-12', photo_consent: true },
          { parent_id: family.id, first_name: 'Tom', last_name: 'Muster', birth_date: '2019-04-03' },
        ])
        .returning('id')
        .execute();
      await trx
        .insertInto('holiday_contacts')
        .values(children.map((c) => ({ child_id: c.id, name: 'Oma Erika Muster (Demo)', phone: '02381 111111', relation: 'Großmutter' })))
        .execute();
    }
  });
  return true;
}
