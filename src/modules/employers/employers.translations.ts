import type { AppDeps } from '../../platform/deps.js';
import { isEditor, type Actor } from '../../platform/auth/roles.js';
import { AppError } from '../../platform/http/errors.js';
import { uuidPattern } from '../../platform/http/ids.js';
import { defineTranslatable, translationEditing } from '../../platform/translations/translatable.js';
import { employersMessages } from './employers.messages.js';
import { employerPaths } from './employers.paths.js';
import { findProfile, organizationsOf, type ProfileRow } from './employers.repository.js';
import { findStoryById, type StoryRow } from './stories.repository.js';
import { storiesMessages } from './stories.messages.js';
import { storyAdminPaths } from './stories.paths.js';

/**
 * What of the employers is translated (platform/translations): a profile's short profile, and a
 * good-practice story's headline and its four parts. Names, measures, sectors and contacts are not
 * text to translate (the catalogue names the measures in every language already).
 */

/** A profile, or a list row of one: the short profile in the visitor's language. */
export const profileTranslatable = <T extends Pick<ProfileRow, 'organization_id' | 'summary'>>() =>
  defineTranslatable<T>({
    kind: 'employer_profile',
    idOf: (p) => p.organization_id,
    fields: [
      {
        name: 'summary',
        label: (l) => employersMessages(l)('form.summary'),
        german: (p) => p.summary,
        show: (p, summary) => ({ ...p, summary }),
        maxLength: 2000,
        rows: 4,
      },
    ],
  });

type StoryText = Pick<StoryRow, 'id' | 'title' | 'problem' | 'solution' | 'cost' | 'effect'>;
const storyField = (name: 'title' | 'problem' | 'solution' | 'cost' | 'effect', maxLength: number, rows?: number) => ({
  name,
  label: (l: Parameters<typeof employersMessages>[0]) => (name === 'title' ? storiesMessages(l)('form.title') : employersMessages(l)(`story.${name}`)),
  german: (s: StoryText) => s[name],
  show: <T extends StoryText>(s: T, text: string): T => ({ ...s, [name]: text }),
  maxLength,
  ...(rows ? { rows } : {}),
});

/** A story (or a row with its texts): headline, starting point, solution, cost, effect. */
export const storyTranslatable = <T extends StoryText>() =>
  defineTranslatable<T>({
    kind: 'employer_story',
    idOf: (s) => s.id,
    fields: [
      storyField('title', 200),
      storyField('problem', 4000, 5),
      storyField('solution', 4000, 5),
      storyField('cost', 2000, 3),
      storyField('effect', 4000, 5),
    ],
  });

const forbidden = () => new AppError('forbidden', 'Keine Berechtigung');
const missing = (what: string) => new AppError('not_found', `${what} nicht gefunden`);

/**
 * Profiles are translated by the editors, and by the members of a trusted organisation (who publish
 * their profile without review as well); both publish at once. Other members write their profile in
 * German and ask the family office for a translation: a proposal would need a review queue of its own.
 */
export const profileTranslationEditing = (deps: Pick<AppDeps, 'db'>) =>
  translationEditing(profileTranslatable<ProfileRow>(), 'arbeitgeberprofil', async (actor, id) => {
    const profile = uuidPattern.test(id) ? await findProfile(deps.db, id) : undefined;
    // isEditor narrows its argument; ask it about a copy, so `actor` stays an Actor below.
    const asked: Actor | null = actor;
    if (!isEditor(asked)) {
      const own = (await organizationsOf(deps.db, actor.id)).find((o) => o.id === id);
      if (!own?.trusted) throw forbidden();
    }
    if (!profile) throw missing('Arbeitgeberprofil');
    return {
      record: profile,
      title: profile.name,
      backPath: employerPaths.organization(id),
      publicPath: employerPaths.employer(id),
      publishes: true,
    };
  });

/** Stories are the editors' texts: they translate them and publish at once. */
export const storyTranslationEditing = (deps: Pick<AppDeps, 'db'>) =>
  translationEditing(storyTranslatable<StoryRow>(), 'gutes-beispiel', async (actor, id) => {
    if (!isEditor(actor)) throw forbidden();
    const story = uuidPattern.test(id) ? await findStoryById(deps.db, id) : undefined;
    if (!story) throw missing('Beispiel');
    return {
      record: story,
      title: story.title,
      backPath: storyAdminPaths.edit(id),
      publicPath: story.published_at ? employerPaths.story(story.slug) : undefined,
      publishes: true,
    };
  });
