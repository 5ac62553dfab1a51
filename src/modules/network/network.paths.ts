/** Addresses of the network's pages, and the scope of a group's notifications. */

export const groupPath = (slug: string) => `/netzwerk/gruppen/${slug}`;
export const documentPath = (id: string) => `/netzwerk/dokumente/${id}`;
export const meetingPath = (id: string) => `/netzwerk/termine/${id}`;
export const pollPath = (id: string) => `/netzwerk/umfragen/${id}`;
export const postPath = (slug: string, postId: string) => `${groupPath(slug)}#beitrag-${postId}`;
export const reportsPath = '/netzwerk/meldungen';

/** The rows of one group: a member who leaves or is removed hears nothing more that waits from it. */
export const groupScope = (groupId: string) => `network-group:${groupId}`;
