import type { AppDeps } from '../../platform/deps.js';
import { attempt, formValues, parseForm } from '../../platform/http/forms.js';
import { ButtonForm, formBody, IdParams, type RouteApp } from '../../platform/http/routes.js';
import { moderationMessages } from './moderation.messages.js';
import { groupPath, reportsPath } from './network.paths.js';
import { RetentionForm, SlugParams } from './network.schemas.js';
import type { NetworkService } from './network.service.js';
import { NoticeQuery, pageTools } from './page-tools.js';
import { GroupFormPage } from './views/group-form.js';
import { ReportsPage } from './views/reports.js';

/** Reported posts worked through by leads and staff, and a group's retention (routes in network.pages.tsx). */
export function registerModerationPages(app: RouteApp, deps: AppDeps, service: NetworkService): void {
  const { ctxOf, networkActor, notice } = pageTools(deps, service);

  app.get(reportsPath, { schema: { querystring: NoticeQuery } }, async (req, reply) =>
    reply.html(<ReportsPage ctx={ctxOf(req)} view={await service.reportsPage(networkActor(req))} notice={notice(req, req.query.hinweis)} />),
  );

  for (const [path, outcome] of [
    ['erledigt', 'erledigt'],
    ['ausblenden', 'ausgeblendet'],
  ] as const) {
    app.post(`/netzwerk/beitraege/:id/${path}`, { schema: { params: IdParams, body: ButtonForm } }, async (req, reply) => {
      await service.resolveReports(networkActor(req), req.params.id, outcome === 'ausgeblendet');
      return reply.redirect(`${reportsPath}?hinweis=${outcome}`, 303);
    });
  }

  app.post('/netzwerk/beitraege/:id/einblenden', { schema: { params: IdParams, body: ButtonForm } }, async (req, reply) => {
    await service.showPost(networkActor(req), req.params.id);
    return reply.redirect(`${reportsPath}?hinweis=eingeblendet`, 303);
  });

  app.post('/netzwerk/gruppen/:slug/aufbewahrung', { schema: { params: SlugParams, body: formBody(RetentionForm) } }, async (req, reply) => {
    const actor = networkActor(req);
    const m = moderationMessages(req.locale);
    const form = parseForm(RetentionForm, req.body, { months: { label: m('retention.months'), tooLong: m('retention.months.format') } }, req.locale);
    const done = form.ok ? await attempt(() => service.setRetention(actor, req.params.slug, form.value.months ?? '', req.locale)) : form;
    if (!done.ok) {
      const { group } = await service.groupPage(actor, req.params.slug);
      const values = {
        name: group.name,
        access: group.access,
        topic: group.topic,
        publicResults: group.public_results,
        leadOrganization: group.lead_organization_id ?? '',
        ...formValues(req.body),
      };
      return reply
        .status(422)
        .html(
          <GroupFormPage
            ctx={ctxOf(req)}
            organizations={await service.organizations()}
            values={values}
            errors={done.errors}
            slug={group.slug}
            retention={{ months: group.retention_months }}
          />,
        );
    }
    return reply.redirect(`${groupPath(req.params.slug)}?hinweis=aufbewahrung`, 303);
  });
}
