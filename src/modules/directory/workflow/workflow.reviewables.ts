import type { DirectoryEntity } from '../../../db/types.js';
import type { Reviewable } from '../../../platform/review/review.registry.js';
import { inLocale } from '../public/topics.service.js';
import { diffEntries } from './workflow.diff.js';
import { workflowFieldMessages } from './workflow.fields.messages.js';
import { workflowMessages } from './workflow.messages.js';
import { paths } from './workflow.paths.js';
import { publishEntry } from './workflow.publishing.js';
import * as repo from './workflow.repository.js';

const nameOf = (data: unknown) => (data as { name?: string } | null)?.name ?? '';

/** The directory's entries in the one review workflow (platform/review): organisation details, locations, services. */
function directoryReviewable(kind: DirectoryEntity): Reviewable {
  return {
    kind,
    auditPrefix: 'directory',
    label: (locale) => workflowMessages(locale)(`kind.${kind}`),
    async findPublished(db, id) {
      const published = await repo.findPublished(db, kind, id);
      return published ? { organizationId: published.organizationId, data: published.hsds } : undefined;
    },
    publish: (trx, _id, organizationId, data) => publishEntry(trx, kind, organizationId, data),
    nameOf,
    async diff(db, { before, after, organizationId, locale }) {
      const [topics, locations] = await Promise.all([repo.topicTerms(db), repo.locationNames(db, organizationId)]);
      const terms = new Map(topics.map((t) => [t.id, inLocale(locale, t.name, t.name_en, `${t.code}.name`)]));
      const f = workflowFieldMessages(locale);
      return diffEntries(kind, before, after, { terms, locations, locale }).map((c) => ({ ...c, field: f(c.field) }));
    },
    paths: {
      history: (orgId, id) => paths.history(kind, orgId, id),
      edit: (orgId, id) => paths.edit(kind, orgId, id),
    },
  };
}

export const directoryReviewables: Reviewable[] = (['organization', 'location', 'service'] as const).map(directoryReviewable);
