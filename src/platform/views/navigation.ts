import type { Locale } from '../i18n/i18n.js';

/**
 * A section of the main navigation, which is also a card on the start page. Modules list theirs in
 * their manifest (`navigation`), in the order of `src/modules.ts`; the module owns the pages under `path`.
 */
export interface NavigationEntry {
  readonly path: string;
  readonly label: (locale: Locale) => string;
  /** One sentence for the start page's card: what a family finds there. */
  readonly teaser: (locale: Locale) => string;
}

/** A link at the foot of every page (imprint, privacy, accessibility …). */
export interface FooterLink {
  readonly path: string;
  readonly label: (locale: Locale) => string;
  /** Adds `?seite=<this page>`, so the form knows which page it is about ("Barriere melden"). */
  readonly withCurrentPage?: boolean;
  /** A KERN icon before the label, e.g. `easy-language` (`kern-icon--easy-language`). */
  readonly icon?: string;
}
