import { AppError } from '../../platform/http/errors.js';
import { isEditor, type Actor } from '../../platform/auth/roles.js';

export type ContentAction = 'pages.edit' | 'barriers.read' | 'videos.manage';

/** Who may do what with legal and help pages: editors and admins edit them, manage the sign-language videos and read barrier reports. */
export const contentPolicy = {
  can(actor: Actor | null, action: ContentAction): boolean {
    switch (action) {
      case 'pages.edit':
      case 'barriers.read':
      case 'videos.manage':
        return isEditor(actor);
    }
  },
};

/** 401 for nobody, 403 for anyone the policy does not allow; services call this before they act. */
export function authorize(actor: Actor | null, action: ContentAction): asserts actor is Actor {
  if (!actor) throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  if (!contentPolicy.can(actor, action)) throw new AppError('forbidden', 'Keine Berechtigung');
}
