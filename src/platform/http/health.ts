import { Type } from '@sinclair/typebox';
import { NoQuery } from './routes.js';
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { unavailableRetrySeconds } from './errors.js';

const HealthResponse = Type.Object({ status: Type.String() });

/** /healthz: the process answers. /readyz: and the database does too. */
export function registerHealth(app: FastifyInstance, db: Kysely<DB>): void {
  app.get('/healthz', { schema: { tags: ['Betrieb'], summary: 'Prozess läuft', querystring: NoQuery, response: { 200: HealthResponse } } }, async () => ({
    status: 'ok',
  }));
  app.get(
    '/readyz',
    { schema: { tags: ['Betrieb'], summary: 'Datenbank erreichbar', querystring: NoQuery, response: { 200: HealthResponse, 503: HealthResponse } } },
    async (_req, reply) => {
      try {
        await sql`select 1`.execute(db);
        return { status: 'ok' };
      } catch {
        return reply.status(503).header('retry-after', String(unavailableRetrySeconds)).send({ status: 'database unavailable' });
      }
    },
  );
}
