import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.js';

/** Provider and editor pages: edit, submit for review, review queue, history. */
export function registerWorkflowPages(_app: FastifyInstance, _deps: AppDeps): void {}
