import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { EmployerStoriesTable } from '../../db/tables/employers.js';

/** Queries of the good-practice stories: the published ones for visitors, all of them for the editors. */

const storyColumns = [
  'employer_stories.id',
  'employer_stories.slug',
  'employer_stories.title',
  'employer_stories.organization_id',
  'employer_stories.sector',
  'employer_stories.measures',
  'employer_stories.problem',
  'employer_stories.solution',
  'employer_stories.cost',
  'employer_stories.effect',
  'employer_stories.contact_name',
  'employer_stories.contact_email',
  'employer_stories.contact_phone',
  'employer_stories.published_at',
  'employer_stories.updated_at',
  'organizations.name as organization_name',
] as const;

const stories = (db: Executor) =>
  db.selectFrom('employer_stories').leftJoin('organizations', 'organizations.id', 'employer_stories.organization_id').select(storyColumns);

/** The published stories, newest first. */
export const listStories = (db: Executor) =>
  stories(db)
    .where('employer_stories.published_at', 'is not', null)
    .orderBy('employer_stories.published_at', 'desc')
    .orderBy('employer_stories.title')
    .execute();

export type StoryRow = Awaited<ReturnType<typeof listStories>>[number];

/** A published story by its address. */
export const findStory = (db: Executor, slug: string) =>
  stories(db).where('employer_stories.slug', '=', slug).where('employer_stories.published_at', 'is not', null).executeTakeFirst();

/** Every story, drafts first, then the newest changes (the editors' list). */
export const allStories = (db: Executor) =>
  stories(db)
    .orderBy((eb) => eb('employer_stories.published_at', 'is', null), 'desc')
    .orderBy('employer_stories.updated_at', 'desc')
    .execute();

export const findStoryById = (db: Executor, id: string) => stories(db).where('employer_stories.id', '=', id).executeTakeFirst();

export const insertStory = async (db: Executor, values: Insertable<EmployerStoriesTable>) =>
  (await db.insertInto('employer_stories').values(values).returning('id').executeTakeFirstOrThrow()).id;

export const updateStory = (db: Executor, id: string, values: Updateable<EmployerStoriesTable>) =>
  db
    .updateTable('employer_stories')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .returning('title')
    .executeTakeFirst();

/** Employers a story may name: the organisations with a published profile, by name. */
export const employerChoices = (db: Executor) =>
  db
    .selectFrom('employer_profiles')
    .innerJoin('organizations', 'organizations.id', 'employer_profiles.organization_id')
    .select(['organizations.id', 'organizations.name'])
    .orderBy('organizations.name')
    .execute();
