import { ensure } from '../../platform/auth/guard.js';
import { isEditor, type Actor } from '../../platform/auth/roles.js';

export type CouncilAction = 'council.organise';

/**
 * Who may do what in the family council: the Stabsstelle (editors and admins) organise it — they see
 * applications, decide, plan workshops and see registrations with their needs. Nobody else sees needs.
 */
export function can(actor: Actor | null, action: CouncilAction): boolean {
  switch (action) {
    case 'council.organise':
      return isEditor(actor);
  }
}

export function authorize(actor: Actor | null, action: CouncilAction): asserts actor is Actor {
  ensure(can(actor, action));
}
