import type { PersonalDataDeclaration } from '../../platform/privacy/declarations.js';

/** The schools' career-orientation contacts are published so that pupils and parents can reach them. */
export const youthPersonalData: PersonalDataDeclaration[] = [
  {
    name: 'schulen_ansprechpersonen',
    table: 'youth_schools',
    subject: { email: 'contact_email' },
    purpose: 'dienstliche Ansprechperson einer Schule für die Berufsorientierung (veröffentlicht)',
    columns: { contact_name: 'Name der Ansprechperson', contact_phone: 'dienstliche Telefonnummer' },
    context: ['name'],
    onErase: 'unlink',
    retention: { rule: 'bis die Schule eine andere Ansprechperson nennt' },
  },
];
