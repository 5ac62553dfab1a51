/** Table types of the survey module (Befragung); `DB` in ../types.ts extends this. */
export interface SurveyTables {}
