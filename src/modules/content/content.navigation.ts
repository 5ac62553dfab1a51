import type { FooterLink } from '../../platform/views/navigation.js';
import { contentMessages } from './content.messages.js';
import { contentPages, easyLanguagePages } from './content.schemas.js';
import type { Locale } from '../../platform/i18n/i18n.js';

/** KERN's icons for the pages BITV 2.0 § 4 asks every start page to lead to. */
const icons: Partial<Record<string, string>> = { '/leichte-sprache': 'easy-language', '/gebaerdensprache': 'sign-language' };

/**
 * The legal and help pages at the foot of every page (the overview of Leichte Sprache lists its
 * pages), and "Barriere melden" about the page one is on.
 */
export const contentFooterLinks: readonly FooterLink[] = [
  ...contentPages
    .filter((page) => !easyLanguagePages.some((easy) => easy.slug === page.slug))
    .map((page) => ({ path: page.path, label: (locale: Locale) => contentMessages(locale)(page.labelKey), icon: icons[page.path] })),
  { path: '/barriere-melden', label: (locale) => contentMessages(locale)('name.reportBarrier'), withCurrentPage: true },
];
