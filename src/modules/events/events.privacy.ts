import type { PersonalDataDeclaration } from '../../platform/privacy/declarations.js';

export const retentionJob = 'events.retention';
/** Days after the decision the address of a suggestion is kept. */
export const suggesterEmailDays = 30;
/** Days undecided or rejected suggestions are kept. */
export const openSuggestionDays = 180;

const organization = { as: 'organisation', from: 'organizations', select: 'name', by: 'organization_id' } as const;

/** The address someone gave with a suggestion, and who created, reviewed or blocked what. */
export const eventsPersonalData: PersonalDataDeclaration[] = [
  {
    name: 'veranstaltungsvorschlaege',
    table: 'events',
    subject: { email: 'suggester_email' },
    purpose: 'freiwillige Adresse für die Nachricht über die Entscheidung zu einem Vorschlag',
    columns: {},
    context: ['title', 'review_state', 'created_at', 'reviewed_at'],
    onErase: 'unlink',
    retention: {
      rule: `${suggesterEmailDays} Tage nach der Entscheidung; unentschiedene oder abgelehnte Vorschläge ganz nach ${openSuggestionDays} Tagen`,
      job: retentionJob,
    },
  },
  {
    name: 'veranstaltungen_angelegt',
    table: 'events',
    subject: { user: 'created_by' },
    purpose: 'wer eine Veranstaltung eingetragen hat',
    columns: {},
    context: ['title', 'review_state', 'created_at'],
    onErase: 'unlink',
    retention: { rule: 'solange die Veranstaltung besteht' },
  },
  {
    name: 'veranstaltungen_geprueft',
    table: 'events',
    subject: { user: 'reviewed_by' },
    purpose: 'wer über einen Vorschlag entschieden hat',
    columns: {},
    context: ['title', 'review_state', 'reviewed_at'],
    onErase: 'unlink',
    retention: { rule: 'solange die Veranstaltung besteht' },
  },
  {
    name: 'veranstaltungen_sperren',
    table: 'event_publishing_blocks',
    subject: { user: 'blocked_by' },
    purpose: 'wer einer Organisation das direkte Veröffentlichen entzogen hat',
    columns: {},
    context: [organization, 'blocked_at'],
    onErase: 'unlink',
    retention: { rule: 'bis die Sperre aufgehoben wird' },
  },
];
