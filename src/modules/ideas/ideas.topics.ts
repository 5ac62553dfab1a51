import { defineMessages, type Locale } from '../../platform/i18n/i18n.js';
import type { IdeaStatus } from '../../db/tables/ideas.js';

/** The city's family topics an idea or concern is filed under (the slug is the filter in links). */
export const ideaTopics = ['kinderaerzte', 'wege', 'kinderbetreuung', 'spielen-sport', 'schule', 'freizeit', 'beratung', 'wohnen', 'sonstiges'] as const;
export type IdeaTopic = (typeof ideaTopics)[number];
export const isIdeaTopic = (value: unknown): value is IdeaTopic => (ideaTopics as readonly unknown[]).includes(value);

export const ideaStatuses: readonly IdeaStatus[] = ['received', 'in_review', 'answered', 'in_progress', 'done', 'not_possible', 'not_responsible'];
export const isIdeaStatus = (value: unknown): value is IdeaStatus => (ideaStatuses as readonly unknown[]).includes(value);

/** The status in links (German, since people read the address): /mitmachen/ideen?status=erledigt */
export const statusSlugs: Record<IdeaStatus, string> = {
  received: 'eingegangen',
  in_review: 'in-pruefung',
  answered: 'beantwortet',
  in_progress: 'in-umsetzung',
  done: 'erledigt',
  not_possible: 'nicht-moeglich',
  not_responsible: 'nicht-zustaendig',
};
export const statusOfSlug = (slug: string | undefined): IdeaStatus | undefined =>
  (Object.entries(statusSlugs) as [IdeaStatus, string][]).find(([, s]) => s === slug)?.[0];

export const topicMessages = defineMessages(
  'ideas/ideas.topics',
  {
    kinderaerzte: 'Medizinische Versorgung für Kinder',
    wege: 'Sichere Fuß- und Radwege',
    kinderbetreuung: 'Kinderbetreuung',
    'spielen-sport': 'Spielplätze und Sport',
    schule: 'Schule und Bildung',
    freizeit: 'Freizeit und Kultur',
    beratung: 'Beratung und Unterstützung',
    wohnen: 'Wohnen und Wohnumfeld',
    sonstiges: 'Anderes Thema',
    'status.received': 'Eingegangen',
    'status.in_review': 'In Prüfung',
    'status.answered': 'Beantwortet',
    'status.in_progress': 'In Umsetzung',
    'status.done': 'Erledigt',
    'status.not_possible': 'Nicht möglich',
    'status.not_responsible': 'Nicht Sache der Stadt',
  },
  {
    kinderaerzte: 'Medical care for children',
    wege: 'Safe footpaths and cycle paths',
    kinderbetreuung: 'Childcare',
    'spielen-sport': 'Playgrounds and sport',
    schule: 'School and education',
    freizeit: 'Leisure and culture',
    beratung: 'Advice and support',
    wohnen: 'Housing and neighbourhood',
    sonstiges: 'Other topic',
    'status.received': 'Received',
    'status.in_review': 'Under review',
    'status.answered': 'Answered',
    'status.in_progress': 'In progress',
    'status.done': 'Done',
    'status.not_possible': 'Not possible',
    'status.not_responsible': 'Not the city’s responsibility',
  },
);

export const topicLabel = (topic: string, locale: Locale): string => (isIdeaTopic(topic) ? topicMessages(locale)(topic) : topic);
export const statusLabel = (status: IdeaStatus, locale: Locale): string => topicMessages(locale)(`status.${status}`);
