import type { PersonalDataDeclaration } from '../../../platform/privacy/declarations.js';

const organization = { as: 'organisation', from: 'organizations', select: 'name', by: 'organization_id' } as const;

/**
 * The versions a person wrote or reviewed (the one review workflow's table: directory entries and places). They belong to the organisation and stay; only the link
 * to the person goes (the history then says "gelöschtes Konto").
 */
export const workflowPersonalData: PersonalDataDeclaration[] = [
  {
    name: 'verzeichnis_aenderungen',
    table: 'revisions',
    subject: { user: 'author_id' },
    purpose: 'wer eine Fassung eines Verzeichniseintrags oder eines Platzes geschrieben hat (Versionsgeschichte)',
    columns: {},
    context: [organization, 'entity_type', 'entity_id', 'version', 'status', 'created_at', 'submitted_at'],
    onErase: 'unlink',
    retention: { rule: 'solange die Fassung besteht' },
  },
  {
    name: 'verzeichnis_pruefungen',
    table: 'revisions',
    subject: { user: 'reviewed_by' },
    purpose: 'wer eine Fassung geprüft hat (Freigabe oder Ablehnung)',
    columns: {},
    context: [organization, 'entity_type', 'entity_id', 'version', 'status', 'reviewed_at'],
    onErase: 'unlink',
    retention: { rule: 'solange die Fassung besteht' },
  },
];
