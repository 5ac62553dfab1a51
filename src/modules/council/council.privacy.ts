import type { PersonalDataDeclaration } from '../../platform/privacy/declarations.js';

/** Needs (childcare, interpreter, access, food, travel costs) are deleted this many days after the workshop. */
export const needsRetentionDays = 30;
/** Applications that were not accepted are deleted this many days after they came in. */
export const applicationRetentionDays = 365;

const workshop = { as: 'workshop', from: 'council_workshops', select: 'title', by: 'workshop_id' } as const;

/**
 * The family council needs no account: applicants and members are found by their email address, so
 * "download my data" and "delete my account" cover them. The optional answers about the family are
 * stored only with the applicant's explicit consent (a CHECK in the database) and are never published.
 * The members' exchange is a private group of the network: its posts are declared there.
 */
export const councilPersonalData: PersonalDataDeclaration[] = [
  {
    name: 'familienbeirat_bewerbungen',
    table: 'council_applications',
    subject: { email: 'email' },
    purpose: 'Bewerbung für den Familienbeirat und, wenn angenommen, die Mitgliedschaft',
    columns: {
      name: 'Name für die Einladungen und die Anwesenheitsliste',
      phone: 'Rückfragen zur Bewerbung, wenn angegeben',
      district: 'Stadtbezirk: eine Mischung aus allen Teilen der Stadt',
      household_adults: 'Größe des Haushalts: eine Mischung verschiedener Familien',
      household_children: 'Zahl der Kinder im Haushalt: eine Mischung verschiedener Familien',
      locale: 'Sprache der E-Mails',
      privacy_consent_at: 'Zeitpunkt der Einwilligung in die Verarbeitung der Bewerbung',
      optional_consent_at: 'Zeitpunkt der ausdrücklichen Einwilligung zu den freiwilligen Angaben',
      family_situation: 'freiwillig, mit Einwilligung: Familiensituation, für eine Mischung der Milieus',
      home_languages: 'freiwillig, mit Einwilligung: Sprachen zu Hause, für Dolmetschen und eine Mischung der Milieus',
      needs_interpreter: 'freiwillig, mit Einwilligung: braucht Dolmetschen, um teilzunehmen',
      needs_childcare: 'freiwillig, mit Einwilligung: braucht Kinderbetreuung, um teilzunehmen',
      term_until: 'Ende der Amtszeit als Mitglied',
      result_mails: 'ob das Mitglied Nachrichten zu den Ergebnissen bekommen möchte',
    },
    context: ['status', 'decided_at', 'created_at'],
    onErase: 'delete',
    retention: {
      rule: `nicht angenommene Bewerbungen ${applicationRetentionDays} Tage nach Eingang; Mitglieder bis die Stabsstelle sie nach der Amtszeit entfernt (Name, Adresse und freiwillige Angaben werden dann ersetzt)`,
      sweep: { days: applicationRetentionDays, after: 'created_at', unless: 'term_until' },
    },
  },
  {
    name: 'familienbeirat_entscheidungen',
    table: 'council_applications',
    subject: { user: 'decided_by' },
    purpose: 'wer aus der Stabsstelle über die Bewerbung entschieden hat',
    columns: {},
    context: ['status', 'decided_at'],
    onErase: 'unlink',
    retention: { rule: 'mit der Bewerbung' },
  },
  {
    name: 'familienbeirat_anmeldungen',
    table: 'council_registrations',
    subject: { via: 'member_id', of: 'familienbeirat_bewerbungen' },
    purpose: 'Anmeldung zu einem Workshop des Familienbeirats, mit Warteliste und Anwesenheit',
    columns: {
      persons: 'wie viele Personen mitkommen (Plätze)',
      childcare_children: 'wie viele Kinder betreut werden (Betreuungsplätze)',
      attended: 'Anwesenheit am Tag, für die Teilnahmezahlen und die Nachrichten zu den Ergebnissen',
    },
    context: ['status', 'created_at', workshop],
    onErase: 'delete',
    retention: { rule: 'mit der Mitgliedschaft' },
  },
  {
    name: 'familienbeirat_bedarfe',
    table: 'council_needs',
    subject: { via: 'registration_id', of: 'familienbeirat_anmeldungen' },
    purpose: 'was die Familie braucht, um am Workshop teilzunehmen; nur für die Organisation sichtbar',
    columns: {
      childcare_ages: 'Alter der Kinder in der Betreuung',
      interpreter_language: 'Sprache für das Dolmetschen',
      step_free: 'braucht einen stufenlosen Zugang',
      dietary: 'Hinweise zum Essen',
      travel_refund: 'möchte die Fahrtkosten erstattet bekommen',
    },
    context: ['delete_after'],
    onErase: 'delete',
    retention: { rule: `${needsRetentionDays} Tage nach dem Workshop`, sweep: { days: needsRetentionDays, after: 'delete_after' } },
  },
];
