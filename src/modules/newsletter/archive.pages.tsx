import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import type { CityProfile } from '../../platform/city.js';
import { pageContext } from '../../platform/http/context.js';
import { notFound } from '../../platform/http/errors.js';
import { IdParams, NoQuery, type RouteApp } from '../../platform/http/routes.js';
import { rssFeed } from './feeds.js';
import { issueMessages } from './issues.messages.js';
import type { IssueService } from './issues.service.js';
import { subscribeMessages } from './subscribe.messages.js';
import { ArchiveIssuePage, ArchiveListPage } from './views/archive.js';

/*
 * The public archive (HTML and RSS), without any personal data:
 *   GET /infobrief/archiv        every sent issue
 *   GET /infobrief/archiv.rss    the same as RSS
 *   GET /infobrief/archiv/:id    one issue as a web page
 */
export function registerArchivePages(app: RouteApp, service: IssueService, city: CityProfile, config: Config): void {
  const ctxOf = (req: FastifyRequest) => pageContext(req, city);
  app.get('/infobrief/archiv', { schema: { querystring: NoQuery }, config: { pageCache: true } }, async (req, reply) =>
    reply.html(<ArchiveListPage ctx={ctxOf(req)} issues={await service.archive()} />),
  );
  app.get('/infobrief/archiv.rss', { schema: { querystring: NoQuery } }, async (_req, reply) => {
    const issues = await service.archive();
    const t = issueMessages('de');
    const body = rssFeed({
      title: `${t('archive.title')} – ${city.portalName}`,
      description: subscribeMessages('de')('signup.intro'),
      link: `${config.publicUrl}/infobrief/archiv`,
      self: `${config.publicUrl}/infobrief/archiv.rss`,
      items: issues.map((i) => ({
        id: i.id,
        title: i.frozen?.subject ?? i.subject,
        summary: i.frozen?.news.map((n) => n.title).join(' · ') || (i.frozen?.subject ?? i.subject),
        link: `${config.publicUrl}/infobrief/archiv/${i.id}`,
        published: i.finishedAt ?? i.updatedAt,
        updated: i.finishedAt ?? i.updatedAt,
      })),
    });
    return reply.type('application/rss+xml; charset=utf-8').send(body);
  });
  app.get('/infobrief/archiv/:id', { schema: { params: IdParams, querystring: NoQuery }, config: { pageCache: true } }, async (req, reply) => {
    const issue = await service.archived(req.params.id);
    if (!issue) throw notFound('Ausgabe');
    return reply.html(<ArchiveIssuePage ctx={ctxOf(req)} issue={issue} />);
  });
}
