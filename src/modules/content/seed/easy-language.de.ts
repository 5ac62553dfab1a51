import type { EasyLanguageTexts, Facts } from './facts.js';

/**
 * The pages in Leichte Sprache, written by the rules of the Netzwerk Leichte Sprache: one statement
 * per line, common words, hard words explained, long words divided by a middle dot (Familien·büro),
 * numbers as digits, "Sie". Editors change them like every other page.
 */
export function easyLanguagePages(f: Facts): EasyLanguageTexts {
  return {
    'leichte-sprache': {
      title: 'Leichte Sprache',
      body: `Hier finden Sie Informationen in Leichter Sprache.
Leichte Sprache ist einfaches Deutsch.
Die Sätze sind kurz.
Schwere Wörter erklären wir.

Oben auf dieser Seite stehen alle Themen.
Klicken Sie auf ein Thema.
Dann lesen Sie mehr über das Thema.

## Lange Wörter

Manche Wörter sind lang.
Dann steht ein Punkt in dem Wort.
Zum Beispiel: Familien·büro.
So lesen Sie das Wort leichter.

## Sie brauchen Hilfe beim Lesen?

Dann fragen Sie eine Person.
Zum Beispiel:

- eine Person aus Ihrer Familie
- eine Freundin oder einen Freund
- das Familien·büro

## Über diese Texte

[Platzhalter: Wer hat die Texte geprüft? Zum Beispiel eine Prüf·gruppe für Leichte Sprache, mit Datum.]`,
    },

    'leichte-sprache-familienrathaus': {
      title: 'Was ist das Familien·rathaus?',
      body: `Das Familien·rathaus ist eine Internet·seite.
Die Internet·seite ist von der Stadt ${f.city}.
Hier finden Familien Hilfe und Angebote.

## Was finden Sie hier?

- Angebote für Familien.
  Zum Beispiel: Beratung für Eltern oder eine Kita.
- Veranstaltungen.
  Zum Beispiel: ein Fest oder ein Kurs für Kinder.
- Ferien·betreuung.
  Dann passen andere Menschen in den Schul·ferien auf Ihr Kind auf.
- Befragungen.
  Dort sagen Sie Ihre Meinung.
- Neuigkeiten für Familien.

## Was kostet die Internet·seite?

Die Internet·seite ist kostenlos.
Alle Menschen können alles lesen.

## Was ist ein Konto?

Ein Konto ist Ihr eigener Bereich auf der Internet·seite.
Für manche Dinge brauchen Sie ein Konto.
Zum Beispiel:
Sie wollen Ihr Kind für die Ferien·betreuung anmelden.
Für ein Konto brauchen Sie eine E-Mail-Adresse.
Ein Konto ist freiwillig.

## Wer macht die Internet·seite?

Die Stadt ${f.city} macht die Internet·seite.
Vereine und Gruppen machen auch mit.
Sie schreiben ihre Angebote auf die Internet·seite.`,
    },

    'leichte-sprache-angebote': {
      title: 'Angebote finden',
      body: `Auf der Internet·seite gibt es viele Angebote für Familien.
Ein Angebot ist eine Hilfe oder eine Gruppe für Familien.
Zum Beispiel:

- Beratung für Eltern
- Kitas und Tages·mütter
- Kinder·ärzte
- Familien·zentren
- Sport und Frei·zeit

## So finden Sie ein Angebot

1. Gehen Sie auf die Seite [Angebote](/angebote).
2. Schreiben Sie ein Wort in das Feld: Such·begriff.
   Zum Beispiel: Kita.
3. Klicken Sie auf: Angebote anzeigen.
4. Jetzt sehen Sie eine Liste.
   Klicken Sie auf ein Angebot.
   Dann lesen Sie mehr über das Angebot.

## So wird die Liste kürzer

Sie suchen ein Angebot in Ihrer Nähe?
Dann wählen Sie Ihren Stadt·bezirk.

Sie suchen ein Angebot für Ihr Kind?
Dann schreiben Sie das Alter von Ihrem Kind.

Sie suchen ein kostenloses Angebot?
Dann wählen Sie: Nur kostenlose Angebote.

Danach klicken Sie auf: Angebote anzeigen.

## Das steht bei einem Angebot

- Was ist das Angebot?
- Wo ist das Angebot?
- Wann ist das Angebot offen?
- Wie erreichen Sie die Menschen vom Angebot?

Manche Angebote haben auch einen Text in Leichter Sprache.`,
    },

    'leichte-sprache-veranstaltungen': {
      title: 'Veranstaltungen',
      body: `Eine Veranstaltung ist ein Termin für viele Menschen.
Zum Beispiel:

- ein Fest im Stadt·teil
- ein Kurs für Kinder
- ein Treffen für Eltern

## So finden Sie eine Veranstaltung

1. Gehen Sie auf die Seite [Veranstaltungen](/veranstaltungen).
2. Dort sehen Sie alle Termine.
   Die nächsten Termine stehen oben.
3. Klicken Sie auf eine Veranstaltung.
   Dann lesen Sie mehr.
   Zum Beispiel: Wo ist die Veranstaltung?
   Was kostet die Veranstaltung?

## Sie suchen etwas Bestimmtes?

Dann wählen Sie oben auf der Seite:

- Wann?
  Zum Beispiel: Heute.
- das Alter von Ihrem Kind
- Ihren Stadt·bezirk
- ein Thema.
  Zum Beispiel: Sport.

Danach klicken Sie auf: Anzeigen.

## Termine im Kalender

Sie können die Termine in Ihren Kalender holen.
Zum Beispiel: in den Kalender auf Ihrem Handy.
Dafür klicken Sie auf der Seite auf: Kalender-Abo.
Dann kommen neue Termine von selbst in Ihren Kalender.`,
    },

    'leichte-sprache-ferienbetreuung': {
      title: 'Ferien·betreuung',
      body: `In den Schul·ferien haben Kinder frei.
Viele Eltern müssen dann arbeiten.
Dafür gibt es die Ferien·betreuung.
Ferien·betreuung heißt:
Andere Menschen passen auf Ihr Kind auf.
Die Kinder spielen, machen Sport oder Ausflüge.

## So melden Sie Ihr Kind an

1. Sie brauchen ein Konto.
   Hier machen Sie ein Konto: [Registrieren](/registrieren)
2. Gehen Sie auf die Seite [Ferien·betreuung](/ferien).
3. Schreiben Sie die Angaben zu Ihrem Kind auf.
   Zum Beispiel: den Namen und den Geburts·tag.
4. Suchen Sie Angebote für Ihr Kind aus.
   Das sind Ihre Wünsche.
   Das liebste Angebot schreiben Sie nach oben.
5. Prüfen Sie alles.
   Dann schicken Sie die Wünsche ab.
   Sie bekommen eine E-Mail.

## Wer bekommt einen Platz?

Manchmal wollen viele Kinder zu einem Angebot.
Das Angebot hat aber nur wenige Plätze.
Dann entscheidet das Los.
Das heißt: Der Zufall entscheidet.
Alle Kinder haben die gleiche Chance.

## Nach dem Los

Sie bekommen eine E-Mail.
In der E-Mail steht:
Hat Ihr Kind einen Platz?

Ihr Kind hat einen Platz?
Dann sagen Sie zu.
Dafür haben Sie 7 Tage Zeit.

Ihr Kind steht auf der Warte·liste?
Dann warten Sie bitte.
Vielleicht wird ein Platz frei.
Dann bekommen Sie eine E-Mail.
Dann haben Sie 2 Tage Zeit für Ihre Antwort.

## Sie haben Fragen?

Dann fragen Sie das [Familien·büro](/leichte-sprache/familienbuero).`,
    },

    'leichte-sprache-befragung': {
      title: 'Befragung: Sagen Sie Ihre Meinung',
      body: `Die Stadt ${f.city} will gut für Familien sein.
Dafür will die Stadt Ihre Meinung wissen.
Deshalb gibt es Befragungen.

Eine Befragung ist eine Liste mit Fragen.
Sie lesen eine Frage.
Dann klicken Sie Ihre Antwort an.
Manchmal schreiben Sie Ihre Antwort auch auf.

## Die Befragung in Leichter Sprache

Die Befragung gibt es auch in Leichter Sprache.
Hier kommen Sie direkt zur Befragung in Leichter Sprache:
[Befragung in Leichter Sprache](${f.surveyInEasyLanguage})

Alle Befragungen finden Sie hier:
[Mitmachen](/mitmachen)

## Ihr Name bleibt geheim

Die Befragung ist anonym.
Das heißt: Ihr Name bleibt geheim.
Sie machen ohne Konto mit.

## Sie wollen eine Pause machen?

Dann klicken Sie auf: Später fortsetzen.
Dann bekommen Sie einen Link.
Mit dem Link machen Sie später weiter.
Das geht 30 Tage lang.

## Was passiert mit den Antworten?

Die Stadt zählt alle Antworten.
Dann zeigt die Stadt die Ergebnisse auf der Internet·seite.
So sehen alle:
Das denken die Familien in ${f.city}.`,
    },

    'leichte-sprache-familienbuero': {
      title: 'Das Familien·büro',
      body: `Das Familien·büro ist ein Büro von der Stadt ${f.city}.
Dort arbeiten Menschen für Familien.
Sie beantworten Ihre Fragen.
Die Beratung ist kostenlos.

Zum Beispiel zu diesen Fragen:

- Welche Hilfe gibt es für meine Familie?
- Wo finde ich einen Platz in einer Kita?
- Wie funktioniert die Internet·seite?

## So erreichen Sie das Familien·büro

Sie können anrufen.
Die Telefon·nummer ist:
${f.officePhone}

Sie können eine E-Mail schreiben.
Die E-Mail-Adresse ist:
${f.officeEmail}

Sie können auch hingehen.
Die Adresse ist:
${f.officeName}
${f.officeStreet}
${f.officeLocality}

## Wann ist das Familien·büro offen?

${f.officeHours}

## Sie sprechen Gebärden·sprache?

Dann sehen Sie hier:
[Gebärden·sprache](/gebaerdensprache)`,
    },

    'leichte-sprache-bedienung': {
      title: 'So benutzen Sie die Internet·seite',
      body: `## Das Menü

Oben auf jeder Seite ist das Menü.
Das Menü ist eine Liste mit Links.
Mit einem Link kommen Sie auf eine andere Seite.
Im Menü stehen die wichtigen Themen.
Zum Beispiel: Angebote und Veranstaltungen.

Auf dem Handy ist das Menü zu.
Dann klicken Sie auf: Menü.
Jetzt sehen Sie das Menü.

## Suchen

Oben auf jeder Seite ist ein Feld zum Suchen.
Dort schreiben Sie ein Wort.
Zum Beispiel: Kita.
Dann klicken Sie auf: Suchen.
Jetzt sehen Sie alle Seiten mit diesem Wort.

## Die Sprache ändern

Die Internet·seite gibt es in 7 Sprachen.
Zum Beispiel: Englisch, Türkisch und Arabisch.
Oben auf jeder Seite stehen die Sprachen.
Klicken Sie auf Ihre Sprache.
Leichte Sprache gibt es nur auf Deutsch.

## Die Schrift größer machen

Die Schrift ist zu klein?
Dann drücken Sie 2 Tasten zusammen:
Strg und Plus.
Auf einem Apple-Computer sind es diese Tasten:
cmd und Plus.
Auf dem Handy ziehen Sie die Seite mit 2 Fingern größer.

## Ganz unten auf jeder Seite

Ganz unten auf jeder Seite stehen wichtige Links.
Zum Beispiel:

- [Leichte Sprache](/leichte-sprache)
- [Gebärden·sprache](/gebaerdensprache)
- [Barriere melden](/barriere-melden)

## Etwas ist schwer zu benutzen?

Dann sagen Sie es uns bitte.
Hier schreiben Sie uns:
[Barriere melden](/barriere-melden)`,
    },

    'leichte-sprache-barrierefreiheit': {
      title: 'Barriere·freiheit',
      body: `Barriere·freiheit heißt:
Alle Menschen können die Internet·seite benutzen.
Auch Menschen mit Behinderung.
Zum Beispiel:

- Menschen mit einer Seh·behinderung
- gehörlose Menschen
- Menschen mit Lern·schwierigkeiten

Für Internet·seiten von Ämtern gibt es dafür ein Gesetz.
Die Stadt ${f.city} hält sich an das Gesetz.

## Wie gut ist die Internet·seite?

Wir haben die Internet·seite geprüft.
Vieles ist schon gut.
Einige Dinge sind noch schwer.
Wir arbeiten daran.

[Platzhalter: Was ist noch schwer? Schreiben Sie hier die wichtigsten Punkte aus der Erklärung zur Barrierefreiheit in Leichter Sprache auf.]

Alle Angaben stehen in der Erklärung zur Barriere·freiheit.
Die Erklärung ist in schwerer Sprache:
[Erklärung zur Barriere·freiheit](/barrierefreiheit)

## Sie finden eine Barriere?

Eine Barriere ist ein Hindernis.
Zum Beispiel:

- Ein Text ist zu klein.
- Ein Knopf ist kaputt.

Dann sagen Sie es uns bitte.

- Schreiben Sie uns hier: [Barriere melden](/barriere-melden)
- Oder schreiben Sie eine E-Mail: ${f.editorsEmail}
- Oder rufen Sie das Familien·büro an: ${f.officePhone}

Wir antworten Ihnen.

## Sie sind unzufrieden mit unserer Antwort?

Dann hilft Ihnen eine Stelle vom Land Nordrhein-Westfalen.
Die Stelle heißt:
Ombuds·stelle für barriere·freie Informations·technik.
Die Ombuds·stelle spricht mit der Stadt.
So finden alle zusammen eine Lösung.
Die Adresse steht in der [Erklärung zur Barriere·freiheit](/barrierefreiheit).

## Videos in Gebärden·sprache

Wir erklären die Internet·seite auch in Deutscher Gebärden·sprache.
Hier finden Sie die Videos:
[Gebärden·sprache](/gebaerdensprache)`,
    },
  };
}
