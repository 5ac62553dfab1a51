import { Type, type Static } from '@sinclair/typebox';
import { pageQuery, params, QueryText } from '../../../platform/http/routes.js';

/**
 * The videos in German Sign Language that BITV 2.0 § 4 asks for, one per topic: what the site holds,
 * how to use it, and the accessibility statement. The slug is also the topic's address and database key.
 */
export const signLanguageTopics = [
  { topic: 'inhalt', labelKey: 'topic.inhalt' },
  { topic: 'bedienung', labelKey: 'topic.bedienung' },
  { topic: 'barrierefreiheit', labelKey: 'topic.barrierefreiheit' },
] as const;

export type SignLanguageTopic = (typeof signLanguageTopics)[number]['topic'];
export type SignLanguageTopicInfo = (typeof signLanguageTopics)[number];

export const topicInfo = (topic: SignLanguageTopic): SignLanguageTopicInfo => signLanguageTopics.find((t) => t.topic === topic)!;

/** `/verwaltung/gebaerdensprache/:topic`; another topic is a page that does not exist (404). */
export const TopicParams = params({ topic: Type.Union(signLanguageTopics.map((t) => Type.Literal(t.topic))) });

export const ManageQuery = pageQuery({ gespeichert: QueryText(40), geloescht: QueryText(40) });

/** The text fields of the upload form; the video and its captions are checked by their bytes. */
export const VideoForm = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 200 }),
  transcript: Type.String({ minLength: 1, maxLength: 50_000 }),
});
export type VideoInput = Static<typeof VideoForm>;

export const isSignLanguageTopic = (value: unknown): value is SignLanguageTopic => signLanguageTopics.some((t) => t.topic === value);
