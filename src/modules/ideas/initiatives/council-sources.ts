import type { Executor } from '../../../db/executor.js';
import type { InitiativeStatus } from '../../../db/tables/ideas.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { publishedIdeaChoices, publishedIdeasByIds } from '../ideas.repository.js';
import { ideaPath } from '../ideas.service.js';
import { initiativeMessages } from './initiatives.messages.js';
import { initiativeChoices, initiativesByIds, replaceCouncilLinks } from './initiatives.repository.js';
import { initiativePath } from './initiatives.service.js';

export interface InitiativeSummary {
  id: string;
  slug: string;
  title: string;
  status: InitiativeStatus;
  path: string;
}

const summary = (row: { id: string; slug: string; title: string; status: InitiativeStatus }): InitiativeSummary => ({ ...row, path: initiativePath(row.slug) });

/**
 * What the family council may know of the roadmap: initiatives to link a workshop result to, their
 * current state, and its own entries under "what shaped it" (links of kind `council`). The council
 * never writes into the roadmap's tables itself.
 */
export const councilSources = {
  async choices(db: Executor): Promise<InitiativeSummary[]> {
    return (await initiativeChoices(db)).map(summary);
  },
  async byIds(db: Executor, ids: readonly string[]): Promise<Map<string, InitiativeSummary>> {
    return new Map((await initiativesByIds(db, [...new Set(ids)])).map((row) => [row.id, summary(row)]));
  },
  statusLabel: (status: InitiativeStatus, locale: Locale): string => initiativeMessages(locale)(`status.${status}`),
  /** Published ideas a result can be linked to (only published ones are ever shown). */
  async ideaChoices(db: Executor): Promise<{ id: string; title: string; path: string }[]> {
    return (await publishedIdeaChoices(db)).map((i) => ({ ...i, path: ideaPath(i.id) }));
  },
  async ideasByIds(db: Executor, ids: readonly string[]): Promise<Map<string, { id: string; title: string; path: string }>> {
    return new Map((await publishedIdeasByIds(db, [...new Set(ids)])).map((i) => [i.id, { ...i, path: ideaPath(i.id) }]));
  },
  /** Replaces the council's links under `urlPrefix` (one workshop report) in the caller's transaction. */
  replaceLinks: (trx: Executor, urlPrefix: string, links: readonly { initiativeId: string; url: string; label: string }[]) =>
    replaceCouncilLinks(trx, urlPrefix, links),
};
