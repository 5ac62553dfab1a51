/** Table types of the newsletter module (Neuigkeiten und Familieninfobrief); `DB` in ../types.ts extends this. */
export interface NewsletterTables {}
