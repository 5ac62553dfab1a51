import type { PersonalDataDeclaration } from '../../platform/privacy/declarations.js';

/** Days a barrier report is kept. */
export const barrierReportDays = 365;

/** Reports of barriers (with an optional reply address), who last edited a page or a sign-language video. */
export const contentPersonalData: PersonalDataDeclaration[] = [
  {
    name: 'barrierenmeldungen',
    table: 'barrier_reports',
    subject: { email: 'contact_email' },
    purpose: 'freiwillige Adresse für Rückfragen zu einer gemeldeten Barriere',
    columns: { message: 'die Meldung (kann Angaben zur Person enthalten)' },
    context: ['page_url', 'created_at'],
    onErase: 'delete',
    retention: { rule: `${barrierReportDays} Tage nach der Meldung`, sweep: { days: barrierReportDays, after: 'created_at' } },
  },
  {
    name: 'seiten_bearbeitet',
    table: 'content_pages',
    subject: { user: 'updated_by' },
    purpose: 'wer eine Seite zuletzt geändert hat (Redaktion)',
    columns: {},
    context: ['slug', 'locale', 'title', 'updated_at'],
    onErase: 'unlink',
    retention: { rule: 'bis zur nächsten Änderung der Seite' },
  },
  {
    name: 'gebaerdensprache_videos',
    table: 'sign_language_videos',
    subject: { user: 'updated_by' },
    purpose: 'wer ein Video in Gebärdensprache zuletzt geändert hat (Redaktion)',
    columns: {},
    context: ['topic', 'title', 'updated_at'],
    onErase: 'unlink',
    retention: { rule: 'bis zur nächsten Änderung des Videos' },
  },
];
