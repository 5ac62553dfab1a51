import type { PersonalDataDeclaration } from '../privacy/declarations.js';

export const mediaPersonalData: PersonalDataDeclaration = {
  name: 'hochgeladene_bilder',
  table: 'media_images',
  subject: { user: 'uploaded_by' },
  purpose: 'wer ein Bild hochgeladen hat (Verantwortung für die Bildrechte)',
  columns: {},
  context: ['id', 'content_type', 'width', 'height', 'created_at'],
  onErase: 'unlink',
  retention: { rule: 'solange das Bild gespeichert ist' },
};
