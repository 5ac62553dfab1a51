import type { FooterSlot, LayoutSlots } from '../http/context.js';
import type { FooterLink, NavigationEntry } from './navigation.js';

export type { FooterSlot, LayoutSlots } from '../http/context.js';

export function createLayoutSlots(): LayoutSlots {
  const footer: FooterSlot[] = [];
  const navigation: NavigationEntry[] = [];
  const footerLinks: FooterLink[] = [];
  return {
    addToFooter: (slot) => void footer.push(slot),
    addNavigation: (entry) => {
      if (navigation.some((e) => e.path === entry.path)) throw new Error(`two modules claim ${entry.path} in the navigation`);
      navigation.push(entry);
    },
    addFooterLink: (link) => void footerLinks.push(link),
    footer,
    navigation,
    footerLinks,
  };
}
