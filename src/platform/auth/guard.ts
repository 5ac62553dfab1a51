import type { FastifyRequest } from 'fastify';
import { AppError } from '../http/errors.js';
import type { Actor } from './roles.js';

/** The signed-in user, or a 401 that sends the visitor to the login page. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
  return req.actor;
}

/** Throws 403 unless the policy allows; services call this, routes may too. */
export function ensure(allowed: boolean): void {
  if (!allowed) throw new AppError('forbidden', 'Keine Berechtigung');
}
