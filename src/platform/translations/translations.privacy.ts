import type { PersonalDataDeclaration } from '../privacy/declarations.js';

/** Who last wrote a translation: the translation stays when the account goes. */
export const translationsPersonalData: PersonalDataDeclaration = {
  name: 'uebersetzungen',
  table: 'content_translations',
  subject: { user: 'updated_by' },
  purpose: 'wer eine Übersetzung zuletzt gespeichert oder vorgeschlagen hat (Redaktion, Anbieter)',
  columns: {},
  context: ['kind', 'entity_id', 'locale', 'field', 'state', 'updated_at'],
  onErase: 'unlink',
  retention: { rule: 'solange die Übersetzung besteht; sie geht mit ihrem Eintrag' },
};
