import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.js';
import { ensure } from '../../platform/auth/guard.js';
import { attempt, formValues, parseForm, type FieldWords } from '../../platform/http/forms.js';
import { ButtonForm, formBody, NoQuery, type RouteApp } from '../../platform/http/routes.js';
import { isStaff } from './network.policy.js';
import { GroupForm, InviteForm, MemberParams, SlugParams } from './network.schemas.js';
import type { NetworkService } from './network.service.js';
import { groupPath } from './network.paths.js';
import type { GroupInput } from './groups.service.js';
import { GroupFormPage } from './views/group-form.js';
import { GroupPageView } from './views/group.js';
import { MyNetworkPage } from './views/my-network.js';
import { NoticeQuery, pageTools } from './page-tools.js';

/** A partner's start page, the groups and their members (routes in network.pages.tsx). */
export function registerGroupPages(app: RouteApp, deps: AppDeps, service: NetworkService): void {
  const { ctxOf, t, networkActor, groupActor, notice, groupAgain } = pageTools(deps, service);

  // The personal start page and groups ------------------------------------------------------------

  app.get('/netzwerk/mein', { schema: { querystring: NoticeQuery } }, async (req, reply) => {
    const actor = groupActor(req);
    return reply.html(<MyNetworkPage ctx={ctxOf(req)} view={await service.myPage(actor)} notice={notice(req, req.query.hinweis)} />);
  });

  // Staff create groups; leads and staff edit them.
  const groupLabels = (req: FastifyRequest): Record<string, FieldWords> => ({
    name: { label: t(req)('groupForm.name'), required: t(req)('groupForm.name.required') },
    access: t(req)('groupForm.access'),
    topic: t(req)('groupForm.topic'),
    publicResults: t(req)('groupForm.results'),
    leadOrganization: { label: t(req)('groupForm.leadOrganization'), format: t(req)('groupForm.leadOrganization.unknown') },
  });
  const readGroup = (req: FastifyRequest): { input: GroupInput } | { errors: Record<string, string> } => {
    const form = parseForm(GroupForm, req.body, groupLabels(req), req.locale);
    if (!form.ok) return { errors: form.errors };
    const v = form.value;
    return {
      input: { name: v.name, access: v.access, topic: v.topic ?? '', publicResults: v.publicResults ?? '', leadOrganizationId: v.leadOrganization ?? null },
    };
  };

  app.get('/netzwerk/gruppen/neu', { schema: { querystring: NoQuery } }, async (req, reply) => {
    ensure(isStaff(networkActor(req)));
    return reply.html(<GroupFormPage ctx={ctxOf(req)} organizations={await service.organizations()} />);
  });

  app.post('/netzwerk/gruppen/neu', { schema: { body: formBody(GroupForm) } }, async (req, reply) => {
    const actor = networkActor(req);
    ensure(isStaff(actor));
    const read = readGroup(req);
    const done = 'errors' in read ? ({ ok: false, errors: read.errors } as const) : await attempt(() => service.createGroup(actor, read.input, req.locale));
    if (!done.ok)
      return reply
        .status(422)
        .html(<GroupFormPage ctx={ctxOf(req)} organizations={await service.organizations()} values={formValues(req.body)} errors={done.errors} />);
    return reply.redirect(`${groupPath(done.value)}?hinweis=angelegt`, 303);
  });

  app.get('/netzwerk/gruppen/:slug/bearbeiten', { schema: { params: SlugParams, querystring: NoQuery } }, async (req, reply) => {
    const view = await service.groupPage(networkActor(req), req.params.slug);
    ensure(view.isLead);
    const g = view.group;
    const values = { name: g.name, access: g.access, topic: g.topic, publicResults: g.public_results, leadOrganization: g.lead_organization_id ?? '' };
    return reply.html(
      <GroupFormPage ctx={ctxOf(req)} organizations={await service.organizations()} values={values} slug={g.slug} retention={{ months: g.retention_months }} />,
    );
  });

  app.post('/netzwerk/gruppen/:slug/bearbeiten', { schema: { params: SlugParams, body: formBody(GroupForm) } }, async (req, reply) => {
    const actor = networkActor(req);
    const read = readGroup(req);
    const done =
      'errors' in read
        ? ({ ok: false, errors: read.errors } as const)
        : await attempt(() => service.updateGroup(actor, req.params.slug, read.input, req.locale));
    if (!done.ok)
      return reply
        .status(422)
        .html(
          <GroupFormPage
            ctx={ctxOf(req)}
            organizations={await service.organizations()}
            values={formValues(req.body)}
            errors={done.errors}
            slug={req.params.slug}
            retention={{ months: (await service.groupPage(actor, req.params.slug)).group.retention_months }}
          />,
        );
    return reply.redirect(`${groupPath(req.params.slug)}?hinweis=gespeichert`, 303);
  });

  app.get('/netzwerk/gruppen/:slug', { schema: { params: SlugParams, querystring: NoticeQuery } }, async (req, reply) => {
    const actor = groupActor(req);
    return reply.html(<GroupPageView ctx={ctxOf(req)} view={await service.groupPage(actor, req.params.slug)} notice={notice(req, req.query.hinweis)} />);
  });

  app.post('/netzwerk/gruppen/:slug/beitreten', { schema: { params: SlugParams, body: ButtonForm } }, async (req, reply) => {
    const outcome = await service.join(networkActor(req), req.params.slug);
    return reply.redirect(`${groupPath(req.params.slug)}?hinweis=${outcome === 'member' ? 'beigetreten' : 'angefragt'}`, 303);
  });

  app.post('/netzwerk/gruppen/:slug/verlassen', { schema: { params: SlugParams, body: ButtonForm } }, async (req, reply) => {
    await service.leave(groupActor(req), req.params.slug);
    return reply.redirect('/netzwerk/mein?hinweis=verlassen', 303);
  });

  for (const [path, decision] of [
    ['aufnehmen', 'accept'],
    ['entfernen', 'remove'],
  ] as const) {
    app.post(`/netzwerk/gruppen/:slug/mitglieder/:userId/${path}`, { schema: { params: MemberParams, body: ButtonForm } }, async (req, reply) => {
      await service.decide(networkActor(req), req.params.slug, req.params.userId, decision);
      return reply.redirect(`${groupPath(req.params.slug)}?hinweis=gespeichert#mitglieder`, 303);
    });
  }

  app.post('/netzwerk/gruppen/:slug/einladen', { schema: { params: SlugParams, body: formBody(InviteForm) } }, async (req, reply) => {
    const actor = networkActor(req);
    const form = parseForm(
      InviteForm,
      req.body,
      { email: { label: t(req)('invite.email'), required: t(req)('invite.email.required'), format: t(req)('invite.email.required') } },
      req.locale,
    );
    if (!form.ok) return groupAgain(req, reply, req.params.slug, form.errors);
    const done = await attempt(() => service.invite(actor, req.params.slug, form.value.email, req.locale));
    if (!done.ok) return groupAgain(req, reply, req.params.slug, done.errors);
    return reply.redirect(`${groupPath(req.params.slug)}?hinweis=eingeladen#mitglieder`, 303);
  });
}
