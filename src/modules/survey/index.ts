import type { AppDeps } from '../../platform/deps.js';
import { defineModule, job, type ModuleManifest } from '../../platform/modules/manifest.js';
import { registerEditorPages } from './editor.pages.js';
import { createEditorService } from './editor.service.js';
import { registerRespondPages } from './respond.pages.js';
import { createRespondService, deleteExpiredDrafts } from './respond.service.js';
import { registerResultsPages } from './results.pages.js';
import { createResultsService } from './results.service.js';
import { registerSurveyApi } from './survey.api.js';
import { seedDemoSurvey } from './seed/seed.js';
import { surveyNavigation } from './survey.navigation.js';

export { surveyPolicy } from './survey.policy.js';
/** The accessible bar chart of the survey's results (the employers' self-check draws its result with it). */
export { BarChart } from './views/chart.js';
export const surveyCleanupJob = 'survey.delete-expired-drafts';

/** Befragung: surveys with channels, anonymous answers, protected results, exports. */
export function surveyModule(deps: AppDeps): ModuleManifest {
  const respond = createRespondService(deps);
  const editor = createEditorService(deps);
  const results = createResultsService(deps);
  return defineModule({
    name: 'survey',
    // No personal data: responses are anonymous, drafts belong to nobody.
    jobs: [
      // Nightly: delete expired drafts, and sum up yesterday's answers so the dashboard stays fast.
      job(
        surveyCleanupJob,
        async () => {
          await deleteExpiredDrafts(deps.db);
          await results.rollUpAll();
        },
        { cron: '25 3 * * *' },
      ),
    ],
    routes(app) {
      registerRespondPages(app, deps, respond);
      registerEditorPages(app, deps, editor);
      registerResultsPages(app, deps.city, results);
      registerSurveyApi(app, deps, respond);
    },
    seedDemo: () => seedDemoSurvey(deps),
    navigation: [surveyNavigation],
  });
}
