/** The site's sections in the order of the main navigation; each module owns the pages under its path. */
export const sections = [
  { path: '/angebote', key: 'nav.offers' },
  { path: '/veranstaltungen', key: 'nav.events' },
  { path: '/ferien', key: 'nav.holidays' },
  { path: '/infobrief', key: 'nav.newsletter' },
  { path: '/neuigkeiten', key: 'nav.news' },
  { path: '/mitmachen', key: 'nav.participate' },
  { path: '/netzwerk', key: 'nav.network' },
  { path: '/jugend-beruf', key: 'nav.youth' },
  { path: '/arbeitgeber', key: 'nav.employers' },
] as const;

export type SectionKey = (typeof sections)[number]['key'];

export const footerLinks = [
  { path: '/impressum', key: 'footer.imprint' },
  { path: '/datenschutz', key: 'footer.privacy' },
  { path: '/barrierefreiheit', key: 'footer.accessibility' },
  { path: '/leichte-sprache', key: 'footer.easyLanguage' },
  { path: '/gebaerdensprache', key: 'footer.signLanguage' },
] as const;
