import type { PageContext } from '../http/context.js';

/** Something a module adds to every page, e.g. the newsletter sign-up in the footer. */
export type FooterSlot = (ctx: PageContext) => JSX.Element;

/**
 * Places in the layout that modules fill, so the platform shows them without knowing the module.
 * Modules register in their plugin; every page context carries the list.
 */
export interface LayoutSlots {
  addToFooter(slot: FooterSlot): void;
  readonly footer: readonly FooterSlot[];
}

export function createLayoutSlots(): LayoutSlots {
  const footer: FooterSlot[] = [];
  return { addToFooter: (slot) => void footer.push(slot), footer };
}
