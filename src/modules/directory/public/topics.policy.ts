import { isEditor, type Actor } from '../../../platform/auth/roles.js';

/** Who may write topic introductions and add topics: editors and admins, nobody else. */
export const canEditTopics = (actor: Actor | null): boolean => isEditor(actor);
