import type { Facts, PageTexts } from './facts.js';

/** German template texts. Facts the city must supply are marked "[Platzhalter: …]". */
export function germanPages(f: Facts): PageTexts {
  return {
    impressum: {
      title: 'Impressum',
      body: `Angaben nach § 5 Digitale-Dienste-Gesetz (DDG)

## Diensteanbieter

Stadt ${f.city}
[Platzhalter: Name der verantwortlichen Dienststelle, z. B. Der Oberbürgermeister, Fachbereich Familie]
[Platzhalter: Straße und Hausnummer]
[Platzhalter: Postleitzahl] ${f.city}

Die Stadt ${f.city} ist eine Gebietskörperschaft des öffentlichen Rechts.

## Vertretung

Die Stadt ${f.city} wird gesetzlich vertreten durch [Platzhalter: Name der Oberbürgermeisterin oder des Oberbürgermeisters].

## Kontakt

- Telefon: [Platzhalter: Telefonnummer der Zentrale]
- E-Mail: [Platzhalter: E-Mail-Adresse für allgemeine Anfragen]
- Fragen zu Angeboten für Familien beantwortet das ${f.officeName}, ${f.officeAddress}, Telefon ${f.officePhone}, E-Mail ${f.officeEmail}.

## Aufsichtsbehörde

[Platzhalter: zuständige Aufsichtsbehörde mit Anschrift, z. B. die Bezirksregierung]

## Umsatzsteuer-Identifikationsnummer

Umsatzsteuer-Identifikationsnummer nach § 27a Umsatzsteuergesetz: [Platzhalter: USt-IdNr. der Stadt, falls vorhanden]

## Inhaltlich verantwortlich

Verantwortlich für den Inhalt nach § 18 Absatz 2 Medienstaatsvertrag (MStV):
[Platzhalter: Name und Anschrift der inhaltlich verantwortlichen Person]

## Redaktion

Die Inhalte des ${f.portal} pflegt die Redaktion der Stadt ${f.city}. Hinweise und Korrekturen schicken Sie bitte an ${f.editorsEmail}.

Angebote und Veranstaltungen von Trägern verantworten die jeweiligen Träger. Für Inhalte fremder Websites, auf die wir verlinken, sind deren Anbieter verantwortlich. Wenn wir von rechtswidrigen Inhalten erfahren, entfernen wir den Link.

## Software

Das ${f.portal} beruht auf der freien Software „Familienrathaus“. Sie steht unter der Lizenz EUPL-1.2 und darf von anderen Städten frei genutzt werden.`,
    },

    datenschutz: {
      title: 'Datenschutzerklärung',
      body: `[Platzhalter: Dieser Text ist eine Vorlage. Bitte lassen Sie ihn vor der Veröffentlichung von der oder dem Datenschutzbeauftragten der Stadt prüfen.]

Hier erfahren Sie, welche personenbezogenen Daten das ${f.portal} verarbeitet, wozu und auf welcher Rechtsgrundlage, wie lange wir sie speichern und welche Rechte Sie haben (Artikel 13 Datenschutz-Grundverordnung, DSGVO).

## Verantwortlicher

Stadt ${f.city}
[Platzhalter: Name der verantwortlichen Dienststelle]
[Platzhalter: Straße und Hausnummer]
[Platzhalter: Postleitzahl] ${f.city}
Telefon: [Platzhalter: Telefonnummer]
E-Mail: [Platzhalter: E-Mail-Adresse]

## Datenschutzbeauftragte

Die behördliche Datenschutzbeauftragte oder den behördlichen Datenschutzbeauftragten der Stadt ${f.city} erreichen Sie unter:
[Platzhalter: Name oder Funktionsbezeichnung, Anschrift, Telefon und E-Mail-Adresse der oder des Datenschutzbeauftragten]

## Das Wichtigste in Kürze

- Kein Tracking: Wir setzen keine Analyse-, Statistik- oder Werbewerkzeuge ein.
- Nur notwendige Cookies: Wir setzen nur Cookies, ohne die die Website nicht sicher funktioniert.
- Keine Anfragen an andere Anbieter: Schriften, Bilder, Skripte und Videos kommen von unserem eigenen Server. Beim Besuch unserer Seiten erfährt kein anderer Anbieter davon.
- Keine Übermittlung in Länder außerhalb der Europäischen Union und keine automatisierten Entscheidungen nach Artikel 22 DSGVO.

## Besuch der Website

Wenn Sie eine Seite aufrufen, verarbeitet unser Server technisch notwendig Ihre IP-Adresse, die aufgerufene Adresse sowie Datum und Uhrzeit. In den Protokollen des Servers speichern wir die aufgerufene Seite, den Zeitpunkt und das Ergebnis der Anfrage, aber nicht Ihre IP-Adresse und nichts, was hinter einem Fragezeichen in der Adresse steht. Was Sie in die Suche eingeben, speichern wir deshalb nicht.

Zum Schutz vor Missbrauch, zum Beispiel dem automatischen Ausprobieren von Passwörtern oder massenhaften Meldungen, zählen wir Anfragen je IP-Adresse. Dabei speichern wir nicht die IP-Adresse, sondern nur einen daraus berechneten Schlüssel, aus dem sie sich nicht zurückrechnen lässt. Den Zähler löschen wir, sobald sein Zeitfenster abgelaufen ist.

- **Rechtsgrundlage:** Artikel 6 Absatz 1 Buchstabe e DSGVO in Verbindung mit § 3 Datenschutzgesetz Nordrhein-Westfalen (DSG NRW). Wir stellen Informationen im Rahmen unserer öffentlichen Aufgaben bereit und müssen das Angebot dafür sicher betreiben.
- **Speicherdauer der Server-Protokolle:** [Platzhalter: Speicherdauer, z. B. 7 Tage]

## Cookies

Wir verwenden nur Cookies, die für den Betrieb technisch unbedingt erforderlich sind. Dafür brauchen wir nach § 25 Absatz 2 Nummer 2 Telekommunikation-Digitale-Dienste-Datenschutz-Gesetz (TDDDG) keine Einwilligung. Bei einer verschlüsselten Verbindung beginnen die Namen mit „__Host-“.

- **frh_csrf:** schützt unsere Formulare davor, dass eine fremde Website sie in Ihrem Namen absendet. Enthält eine Zufallszahl und wird gelöscht, wenn Sie den Browser schließen.
- **frh_session:** hält Sie angemeldet, nachdem Sie sich angemeldet haben. Enthält eine Zufallszahl, an der wir Ihre Sitzung erkennen. Die Sitzung endet, wenn Sie sich abmelden oder den Browser schließen, nach 60 Minuten ohne Aktivität und spätestens nach 12 Stunden.
- **frh_lang:** merkt sich die Sprache, wenn Sie sie umstellen. Wird nach einem Jahr gelöscht.

## Konto

Ein Konto ist freiwillig. Alle Informationen können Sie auch ohne Konto lesen. Für ein Konto speichern wir Ihre E-Mail-Adresse, Ihren Anzeigenamen, Ihr Passwort (nur als Hashwert, aus dem es sich nicht zurückrechnen lässt), Ihre Sprache, die Zeitpunkte von Registrierung, Bestätigung und letzter Anmeldung sowie Ihre Einwilligungen mit Datum und Wortlaut.

- **Zweck:** Sie anmelden, Ihnen die Funktionen Ihres Kontos bereitstellen und Sie per E-Mail erreichen.
- **Rechtsgrundlage:** Artikel 6 Absatz 1 Buchstabe e DSGVO in Verbindung mit § 3 DSG NRW; soweit wir Sie um Einwilligung bitten, Artikel 6 Absatz 1 Buchstabe a DSGVO.
- **Speicherdauer:** bis Sie Ihr Konto löschen. Konten, deren E-Mail-Adresse nicht innerhalb von 7 Tagen bestätigt wird, löschen wir automatisch. [Platzhalter: Frist für die Löschung lange nicht genutzter Konten]

Wenn Mitarbeitende der Stadt Inhalte oder Konten ändern, protokollieren wir, wer wann was geändert hat. So bleibt das Verwaltungshandeln nachvollziehbar (Artikel 6 Absatz 1 Buchstabe e DSGVO). Diese Einträge löschen wir nach drei Jahren.

## E-Mails

Wir schicken Ihnen E-Mails, wenn Sie sie anstoßen: zum Bestätigen Ihrer Adresse, mit einem Anmelde-Link, zum Zurücksetzen Ihres Passworts, zu Ihren Anmeldungen für die Ferienbetreuung und – wenn Sie ihn bestellt haben – den Familieninfobrief.

- **Rechtsgrundlage:** wie beim Konto; für den Infobrief Ihre Einwilligung (Artikel 6 Absatz 1 Buchstabe a DSGVO), die Sie jederzeit widerrufen können.
- **Speicherdauer:** Versandaufträge mit Ihrer Adresse löschen wir nach höchstens 7 Tagen, Kopien im Postausgang des Portals nach 30 Tagen.
- **Versand:** [Platzhalter: E-Mail-Dienstleister oder Rechenzentrum, das die E-Mails im Auftrag der Stadt versendet]

## Familieninfobrief

Wenn Sie den Infobrief bestellen, speichern wir Ihre E-Mail-Adresse, Ihre Sprache und freiwillig die Themen und den Stadtbezirk, die Sie interessieren. Als Nachweis Ihrer Einwilligung speichern wir den Wortlaut und die Fassung des Einwilligungstextes und die Zeitpunkte von Anmeldung und Bestätigung (doppeltes Opt-in). Zu jeder Ausgabe vermerken wir, ob die E-Mail zugestellt werden konnte.

- **Zweck:** Ihnen den Infobrief schicken, passend zu Ihren Themen und Ihrem Stadtbezirk.
- **Rechtsgrundlage:** Ihre Einwilligung (Artikel 6 Absatz 1 Buchstabe a DSGVO). Sie können sie jederzeit mit dem Link in jeder Ausgabe widerrufen.
- **Speicherdauer:** nicht bestätigte Anmeldungen 7 Tage; nach der Abmeldung löschen wir Themen und Stadtbezirk sofort und die Adresse nach 30 Tagen.

## Vorschläge für Veranstaltungen

Wenn Sie eine Veranstaltung vorschlagen, speichern wir die Angaben zur Veranstaltung und – nur wenn Sie sie angeben – Ihre E-Mail-Adresse, um Ihnen die Entscheidung der Redaktion mitzuteilen.

- **Rechtsgrundlage:** Artikel 6 Absatz 1 Buchstabe e DSGVO; für die freiwillige E-Mail-Adresse Ihre Einwilligung (Artikel 6 Absatz 1 Buchstabe a DSGVO).
- **Speicherdauer:** die E-Mail-Adresse 30 Tage nach der Entscheidung; nicht veröffentlichte Vorschläge 180 Tage.

## Ferienbetreuung

Für die Ferienbetreuung speichern wir in Ihrem Konto Ihre Kinder (Vor- und Nachname, Geburtsdatum), Notfallkontakte, die Fotoerlaubnis, einen Vorrang (zum Beispiel Familienpass oder Bildung und Teilhabe), die Wunschlisten, die zugeteilten Plätze, Wartelisten und die Anwesenheit. Angaben zu Allergien, Medikamenten oder Unterstützungsbedarf (Gesundheitsdaten) speichern wir nur mit Ihrer ausdrücklichen Einwilligung; den Wortlaut der Einwilligung speichern wir mit. Diese Angaben sehen nur der Träger eines Angebots, in dem Ihr Kind einen Platz hat, und die Administration – nicht die übrige Redaktion.

- **Zweck:** Plätze fair verlosen, Wartelisten führen und die Betreuung sicher durchführen.
- **Rechtsgrundlage:** Artikel 6 Absatz 1 Buchstabe e DSGVO in Verbindung mit dem Achten Buch Sozialgesetzbuch (Kinder- und Jugendhilfe); für Gesundheitsdaten Ihre ausdrückliche Einwilligung (Artikel 9 Absatz 2 Buchstabe a DSGVO), die Sie jederzeit widerrufen können.
- **Empfänger:** der Träger des Angebots, in dem Ihr Kind einen Platz hat.
- **Speicherdauer:** bis die Saison abgeschlossen ist und die eingestellte Frist abgelaufen ist (Standard: 180 Tage); dann löscht ein Auftrag Kinder, Kontakte, Wünsche und Plätze dieser Saison automatisch.

## Befragungen

Befragungen sind anonym. Mit Ihren Antworten speichern wir nur den Tag (ohne Uhrzeit) und den Weg, über den Sie zur Befragung kamen (zum Beispiel „Familienzentrum Pelkum“) – keinen Namen, kein Konto, keine IP-Adresse und keine Angaben zu Ihrem Gerät. Wenn Sie eine Befragung unterbrechen, halten wir Ihre bisherigen Antworten unter einem Zufallsschlüssel bereit, höchstens 30 Tage. Zugangscodes liegen getrennt von den Antworten und werden beim Absenden gelöscht, ohne dass sich ein Code einer Antwort zuordnen lässt. In Auswertungen zeigen wir keine Gruppe mit weniger als 5 Antworten.

- **Rechtsgrundlage:** Artikel 6 Absatz 1 Buchstabe e DSGVO in Verbindung mit § 3 DSG NRW.
- **Speicherdauer:** unterbrochene Befragungen 30 Tage; die anonymen Antworten, solange die Stadt sie für die Familienberichterstattung braucht.

## Barriere melden

Wenn Sie uns über das Formular [Barriere melden](/barriere-melden) eine Barriere mitteilen, speichern wir die betroffene Seite, Ihre Beschreibung und nur wenn Sie sie angeben Ihre E-Mail-Adresse. Die Redaktion erhält die Meldung per E-Mail.

- **Zweck:** die Barriere beseitigen und Ihnen antworten, wenn Sie das möchten.
- **Rechtsgrundlage:** Artikel 6 Absatz 1 Buchstabe e DSGVO in Verbindung mit § 3 DSG NRW und den Vorschriften über barrierefreie Informationstechnik (Behindertengleichstellungsgesetz NRW und Barrierefreie-Informationstechnik-Verordnung NRW); für die freiwillige E-Mail-Adresse Ihre Einwilligung (Artikel 6 Absatz 1 Buchstabe a DSGVO).
- **Speicherdauer:** Wir löschen Meldungen nach einem Jahr automatisch.

## Empfänger

Das Portal wird betrieben von [Platzhalter: Rechenzentrum oder IT-Dienstleister, der im Auftrag der Stadt nach Artikel 28 DSGVO tätig ist, mit Sitz]. In der Stadtverwaltung sehen nur die Mitarbeitenden Ihre Daten, die sie für ihre Aufgabe brauchen. Anderen geben wir Ihre Daten nur, wenn ein Gesetz uns dazu verpflichtet.

## Speicherdauer im Überblick

- Sitzung: bis zur Abmeldung, höchstens 12 Stunden
- Zähler zum Schutz vor Missbrauch: bis sein Zeitfenster abläuft
- Konto: bis Sie es löschen; unbestätigte Konten 7 Tage
- Versandaufträge für E-Mails: 7 Tage; Kopien im Postausgang: 30 Tage
- Meldungen über Barrieren: 1 Jahr
- Familieninfobrief: bis zur Abmeldung, danach 30 Tage; unbestätigte Anmeldungen 7 Tage
- E-Mail-Adresse bei Vorschlägen für Veranstaltungen: 30 Tage nach der Entscheidung
- Ferienbetreuung (Kinder, Kontakte, Wünsche, Plätze): bis zur eingestellten Frist nach Abschluss der Saison (Standard 180 Tage)
- Unterbrochene Befragungen: 30 Tage
- Änderungsprotokoll: 3 Jahre

## Ihre Rechte

Sie haben das Recht auf

- Auskunft über Ihre Daten (Artikel 15 DSGVO),
- Berichtigung unrichtiger Daten (Artikel 16 DSGVO),
- Löschung (Artikel 17 DSGVO),
- Einschränkung der Verarbeitung (Artikel 18 DSGVO),
- Datenübertragbarkeit (Artikel 20 DSGVO),
- Widerspruch gegen die Verarbeitung aus Gründen, die sich aus Ihrer besonderen Situation ergeben (Artikel 21 DSGVO).

Wenn wir Daten berichtigen, löschen oder ihre Verarbeitung einschränken, teilen wir das den Empfängern mit (Artikel 19 DSGVO). Eine Einwilligung können Sie jederzeit für die Zukunft widerrufen (Artikel 7 Absatz 3 DSGVO). Wenden Sie sich dafür an die oben genannte Stelle oder an die Datenschutzbeauftragte oder den Datenschutzbeauftragten.

## Beschwerde bei der Aufsichtsbehörde

Wenn Sie meinen, dass wir Ihre Daten nicht rechtmäßig verarbeiten, können Sie sich bei der Aufsichtsbehörde beschweren (Artikel 77 DSGVO). Zuständig ist:

Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen (LDI NRW)
Kavalleriestraße 2–4
40213 Düsseldorf
[www.ldi.nrw.de](https://www.ldi.nrw.de)

## Müssen Sie uns Daten geben?

Nein. Alle öffentlichen Seiten können Sie ohne Angaben lesen. Ein Konto und Funktionen, die eine Antwort an Sie brauchen, gibt es nur mit E-Mail-Adresse.`,
    },

    barrierefreiheit: {
      title: 'Erklärung zur Barrierefreiheit',
      body: `Die Stadt ${f.city} ist bemüht, das ${f.portal} im Einklang mit dem Behindertengleichstellungsgesetz Nordrhein-Westfalen (BGG NRW) und der Barrierefreie-Informationstechnik-Verordnung Nordrhein-Westfalen (BITV NRW) barrierefrei zugänglich zu machen. Diese Vorschriften setzen die Richtlinie (EU) 2016/2102 um.

Diese Erklärung zur Barrierefreiheit gilt für das ${f.portal} unter [Platzhalter: Internetadresse des Portals, z. B. https://familien.stadt.example].

## Stand der Vereinbarkeit mit den Anforderungen

Maßstab sind die Anforderungen der BITV NRW und der europäischen Norm EN 301 549. Für Websites entsprechen sie den Web Content Accessibility Guidelines (WCAG) 2.1 auf Stufe AA.

Das ${f.portal} ist nach unserer Einschätzung **teilweise** mit den Anforderungen vereinbar. Welche Inhalte nicht barrierefrei sind und warum, steht im nächsten Abschnitt. [Platzhalter: Ergebnis der Prüfung eintragen: vollständig, teilweise oder nicht vereinbar]

Erläuterungen zum Portal gibt es auch in [Deutscher Gebärdensprache](/gebaerdensprache) und in [Leichter Sprache](/leichte-sprache).

## Nicht barrierefreie Inhalte

Die folgenden Inhalte sind aus den genannten Gründen nicht oder nur teilweise barrierefrei.

### Unvereinbarkeit mit den Anforderungen

- Angebote, Veranstaltungen und Ferienangebote tragen Vereine, Verbände und andere Träger selbst ein. Die Redaktion prüft diese Texte nicht vollständig auf Barrierefreiheit: Einzelne Einträge können Fachbegriffe ohne Erklärung oder Bilder mit ungenauem Alternativtext enthalten. Wenn Sie etwas nicht verstehen, hilft Ihnen das ${f.officeName} (Kontakt unten).
- Die Teilnahmelisten der Ferienbetreuung, die Träger als PDF herunterladen, sind keine barrierefreien PDF-Dokumente (ohne Tags für Screenreader). Dieselben Angaben gibt es barrierefrei auf der Seite selbst und als CSV-Datei.
- Die Videos in Deutscher Gebärdensprache sind noch Platzhalter ohne Gebärden. Was die Videos erklären sollen, steht als Text unter jedem Video. [Platzhalter: Diesen Punkt streichen, sobald die Videos in Gebärdensprache fertig sind.]
- [Platzhalter: weitere Mängel aus der Prüfung, jeweils mit dem betroffenen Inhalt, dem Grund und dem barrierefreien Weg zur selben Information – oder diese Zeile streichen]

### Unverhältnismäßige Belastung

[Platzhalter: Inhalte, für deren Barrierefreiheit sich die Stadt auf eine unverhältnismäßige Belastung beruft, jeweils mit Begründung und Alternative – oder „Keine.“]

### Inhalte außerhalb des Anwendungsbereichs

[Platzhalter: Inhalte, für die die Anforderungen nicht gelten, z. B. Dateien, die vor dem 23. September 2018 veröffentlicht wurden, oder Inhalte Dritter, die die Stadt weder finanziert noch kontrolliert – oder „Keine.“]

## Erstellung dieser Erklärung

Diese Erklärung wurde am [Platzhalter: Datum der Erstellung, TT.MM.JJJJ] erstellt.
Die Einschätzung beruht auf [Platzhalter: Methode, entweder „einer Selbstbewertung der Stadt“ oder „einer Prüfung durch“ mit dem Namen der prüfenden Stelle, jeweils mit Datum und Prüfverfahren, z. B. BITV-Test].
Die Erklärung wurde zuletzt am [Platzhalter: Datum der letzten Überprüfung, TT.MM.JJJJ] überprüft.

Wir überprüfen diese Erklärung mindestens einmal im Jahr und nach jeder größeren Änderung des Portals.

## Feedback und Kontaktangaben

Ist Ihnen eine Barriere im ${f.portal} aufgefallen? Oder brauchen Sie Informationen aus einem nicht barrierefreien Inhalt in anderer Form? Dann sagen Sie es uns:

- Online über unser Formular: [Barriere melden](/barriere-melden)
- E-Mail: ${f.editorsEmail}
- Telefon: ${f.officePhone} (${f.officeName}, ${f.officeHours})
- Post: ${f.officeName}, ${f.officeAddress}

Wir beantworten Ihre Rückmeldung [Platzhalter: Frist für die Antwort, z. B. innerhalb eines Monats]. Wir sagen Ihnen, wie und bis wann wir die Barriere beheben oder auf welchem anderen Weg Sie die Information bekommen.

Für die Barrierefreiheit des Portals ist zuständig: [Platzhalter: verantwortliche Stelle in der Stadtverwaltung mit Funktionsbezeichnung der Ansprechperson]

## Durchsetzungsverfahren

Wenn Sie auf Ihre Rückmeldung keine oder keine zufriedenstellende Antwort erhalten haben, können Sie sich an die Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen wenden und ein Ombudsverfahren beantragen. Die Ombudsstelle gehört zur Landesbeauftragten für Menschen mit Behinderung NRW. Sie vermittelt zwischen Ihnen und der Stadt ${f.city}, damit eine Lösung gefunden wird. Grundlage sind § 10d BGG NRW und die §§ 9 ff. BITV NRW.

Den Antrag können Sie schriftlich, per E-Mail oder mit dem Antragsformular der Ombudsstelle stellen. Er enthält eine Beschreibung der Barriere, Ihren Namen und Ihre Anschrift und den Namen der Stelle, um die es geht (hier: Stadt ${f.city}, ${f.portal}).

Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen
bei der Landesbeauftragten für Menschen mit Behinderung NRW
[Platzhalter: Postanschrift der Ombudsstelle, vor der Veröffentlichung auf deren Website prüfen]
Telefon: [Platzhalter: Telefonnummer der Ombudsstelle, prüfen]
E-Mail: [Platzhalter: E-Mail-Adresse der Ombudsstelle, prüfen]
Internet: [Platzhalter: Internetadresse der Ombudsstelle mit dem Antragsformular, prüfen]`,
    },

    gebaerdensprache: {
      title: 'Informationen in Deutscher Gebärdensprache',
      body: `## Über die Videos

Die Videos erklären in Deutscher Gebärdensprache (DGS), was das ${f.portal} bietet, wie Sie es bedienen und was in der Erklärung zur Barrierefreiheit steht. Jedes Video hat Untertitel. Unter jedem Video steht sein Inhalt auch als Text, und Sie können das Video herunterladen.

Die Videos kommen von unserem eigenen Server. Wir binden keine Videos von anderen Anbietern oder Videoplattformen ein. Wenn Sie ein Video ansehen, erfährt deshalb kein anderer Anbieter davon, und es gibt keine Werbung.

## So erreichen Sie uns

Das ${f.officeName} beantwortet Ihre Fragen auch schriftlich:

- E-Mail: ${f.officeEmail}
- SMS: [Platzhalter: Mobilnummer für SMS]
- Videotelefonie in Gebärdensprache: [Platzhalter: Nummer oder Adresse für Videotelefonie]
- Post: ${f.officeName}, ${f.officeAddress}

Für ein Gespräch im Familienbüro bestellen wir auf Wunsch eine Gebärdensprachdolmetscherin oder einen Gebärdensprachdolmetscher. Bitte sagen Sie uns dafür rechtzeitig Bescheid, am besten per E-Mail. [Platzhalter: Ablauf der Bestellung und Hinweis zur Kostenübernahme]`,
    },
  };
}
