import type { FooterLink } from '../../platform/views/navigation.js';
import { contentMessages } from './content.messages.js';
import { contentPages } from './content.schemas.js';

/** The legal and help pages at the foot of every page, and "Barriere melden" about the page one is on. */
export const contentFooterLinks: readonly FooterLink[] = [
  ...contentPages.map((page) => ({ path: page.path, label: (locale: Parameters<typeof contentMessages>[0]) => contentMessages(locale)(page.labelKey) })),
  { path: '/barriere-melden', label: (locale) => contentMessages(locale)('name.reportBarrier'), withCurrentPage: true },
];
