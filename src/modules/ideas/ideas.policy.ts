import { ensure } from '../../platform/auth/guard.js';
import { isEditor, type Actor } from '../../platform/auth/roles.js';

export type IdeaAction = 'ideas.moderate' | 'ideas.answer';

/** Who may do what with ideas: the editors (the family office) moderate, answer and merge. */
export function can(actor: Actor | null, action: IdeaAction): boolean {
  switch (action) {
    case 'ideas.moderate':
    case 'ideas.answer':
      return isEditor(actor);
  }
}

export function authorize(actor: Actor | null, action: IdeaAction): asserts actor is Actor {
  ensure(can(actor, action));
}
