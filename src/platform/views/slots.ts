import type { FooterSlot, LayoutSlots } from '../http/context.js';

export type { FooterSlot, LayoutSlots } from '../http/context.js';

export function createLayoutSlots(): LayoutSlots {
  const footer: FooterSlot[] = [];
  return { addToFooter: (slot) => void footer.push(slot), footer };
}
