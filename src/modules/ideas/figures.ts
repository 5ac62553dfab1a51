import { ideaTopics } from './ideas.topics.js';

/** One topic's accountability figures. `null` where nothing can be said yet. */
export interface TopicFigures {
  topic: string;
  /** Published ideas in the topic. */
  count: number;
  /** Median days from publication to the first answer, over the answered ideas. */
  medianDays: number | null;
  /** Share answered within 30 days, over the ideas that had their 30 days (or an answer already). */
  within30: number | null;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Per topic: `days` is the time from publication to the first answer (null: not answered yet), `age`
 * the time since publication. An unanswered idea younger than 30 days is not counted yet: it may
 * still be answered in time.
 */
export function answerFigures(rows: readonly { topic: string; days: number | null; age: number }[]): TopicFigures[] {
  return ideaTopics.map((topic) => {
    const mine = rows.filter((r) => r.topic === topic);
    const answered = mine.filter((r) => r.days !== null).map((r) => Math.max(0, r.days!));
    const due = mine.filter((r) => r.days !== null || r.age >= 30);
    const inTime = due.filter((r) => r.days !== null && r.days <= 30).length;
    const med = median(answered);
    return {
      topic,
      count: mine.length,
      medianDays: med === null ? null : Math.round(med * 10) / 10,
      within30: due.length === 0 ? null : inTime / due.length,
    };
  });
}
