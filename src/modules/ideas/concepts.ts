/**
 * Family concerns in other words: what families write about, grouped by the city's topics. Broader than a
 * synonym (the table in words.ts, OpenThesaurus): "zu teuer" and "kostenlos" are not the same word, but an
 * idea about a fee and one about a free ticket may well be the same concern. So a shared concept counts half of
 * a shared word when ranking (ranking.ts), and it helps the lookup only together with another key.
 *
 * How the table was written (see the README, "Ideen und Anliegen"): a concept is here when the development data
 * (bench/similar-ideas.tsv, bench/similar-ideas.fresh.tsv) raises that kind of concern, widened with the everyday
 * words families use for it; none was added for a concern only the second held-out set raises. Words are written
 * as people write them; they are folded and stemmed like any text. A compound takes the concept of its head
 * ("Kinderzahnarzt" → Zahnarzt).
 */
import { singularOf } from './thesaurus.js';
import { fold, stem, synonymOf } from './words.js';

export const conceptGroups: readonly (readonly string[])[] = [
  // Medizinische Versorgung für Kinder
  ['Arztpraxis', 'Arzt', 'Ärztin', 'Praxis', 'Kinderarzt', 'Kinderheilkunde', 'Patient', 'Aufnahmestopp', 'Hausarzt'],
  ['Notdienst', 'Notfallpraxis', 'Bereitschaftsdienst', 'Notaufnahme', 'Notfall', 'Notarzt'],
  ['Krankenhaus', 'Klinik', 'Kinderklinik', 'Kinderstation', 'Hospital'],
  ['Zahnarzt', 'Zahnärztin', 'Zahnmedizin', 'Zahnheilkunde', 'Zahnbehandlung', 'Zähne'],
  ['Psychotherapie', 'Psychiatrie', 'Psychologe', 'Psychologin', 'Therapeut', 'Therapie', 'psychisch', 'seelisch', 'depressiv', 'Depression'],
  ['Logopädie', 'Logopäde', 'Logopädin', 'Sprachtherapie', 'Sprachförderung', 'Sprachentwicklung', 'Sprechen'],
  ['Geburt', 'Hebamme', 'Geburtshilfe', 'Entbindung', 'Schwangere', 'Schwangerschaft', 'Wochenbett', 'Geburtsvorbereitung', 'werdende'],
  ['Impfung', 'Impfen', 'Impftermin', 'Vorsorge', 'Vorsorgeuntersuchung', 'Untersuchung'],
  ['Frühförderung', 'Förderbedarf', 'Entwicklungsverzögerung', 'Förderung'],
  ['Kur', 'Erholung', 'erschöpft', 'Erschöpfung', 'Auszeit', 'Entlastung', 'überlastet'],
  // Sichere Fuß- und Radwege
  ['langsam', 'Tempo', 'Geschwindigkeit', 'schnell', 'Raser', 'rasen', 'Tempolimit', 'Verkehrsberuhigung', 'Blitzer', 'Geschwindigkeitskontrolle'],
  ['Querung', 'Zebrastreifen', 'Überweg', 'Ampel', 'Querungshilfe', 'Mittelinsel', 'Grünphase', 'überqueren', 'Kreuzung', 'Fußgängerampel'],
  ['parken', 'Falschparker', 'zugeparkt', 'Elterntaxi', 'Bringzone', 'Holzone', 'Halteverbot', 'Parkverbot'],
  ['Fahrrad', 'Rad', 'radeln', 'Radfahren', 'Radfahrer', 'Fahrradstraße', 'Lastenrad'],
  ['Fahrradständer', 'Radständer', 'Fahrradbügel', 'Abstellanlage', 'Abstellplatz', 'Fahrradparkplatz', 'abstellen', 'anschließen'],
  ['dunkel', 'Beleuchtung', 'hell', 'finster', 'beleuchten', 'Licht', 'Laterne'],
  ['Nahverkehr', 'Bus', 'Bahn', 'Ticket', 'Fahrkarte', 'Monatskarte', 'Haltestelle', 'Busverbindung', 'Buslinie', 'Schulbus', 'Schülerverkehr', 'Busfahren'],
  ['Bahnhof', 'Gleis', 'Schiene', 'Bahngleis', 'Bahnübergang', 'Unterführung'],
  ['barrierefrei', 'Kinderwagen', 'Buggy', 'Rollstuhl', 'Rampe', 'Stufe', 'Aufzug', 'kinderwagengerecht', 'rollstuhlgerecht'],
  ['gefährlich', 'Gefahr', 'Unfall', 'angefahren', 'unsicher', 'Sicherheit'],
  // Kinderbetreuung
  ['Personal', 'Fachkraft', 'Erzieher', 'Erzieherin', 'Personalmangel', 'Fachkräftemangel', 'Lehrkraft', 'Notbetreuung'],
  ['Öffnungszeit', 'Schließzeit', 'Sommerpause', 'geöffnet', 'offen', 'öffnen', 'schließen', 'geschlossen', 'Randzeit', 'abholen'],
  [
    'Kosten',
    'Gebühr',
    'Beitrag',
    'Elternbeitrag',
    'Mitgliedsbeitrag',
    'teuer',
    'günstig',
    'Preis',
    'preiswert',
    'kostenlos',
    'gratis',
    'bezahlen',
    'leisten',
    'Geld',
    'Tarif',
    'Ermäßigung',
    'Rabatt',
    'Zuschuss',
    'Armut',
    'arm',
    'bedürftig',
  ],
  ['Ganztag', 'OGS', 'Ganztagsschule', 'Nachmittagsbetreuung', 'Hort', 'Übermittagbetreuung'],
  ['Vergabe', 'Warteliste', 'Platzvergabe', 'Anmeldung', 'Zusage', 'Absage'],
  // Spielplätze und Sport
  ['Spielgerät', 'Schaukel', 'Rutsche', 'Wippe', 'Klettergerüst', 'Kletterturm', 'Sandkasten', 'Karussell', 'Spielhaus'],
  ['Klettern', 'Kletterwand', 'Boulderwand', 'Bouldern', 'Kletterhalle'],
  ['Fußball', 'kicken', 'bolzen', 'Fußballplatz', 'Fußballfeld', 'Fußballtor', 'Tor', 'Kinderfußball'],
  ['Basketball', 'Basketballkorb', 'Streetball', 'Korb'],
  ['Tischtennis', 'Tischtennisplatte', 'Pingpong'],
  ['Schwimmen', 'Schwimmkurs', 'Seepferdchen', 'Schwimmunterricht', 'Babyschwimmen', 'Nichtschwimmer'],
  ['Verein', 'Sportverein', 'Mitglied', 'Training', 'Mannschaft'],
  ['Skaten', 'Skatepark', 'Skateanlage', 'Skaterpark', 'Skateboard', 'Halfpipe'],
  ['Hitze', 'Schatten', 'Sonnensegel', 'Sonnenschutz', 'heiß', 'Hitzeschutz', 'Sonne', 'kühl', 'überhitzt', 'warm'],
  ['Müll', 'Scherben', 'Glasscherben', 'Dreck', 'sauber', 'Reinigung', 'Hundekot', 'verschmutzt', 'Abfall', 'Mülleimer'],
  ['kaputt', 'defekt', 'marode', 'sanieren', 'reparieren', 'erneuern', 'gesperrt', 'wackelt', 'ausbessern', 'herrichten'],
  // Schule und Bildung
  ['Unterricht', 'Stundenausfall', 'Ausfall', 'Vertretung', 'Freistunde', 'Lehrer', 'Lehrerin'],
  ['Klassenraum', 'Klassenzimmer', 'Schulraum', 'Klasse', 'Gruppenraum'],
  ['Mobbing', 'gemobbt', 'mobben', 'ausgegrenzt', 'gehänselt', 'fertiggemacht', 'Ausgrenzung'],
  ['Schulmaterial', 'Schulranzen', 'Schulbuch', 'Schulbedarf', 'Hefte', 'Ranzen'],
  ['Hausaufgabe', 'Nachhilfe', 'Lernhilfe', 'Lernen', 'Hausaufgabenhilfe', 'Förderunterricht'],
  ['Einschulung', 'Schulanfang', 'Übergang', 'Erstklässler', 'Schulstart', 'Schulkind'],
  ['Schulsozialarbeit', 'Sozialarbeiter', 'Sozialarbeit', 'Schulpsychologe', 'Vertrauenslehrer', 'Streetworker'],
  ['Mittagessen', 'Essen', 'Ernährung', 'Verpflegung', 'gesund', 'Mensa', 'Kantine'],
  ['Beruf', 'Berufsberatung', 'Ausbildung', 'Praktikum', 'Schulabgänger', 'Jugendberufsagentur', 'Berufsorientierung'],
  // Freizeit und Kultur
  ['Ferien', 'Sommerferien', 'Ferienprogramm', 'Ferienspiele', 'Ferienangebot', 'Ferienfreizeit', 'Zeltlager', 'Ferienlager', 'Schulferien'],
  ['Jugendliche', 'Teenager', 'Teens', 'Jugend', 'Pubertät', 'Heranwachsende'],
  ['Treffpunkt', 'Treff', 'chillen', 'abhängen', 'Unterstand', 'Aufenthalt'],
  ['Freizeitbad', 'Spaßbad', 'Sommerbad', 'Erlebnisbad', 'Freibad', 'Hallenbad', 'Schwimmbad'],
  ['Eintritt', 'Museum', 'Tierpark', 'Zoo', 'Theater', 'Kino'],
  ['Kurs', 'Ausbildung', 'Schulung', 'Training', 'Lehrgang', 'Workshop', 'Fahrschule'],
  // Beratung und Unterstützung
  ['Beratung', 'Beratungsstelle', 'Anlaufstelle', 'Ansprechpartner', 'Ansprechstelle', 'Ansprechperson', 'Sprechstunde', 'Hilfe', 'Unterstützung'],
  ['Antrag', 'Formular', 'ausfüllen', 'Bescheid', 'Behörde', 'Amt', 'Bürokratie', 'Papierkram', 'Unterlagen'],
  ['Schulden', 'Schuldnerberatung', 'Rechnung', 'finanziell', 'Nachzahlung', 'Mahnung'],
  ['Ehrenamt', 'ehrenamtlich', 'Helfer', 'freiwillig', 'Pate', 'Patenschaft', 'Nachbarschaftshilfe'],
  ['Trennung', 'Scheidung', 'alleinerziehend', 'getrennt'],
  ['Dolmetscher', 'Übersetzer', 'übersetzen', 'Sprache', 'mehrsprachig', 'Deutschkenntnisse', 'Muttersprache'],
  ['Baby', 'Säugling', 'Neugeborenes', 'Kleinkind', 'Babys'],
  ['Drogen', 'Dealer', 'Drogenhandel', 'Sucht', 'kiffen'],
  ['Medien', 'Handy', 'Smartphone', 'Internet', 'Bildschirmzeit', 'Tablet'],
  // Wohnen und Wohnumfeld
  ['Wohnung', 'Miete', 'Vermieter', 'Wohnraum', 'Sozialwohnung', 'Wohnungssuche', 'Zuhause'],
  ['Grün', 'begrünen', 'Grünfläche', 'Wiese', 'Rasen', 'Bäume', 'pflanzen', 'Beton', 'versiegelt'],
  ['Lärm', 'Krach', 'laut', 'leise', 'Ruhe', 'ruhig', 'Lärmschutz'],
  ['autofrei', 'Autos', 'Verkehr', 'Durchgangsverkehr', 'Spielstraße', 'Straßenfest'],
];

/** Folds and stems a word as any text is (words.ts, thesaurus.ts), so the table meets the stored terms. */
function termOf(word: string): string {
  const folded = fold(word).replace(/[^a-z0-9]/g, '');
  const stemmed = singularOf(stem(folded));
  return synonymOf.get(stemmed) ?? synonymOf.get(folded) ?? stemmed;
}

let conceptOfTerm: Map<string, string> | undefined;

/** Each term with its concept (the first word of its group); a term in two groups belongs to the first. */
function loadConcepts(): Map<string, string> {
  const map = new Map<string, string>();
  for (const group of conceptGroups) {
    const id = termOf(group[0]!);
    for (const word of group) if (!map.has(termOf(word))) map.set(termOf(word), id);
  }
  return map;
}

/** The concept of a term, or of its longest head (four letters or more) that has one ("kinderzahnarzt" → "zahnarzt"). */
export function conceptOf(term: string): string | undefined {
  conceptOfTerm ??= loadConcepts();
  const cached = headConcepts.get(term);
  if (cached !== undefined) return cached ?? undefined;
  let id = conceptOfTerm.get(term);
  for (let start = 1; id === undefined && term.length - start >= 4; start++) id = conceptOfTerm.get(term.slice(start));
  if (headConcepts.size >= 100_000) headConcepts.clear();
  headConcepts.set(term, id ?? null);
  return id;
}

/** Terms already looked up, with their concept or null (bounded: cleared when full). */
const headConcepts = new Map<string, string | null>();
