import type { AppDeps } from '../../platform/deps.js';
import type { PersonalDataDeclaration } from '../../platform/privacy/declarations.js';
import { erasePersonalDataOfSeason, seasonsPastRetention } from './retention.repository.js';

/** The consent for needs (special-category data, Art. 9 DSGVO); the text is stored with each consent. */
export const needsConsentVersion = 'ferien-beduerfnisse-2026-11';
export const needsConsentText =
  'Ich willige ausdrücklich ein, dass die Angaben zu Bedürfnissen meines Kindes (Allergien, Medikamente, Unterstützungsbedarf) gespeichert und nur an den Träger eines Angebots weitergegeben werden, in dem mein Kind einen Platz hat, sowie von der Verwaltung eingesehen werden können. Ich kann die Einwilligung jederzeit widerrufen, indem ich die Angaben lösche.';

export const retentionJob = 'holidays.retention';

const offer = { as: 'angebot', from: 'holiday_offers', select: 'title', by: 'offer_id' } as const;
const season = { as: 'saison', from: 'holiday_seasons', select: 'name', by: 'season_id' } as const;
const withSeason = 'bis die Eltern sie löschen, spätestens wenn die Frist nach Abschluss der Saison abläuft (Standard 180 Tage)';

/** What the holidays module holds about parents and their children, and about staff who run it. */
export const holidayPersonalData: PersonalDataDeclaration[] = [
  {
    name: 'ferien_kinder',
    table: 'holiday_children',
    subject: { user: 'parent_id' },
    purpose: 'Kinder, die Eltern für die Ferienbetreuung anmelden',
    columns: {
      first_name: 'Teilnahme, Teilnehmendenliste des Trägers',
      last_name: 'Teilnahme, Teilnehmendenliste des Trägers',
      birth_date: 'Alter für die Angebote',
      needs: 'Bedürfnisse (Art. 9 DSGVO, nur mit ausdrücklicher Einwilligung)',
      needs_consent_version: 'Nachweis der Einwilligung zu den Bedürfnissen',
      needs_consent_at: 'Nachweis der Einwilligung zu den Bedürfnissen',
      photo_consent: 'Fotoerlaubnis',
      priority: 'Vorrang im Losverfahren (Familienpass, BuT)',
    },
    context: ['id', 'created_at'],
    onErase: 'delete',
    retention: { rule: withSeason, job: retentionJob },
  },
  {
    name: 'ferien_notfallkontakte',
    table: 'holiday_contacts',
    subject: { via: 'child_id', of: 'ferien_kinder' },
    purpose: 'wen der Träger im Notfall anruft',
    columns: { name: 'Name der Kontaktperson', phone: 'Telefonnummer', relation: 'Beziehung zum Kind' },
    context: ['position'],
    onErase: 'delete',
    retention: { rule: 'mit dem Kind', job: retentionJob },
  },
  {
    name: 'ferien_wunschlisten',
    table: 'holiday_wish_lists',
    subject: { via: 'child_id', of: 'ferien_kinder' },
    purpose: 'Teilnahme am Losverfahren einer Saison',
    columns: {
      max_places: 'höchstens gewünschte Plätze',
      group_code: 'Gruppencode für Geschwister und Freunde',
      employer_id: 'Arbeitgeber, dessen reservierte Plätze das Kind nutzen kann (mit dessen Code angegeben)',
      submitted_at: 'abgegeben am',
    },
    context: ['id', season, { as: 'arbeitgeber', from: 'organizations', select: 'name', by: 'employer_id' }],
    onErase: 'delete',
    retention: { rule: withSeason, job: retentionJob },
  },
  {
    name: 'ferien_wuensche',
    table: 'holiday_wishes',
    subject: { via: 'wish_list_id', of: 'ferien_wunschlisten' },
    purpose: 'die Wünsche einer Wunschliste',
    columns: { offer_id: 'gewünschtes Angebot', rank: 'Rang des Wunsches' },
    context: [offer],
    onErase: 'delete',
    retention: { rule: withSeason, job: retentionJob },
  },
  {
    name: 'ferien_plaetze',
    table: 'holiday_places',
    subject: { via: 'child_id', of: 'ferien_kinder' },
    purpose: 'Plätze eines Kindes (verlost, nachgerückt oder gebucht)',
    columns: {
      offer_id: 'Angebot',
      source: 'wie der Platz vergeben wurde',
      status: 'angeboten, zugesagt, zurückgegeben …',
      respond_by: 'Antwortfrist',
      created_at: 'vergeben am',
    },
    context: ['id', offer],
    onErase: 'delete',
    retention: { rule: withSeason, job: retentionJob },
  },
  {
    name: 'ferien_wartelisten',
    table: 'holiday_waitlist',
    subject: { via: 'child_id', of: 'ferien_kinder' },
    purpose: 'Platz auf der Warteliste eines Angebots',
    columns: { offer_id: 'Angebot', position: 'Platz in der Reihenfolge', status: 'wartend, angeboten oder gestrichen', created_at: 'seit' },
    context: [offer],
    onErase: 'delete',
    retention: { rule: withSeason, job: retentionJob },
  },
  {
    name: 'ferien_anwesenheit',
    table: 'holiday_attendance',
    subject: { via: 'place_id', of: 'ferien_plaetze' },
    purpose: 'Anwesenheit des Kindes je Tag (Aufsicht des Trägers)',
    columns: { day: 'Tag', present: 'anwesend oder nicht' },
    onErase: 'delete',
    retention: { rule: withSeason, job: retentionJob },
  },
  {
    name: 'ferien_anwesenheit_erfasst',
    table: 'holiday_attendance',
    subject: { user: 'recorded_by' },
    purpose: 'wer die Anwesenheit erfasst hat (Träger)',
    columns: {},
    context: ['day'],
    onErase: 'unlink',
    retention: { rule: 'mit der Anwesenheit', job: retentionJob },
  },
  {
    name: 'ferienangebote_kontakt',
    table: 'holiday_offers',
    subject: { email: 'contact_email' },
    purpose: 'Ansprechperson eines Angebots für Familien und Verwaltung',
    columns: { contact_name: 'Name der Ansprechperson', contact_phone: 'Telefonnummer der Ansprechperson' },
    context: ['title', 'status', 'first_day', 'last_day'],
    onErase: { replace: { contact_name: '', contact_email: '', contact_phone: '' } },
    retention: { rule: 'bis die Daten der Saison gelöscht werden', job: retentionJob },
  },
  {
    name: 'ferienangebote_angelegt',
    table: 'holiday_offers',
    subject: { user: 'created_by' },
    purpose: 'wer ein Angebot eingetragen hat (Träger)',
    columns: {},
    context: ['title', 'status', 'created_at'],
    onErase: 'unlink',
    retention: { rule: 'solange das Angebot besteht' },
  },
  {
    name: 'ferienangebote_geprueft',
    table: 'holiday_offers',
    subject: { user: 'reviewed_by' },
    purpose: 'wer ein Angebot freigegeben oder abgelehnt hat (Redaktion)',
    columns: {},
    context: ['title', 'status', 'reviewed_at'],
    onErase: 'unlink',
    retention: { rule: 'solange das Angebot besteht' },
  },
  {
    name: 'ferien_losverfahren',
    table: 'holiday_runs',
    subject: { user: 'started_by' },
    purpose: 'wer einen Probelauf oder die Verlosung gestartet hat (Admin)',
    columns: {},
    context: [season, 'kind', 'created_at'],
    onErase: 'unlink',
    retention: { rule: 'solange die Saison besteht' },
  },
];

/**
 * Deletes the personal data of seasons closed longer than their retention period: children who
 * took part only in such seasons (with contacts, wishes, places, attendance), and all wish lists,
 * places and waiting lists of the season, and the contact details of its offers. Offers and
 * anonymous run figures stay.
 */
export async function deleteExpiredSeasonData(deps: Pick<AppDeps, 'db'>, now = new Date()): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const seasons = await seasonsPastRetention(trx, now);
    for (const { id } of seasons) await erasePersonalDataOfSeason(trx, id, now);
    return seasons.length;
  });
}
