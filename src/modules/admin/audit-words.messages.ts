import { defineMessages } from '../../platform/i18n/i18n.js';

const role = (name: string, de: boolean) =>
  de
    ? `{${name}, select, family {Familie} provider {Anbieter} partner {Bündnispartner} analyst {Auswertung} editor {Redaktion} admin {Verwaltung} other {{${name}}}}`
    : `{${name}, select, family {family} provider {provider} partner {alliance partner} analyst {analyst} editor {editor} admin {administrator} other {{${name}}}}`;
const signTopic = (de: boolean) =>
  de
    ? '{topic, select, inhalt {Inhalt der Website} bedienung {Bedienung der Website} barrierefreiheit {Erklärung zur Barrierefreiheit} other {{topic}}}'
    : '{topic, select, inhalt {Content of the website} bedienung {Using the website} barrierefreiheit {Accessibility statement} other {{topic}}}';
const phase = (name: string, de: boolean) =>
  de
    ? `{${name}, select, collecting {Angebote sammeln} wishes {Wünsche abgeben} allocation {Plätze werden verlost} results {Ergebnisse verschickt} first_come {Restplätze frei buchbar} closed {abgeschlossen} other {{${name}}}}`
    : `{${name}, select, collecting {collecting offers} wishes {handing in wishes} allocation {places being allocated} results {results sent} first_come {remaining places bookable} closed {closed} other {{${name}}}}`;

/** A translation's language, in the German forms a sentence needs ("ins Türkische", "die türkische", "einer türkischen"). */
const language = (form: 'into' | 'the' | 'of') => {
  const stem = { en: 'englisch', tr: 'türkisch', ar: 'arabisch', uk: 'ukrainisch', ru: 'russisch', pl: 'polnisch' };
  const word = (s: string) => (form === 'into' ? `ins ${s[0]!.toUpperCase()}${s.slice(1)}e` : form === 'the' ? `${s}e` : `${s}en`);
  return `{locale, select, ${Object.entries(stem)
    .map(([code, s]) => `${code} {${word(s)}}`)
    .join(' ')} other {{locale}}}`;
};
const englishLanguage = '{locale, select, en {English} tr {Turkish} ar {Arabic} uk {Ukrainian} ru {Russian} pl {Polish} other {{locale}}}';

/**
 * The audit log in words: one whole sentence per action, the actor being the one in the "Wer" column.
 * Every action the code records needs a sentence here (audit-words.test.ts checks).
 */
const german = {
  unknown: 'Aktion „{action}“',
  'user.registered': 'Hat sich registriert.',
  'user.email_confirmed': 'Hat die E-Mail-Adresse bestätigt.',
  'user.password_reset': 'Hat das Passwort über einen Link neu gesetzt.',
  'user.password_changed': 'Hat das Passwort geändert.',
  'user.profile_updated': 'Hat das eigene Profil geändert.',
  'user.deleted': 'Ein Konto wurde gelöscht.',
  'user.role_changed': `Hat die Rolle eines Kontos von „${role('from', true)}“ zu „${role('to', true)}“ geändert.`,
  'membership.added': 'Hat ein Konto der Organisation „{organization}“ zugeordnet.',
  'membership.removed': 'Hat ein Konto aus einer Organisation entfernt.',
  'organization.created': 'Hat die Organisation „{name}“ angelegt.',
  'organization.trusted': 'Hat „{name}“ erlaubt, Einträge ohne Prüfung zu veröffentlichen.',
  'organization.untrusted': 'Hat festgelegt, dass Einträge von „{name}“ wieder geprüft werden.',
  'content.page_updated': 'Hat eine Seite geändert (Version {version}).',
  'content.sign_video_added': `Hat das Video in Gebärdensprache zum Thema „${signTopic(true)}“ hochgeladen.`,
  'content.sign_video_replaced': `Hat Video oder Untertitel in Gebärdensprache zum Thema „${signTopic(true)}“ ersetzt.`,
  'content.sign_video_updated': `Hat Überschrift oder Text des Videos in Gebärdensprache zum Thema „${signTopic(true)}“ geändert.`,
  'content.sign_video_deleted': `Hat das Video in Gebärdensprache zum Thema „${signTopic(true)}“ gelöscht.`,
  'directory.entry_submitted': 'Hat einen Verzeichniseintrag zur Prüfung eingereicht (Version {version}).',
  'directory.entry_published': 'Hat einen Verzeichniseintrag veröffentlicht (Version {version}).',
  'directory.proposal_withdrawn': 'Hat eine Änderung am Verzeichnis zurückgezogen (Version {version}).',
  'directory.revision_approved': 'Hat eine Änderung am Verzeichnis freigegeben (Version {version}).',
  'directory.revision_rejected': 'Hat eine Änderung am Verzeichnis abgelehnt (Version {version}).',
  'directory.topic_created': 'Hat das Thema „{name}“ angelegt.',
  'directory.topic_intro_updated': 'Hat die Einführung eines Themas geändert.',
  'directory.hsds_imported': 'Hat ein HSDS-Paket in das Verzeichnis übernommen.',
  'places.entry_submitted': 'Hat einen Praktikums- oder Ausbildungsplatz zur Prüfung eingereicht (Version {version}).',
  'places.entry_published': 'Hat einen Praktikums- oder Ausbildungsplatz veröffentlicht (Version {version}).',
  'places.proposal_withdrawn': 'Hat eine Änderung an einem Praktikums- oder Ausbildungsplatz zurückgezogen (Version {version}).',
  'places.revision_approved': 'Hat eine Änderung an einem Praktikums- oder Ausbildungsplatz freigegeben (Version {version}).',
  'places.revision_rejected': 'Hat eine Änderung an einem Praktikums- oder Ausbildungsplatz abgelehnt (Version {version}).',
  'youth.school_saved': 'Hat die Schule „{name}“ und ihre Ansprechperson für die Berufsorientierung gespeichert.',
  'youth.school_deleted': 'Hat die Schule „{name}“ aus der Liste entfernt.',
  'event.created': 'Hat die Veranstaltung „{title}“ angelegt.',
  'event.updated': 'Hat die Veranstaltung „{title}“ geändert.',
  'event.occurrence_changed': 'Hat einen einzelnen Termin einer Veranstaltung geändert ({date}).',
  'event.approved': 'Hat die Veranstaltung „{title}“ freigegeben.',
  'event.rejected': 'Hat die Veranstaltung „{title}“ abgelehnt.',
  'event.publishing_revoked': 'Hat „{name}“ das direkte Veröffentlichen von Veranstaltungen entzogen.',
  'event.publishing_restored': 'Hat „{name}“ das direkte Veröffentlichen von Veranstaltungen wieder erlaubt.',
  'holidays.season_created': 'Hat eine Ferienzeit für die Ferienbetreuung angelegt.',
  'holidays.phase_changed': `Hat die Ferienbetreuung von „${phase('from', true)}“ zu „${phase('to', true)}“ weitergeschaltet.`,
  'holidays.offer_submitted': 'Hat das Ferienangebot „{title}“ zur Prüfung eingereicht.',
  'holidays.offer_resubmitted': 'Hat das Ferienangebot „{title}“ geändert und erneut eingereicht.',
  'holidays.offer_approved': 'Hat ein Ferienangebot freigegeben.',
  'holidays.offer_rejected': 'Hat ein Ferienangebot abgelehnt.',
  'holidays.offer_cancelled':
    'Hat ein Ferienangebot abgesagt; {placesEnded, plural, =0 {es waren keine Plätze vergeben} one {# vergebener Platz endet} other {# vergebene Plätze enden}}.',
  'holidays.seed_committed': 'Hat den Startwert der Verlosung festgelegt.',
  'appointments.booked': 'Hat einen Beratungstermin „{service}“ gebucht.',
  'appointments.cancelled': 'Hat einen Beratungstermin „{service}“ abgesagt.',
  'appointments.moved': 'Hat einen Beratungstermin „{service}“ verschoben.',
  'appointments.attended': 'Hat einen Beratungstermin „{service}“ als wahrgenommen vermerkt.',
  'appointments.no_show': 'Hat einen Beratungstermin „{service}“ als nicht wahrgenommen vermerkt.',
  'appointments.blocked': 'Hat Zeit einer Beratung gesperrt.',
  'appointments.unblocked': 'Hat eine Sperre in der Zeit einer Beratung aufgehoben.',
  'holidays.run_previewed': 'Hat eine Probe-Verlosung berechnet.',
  'holidays.run_confirmed': 'Hat die Verlosung der Ferienplätze bestätigt.',
  'news.created': 'Hat die Neuigkeit „{title}“ angelegt.',
  'news.updated': 'Hat die Neuigkeit „{title}“ geändert.',
  'news.deleted': 'Hat eine Neuigkeit gelöscht.',
  'translation.saved': `Hat „{title}“ ${language('into')} übersetzt.`,
  'translation.proposed': `Hat eine Übersetzung von „{title}“ ${language('into')} zur Prüfung eingereicht.`,
  'translation.deleted': `Hat die ${language('the')} Übersetzung von „{title}“ gelöscht.`,
  'translation.proposal_discarded': `Hat den Vorschlag einer ${language('of')} Übersetzung von „{title}“ verworfen.`,
  'newsletter.issue_created': 'Hat die Infobrief-Ausgabe „{subject}“ angelegt.',
  'newsletter.issue_test_sent': 'Hat eine Test-E-Mail des Infobriefs an {recipients, plural, one {# Adresse} other {# Adressen}} geschickt.',
  'newsletter.issue_scheduled': 'Hat den Versand einer Infobrief-Ausgabe geplant.',
  'newsletter.issue_unscheduled': 'Hat den geplanten Versand einer Infobrief-Ausgabe aufgehoben.',
  'newsletter.issue_sending_started': 'Der Versand der Infobrief-Ausgabe „{subject}“ an {total, plural, one {# Adresse} other {# Adressen}} hat begonnen.',
  'newsletter.issue_unknown_resent': 'Hat {deliveries, plural, one {# Zustellung} other {# Zustellungen}} mit unklarem Ausgang erneut verschickt.',
  'survey.created': 'Hat die Befragung „{slug}“ angelegt.',
  'survey.edited': 'Hat eine Befragung bearbeitet.',
  'survey.version_created': 'Hat eine neue Fassung einer Befragung angelegt (Fassung {version}).',
  'survey.settings_changed': 'Hat die Einstellungen einer Befragung geändert.',
  'survey.open': 'Hat eine Befragung gestartet.',
  'survey.close': 'Hat eine Befragung beendet.',
  'survey.publish': 'Hat die Ergebnisse einer Befragung veröffentlicht.',
  'survey.channel_added': 'Hat einer Befragung den Verteilkanal „{name}“ hinzugefügt.',
  'survey.codes_generated': 'Hat {count, plural, one {# Zugangscode} other {# Zugangscodes}} für eine Befragung erzeugt.',
  'survey.raw_exported': 'Hat die anonymisierten Rohdaten einer Befragung heruntergeladen ({rows, plural, one {# Antwort} other {# Antworten}}).',
  'survey.texts_published': 'Hat {count, plural, one {# Freitext-Antwort} other {# Freitext-Antworten}} einer Befragung veröffentlicht.',
  'idea.published': 'Hat den Beitrag „{title}“ veröffentlicht.',
  'idea.held': 'Hat den Beitrag „{title}“ zurückgestellt.',
  'idea.declined': 'Hat den Beitrag „{title}“ abgelehnt.',
  'idea.answered': 'Hat auf den Beitrag „{title}“ geantwortet.',
  'idea.merged': 'Hat den Beitrag „{title}“ mit „{into}“ zusammengeführt.',
  'initiative.imported': 'Hat die Vorhaben aus einer CSV-Datei übernommen ({created} neu, {changed} geändert).',
  'initiative.update_posted': 'Hat eine Neuigkeit zum Vorhaben „{title}“ veröffentlicht.',
} as const;

/** The actions the log can put in words. */
export const auditActions: ReadonlySet<string> = new Set(Object.keys(german).filter((key) => key !== 'unknown'));

export const auditWords = defineMessages('admin/audit-words.messages', german, {
  unknown: 'Action “{action}”',
  'user.registered': 'Registered.',
  'user.email_confirmed': 'Confirmed the email address.',
  'user.password_reset': 'Set a new password through a link.',
  'user.password_changed': 'Changed the password.',
  'user.profile_updated': 'Changed their own profile.',
  'user.deleted': 'An account was deleted.',
  'user.role_changed': `Changed an account's role from “${role('from', false)}” to “${role('to', false)}”.`,
  'membership.added': 'Added an account to the organisation “{organization}”.',
  'membership.removed': 'Removed an account from an organisation.',
  'organization.created': 'Created the organisation “{name}”.',
  'organization.trusted': 'Allowed “{name}” to publish entries without review.',
  'organization.untrusted': 'Decided that entries of “{name}” are reviewed again.',
  'content.page_updated': 'Changed a page (version {version}).',
  'content.sign_video_added': `Uploaded the sign language video on “${signTopic(false)}”.`,
  'content.sign_video_replaced': `Replaced the video or captions of the sign language video on “${signTopic(false)}”.`,
  'content.sign_video_updated': `Changed the heading or text of the sign language video on “${signTopic(false)}”.`,
  'content.sign_video_deleted': `Deleted the sign language video on “${signTopic(false)}”.`,
  'directory.entry_submitted': 'Submitted a directory entry for review (version {version}).',
  'directory.entry_published': 'Published a directory entry (version {version}).',
  'directory.proposal_withdrawn': 'Withdrew a change to the directory (version {version}).',
  'directory.revision_approved': 'Approved a change to the directory (version {version}).',
  'directory.revision_rejected': 'Rejected a change to the directory (version {version}).',
  'directory.topic_created': 'Created the topic “{name}”.',
  'directory.topic_intro_updated': "Changed a topic's introduction.",
  'directory.hsds_imported': 'Imported an HSDS package into the directory.',
  'places.entry_submitted': 'Submitted an internship or apprenticeship place for review (version {version}).',
  'places.entry_published': 'Published an internship or apprenticeship place (version {version}).',
  'places.proposal_withdrawn': 'Withdrew a change to an internship or apprenticeship place (version {version}).',
  'places.revision_approved': 'Approved a change to an internship or apprenticeship place (version {version}).',
  'places.revision_rejected': 'Rejected a change to an internship or apprenticeship place (version {version}).',
  'youth.school_saved': 'Saved the school “{name}” and its career-orientation contact.',
  'youth.school_deleted': 'Removed the school “{name}” from the list.',
  'event.created': 'Created the event “{title}”.',
  'event.updated': 'Changed the event “{title}”.',
  'event.occurrence_changed': 'Changed a single date of an event ({date}).',
  'event.approved': 'Approved the event “{title}”.',
  'event.rejected': 'Rejected the event “{title}”.',
  'event.publishing_revoked': 'Withdrew the right of “{name}” to publish events directly.',
  'event.publishing_restored': 'Allowed “{name}” to publish events directly again.',
  'holidays.season_created': 'Created a holiday season for holiday care.',
  'holidays.phase_changed': `Moved holiday care from “${phase('from', false)}” to “${phase('to', false)}”.`,
  'holidays.offer_submitted': 'Submitted the holiday offer “{title}” for review.',
  'holidays.offer_resubmitted': 'Changed the holiday offer “{title}” and submitted it again.',
  'holidays.offer_approved': 'Approved a holiday offer.',
  'holidays.offer_rejected': 'Rejected a holiday offer.',
  'holidays.offer_cancelled':
    'Cancelled a holiday offer; {placesEnded, plural, =0 {no places had been given} one {# place given ends} other {# places given end}}.',
  'holidays.seed_committed': "Fixed the lottery's seed.",
  'appointments.booked': 'Booked a counselling appointment “{service}”.',
  'appointments.cancelled': 'Cancelled a counselling appointment “{service}”.',
  'appointments.moved': 'Moved a counselling appointment “{service}”.',
  'appointments.attended': 'Marked a counselling appointment “{service}” as attended.',
  'appointments.no_show': 'Marked a counselling appointment “{service}” as missed.',
  'appointments.blocked': "Blocked a counsellor's time.",
  'appointments.unblocked': "Lifted a block in a counsellor's time.",
  'holidays.run_previewed': 'Computed a trial allocation.',
  'holidays.run_confirmed': 'Confirmed the allocation of holiday places.',
  'news.created': 'Created the news post “{title}”.',
  'news.updated': 'Changed the news post “{title}”.',
  'news.deleted': 'Deleted a news post.',
  'translation.saved': `Translated “{title}” into ${englishLanguage}.`,
  'translation.proposed': `Submitted a translation of “{title}” into ${englishLanguage} for review.`,
  'translation.deleted': `Deleted the ${englishLanguage} translation of “{title}”.`,
  'translation.proposal_discarded': `Discarded a suggested ${englishLanguage} translation of “{title}”.`,
  'newsletter.issue_created': 'Created the newsletter issue “{subject}”.',
  'newsletter.issue_test_sent': 'Sent a test of the newsletter to {recipients, plural, one {# address} other {# addresses}}.',
  'newsletter.issue_scheduled': 'Scheduled a newsletter issue.',
  'newsletter.issue_unscheduled': 'Cancelled the scheduled sending of a newsletter issue.',
  'newsletter.issue_sending_started': 'Sending of the newsletter issue “{subject}” to {total, plural, one {# address} other {# addresses}} started.',
  'newsletter.issue_unknown_resent': 'Sent {deliveries, plural, one {# delivery} other {# deliveries}} with an unclear outcome again.',
  'survey.created': 'Created the survey “{slug}”.',
  'survey.edited': 'Edited a survey.',
  'survey.version_created': 'Created a new version of a survey (version {version}).',
  'survey.settings_changed': "Changed a survey's settings.",
  'survey.open': 'Opened a survey.',
  'survey.close': 'Closed a survey.',
  'survey.publish': "Published a survey's results.",
  'survey.channel_added': 'Added the channel “{name}” to a survey.',
  'survey.codes_generated': 'Created {count, plural, one {# access code} other {# access codes}} for a survey.',
  'survey.raw_exported': "Downloaded a survey's anonymised raw data ({rows, plural, one {# response} other {# responses}}).",
  'survey.texts_published': 'Published {count, plural, one {# free-text answer} other {# free-text answers}} of a survey.',
  'idea.published': 'Published the post “{title}”.',
  'idea.held': 'Put the post “{title}” on hold.',
  'idea.declined': 'Declined the post “{title}”.',
  'idea.answered': 'Answered the post “{title}”.',
  'idea.merged': 'Merged the post “{title}” into “{into}”.',
  'initiative.imported': 'Applied the initiatives from a CSV file ({created} new, {changed} changed).',
  'initiative.update_posted': 'Published news about the initiative “{title}”.',
});

/** What an entry is about, in words. */
export const auditSubjects = defineMessages(
  'admin/audit-words.messages#auditSubjects',
  {
    subject:
      '{type, select, user {Konto} organization {Organisation} event {Veranstaltung} holiday_offer {Ferienangebot} holiday_season {Ferienzeit} survey {Befragung} news_post {Neuigkeit} newsletter_issue {Infobrief-Ausgabe} taxonomy_term {Thema} directory {Verzeichnis} service {Angebot} location {Standort} content_page {Seite} sign_language_video {Video in Gebärdensprache} idea {Idee oder Anliegen} initiative {Vorhaben} appointment_booking {Beratungstermin} place {Praktikums- oder Ausbildungsplatz} youth_school {Schule} other {{type}}}',
  },
  {
    subject:
      '{type, select, user {Account} organization {Organisation} event {Event} holiday_offer {Holiday offer} holiday_season {Holiday season} survey {Survey} news_post {News post} newsletter_issue {Newsletter issue} taxonomy_term {Topic} directory {Directory} service {Service} location {Location} content_page {Page} sign_language_video {Sign language video} idea {Idea or concern} initiative {Initiative} appointment_booking {Counselling appointment} place {Internship or apprenticeship place} youth_school {School} other {{type}}}',
  },
);
