import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app.js';

/** Ferienbetreuung. */
export function holidaysModule(_deps: AppDeps): FastifyPluginAsync {
  return async () => {};
}

/** Loads the fictional demo data of this module once; returns false when it was there already. */
export async function seedHolidays(_deps: AppDeps): Promise<boolean> {
  return false;
}
