import { isAnalyst, isEditor, type Actor } from '../../platform/auth/roles.js';

export type SurveyAction = 'survey.list' | 'survey.edit' | 'survey.results' | 'survey.rawExport';

/** Who may do what with surveys: editors build and evaluate; analysts (and admins) get raw answers. */
export const surveyPolicy = {
  can(actor: Actor | null, action: SurveyAction): boolean {
    switch (action) {
      case 'survey.list':
        return isEditor(actor) || isAnalyst(actor);
      case 'survey.edit':
      case 'survey.results':
        return isEditor(actor);
      case 'survey.rawExport':
        return isAnalyst(actor);
    }
  },
};
