import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.js';

/** Public directory pages (/angebote, /angebote/:id, /themen). */
export function registerDirectoryPages(_app: FastifyInstance, _deps: AppDeps): void {}
