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

export const videoPersonalData: PersonalDataDeclaration = {
  name: 'hochgeladene_videos',
  table: 'media_videos',
  subject: { user: 'uploaded_by' },
  purpose: 'wer ein Video hochgeladen hat (Verantwortung für die Rechte am Video)',
  columns: {},
  context: ['id', 'content_type', 'size_bytes', 'created_at'],
  onErase: 'unlink',
  retention: { rule: 'solange das Video gespeichert ist' },
};
