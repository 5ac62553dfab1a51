import type { PersonalDataDeclaration } from '../../platform/privacy/declarations.js';

/** A place names the employer's contact for applications, published so that young people can reach them. */
export const placesPersonalData: PersonalDataDeclaration[] = [
  {
    name: 'plaetze_ansprechpersonen',
    table: 'places',
    subject: { email: 'contact_email' },
    purpose: 'dienstliche Ansprechperson eines Arbeitgebers für Bewerbungen auf einen Praktikums- oder Ausbildungsplatz (veröffentlicht)',
    columns: { contact_name: 'Name der Ansprechperson', contact_phone: 'dienstliche Telefonnummer' },
    context: [{ as: 'organisation', from: 'organizations', select: 'name', by: 'organization_id' }, 'title', 'start_date'],
    onErase: 'unlink',
    retention: { rule: 'solange der Platz veröffentlicht ist' },
  },
];
