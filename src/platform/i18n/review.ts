import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { translationFileUrl } from './translations.js';

/**
 * Which translations a native speaker has checked: `{ "<namespace>": { "<key>": "<fingerprint of the German>" } }`.
 * A changed German source changes the fingerprint, so its translation counts as unreviewed again.
 */
export type ReviewFile = Record<string, Record<string, string>>;

export const reviewFileUrl = (locale: string): URL => new URL(translationFileUrl(locale).href.replace(/\.json$/, '.reviewed.json'));

export const germanFingerprint = (german: string): string => createHash('sha256').update(german).digest('hex').slice(0, 12);

export function readReviewFile(locale: string): ReviewFile {
  try {
    return JSON.parse(readFileSync(reviewFileUrl(locale), 'utf8')) as ReviewFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}

export function isReviewed(review: ReviewFile, namespace: string, key: string, german: string): boolean {
  return review[namespace]?.[key] === germanFingerprint(german);
}
