import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../platform/deps.js';
import { pageContext } from '../../platform/http/context.js';
import { notFound } from '../../platform/http/errors.js';
import { NoQuery, params, type RouteApp } from '../../platform/http/routes.js';
import { bookableServices } from '../appointments/index.js';
import { listEventsInRange } from '../events/index.js';
import { situations } from './situations.js';
import { allSchools } from './youth.repository.js';
import { SchoolsPage, SituationPage, YouthStartPage } from './views/youth-views.js';

const SituationParams = params({ situation: Type.String({ pattern: '^[a-z-]+$', maxLength: 40 }) });

/*
 * Routes of Jugend & Beruf (HTML):
 *   GET  /jugend-beruf               the one door: where are you right now?
 *   GET  /jugend-beruf/schulen       schools with their career-orientation (KAoA) contacts
 *   GET  /jugend-beruf/:situation    who helps, what to bring, book an appointment (→ /termine/:slug)
 */
export function registerYouthPages(app: RouteApp, deps: AppDeps): void {
  app.get('/jugend-beruf', { schema: { querystring: NoQuery } }, async (req, reply) => reply.html(<YouthStartPage ctx={pageContext(req, deps.city)} />));

  app.get('/jugend-beruf/schulen', { schema: { querystring: NoQuery } }, async (req, reply) =>
    reply.html(<SchoolsPage ctx={pageContext(req, deps.city)} schools={await allSchools(deps.db)} />),
  );

  app.get('/jugend-beruf/:situation', { schema: { params: SituationParams, querystring: NoQuery } }, async (req, reply) => {
    const situation = situations.find((s) => s.slug === req.params.situation);
    if (!situation) throw notFound();
    const services = await bookableServices(deps.db);
    const bookable = (situation.book as readonly string[])
      .flatMap((slug) => services.filter((s) => s.slug === slug))
      .map((s) => ({ slug: s.slug, name: s.name }));
    // KAoA dates of the next 90 days from the events calendar (category "beruf").
    const now = Date.now();
    const careerDates = situation.kaoa
      ? await listEventsInRange(deps.db, { from: new Date(now), to: new Date(now + 90 * 86_400_000), category: 'beruf', limit: 5 })
      : [];
    return reply.html(<SituationPage ctx={pageContext(req, deps.city)} situation={situation} bookable={bookable} careerDates={careerDates} />);
  });
}
