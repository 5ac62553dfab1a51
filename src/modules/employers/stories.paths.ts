/** Addresses of the editors' pages for the good-practice stories. */
export const storyAdminPaths = {
  list: '/verwaltung/gute-beispiele',
  create: '/verwaltung/gute-beispiele/neu',
  edit: (id: string) => `/verwaltung/gute-beispiele/${id}`,
  publish: (id: string) => `/verwaltung/gute-beispiele/${id}/veroeffentlichen`,
  withdraw: (id: string) => `/verwaltung/gute-beispiele/${id}/zurueckziehen`,
};
