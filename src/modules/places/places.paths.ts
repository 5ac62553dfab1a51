/** Addresses of the places' pages; pages, views, mails and the review workflow link here. */
export const placePaths = {
  list: '/jugend-beruf/plaetze',
  place: (id: string) => `/jugend-beruf/plaetze/${id}`,
  manage: '/plaetze-verwalten',
  organization: (orgId: string) => `/plaetze-verwalten/${orgId}`,
  create: (orgId: string) => `/plaetze-verwalten/${orgId}/neu`,
  edit: (orgId: string, id: string) => `/plaetze-verwalten/${orgId}/${id}/bearbeiten`,
  history: (orgId: string, id: string) => `/plaetze-verwalten/${orgId}/${id}/verlauf`,
};
