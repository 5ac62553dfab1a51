import { randomUUID } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/types.js';
import type { Executor } from '../../../db/executor.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { ensure } from '../../../platform/auth/guard.js';
import type { Actor } from '../../../platform/auth/roles.js';
import { AppError } from '../../../platform/http/errors.js';
import { defineMessages, type Locale } from '../../../platform/i18n/i18n.js';
import { topics as seededTopics } from '../directory.taxonomy.js';
import { canEditTopics } from './topics.policy.js';
import * as repo from './topics.repository.js';

/** Topic pages (/themen): reading topics, and editors writing their introductions or adding topics. */

export interface Topic {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  description: string;
  descriptionEn: string;
  intro: string;
  introEn: string;
}

export const IntroForm = Type.Object({
  intro: Type.Optional(Type.String({ maxLength: 4000 })),
  intro_en: Type.Optional(Type.String({ maxLength: 4000 })),
});
export type IntroInput = Static<typeof IntroForm>;

export const topicCodePattern = '^[a-z0-9]+(-[a-z0-9]+)*$';
export const NewTopicForm = Type.Object({
  code: Type.String({ minLength: 2, maxLength: 60, pattern: topicCodePattern }),
  name: Type.String({ minLength: 2, maxLength: 100 }),
  name_en: Type.String({ minLength: 2, maxLength: 100 }),
  description: Type.Optional(Type.String({ maxLength: 500 })),
});
export type NewTopicInput = Static<typeof NewTopicForm>;

/** 401 for nobody, 403 unless the actor may edit topics (topics.policy.ts). */
export function authorizeTopicEditing(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  ensure(canEditTopics(actor));
}

const toTopic = (r: repo.TopicRow): Topic => ({
  id: r.id,
  code: r.code,
  name: r.name,
  nameEn: r.name_en,
  description: r.description,
  descriptionEn: r.description_en,
  intro: r.intro,
  introEn: r.intro_en,
});

// The seeded topics' names and descriptions in every language; topics editors add later are German
// and English only (their other languages fall back to German).
const seededTopicTexts = defineMessages(
  'directory/topic-names',
  Object.fromEntries(
    seededTopics.flatMap((t) => [
      [`${t.code}.name`, t.name],
      [`${t.code}.description`, t.description],
    ]),
  ),
  Object.fromEntries(
    seededTopics.flatMap((t) => [
      [`${t.code}.name`, t.name_en],
      [`${t.code}.description`, t.description_en],
    ]),
  ),
);

/**
 * A topic's name, description or intro in the visitor's language: English from the topic, the other
 * languages from the catalogue of seeded topics (by `key`, e.g. "gesundheit.name"), else German.
 */
export function inLocale(locale: Locale, de: string, en: string, key?: string): string {
  if (locale === 'de') return de;
  if (locale === 'en') return en.trim() ? en : de;
  return (key && seededTopicTexts.find(locale, key)) || de;
}

export async function listTopics(db: Executor): Promise<Topic[]> {
  return (await repo.topicRows(db)).map(toTopic);
}

export async function findTopic(db: Executor, code: string): Promise<Topic | undefined> {
  if (!new RegExp(topicCodePattern).test(code) || code.length > 60) return undefined;
  const row = await repo.topicRow(db, code);
  return row ? toTopic(row) : undefined;
}

/** How many listed services each topic has. */
export const countByTopic = (db: Executor): Promise<Map<string, number>> => repo.countByTopic(db);

/** Saves a topic's introduction; the German one comes first, as everywhere on the site. */
export async function updateTopicIntro(db: Kysely<DB>, actor: Actor | null, code: string, input: IntroInput): Promise<void> {
  authorizeTopicEditing(actor);
  const intro = (input.intro ?? '').trim();
  const introEn = (input.intro_en ?? '').trim();
  if (!intro && introEn) throw new AppError('validation_failed', 'German first', { fields: { intro: 'introEnWithoutDe' } });
  await db.transaction().execute(async (trx) => {
    const id = await repo.setIntro(trx, code, { intro, intro_en: introEn });
    if (!id) throw new AppError('not_found', 'Thema nicht gefunden');
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'directory.topic_intro_updated',
      subjectType: 'taxonomy_term',
      subjectId: id,
      details: { code, length: intro.length, lengthEn: introEn.length },
    });
  });
}

/** Adds a topic at the end of the list. A code already in use (by any term) is a field error. */
export async function createTopic(db: Kysely<DB>, actor: Actor | null, input: NewTopicInput): Promise<Topic> {
  authorizeTopicEditing(actor);
  const code = input.code.trim();
  return db.transaction().execute(async (trx) => {
    const last = await repo.lastPosition(trx);
    const row = await repo.insertTopic(trx, {
      id: randomUUID(),
      code,
      name: input.name.trim(),
      name_en: input.name_en.trim(),
      description: (input.description ?? '').trim(),
      position: (last ?? 0) + 1,
    });
    if (!row) throw new AppError('validation_failed', 'code taken', { fields: { code: 'codeTaken' } });
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'directory.topic_created',
      subjectType: 'taxonomy_term',
      subjectId: row.id,
      details: { code, name: row.name },
    });
    return toTopic(row);
  });
}
