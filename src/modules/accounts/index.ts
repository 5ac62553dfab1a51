import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app.js';

export function accountsModule(_deps: AppDeps): FastifyPluginAsync {
  return async () => {};
}
