/** Addresses of the employers' pages; pages, views, mails, the search and the review workflow link here. */
export const employerPaths = {
  list: '/arbeitgeber',
  employer: (orgId: string) => `/arbeitgeber/${orgId}`,
  alliance: (orgId: string) => `/arbeitgeber/${orgId}/buendnis`,
  stories: '/arbeitgeber/gute-beispiele',
  story: (slug: string) => `/arbeitgeber/gute-beispiele/${slug}`,
  selfCheck: '/arbeitgeber/selbstcheck',
  result: '/arbeitgeber/selbstcheck/ergebnis',
  saveResult: '/arbeitgeber/selbstcheck/speichern',
  aggregates: '/arbeitgeber/selbstcheck/auswertung',
  manage: '/arbeitgeber-verwalten',
  organization: (orgId: string) => `/arbeitgeber-verwalten/${orgId}`,
  edit: (orgId: string) => `/arbeitgeber-verwalten/${orgId}/bearbeiten`,
  confirm: (orgId: string) => `/arbeitgeber-verwalten/${orgId}/bestaetigen`,
  history: (orgId: string) => `/arbeitgeber-verwalten/${orgId}/verlauf`,
  /** The holiday-care pages (module holidays): where families find holiday programmes. */
  holidayCare: '/ferien',
  holidayOffer: (offerId: string) => `/ferien/angebote/${offerId}`,
  /** The alliance's join requests (module network). */
  partnerRequest: '/netzwerk/partner-werden',
  /** The family office's counselling for employers (module appointments, its booking page). */
  counsellingSlug: 'beratung-arbeitgeber',
};
