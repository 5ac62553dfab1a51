import type { PersonalDataDeclaration } from '../privacy/declarations.js';

/** The audit log: entries stay (accountability), the link to a deleted person goes. */
export const auditPersonalData: PersonalDataDeclaration[] = [
  {
    name: 'aenderungsprotokoll',
    table: 'audit_log',
    subject: { user: 'actor_id' },
    purpose: 'wer eine Änderung vorgenommen hat (Nachvollziehbarkeit)',
    columns: {},
    context: ['at', 'action', 'subject_type', 'subject_id'],
    onErase: 'unlink',
    retention: { rule: 'AUDIT_RETENTION_DAYS Tage (Standard 1095) nach dem Eintrag', sweep: { days: (config) => config.auditRetentionDays, after: 'at' } },
  },
  {
    name: 'protokoll_ueber_mich',
    table: 'audit_log',
    subject: { user: 'subject_id', where: { subject_type: 'user' } },
    purpose: 'Änderungen an Ihrem Konto durch die Verwaltung (Rolle, Mitgliedschaften)',
    columns: {},
    context: ['at', 'action', 'details'],
    onErase: 'unlink',
    retention: { rule: 'wie „aenderungsprotokoll“ (dieselben Einträge)', job: 'platform.maintenance' },
  },
];
