import { isEditor, type Actor } from '../../platform/auth/roles.js';

export type NewsletterAction = 'news.edit' | 'issue.compose' | 'issue.send' | 'subscribers.view';

/**
 * Who may do what. Editors (and admins) write news and compose, test and send issues — the city's
 * editorial team runs the newsletter; counts of subscribers are shown to them, never the addresses.
 */
export function can(actor: Actor | null, _action: NewsletterAction): actor is Actor {
  return isEditor(actor);
}
