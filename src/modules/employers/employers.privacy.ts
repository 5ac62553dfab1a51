import type { PersonalDataDeclaration } from '../../platform/privacy/declarations.js';

/**
 * An employer profile and a good-practice story name a contact person, published so that families,
 * applicants and other employers can reach them. The self-check stores no personal data: anonymous
 * answers carry only the month, a saved result belongs to the organisation.
 */
export const employersPersonalData: PersonalDataDeclaration[] = [
  {
    name: 'arbeitgeber_ansprechpersonen',
    table: 'employer_profiles',
    subject: { email: 'contact_email' },
    purpose: 'dienstliche Ansprechperson eines familienfreundlichen Arbeitgebers für Familien und Bewerbungen (veröffentlicht)',
    columns: { contact_name: 'Name der Ansprechperson', contact_phone: 'dienstliche Telefonnummer' },
    context: [{ as: 'organisation', from: 'organizations', select: 'name', by: 'organization_id' }],
    onErase: 'unlink',
    retention: { rule: 'solange das Profil veröffentlicht ist; frühere Fassungen im Verlauf des Profils' },
  },
  {
    name: 'gute_beispiele_ansprechpersonen',
    table: 'employer_stories',
    subject: { email: 'contact_email' },
    purpose: 'Ansprechperson eines guten Beispiels, von der andere Arbeitgeber lernen können (veröffentlicht)',
    columns: { contact_name: 'Name der Ansprechperson', contact_phone: 'dienstliche Telefonnummer' },
    context: ['title'],
    onErase: 'unlink',
    retention: { rule: 'solange das Beispiel veröffentlicht ist' },
  },
];
