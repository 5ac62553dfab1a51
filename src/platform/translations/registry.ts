import type { TranslationEditing } from './translatable.js';

/** The kinds of records editors can translate, as the modules' manifests list them. */
export interface TranslationRegistry {
  register(editing: TranslationEditing): void;
  /** By the slug in /uebersetzungen/<slug>/…; undefined for an unknown one. */
  find(slug: string): TranslationEditing | undefined;
}

export function createTranslationRegistry(): TranslationRegistry {
  const bySlug = new Map<string, TranslationEditing>();
  return {
    register(editing) {
      if (bySlug.has(editing.slug)) throw new Error(`translations "${editing.slug}" are listed twice`);
      bySlug.set(editing.slug, editing);
    },
    find: (slug) => bySlug.get(slug),
  };
}
