import type { PersonalDataDeclaration } from '../../platform/privacy/declarations.js';

/** Days an account whose address was never confirmed is kept. */
export const unconfirmedAccountDays = 7;

/** What the accounts module holds about a person. */
export const accountsPersonalData: PersonalDataDeclaration[] = [
  {
    name: 'konto',
    table: 'users',
    subject: { user: 'id' },
    purpose: 'das Konto selbst',
    columns: {
      email: 'Anmeldung und Benachrichtigungen',
      display_name: 'Anrede in Mails und auf den Seiten',
      password_hash: 'Anmeldung mit Passwort (nur als argon2id-Hash)',
      role: 'Berechtigungen',
      locale: 'Sprache der Seiten und Mails',
      email_confirmed_at: 'Nachweis, dass die Adresse der Person gehört',
      created_at: 'Löschung nie bestätigter Konten',
      last_login_at: 'Anzeige der letzten Anmeldung',
    },
    notExported: ['password_hash'],
    context: ['updated_at'],
    onErase: 'delete',
    retention: {
      rule: `bis zur Löschung des Kontos; nie bestätigte Konten ${unconfirmedAccountDays} Tage nach der Registrierung`,
      sweep: { days: unconfirmedAccountDays, after: 'created_at', unless: 'email_confirmed_at' },
    },
  },
  {
    name: 'einwilligungen',
    table: 'consents',
    subject: { user: 'user_id' },
    purpose: 'Nachweis einer Einwilligung (Art. 7 Abs. 1 DSGVO)',
    columns: { purpose: 'wofür', text_version: 'welche Fassung', text: 'der Wortlaut', given_at: 'wann erteilt', withdrawn_at: 'wann widerrufen' },
    onErase: 'delete',
    retention: { rule: 'bis zur Löschung des Kontos' },
  },
  {
    name: 'organisationen',
    table: 'memberships',
    subject: { user: 'user_id' },
    purpose: 'Mitgliedschaft in einer Organisation (Rechte als Träger oder Partner)',
    columns: { organization_id: 'welche Organisation', created_at: 'seit wann' },
    context: [{ as: 'organisation', from: 'organizations', select: 'name', by: 'organization_id' }],
    onErase: 'delete',
    retention: { rule: 'bis die Verwaltung die Mitgliedschaft beendet oder das Konto gelöscht wird' },
  },
  {
    name: 'anmeldungen',
    table: 'sessions',
    subject: { user: 'user_id' },
    purpose: 'angemeldet bleiben',
    columns: { created_at: 'Beginn', last_seen_at: 'Leerlaufgrenze', expires_at: 'Höchstdauer' },
    onErase: 'delete',
    retention: { rule: 'bis zum Abmelden, nach SESSION_IDLE_MINUTES ohne Nutzung oder spätestens nach SESSION_ABSOLUTE_HOURS', job: 'platform.maintenance' },
  },
  {
    name: 'anmeldelinks',
    table: 'auth_tokens',
    subject: { user: 'user_id' },
    purpose: 'Links zum Bestätigen der Adresse, zum Anmelden und zum Zurücksetzen des Passworts (nur als Hash)',
    columns: { purpose: 'welcher Link', created_at: 'erstellt', expires_at: 'gültig bis', used_at: 'benutzt' },
    onErase: 'delete',
    retention: { rule: 'einen Tag nach Ablauf (Links gelten 15 Minuten bis 24 Stunden)', sweep: { days: 1, after: 'expires_at' } },
  },
];
