import type { AppDeps } from '../../../platform/deps.js';
import { notFound } from '../../../platform/http/errors.js';
import { isTranslationLocale, translationEditing, translationPath } from '../../../platform/translations/translatable.js';
import { proposalsWaiting } from '../../../platform/translations/translations.service.js';
import type { TranslationProposal } from '../../../platform/translations/views/translation-proposals.js';
import { serviceTranslatable } from '../directory.translations.js';
import { loadServiceDetails } from '../public/directory.details.js';
import { paths } from './workflow.paths.js';
import { authorize, type WorkflowActor } from './workflow.policy.js';
import * as repo from './workflow.repository.js';
import type { WorkflowService } from './workflow.service.js';

/**
 * Who translates a listed service: editors, and the members of the organisation offering it, as for
 * its German text. Like their changes, translations by a trusted organisation (and by editors) appear
 * at once; the others' wait for an editor, listed in the review queue.
 */
export const serviceTranslationSlug = 'angebot';

export function serviceTranslationEditing(deps: Pick<AppDeps, 'db'>, workflow: WorkflowService) {
  return translationEditing(serviceTranslatable, serviceTranslationSlug, async (actor, id) => {
    const details = await loadServiceDetails(deps.db, id);
    if (!details) throw notFound('Angebot');
    const orgId = details.organization.id;
    const member = await workflow.actorOf(actor);
    authorize(member, 'entries.edit', orgId);
    return {
      record: details,
      title: details.service.name,
      backPath: paths.edit('service', orgId, id),
      publicPath: paths.publicService(id),
      publishes: await workflow.publishesDirectly(member, orgId),
    };
  });
}

/** Translations proposed by providers, for the editors' review queue (oldest first). */
export async function serviceTranslationProposals(deps: Pick<AppDeps, 'db'>, actor: WorkflowActor | null): Promise<TranslationProposal[]> {
  authorize(actor, 'entries.review');
  const waiting = await proposalsWaiting(deps.db, serviceTranslatable.kind);
  const names = await repo.serviceNames(
    deps.db,
    waiting.map((w) => w.entityId),
  );
  return waiting.flatMap(({ entityId, locale, proposedAt }) =>
    isTranslationLocale(locale)
      ? [{ title: names.get(entityId) ?? '', href: translationPath(serviceTranslationSlug, entityId, locale), locale, proposedAt }]
      : [],
  );
}
