import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app.js';

/** Befragung. */
export function surveyModule(_deps: AppDeps): FastifyPluginAsync {
  return async () => {};
}

/** Loads the fictional demo data of this module once; returns false when it was there already. */
export async function seedSurvey(_deps: AppDeps): Promise<boolean> {
  return false;
}
