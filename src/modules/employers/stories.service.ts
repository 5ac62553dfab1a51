import type { AppDeps } from '../../platform/deps.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { isEditor, type Actor } from '../../platform/auth/roles.js';
import { AppError } from '../../platform/http/errors.js';
import { uuidPattern } from '../../platform/http/ids.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import { buildStory } from './stories.form.js';
import { storiesMessages } from './stories.messages.js';
import * as repo from './stories.repository.js';

/**
 * The editors write the good-practice stories (/verwaltung/gute-beispiele): a new story is a draft,
 * publishing puts it on the portal, withdrawing takes it off again; each change is in the audit log.
 * Stories are the city's texts, so there is no review: editors and admins write and publish them.
 */

const uniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/** Editors and admins write stories; nobody else. */
export const canEditStories = (actor: Actor | null): actor is Actor => isEditor(actor);

function authorize(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  if (!canEditStories(actor)) throw new AppError('forbidden', 'Keine Berechtigung');
}

const audit = (actorId: string, action: string, id: string, title: string) =>
  ({ actorId, action, subjectType: 'employer_story', subjectId: id, details: { title } }) as const;

export function createStoriesService({ db }: Pick<AppDeps, 'db'>) {
  async function storyOr404(id: string) {
    const story = uuidPattern.test(id) ? await repo.findStoryById(db, id) : undefined;
    if (!story) throw new AppError('not_found', 'Beispiel nicht gefunden');
    return story;
  }

  /** Checks the form's values against the rules; a taken address is a field error, never a 500. */
  async function write(
    values: Record<string, string | undefined>,
    locale: Locale,
    save: (data: ReturnType<typeof buildStory> & { ok: true }) => Promise<void>,
  ) {
    const built = buildStory(values, { employers: await repo.employerChoices(db), locale });
    if (!built.ok) throw new AppError('validation_failed', 'Bitte prüfen Sie die markierten Angaben.', { fields: built.errors });
    try {
      await save(built);
    } catch (error) {
      if (!uniqueViolation(error)) throw error;
      const message = storiesMessages(locale)('form.slugTaken');
      throw new AppError('validation_failed', message, { fields: { slug: message } });
    }
  }

  return {
    /** Every story with its state, for the editors' list. */
    async all(actor: Actor | null) {
      authorize(actor);
      return repo.allStories(db);
    },

    /** The form's choices: the employers with a published profile. */
    async employers(actor: Actor | null) {
      authorize(actor);
      return repo.employerChoices(db);
    },

    async find(actor: Actor | null, id: string) {
      authorize(actor);
      return storyOr404(id);
    },

    /** Saves a new story as a draft; its id. */
    async create(actor: Actor | null, values: Record<string, string | undefined>, locale: Locale): Promise<string> {
      authorize(actor);
      let id = '';
      await write(values, locale, ({ value }) =>
        db.transaction().execute(async (trx) => {
          id = await repo.insertStory(trx, { ...value, published_at: null });
          await recordAudit(trx, audit(actor.id, 'employers.story_created', id, value.title));
        }),
      );
      return id;
    },

    /** Changes a story; a published one shows the change at once (editors write it). */
    async update(actor: Actor | null, id: string, values: Record<string, string | undefined>, locale: Locale): Promise<void> {
      authorize(actor);
      await storyOr404(id);
      await write(values, locale, ({ value }) =>
        db.transaction().execute(async (trx) => {
          if (!(await repo.updateStory(trx, id, value))) throw new AppError('not_found', 'Beispiel nicht gefunden');
          await recordAudit(trx, audit(actor.id, 'employers.story_changed', id, value.title));
        }),
      );
    },

    /** Puts a story on the portal (true) or takes it off (false); nothing changes (and nothing is logged) when it is so already. */
    async setPublished(actor: Actor | null, id: string, published: boolean): Promise<void> {
      authorize(actor);
      const story = await storyOr404(id);
      if (!!story.published_at === published) return;
      await db.transaction().execute(async (trx) => {
        await repo.updateStory(trx, id, { published_at: published ? new Date() : null });
        await recordAudit(trx, audit(actor.id, published ? 'employers.story_published' : 'employers.story_withdrawn', id, story.title));
      });
    },
  };
}

export type StoriesService = ReturnType<typeof createStoriesService>;
