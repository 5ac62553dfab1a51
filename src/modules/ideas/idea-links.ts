import type { Executor } from '../../db/executor.js';
import { linksOfIdea, replaceIdeaCouncilLinks } from './ideas.repository.js';

/**
 * What an idea led to outside the roadmap: the family council's workshop results that took it up. The
 * council writes its own entries through here (`replaceCouncilLinks`, in its transaction) and never
 * touches the ideas' tables; the idea's page shows them under "what came of it".
 */
export const ideaLinks = {
  replaceCouncilLinks: (trx: Executor, urlPrefix: string, links: readonly { ideaId: string; url: string; label: string }[]) =>
    replaceIdeaCouncilLinks(trx, urlPrefix, links),
  async of(db: Executor, ideaId: string): Promise<{ href: string; label: string }[]> {
    return (await linksOfIdea(db, ideaId)).map((l) => ({ href: l.url, label: l.label }));
  },
};
