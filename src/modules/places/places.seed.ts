import { createHash } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.js';
import { addMonths, todayIn } from '../../platform/time/berlin.js';
import type { PlaceData } from './places.types.js';

/**
 * Fictional places from fictional employers in Hamm, and one from the demo provider's family centre
 * (so its demo account can maintain places). Start dates are relative to the day of seeding, so
 * the list is never empty: the next 1 August for apprenticeships, the next months for internships.
 */

type DemoPlace = Omit<PlaceData, 'id' | 'start_date' | 'district'> & { start: 'august' | 'september' | { months: number } };

const employers: { name: string; kind: 'provider' | 'city'; places: DemoPlace[] }[] = [
  {
    name: 'Klinikum Lippeaue (Demo)',
    kind: 'provider',
    places: [
      {
        kind: 'apprenticeship',
        title: 'Ausbildung Pflegefachfrau / Pflegefachmann',
        occupation: 'Pflegefachmann/-frau',
        field: 'health',
        certificate: 'mittlerer',
        start: 'september',
        part_time: true,
        positions: 12,
        description:
          'Drei Jahre lernst du, Menschen jeden Alters zu pflegen: auf der Kinderstation, in der Notaufnahme und im ambulanten Dienst. Du hast feste Praxisanleiterinnen, und deine Dienste planen wir so, dass Schule und Familie Platz haben. Teilzeit in der Ausbildung ist möglich.',
        how_to_apply: 'Schick uns deinen Lebenslauf und dein letztes Zeugnis per E-Mail. Wir laden dich zu einem Kennenlerntag auf Station ein.',
        contact_name: 'Frau Beispiel (Demo)',
        contact_email: 'ausbildung@klinikum-lippeaue.example',
        contact_phone: '02381 200100',
      },
      {
        kind: 'internship',
        title: 'Schülerpraktikum im Krankenhaus (zwei oder drei Wochen)',
        occupation: 'Pflegefachmann/-frau',
        field: 'health',
        certificate: 'none',
        start: { months: 2 },
        part_time: false,
        positions: 6,
        description: 'Du schaust Pflegekräften, Therapeutinnen und dem Labor über die Schulter. Ideal für das Praktikum in Klasse 9 oder 10.',
        how_to_apply: 'Schreib uns kurz, wann dein Praktikum ist und was dich interessiert.',
        contact_name: 'Herr Muster (Demo)',
        contact_email: 'praktikum@klinikum-lippeaue.example',
        contact_phone: null,
      },
    ],
  },
  {
    name: 'Malerbetrieb Farbenfroh GmbH (Demo)',
    kind: 'provider',
    places: [
      {
        kind: 'apprenticeship',
        title: 'Ausbildung Maler/in und Lackierer/in',
        occupation: 'Maler/in und Lackierer/in',
        field: 'craft',
        certificate: 'hauptschule',
        start: 'august',
        part_time: false,
        positions: 2,
        description: 'Du gestaltest Wände, Fassaden und Böden in ganz Hamm. Werkzeug und Arbeitskleidung bekommst du von uns, und Feierabend ist um 16 Uhr.',
        how_to_apply: 'Ruf einfach an oder komm vorbei: Werkstatt in Herringen, montags bis freitags von 7 bis 15 Uhr.',
        contact_name: 'Meister Probe (Demo)',
        contact_email: null,
        contact_phone: '02381 300200',
      },
    ],
  },
  {
    name: 'Pflegedienst Westring (Demo)',
    kind: 'provider',
    places: [
      {
        kind: 'apprenticeship',
        title: 'Ausbildung Pflegefachassistenz in der ambulanten Pflege',
        occupation: 'Pflegefachassistent/in',
        field: 'health',
        certificate: 'hauptschule',
        start: 'august',
        part_time: true,
        positions: 3,
        description: 'Du besuchst mit uns ältere Menschen zu Hause. Die Touren planen wir familienfreundlich; Teilzeit ist möglich.',
        how_to_apply: 'Bewerbung per E-Mail mit Lebenslauf. Ein Zeugnis kannst du nachreichen.',
        contact_name: null,
        contact_email: 'bewerbung@pflegedienst-westring.example',
        contact_phone: '02381 400300',
      },
    ],
  },
  {
    name: 'Lippe Logistik GmbH (Demo)',
    kind: 'provider',
    places: [
      {
        kind: 'apprenticeship',
        title: 'Ausbildung Fachkraft für Lagerlogistik',
        occupation: 'Fachkraft für Lagerlogistik',
        field: 'logistics',
        certificate: 'hauptschule',
        start: 'august',
        part_time: false,
        positions: 4,
        description: 'Du nimmst Waren an, lagerst sie und schickst sie in die ganze Welt. Den Staplerschein machst du bei uns.',
        how_to_apply: 'Bewirb dich per E-Mail. Wir melden uns innerhalb von zwei Wochen.',
        contact_name: 'Frau Fiktiv (Demo)',
        contact_email: 'azubi@lippe-logistik.example',
        contact_phone: null,
      },
      {
        kind: 'dual_study',
        title: 'Duales Studium Betriebswirtschaft (Logistik)',
        occupation: 'Betriebswirt/in (Hochschule) - Logistik',
        field: 'office',
        certificate: 'fachabitur',
        start: 'september',
        part_time: false,
        positions: 1,
        description: 'Du studierst an einer Hochschule in der Region und arbeitest in den Praxisphasen bei uns im Einkauf, im Lager und in der Planung.',
        how_to_apply: 'Bewerbung mit Lebenslauf und Zeugnis per E-Mail.',
        contact_name: 'Frau Fiktiv (Demo)',
        contact_email: 'azubi@lippe-logistik.example',
        contact_phone: null,
      },
    ],
  },
  {
    name: 'Stadt {city} – Jugendamt',
    kind: 'city',
    places: [
      {
        kind: 'dual_study',
        title: 'Duales Studium Soziale Arbeit beim Jugendamt',
        occupation: 'Sozialarbeiter/in / Sozialpädagoge/-pädagogin',
        field: 'social',
        certificate: 'abitur',
        start: 'september',
        part_time: false,
        positions: 2,
        description: 'Du studierst Soziale Arbeit und lernst in der Praxis die Jugendhilfe, die Familienberatung und die offene Jugendarbeit kennen.',
        how_to_apply: 'Bewerbung über das Karriereportal der Stadt; Fragen beantworten wir gern am Telefon.',
        contact_name: null,
        contact_email: 'ausbildung@stadt.example',
        contact_phone: '02381 170000',
      },
      {
        kind: 'apprenticeship',
        title: 'Ausbildung Verwaltungsfachangestellte/r',
        occupation: 'Verwaltungsfachangestellte/r',
        field: 'public',
        certificate: 'mittlerer',
        start: 'august',
        part_time: true,
        positions: 8,
        description: 'Du lernst, wie eine Stadtverwaltung arbeitet: vom Bürgeramt bis zum Familienbüro. Teilzeit in der Ausbildung ist möglich.',
        how_to_apply: 'Bewerbung über das Karriereportal der Stadt.',
        contact_name: null,
        contact_email: 'ausbildung@stadt.example',
        contact_phone: '02381 170000',
      },
    ],
  },
  {
    name: 'Familienzentrum Sonnenblume e. V.',
    kind: 'provider',
    places: [
      {
        kind: 'internship',
        title: 'Praktikum in der Kita (Berufsfelderkundung)',
        occupation: 'Erzieher/in',
        field: 'social',
        certificate: 'none',
        start: { months: 1 },
        part_time: false,
        positions: 2,
        description: 'Einen Tag oder zwei Wochen: Du spielst, bastelst und liest mit den Kindern und erlebst, wie Erzieherinnen und Erzieher arbeiten.',
        how_to_apply: 'Ruf uns an, dann vereinbaren wir einen Termin.',
        contact_name: null,
        contact_email: null,
        contact_phone: '02381 500400',
      },
    ],
  },
  {
    name: 'Café am Kurpark (Demo)',
    kind: 'provider',
    places: [
      {
        kind: 'apprenticeship',
        title: 'Ausbildung Fachkraft für Gastronomie',
        occupation: 'Fachkraft für Gastronomie',
        field: 'hospitality',
        certificate: 'none',
        start: 'august',
        part_time: false,
        positions: 1,
        description: 'Du lernst Service, Küche und Kasse in einem kleinen Team. Ein Schulabschluss ist keine Bedingung.',
        how_to_apply: 'Komm auf einen Kaffee vorbei und frag nach der Chefin.',
        contact_name: null,
        contact_email: 'hallo@cafe-am-kurpark.example',
        contact_phone: null,
      },
    ],
  },
  {
    name: 'Medienwerkstatt Hamm (Demo)',
    kind: 'provider',
    places: [
      {
        kind: 'apprenticeship',
        title: 'Ausbildung Fachinformatiker/in Anwendungsentwicklung',
        occupation: 'Fachinformatiker/in - Anwendungsentwicklung',
        field: 'it',
        certificate: 'mittlerer',
        start: 'august',
        part_time: false,
        positions: 1,
        description: 'Du baust Websites und Apps für Vereine und Betriebe in der Region. Homeoffice an einzelnen Tagen ist möglich.',
        how_to_apply: 'Schick uns deinen Lebenslauf und, wenn du hast, etwas, das du selbst programmiert hast.',
        contact_name: null,
        contact_email: 'jobs@medienwerkstatt.example',
        contact_phone: null,
      },
    ],
  },
];

/** A stable id per demo place, so a second seed finds it again. */
const demoId = (key: string) => {
  const h = createHash('sha1').update(`places-demo:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

function startDate(start: DemoPlace['start'], today: string): string {
  if (typeof start === 'object') return addMonths(`${today.slice(0, 7)}-01`, start.months) ?? today;
  const month = start === 'august' ? '08' : '09';
  const thisYear = `${today.slice(0, 4)}-${month}-01`;
  return thisYear > today ? thisYear : `${Number(today.slice(0, 4)) + 1}-${month}-01`;
}

export async function seedPlacesDemo(deps: Pick<AppDeps, 'db' | 'city'>): Promise<boolean> {
  const { db, city } = deps;
  const existing = await db.selectFrom('places').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const today = todayIn(new Date());
  await db.transaction().execute(async (trx) => {
    let n = 0;
    for (const employer of employers) {
      const name = employer.name.replace('{city}', city.name);
      const found = await trx.selectFrom('organizations').select('id').where('name', '=', name).executeTakeFirst();
      const org = found ?? (await trx.insertInto('organizations').values({ name, kind: employer.kind }).returning('id').executeTakeFirstOrThrow());
      for (const p of employer.places) {
        const { start, ...rest } = p;
        const data: PlaceData = {
          ...rest,
          id: demoId(`${name}:${p.title}`),
          start_date: startDate(start, today),
          district: city.districts[n++ % city.districts.length] ?? null,
        };
        await trx
          .insertInto('places')
          .values({ ...data, organization_id: org.id })
          .execute();
        // The first version, as if it had been reviewed: the history starts here.
        await trx
          .insertInto('revisions')
          .values({
            entity_type: 'place',
            entity_id: data.id,
            organization_id: org.id,
            version: 1,
            status: 'published',
            data: JSON.stringify(data),
            author_id: null,
          })
          .execute();
      }
    }
  });
  return true;
}
