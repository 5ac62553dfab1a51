import { randomBytes } from 'node:crypto';
import type { FamilySituation } from '../../db/tables/council.js';
import type { AppDeps } from '../../platform/deps.js';
import { addDays, addMonths, fromLocal, todayIn } from '../../platform/time/berlin.js';
import { councilSources } from '../ideas/index.js';
import { sharedGroups } from '../network/index.js';
import { exchangeGroup, workshopPath } from './council.service.js';

const firstNames = ['Aylin', 'Jonas', 'Mira', 'Olena', 'Karim', 'Sophie', 'Deniz', 'Lukas', 'Hanna', 'Marek', 'Fatma', 'Paul', 'Nadia', 'Tim'];
const lastNames = ['Yıldız', 'Becker', 'Schulte', 'Kovalenko', 'Haddad', 'Wagner', 'Demir', 'Nowak', 'Krüger', 'Petrov', 'Özdemir', 'Hoffmann'];
const situations: (FamilySituation | null)[] = ['two_parents', 'single_parent', 'two_parents', 'patchwork', null, 'foster', 'two_parents', 'single_parent'];
const languages = ['Deutsch', 'Deutsch, Türkisch', 'Deutsch, Arabisch', 'Ukrainisch, Russisch', 'Deutsch, Polnisch', null];
const key = () => randomBytes(16).toString('base64url');
const demoFamily = 'familie@familienrathaus.example';

/**
 * Fictional demo data: a council of 40 families across the districts, three applications waiting for a
 * decision, two past workshops with published reports whose results shaped initiatives of the roadmap,
 * and an upcoming workshop open for registration (two members already registered, one with childcare).
 */
export async function seedCouncilDemo(deps: AppDeps): Promise<boolean> {
  const { db, city } = deps;
  if (await db.selectFrom('council_applications').select('id').where('email', '=', 'beirat01@example.org').executeTakeFirst()) return false;
  const today = todayIn();
  const termUntil = addMonths(today, 18)!;
  const initiatives = new Map((await councilSources.choices(db)).map((i) => [i.slug, i.id]));
  await db.transaction().execute(async (trx) => {
    const members: string[] = [];
    const memberEmails: string[] = [];
    for (let i = 0; i < 43; i++) {
      const n = String(i + 1).padStart(2, '0');
      const consent = i % 5 !== 4;
      const { id } = await trx
        .insertInto('council_applications')
        .values({
          name: `${firstNames[i % firstNames.length]} ${lastNames[(i * 7) % lastNames.length]}`,
          // The last member is the demo family account, so the demo shows the members' exchange.
          email: i === 39 ? demoFamily : `beirat${n}@example.org`,
          district: city.districts[i % city.districts.length]!,
          household_adults: i % 4 === 1 ? 1 : 2,
          household_children: 1 + (i % 3),
          locale: ['de', 'de', 'tr', 'ar', 'uk', 'de', 'pl', 'en'][i % 8]!,
          privacy_consent_at: new Date(),
          optional_consent_at: consent ? new Date() : null,
          family_situation: consent ? situations[i % situations.length]! : null,
          home_languages: consent ? languages[i % languages.length]! : null,
          needs_interpreter: consent ? i % 6 === 3 : null,
          needs_childcare: consent ? i % 3 === 0 : null,
          status: i < 40 ? 'accepted' : 'received',
          term_until: i < 40 ? termUntil : null,
          decided_at: i < 40 ? new Date() : null,
          link_key: key(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (i < 40) members.push(id);
      if (i < 40) memberEmails.push(i === 39 ? demoFamily : `beirat${n}@example.org`);
    }

    const workshop = async (days: number, title: string, agenda: string, capacity: number, childcare: number) => {
      const date = addDays(today, days);
      const { id } = await trx
        .insertInto('council_workshops')
        .values({
          title,
          agenda,
          place: 'Familienzentrum Pelkum, Kamener Straße 120, 59077 Hamm',
          languages: 'Deutsch, Türkisch, Arabisch, Ukrainisch',
          starts_at: fromLocal(date, '10:00'),
          ends_at: fromLocal(date, '13:00'),
          registration_until: fromLocal(addDays(date, -3), '23:59'),
          capacity,
          childcare_places: childcare,
          invited_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    };
    const register = async (workshopId: string, memberId: string, persons: number, children: number, attended: boolean | null, ends: Date) => {
      const { id } = await trx
        .insertInto('council_registrations')
        .values({ workshop_id: workshopId, member_id: memberId, persons, childcare_children: children, status: 'confirmed', attended, link_key: key() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('council_needs')
        .values({ registration_id: id, childcare_ages: children > 0 ? '4 und 7 Jahre' : null, interpreter_language: null, delete_after: ends })
        .execute();
    };

    const past = [
      {
        days: -120,
        title: 'Wege zur Schule und zur Kita',
        discussed:
          'Wie kommen Kinder sicher zur Schule und zur Kita? Die Familien haben ihre Wege auf einem Stadtplan eingezeichnet und über gefährliche Stellen gesprochen.',
        blindSpots: 'Viele Eltern wussten nicht, dass es Schulwegpläne gibt. Familien ohne Auto sind auf Busse angewiesen, die morgens oft voll sind.',
        ideas: 'Elternhaltestellen vor den Schulen; Schulwegpläne in mehreren Sprachen; ein Laufbus in Herringen.',
        results: [
          { title: 'Schulwegpläne in einfacher Sprache und fünf Sprachen', initiative: 'sichere-schulwege', followUp: 'in_progress' as const },
          { title: 'Mehr Busse am Morgen auf der Linie nach Herringen', initiative: null, followUp: 'taken_up' as const },
        ],
      },
      {
        days: -60,
        title: 'Spielen im Sommer',
        discussed: 'Wo spielen Kinder im Sommer, und was fehlt? Die Familien haben Spielplätze bewertet und Wünsche gesammelt.',
        blindSpots: 'Auf vielen Spielplätzen gibt es keinen Schatten und kein Trinkwasser. Jugendliche finden kaum Orte für sich.',
        ideas: 'Sonnensegel und Bäume; Trinkbrunnen; ein Treffpunkt für Jugendliche am Kurpark.',
        results: [
          { title: 'Schatten auf den fünf meistbesuchten Spielplätzen', initiative: 'schattige-spielplaetze', followUp: 'in_progress' as const },
          { title: 'Trinkbrunnen an Spielplätzen prüfen', initiative: null, followUp: 'open' as const },
        ],
      },
    ];
    for (const [index, p] of past.entries()) {
      const id = await workshop(p.days, p.title, 'Ankommen, Arbeit in kleinen Gruppen, Vorstellen der Ergebnisse, Ausblick.', 60, 12);
      const ends = fromLocal(addDays(today, p.days), '13:00');
      for (const [i, memberId] of members.entries())
        if ((i + index) % 3 !== 0) await register(id, memberId, 1 + (i % 2), i % 5 === 0 ? 1 : 0, i % 7 !== 0, ends);
      await trx
        .updateTable('council_workshops')
        .set({ report_discussed: p.discussed, report_blind_spots: p.blindSpots, report_ideas: p.ideas, report_published_at: new Date() })
        .where('id', '=', id)
        .execute();
      const links: { initiativeId: string; url: string; label: string }[] = [];
      for (const r of p.results) {
        const initiativeId = r.initiative ? (initiatives.get(r.initiative) ?? null) : null;
        const { id: resultId } = await trx
          .insertInto('council_results')
          .values({ workshop_id: id, title: r.title, initiative_id: initiativeId, follow_up: r.followUp })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (initiativeId) links.push({ initiativeId, url: `${workshopPath(id)}#ergebnis-${resultId}`, label: `Familienbeirat, ${p.title}: ${r.title}` });
      }
      await councilSources.replaceLinks(trx, `${workshopPath(id)}#`, links);
    }

    const upcoming = await workshop(
      24,
      'Ankommen in Hamm: was neue Familien brauchen',
      'Wir sprechen darüber, wie Familien, die neu in Hamm sind, Beratung, Kita und Schule finden. Mit Kinderbetreuung und Dolmetschen.',
      40,
      10,
    );
    const ends = fromLocal(addDays(today, 24), '13:00');
    await register(upcoming, members[0]!, 2, 2, null, ends);
    await register(upcoming, members[1]!, 1, 0, null, ends);
    // The members' exchange: a private group of the network; the demo family account is a member.
    await sharedGroups.syncPrivateGroup(trx, deps.notifications, exchangeGroup, [...memberEmails]);
  });
  return true;
}
