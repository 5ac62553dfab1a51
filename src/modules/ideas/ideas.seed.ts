import { createHash, randomBytes } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.js';
import type { IdeaShownAs, IdeaStatus } from '../../db/tables/ideas.js';
import { matchingVersion, storedTerms } from './matching.js';
import type { IdeaTopic } from './ideas.topics.js';

/** Stable UUID from a name, so the seed recognises its own rows. */
export function demoIdeaId(name: string): string {
  const h = createHash('sha1').update(`familienrathaus-ideas:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

type Demo = [title: string, body: string];

/** Fictional ideas and concerns, per topic. */
const demoIdeas: Record<IdeaTopic, Demo[]> = {
  kinderaerzte: [
    [
      'Mehr Kinderarztpraxen im Hammer Osten',
      'Wir finden seit Monaten keine Kinderarztpraxis, die neue Patientinnen aufnimmt. Bitte setzen Sie sich für eine weitere Praxis im Osten ein.',
    ],
    [
      'Kinderärztlicher Notdienst am Wochenende näher',
      'Der Notdienst am Wochenende ist für Familien ohne Auto kaum erreichbar. Eine Sprechstunde im Stadtteil wäre eine große Hilfe.',
    ],
    ['Impftermine für Kinder im Familienzentrum', 'Impfaktionen direkt im Familienzentrum würden vielen Eltern Wege ersparen.'],
    ['Hebammen-Sprechstunde in Herringen', 'In Herringen gibt es keine Hebammenberatung. Eine offene Sprechstunde einmal pro Woche wäre toll.'],
    [
      'Wartezeiten bei der Frühförderung',
      'Auf einen Termin in der Frühförderung warten wir über ein halbes Jahr. Gibt es Möglichkeiten, das zu beschleunigen?',
    ],
    ['Liste der Kinderarztpraxen mit freien Plätzen', 'Eine Übersicht, welche Praxen gerade neue Kinder aufnehmen, würde die Suche sehr erleichtern.'],
  ],
  wege: [
    [
      'Zebrastreifen vor der Grundschule Bockum-Hövel',
      'Vor der Grundschule fahren Autos oft zu schnell. Ein Zebrastreifen würde den Schulweg sicherer machen.',
    ],
    ['Radweg an der Werler Straße durchgehend ausbauen', 'Der Radweg endet plötzlich und Kinder müssen auf die Fahrbahn. Bitte den Weg durchgehend ausbauen.'],
    ['Beleuchtung am Fußweg zum Bahnhof Heessen', 'Der Fußweg ist abends sehr dunkel. Mehr Laternen würden Jugendlichen den Heimweg sicherer machen.'],
    ['Tempo 30 vor Kitas', 'Vor allen Kitas sollte Tempo 30 gelten, auch auf Hauptstraßen.'],
    ['Schulwegplan für alle Grundschulen', 'Ein Plan mit sicheren Wegen zu jeder Grundschule würde Eltern und Kindern helfen.'],
    ['Fahrradständer am Maxipark-Eingang', 'Am Eingang fehlen sichere Fahrradständer für Kinderräder und Lastenräder.'],
    ['Ampelphasen für Fußgänger verlängern', 'An der Kreuzung am Nordring reicht die Grünphase nicht, um mit Kinderwagen über die Straße zu kommen.'],
  ],
  kinderbetreuung: [
    ['Mehr Kita-Plätze für unter Dreijährige', 'In Pelkum fehlen Plätze für Kinder unter drei Jahren. Viele Eltern können deshalb nicht arbeiten.'],
    ['Längere Öffnungszeiten in Kindergärten', 'Für Eltern im Schichtdienst wären Öffnungszeiten bis 18 Uhr eine große Erleichterung.'],
    ['Ferienbetreuung für Grundschulkinder ausbauen', 'In den Sommerferien reichen die Plätze in der Betreuung nicht. Bitte mehr Angebote schaffen.'],
    ['Kita-Anmeldung online und in mehreren Sprachen', 'Die Anmeldung für die Kita sollte online möglich sein und in mehreren Sprachen erklärt werden.'],
    ['Tagesmütter besser bekannt machen', 'Viele Eltern wissen nicht, dass es Kindertagespflege gibt. Eine Übersicht wäre hilfreich.'],
    ['Notfallbetreuung bei Krankheit der Eltern', 'Wenn Eltern krank sind, fehlt oft eine kurzfristige Betreuung für die Kinder.'],
    ['Randzeitenbetreuung im Offenen Ganztag', 'Der Offene Ganztag endet um 16 Uhr. Eine Betreuung bis 17 Uhr würde vielen Familien helfen.'],
  ],
  'spielen-sport': [
    ['Schattenplätze am Spielplatz Kurpark', 'Im Sommer ist der Spielplatz im Kurpark ohne Schatten kaum nutzbar. Sonnensegel oder Bäume wären super.'],
    ['Neuer Bolzplatz in Uentrop', 'Die Jugendlichen in Uentrop haben keinen Platz zum Fußballspielen. Ein Bolzplatz würde fehlen.'],
    ['Inklusiver Spielplatz für Kinder mit Behinderung', 'Es gibt in der Stadt kaum Spielgeräte, die auch Kinder im Rollstuhl nutzen können.'],
    ['Toiletten an großen Spielplätzen', 'An den großen Spielplätzen fehlen Toiletten. Für Familien mit kleinen Kindern ist das ein Problem.'],
    ['Schwimmkurse für alle Grundschulkinder', 'Viele Kinder können am Ende der Grundschule nicht schwimmen. Mehr Kurse und Wasserzeiten wären wichtig.'],
    ['Spielplatz an der Lippe erneuern', 'Die Spielgeräte am Spielplatz an der Lippe sind alt und teilweise gesperrt.'],
    ['Sporthallen am Wochenende für Familien öffnen', 'Offene Sporthallen am Sonntag wären im Winter ein schönes Angebot für Familien.'],
  ],
  schule: [
    ['Mehr Schulsozialarbeit an Grundschulen', 'Schulsozialarbeit sollte es an jeder Grundschule geben, nicht nur an einigen.'],
    ['Hausaufgabenhilfe in der Stadtbücherei', 'Eine kostenlose Hausaufgabenhilfe in der Stadtbücherei würde vielen Kindern helfen.'],
    ['Schultoiletten sanieren', 'Die Toiletten an der Gesamtschule sind in schlechtem Zustand. Viele Kinder gehen dort nicht aufs Klo.'],
    ['Sprachförderung vor der Einschulung', 'Kinder mit wenig Deutschkenntnissen brauchen vor der Schule mehr Förderung.'],
    ['WLAN und Tablets für alle Schulen', 'Nicht alle Schulen haben gutes WLAN. Das sollte überall selbstverständlich sein.'],
    ['Trinkwasserbrunnen in Schulen', 'Kostenlose Trinkwasserbrunnen in allen Schulen würden Kinder gesünder machen.'],
  ],
  freizeit: [
    ['Jugendtreff in Rhynern', 'In Rhynern gibt es keinen Treffpunkt für Jugendliche. Ein Jugendzentrum mit offenen Abenden wäre schön.'],
    ['Familienpass mit Rabatten', 'Ein Familienpass mit Rabatten für Bad, Museum und Zoo würde Familien mit wenig Geld helfen.'],
    ['Mehr Ferienprogramm für Jugendliche ab 14', 'Für Jugendliche ab 14 gibt es in den Ferien kaum Angebote.'],
    ['Kostenloser Eintritt im Museum für Kinder', 'Kinder sollten im Gustav-Lübcke-Museum immer freien Eintritt haben.'],
    ['Familienkino im Sommer im Park', 'Ein Open-Air-Kino für Familien im Sommer wäre ein schönes Angebot.'],
    ['Bücherei sonntags öffnen', 'Am Sonntag hätten Familien Zeit für die Bücherei. Eine Öffnung am Sonntagnachmittag wäre toll.'],
    ['Stadtteilfeste mit Angeboten für Kinder', 'Die Stadtteilfeste könnten mehr Spiel- und Bastelangebote für Kinder haben.'],
  ],
  beratung: [
    ['Familienbüro auch am Samstag', 'Berufstätige Eltern schaffen es unter der Woche nicht ins Familienbüro. Ein Samstag im Monat wäre gut.'],
    ['Beratung für Alleinerziehende', 'Alleinerziehende brauchen eine feste Anlaufstelle mit Beratung zu Geld, Betreuung und Beruf.'],
    ['Anträge für Familien vereinfachen', 'Die Anträge für Kinderzuschlag und Bildungspaket sind sehr kompliziert. Eine Hilfe beim Ausfüllen wäre gut.'],
    ['Elterncafé in jedem Stadtbezirk', 'Ein offenes Elterncafé in jedem Bezirk wäre ein guter Ort für Austausch und Beratung.'],
    ['Beratung auf Türkisch und Arabisch', 'Viele Eltern verstehen die Beratung auf Deutsch nicht gut. Beratung in weiteren Sprachen wäre wichtig.'],
    ['Willkommensbesuch für neugeborene Kinder', 'Ein Besuch nach der Geburt mit Informationen zu Angeboten in der Stadt wäre sehr hilfreich.'],
  ],
  wohnen: [
    ['Bezahlbare Wohnungen für große Familien', 'Für Familien mit vier Kindern gibt es kaum bezahlbare Wohnungen.'],
    ['Mehr Grün in der Innenstadt', 'Mehr Bäume und Grünflächen in der Innenstadt würden das Leben für Familien angenehmer machen.'],
    ['Wickelräume in öffentlichen Gebäuden', 'In vielen städtischen Gebäuden fehlt ein Wickelraum.'],
    ['Sitzbänke auf dem Weg zum Spielplatz', 'Für Großeltern und Schwangere wären mehr Bänke auf den Wegen eine Hilfe.'],
    ['Müll auf dem Spielplatz Bockum-Hövel', 'Auf dem Spielplatz liegt oft Müll und Glas. Mehr Mülleimer und häufigere Reinigung wären nötig.'],
    ['Ruhige Innenhöfe für Kinder', 'Bei Neubauten sollten Innenhöfe zum Spielen geplant werden.'],
  ],
  sonstiges: [
    ['Familienfreundliche Öffnungszeiten im Bürgeramt', 'Termine im Bürgeramt am frühen Abend würden berufstätigen Eltern helfen.'],
    ['Kinderwagen im Bus kostenlos', 'Eltern mit Kinderwagen sollten im Bus nicht bezahlen müssen.'],
    ['Familienfreundliche Arbeitgeber auszeichnen', 'Die Stadt könnte Arbeitgeber auszeichnen, die besonders familienfreundlich sind.'],
    ['Stillräume in der Innenstadt', 'In der Innenstadt fehlen ruhige Orte zum Stillen.'],
    ['Parkplätze für Familien am Rathaus', 'Am Rathaus sollte es breitere Parkplätze für Familien mit Kinderwagen geben.'],
    ['Kinderrechte sichtbarer machen', 'Die Stadt könnte mit Aktionen und Plakaten auf die Kinderrechte aufmerksam machen.'],
  ],
};

const firstNames = ['Ayşe', 'Jonas', 'Maria', 'Olena', 'Murat', 'Sarah', 'Lukas', 'Fatima', 'Anna', 'Piotr', 'Lea', 'Mehmet'];
const offices: Record<IdeaTopic, string> = {
  kinderaerzte: 'Gesundheitsamt, Kinder- und Jugendgesundheitsdienst',
  wege: 'Tiefbau- und Grünflächenamt, Verkehrsplanung',
  kinderbetreuung: 'Jugendamt, Abteilung Kindertagesbetreuung',
  'spielen-sport': 'Tiefbau- und Grünflächenamt, Spielflächen',
  schule: 'Amt für Schule und Bildung',
  freizeit: 'Jugendamt, Jugendförderung',
  beratung: 'Familienbüro',
  wohnen: 'Stadtplanungsamt',
  sonstiges: 'Familienbüro',
};
const statusCycle: IdeaStatus[] = [
  'received',
  'in_review',
  'answered',
  'in_progress',
  'done',
  'answered',
  'not_possible',
  'in_progress',
  'not_responsible',
  'received',
];

const answerText: Record<IdeaStatus, string> = {
  received: '',
  in_review: 'Vielen Dank für Ihren Beitrag. Wir prüfen, was möglich ist, und melden uns mit dem Ergebnis.',
  answered: 'Vielen Dank. Wir haben Ihr Anliegen aufgenommen und in der zuständigen Arbeitsgruppe besprochen. Wir halten Sie hier auf dem Laufenden.',
  in_progress: 'Gute Nachricht: Wir setzen das um. Die Planung läuft, die Umsetzung ist für das nächste Jahr vorgesehen.',
  done: 'Erledigt: Die Maßnahme ist umgesetzt. Vielen Dank für den Hinweis!',
  not_possible:
    'Wir haben das geprüft. Leider ist es nicht möglich, weil die Fläche nicht der Stadt gehört und der Eigentümer nicht zugestimmt hat. Wir suchen nach anderen Lösungen in der Nähe.',
  not_responsible: 'Für dieses Anliegen ist nicht die Stadt zuständig. Wir haben es weitergegeben.',
};

/** About 60 fictional ideas across topics and statuses, answered with dates; idempotent. */
export async function seedIdeasDemo(deps: AppDeps): Promise<boolean> {
  const { db, city } = deps;
  const first = demoIdeaId('kinderaerzte-0');
  if (await db.selectFrom('ideas').select('id').where('id', '=', first).executeTakeFirst()) return false;
  const day = 86_400_000;
  const now = Date.now();
  await db.transaction().execute(async (trx) => {
    let n = 0;
    for (const [topic, ideas] of Object.entries(demoIdeas) as [IdeaTopic, Demo[]][]) {
      for (const [i, [title, body]] of ideas.entries()) {
        const status = statusCycle[n % statusCycle.length]!;
        const shownAs: IdeaShownAs = n % 4 === 3 ? 'anonymous' : n % 4 === 2 ? 'initials' : 'first_name';
        const name = firstNames[n % firstNames.length]!;
        const created = new Date(now - (200 - n * 3) * day);
        const published = new Date(created.getTime() + day);
        const id = demoIdeaId(`${topic}-${i}`);
        const answerDays = [3, 12, 25, 40, 8][n % 5]!;
        const answered = status !== 'received';
        const answerAt = new Date(published.getTime() + answerDays * day);
        await trx
          .insertInto('ideas')
          .values({
            id,
            kind: n % 3 === 0 ? 'concern' : 'idea',
            title,
            body,
            topic,
            district: n % 5 === 4 ? null : city.districts[n % city.districts.length]!,
            shown_as: shownAs,
            author_name: shownAs === 'anonymous' ? null : shownAs === 'initials' ? `${name[0]}. ${'BKMSTW'[n % 6]}.` : name,
            author_locale: 'de',
            link_key: randomBytes(16).toString('base64url'),
            moderation: 'published',
            status,
            supporters: (n * 7) % 23,
            match_terms: storedTerms(title, body),
            match_version: matchingVersion,
            confirmed_at: created,
            published_at: published,
            first_answer_at: answered ? answerAt : null,
            last_answer_at: answered ? answerAt : null,
            updated_at: answered ? answerAt : published,
          })
          .execute();
        if (answered) {
          if (status === 'in_progress' || status === 'done') {
            await trx
              .insertInto('idea_entries')
              .values({ idea_id: id, kind: 'answer', status: 'in_review', office: offices[topic], body: answerText.in_review, created_at: answerAt })
              .execute();
          }
          await trx
            .insertInto('idea_entries')
            .values({
              idea_id: id,
              kind: 'answer',
              status,
              office: offices[topic],
              body: answerText[status],
              refer_to: status === 'not_responsible' ? 'Kassenärztliche Vereinigung Westfalen-Lippe oder Straßen.NRW, je nach Thema' : null,
              created_at: new Date(answerAt.getTime() + (status === 'in_progress' || status === 'done' ? 20 * day : 0)),
            })
            .execute();
        }
        n += 1;
      }
    }
    // Two waiting for review, so the editors' queue is not empty.
    for (const [i, [title, body]] of [
      ['Trinkbrunnen auf dem Marktplatz', 'Im Sommer wäre ein Trinkbrunnen auf dem Marktplatz für Kinder und Eltern gut.'],
      ['Mehr Babyschwimmen im Hallenbad', 'Die Kurse für Babyschwimmen sind immer sofort ausgebucht.'],
    ].entries()) {
      await trx
        .insertInto('ideas')
        .values({
          id: demoIdeaId(`waiting-${i}`),
          kind: 'idea',
          title: title!,
          body: body!,
          topic: i === 0 ? 'wohnen' : 'spielen-sport',
          shown_as: 'first_name',
          author_name: firstNames[i]!,
          link_key: randomBytes(16).toString('base64url'),
          moderation: 'pending',
          match_terms: storedTerms(title!, body!),
          match_version: matchingVersion,
          confirmed_at: new Date(now - day),
        })
        .execute();
    }
  });
  return true;
}
