/**
 * The words of the similar-ideas matching (see matching.ts): the hand-written synonym table, stop words, folding
 * and a light German stemmer. No other file of the matching is imported here.
 */

/** Words that mean the same for our purpose, each group mapped to its first word. Stems, folded. */
export const synonymGroups: readonly (readonly string[])[] = [
  ['spielplatz', 'spielgelaend', 'spielflaech', 'spielpark', 'bolzplatz', 'spielstaett'],
  ['kita', 'kindergart', 'kindertagesstaett', 'kindertagesstatt', 'krippe', 'kinderkripp', 'tagesstaett'],
  ['kinderarzt', 'kinderaerzt', 'kinderaerztin', 'kinderaerztinn', 'paediat', 'kinderpraxi', 'kinderarztpraxi'],
  ['radweg', 'fahrradweg', 'radspur', 'fahrradspur', 'radstreif', 'radfahrstreif'],
  ['fussweg', 'gehweg', 'buergersteig', 'trottoir', 'fusspfad'],
  ['ampel', 'fussgaengerampel', 'lichtsignal', 'signalanlag'],
  ['zebrastreif', 'fussgaengerueberweg', 'ueberweg', 'querungshilf'],
  ['schwimmbad', 'hallenbad', 'freibad', 'bad', 'schwimmhall'],
  ['tagesmutt', 'tagespfleg', 'tagesvat', 'kindertagespfleg'],
  ['schulweg', 'schulwege'],
  ['beleuchtung', 'licht', 'lamp', 'laterne', 'strassenlatern', 'strassenbeleuchtung'],
  ['toilett', 'wc', 'klo'],
  ['muell', 'abfall', 'dreck', 'unrat'],
  ['bank', 'sitzbank', 'sitzgelegenheit'],
  ['jugendzentrum', 'jugendtreff', 'jugendhau', 'jugendclub'],
  ['sport', 'sporthall', 'turnhall'],
  ['bus', 'busli', 'buslinie', 'oepnv', 'nahverkehr'],
  ['tempo', 'geschwindigkeit', 'raser'], // not "rasen": folded, the verb is also the lawn (Rasen)
  ['kind', 'nachwuch', 'kinderchen'],
  ['eltern', 'mutt', 'vat', 'familie', 'famili'],
  ['betreuung', 'betreuungsplatz', 'betreuungsangebot'],
  ['schatten', 'sonnenschutz', 'sonnensegel'],
  ['baum', 'baeum', 'begruenung'],
  ['wickelraum', 'wickeltisch', 'wickelmoeglichkeit'],
  ['parkplatz', 'stellplatz', 'parkflaech'],
];

export const synonymOf = new Map<string, string>();
for (const group of synonymGroups) for (const word of group) synonymOf.set(word, group[0]!);

/** The canonical words of the table: a thesaurus group holding one takes it as its key. */
export const tableKeys = new Set(synonymGroups.map((g) => g[0]!));

export const stopWords = new Set(
  (
    'der die das den dem des ein eine einen einem einer eines und oder aber auch nicht kein keine keinen ist sind war waren wird werden ' +
    'wurde sein hat haben hatte im in am an auf aus bei bis durch fuer gegen mit nach ohne ueber um unter vom von vor zu zum zur ' +
    'es er sie wir ihr ich du man sich mich mir uns euch ihnen wie was wo wer wann warum weil dass da dort hier so sehr mehr viel ' +
    'viele bitte gibt geben kann koennen koennte muss muessen soll sollte sollten waere wuerde wuerden noch schon nur immer oft ' +
    'endlich neue neuer neues neuen unser unsere unseren meine mein meinen dies diese dieser dieses jede jeder jedes alle allen ' +
    'mal ganz gar etwa als denn doch ja nein ob wenn dann damit dafuer davon dazu hamm stadt ' +
    // Everyday words that say nothing about the concern: forms of the auxiliaries and modals, pronouns, articles
    // with a preposition, adverbs of time and degree, number words. A paraphrase is full of them ("schon wieder",
    // "überall", "zwölf Praxen"), and in a small or generated index they would count as rare.
    'beim vom ins ans aufs seit wegen trotz statt waehrend also nun eben sogar sowie etwas nichts jemand niemand ' +
    'wieder jetzt heute leider einfach fast kaum ueberall nirgends nirgendwo wirklich eigentlich staendig ' +
    'soll sollen darf duerfen will wollen wollte moechte moechten musste konnte konnten bin bist seid habe hast ' +
    'gehabt gemacht macht machen tun geht gehen kommt kommen lassen laesst steht stehen wissen weiss ' +
    'meinem meiner unserem unserer euer ihre ihren ihrem ihrer seine seinen seinem seiner dessen deren ' +
    'welche welcher welches solche solchen andere anderen anderer anderes ganze ganzen wenig wenige weniger ' +
    'neu gross grosse grossen grosser gut gute guten besser bessere ' +
    'eins zwei drei vier fuenf sechs sieben acht neun zehn elf zwoelf zwanzig dreissig hundert einmal zweimal dreimal'
  ).split(' '),
);

/** Folds German spelling so "Spielgelände" and "Spielgelaende" meet. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** A light German stemmer: strips the common inflection endings, never below four letters. */
export function stem(word: string): string {
  let w = word;
  for (const ending of ['ungen', 'heiten', 'keiten', 'innen', 'ern', 'en', 'er', 'es', 'em', 'e', 'n', 's']) {
    if (w.length - ending.length >= 4 && w.endsWith(ending)) {
      w = ending === 'ungen' ? `${w.slice(0, -ending.length)}ung` : w.slice(0, -ending.length);
      break;
    }
  }
  // Plural umlauts: "plaetz" (Plätze) → "platz".
  return w.replace(/aetz$/, 'atz').replace(/aeum$/, 'aum');
}
