import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.js';

/** HSDS 3.0 open-data API under /api/hsds, import and CSV export. */
export function registerHsdsApi(_app: FastifyInstance, _deps: AppDeps): void {}
