import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app.js';
import { registerEditorPages } from './editor.pages.js';
import { createEditorService } from './editor.service.js';
import { registerRespondPages } from './respond.pages.js';
import { createRespondService, deleteExpiredDrafts } from './respond.service.js';
import { registerResultsPages } from './results.pages.js';
import { createResultsService } from './results.service.js';
import { registerSurveyApi } from './survey.api.js';
import { seedDemoSurvey } from './seed/seed.js';

export { surveyPolicy } from './survey.policy.js';
export const surveyCleanupJob = 'survey.delete-expired-drafts';

/** Befragung: surveys with channels, anonymous answers, protected results, exports. */
export function surveyModule(deps: AppDeps): FastifyPluginAsync {
  const respond = createRespondService(deps);
  const editor = createEditorService(deps);
  const results = createResultsService(deps);
  // No personal data to register: responses are anonymous, drafts belong to nobody.
  // Nightly: delete expired drafts, and sum up yesterday's answers so the dashboard stays fast.
  deps.jobs.register(
    surveyCleanupJob,
    async () => {
      await deleteExpiredDrafts(deps.db);
      const live = await deps.db.selectFrom('survey_surveys').select('id').where('status', '!=', 'draft').execute();
      for (const survey of live) await results.rollUp(survey.id);
    },
    { cron: '25 3 * * *' },
  );
  return async (app) => {
    registerRespondPages(app, deps, respond);
    registerEditorPages(app, deps, editor);
    registerResultsPages(app, deps, results, editor);
    registerSurveyApi(app, deps, respond);
  };
}

/** Loads the fictional demo data of this module once; returns false when it was there already. */
export async function seedSurvey(deps: AppDeps): Promise<boolean> {
  return seedDemoSurvey(deps);
}
