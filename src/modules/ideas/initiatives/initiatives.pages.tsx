import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/deps.js';
import { requireActor } from '../../../platform/auth/guard.js';
import { pageContext } from '../../../platform/http/context.js';
import { formValues, parseForm } from '../../../platform/http/forms.js';
import { formBody, NoQuery, pageQuery, params, QueryText, type RouteApp } from '../../../platform/http/routes.js';
import { fileFromForm } from '../../../platform/media/uploaded-file.js';
import { acceptMultipart } from '../../../platform/media/uploads.js';
import { authorize, can } from '../ideas.policy.js';
import { isIdeaTopic } from '../ideas.topics.js';
import { initiativeMessages } from './initiatives.messages.js';
import { initiativePath, type InitiativeService } from './initiatives.service.js';
import { NoticePage } from '../../../platform/views/notice-page.js';
import { statusWords } from './roadmap-csv.js';
import { InitiativePage, RoadmapPage, StaffRoadmapPage, UnfollowPage } from './views.js';
import { InitiativeFormPage } from './form-view.js';
import { initiativeFormValues, type FormProblem } from './initiative-form.js';
import type { FieldErrors } from '../../../platform/http/errors.js';
import { notFound } from '../../../platform/http/errors.js';

const SlugParams = params({ slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 80 }) });
const TokenQuery = pageQuery({ token: QueryText(300) });
const UpdateForm = Type.Object({
  initiative: Type.String({ maxLength: 80 }),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  body: Type.String({ minLength: 1, maxLength: 5000 }),
  alsNeuigkeit: Type.Optional(Type.Literal('ja')),
});
const TokenForm = Type.Object({ token: Type.String({ maxLength: 300 }) });
/** Signed in: a button (and `beenden` to stop); without an account: the address. */
const FollowForm = Type.Object({
  beenden: Type.Optional(Type.String({ maxLength: 4 })),
  email: Type.Optional(Type.String({ maxLength: 254 })),
});
const MailFollowForm = Type.Object({ email: Type.String({ maxLength: 254, format: 'email' }) });
/** A roadmap of 5,000 initiatives with 20,000 milestones is about 5 MB as CSV. */
const importLimits = { files: 1, fileBytes: 20 * 1024 * 1024, fields: 4, fieldBytes: 1024 };

/*
 * Routes of the roadmap (HTML, open data):
 *   GET       /vorhaben?thema=&stand=                  overview by topic and status, what changed this month, the milestones' timeline
 *   GET       /vorhaben/:slug                          one initiative: goal, facts, milestones, what shaped it, news, changes
 *        POST /vorhaben/:slug/folgen                   follow (signed in: at once; otherwise by mail, confirmed by a link)
 *   GET       /vorhaben/folgen/bestaetigen?token=      the confirmation link
 *   GET  POST /vorhaben/abbestellen?token=             no more news about one initiative
 *        POST /vorhaben/abbestellen/ein-klick?token=    RFC 8058 one-click unsubscribe
 *   GET       /vorhaben.json | /vorhaben.csv            open data: every initiative with its milestones
 *   GET       /verwaltung/vorhaben                     editors: download, import, news
 *        POST /verwaltung/vorhaben/import              the CSV back in: all or nothing, a report per line
 *        POST /verwaltung/vorhaben/neuigkeit           news to an initiative's followers
 *   GET  POST /verwaltung/vorhaben/neu                 a new initiative: all fields and milestones (the import's rules)
 *   GET  POST /verwaltung/vorhaben/:slug/bearbeiten    change one: fields, network group, milestones added, changed or reached
 */
export function registerInitiativePages(app: RouteApp, deps: AppDeps, service: InitiativeService): void {
  const ctxOf = (req: FastifyRequest) => pageContext(req, deps.city);

  app.get('/vorhaben', { schema: { querystring: pageQuery({ thema: QueryText(40), stand: QueryText(40) }) } }, async (req, reply) => {
    const filter = {
      topic: isIdeaTopic(req.query.thema) ? req.query.thema : undefined,
      status: (Object.entries(statusWords) as [keyof typeof statusWords, string][]).find(([, w]) => w === req.query.stand)?.[0],
    };
    return reply.html(<RoadmapPage ctx={ctxOf(req)} initiatives={await service.list(filter)} month={await service.thisMonth()} filter={filter} />);
  });

  app.get('/vorhaben.json', { schema: { querystring: NoQuery } }, async (_req, reply) => {
    const all = await service.exportAll();
    const initiatives = all.map(({ id: _id, ...rest }) => ({ ...rest, url: `${deps.config.publicUrl}${initiativePath(rest.slug)}` }));
    return reply.header('cache-control', 'public, max-age=300').send({ initiatives });
  });

  app.get('/vorhaben.csv', { schema: { querystring: NoQuery } }, async (_req, reply) =>
    reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="vorhaben.csv"')
      .header('cache-control', 'public, max-age=300')
      .send(await service.exportCsv()),
  );

  app.get('/vorhaben/abbestellen', { schema: { querystring: TokenQuery } }, async (req, reply) =>
    reply.html(<UnfollowPage ctx={ctxOf(req)} token={req.query.token ?? ''} />),
  );
  app.post('/vorhaben/abbestellen', { schema: { body: formBody(TokenForm) } }, async (req, reply) => {
    const form = parseForm(TokenForm, req.body, {}, req.locale);
    const done = form.ok ? await service.unfollow(form.value.token) : null;
    return reply.status(done ? 200 : 400).html(<UnfollowPage ctx={ctxOf(req)} title={done?.title ?? null} />);
  });
  acceptMultipart(app, { limits: { files: 0, fields: 4, fieldBytes: 1024 }, who: 'anyone' }, (scope) => {
    scope.withTypeProvider<TypeBoxTypeProvider>().post(
      '/vorhaben/abbestellen/ein-klick',
      {
        schema: { querystring: TokenQuery, body: Type.Unknown({ description: 'List-Unsubscribe=One-Click (RFC 8058); not read' }) },
        config: { csrf: false, allowCrossSite: true },
      },
      async (req, reply) => {
        const done = await service.unfollow(req.query.token ?? '');
        return reply
          .status(done ? 200 : 400)
          .type('text/plain; charset=utf-8')
          .send(done ? 'Abbestellt / unsubscribed\n' : 'Ungültiger Link / invalid link\n');
      },
    );
  });

  app.get('/vorhaben/folgen/bestaetigen', { schema: { querystring: TokenQuery } }, async (req, reply) => {
    const t = initiativeMessages(req.locale);
    const outcome = await service.confirmFollow(req.query.token ?? '');
    if (outcome.kind !== 'done') {
      const text = outcome.kind === 'expired' ? t('confirm.expired') : t('confirm.invalid');
      return reply.status(400).html(<NoticePage ctx={ctxOf(req)} section="/mitmachen" title={t('confirm.title')} text={text} status="warning" />);
    }
    const { initiative } = await service.item(outcome.slug, null);
    return reply.html(
      <NoticePage
        ctx={ctxOf(req)}
        section="/mitmachen"
        title={t('confirm.title')}
        text={t('confirm.done', { title: initiative.title })}
        status="success"
        link={{ href: initiativePath(outcome.slug), label: initiative.title }}
      />,
    );
  });

  app.get(
    '/vorhaben/:slug',
    { schema: { params: SlugParams, querystring: Type.Object({ hinweis: Type.Optional(Type.String({ maxLength: 20 })) }) } },
    async (req, reply) => {
      const t = initiativeMessages(req.locale);
      const notices: Record<string, string> = { folgen: t('item.followSent'), gespeichert: t('form.saved'), unveraendert: t('form.unchanged') };
      const notice = Object.hasOwn(notices, req.query.hinweis ?? '') ? notices[req.query.hinweis!] : undefined;
      const item = await service.item(req.params.slug, req.actor);
      return reply.html(<InitiativePage ctx={ctxOf(req)} item={item} notice={notice} canEdit={can(req.actor, 'ideas.moderate')} />);
    },
  );

  app.post('/vorhaben/:slug/folgen', { schema: { params: SlugParams, body: formBody(FollowForm) } }, async (req, reply) => {
    if (req.actor) {
      await service.follow(req.actor, req.params.slug, formValues(req.body).beenden !== 'ja');
      return reply.redirect(initiativePath(req.params.slug), 303);
    }
    // Without an account: the address, confirmed by a link (double opt-in).
    const t = initiativeMessages(req.locale);
    const form = parseForm(
      MailFollowForm,
      req.body,
      { email: { label: t('item.followEmail'), required: t('error.followEmail'), format: t('error.followEmail') } },
      req.locale,
    );
    if (!form.ok) {
      const item = await service.item(req.params.slug, null);
      return reply.status(422).html(<InitiativePage ctx={ctxOf(req)} item={item} follow={{ value: formValues(req.body).email ?? '', errors: form.errors }} />);
    }
    await service.followByEmail(req.params.slug, form.value.email, req.locale, { ip: req.ip });
    return reply.redirect(`${initiativePath(req.params.slug)}?hinweis=folgen`, 303);
  });

  // Editors -----------------------------------------------------------------------------------------

  const staffPage = async (req: FastifyRequest, extra: Omit<Parameters<typeof StaffRoadmapPage>[0], 'ctx' | 'initiatives'> = {}) => {
    requireActor(req);
    const initiatives = await service.list({});
    return <StaffRoadmapPage ctx={ctxOf(req)} initiatives={initiatives} {...extra} />;
  };

  app.get('/verwaltung/vorhaben', { schema: { querystring: pageQuery({ gespeichert: QueryText(10) }) } }, async (req, reply) => {
    // Only editors: the import and the news are theirs (the service checks again).
    authorize(requireActor(req), 'ideas.moderate');
    const notices = { ja: 'staff.updated', neuigkeit: 'staff.updatedAsNews', infobrief: 'staff.updatedInIssue' } as const;
    const notice = Object.hasOwn(notices, req.query.gespeichert ?? '') ? notices[req.query.gespeichert as keyof typeof notices] : undefined;
    return reply.html(await staffPage(req, { notice: notice ? initiativeMessages(req.locale)(notice) : undefined }));
  });

  acceptMultipart(app, { limits: importLimits, who: (actor) => can(actor, 'ideas.moderate') }, (scope) => {
    scope.withTypeProvider<TypeBoxTypeProvider>().post('/verwaltung/vorhaben/import', { schema: { body: formBody(Type.Object({})) } }, async (req, reply) => {
      const actor = requireActor(req);
      const file = fileFromForm(req.body, 'file');
      if (!file) return reply.status(422).html(await staffPage(req, { importError: initiativeMessages(req.locale)('staff.file.required') }));
      const outcome = await service.importCsv(actor, file.bytes.toString('utf8'));
      if (!outcome.ok) return reply.status(422).html(await staffPage(req, { problems: outcome.problems }));
      return reply.html(await staffPage(req, { result: outcome }));
    });
  });

  app.post('/verwaltung/vorhaben/neuigkeit', { schema: { body: formBody(UpdateForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    const t = initiativeMessages(req.locale);
    const form = parseForm(
      UpdateForm,
      req.body,
      {
        initiative: t('staff.initiative'),
        title: { label: t('staff.updateTitle'), required: t('staff.updateTitle.required') },
        body: { label: t('staff.updateBody'), required: t('staff.updateBody.required') },
      },
      req.locale,
    );
    if (!form.ok) return reply.status(422).html(await staffPage(req, { update: { values: formValues(req.body), errors: form.errors } }));
    const { offered } = await service.postUpdate(actor, form.value.initiative, {
      title: form.value.title,
      body: form.value.body,
      asNews: form.value.alsNeuigkeit === 'ja',
    });
    return reply.redirect(`/verwaltung/vorhaben?gespeichert=${offered === 'issue' ? 'infobrief' : offered === 'news' ? 'neuigkeit' : 'ja'}`, 303);
  });

  // The form for one initiative ---------------------------------------------------------------------

  /** The shared rules' problems as German sentences at their fields, in the order of the form. */
  const formErrors = (req: FastifyRequest, problems: FormProblem[]): FieldErrors => {
    const t = initiativeMessages(req.locale);
    const labels: Record<string, string> = {
      kennung: t('form.slug'),
      titel: t('field.title'),
      ziel: t('item.goal'),
      thema: t('item.topic'),
      amt: t('field.office'),
      arbeitsgruppe: t('form.workingGroup'),
      budget: t('item.budget'),
    };
    const sentence = (p: FormProblem): string => {
      if (p.field === 'netzwerkgruppe') return t('form.problem.networkGroup');
      if (p.field === 'kennung') return p.detail === 'taken' ? t('form.problem.slugTaken') : t('form.problem.slug');
      if (p.row !== undefined && p.problem === 'required') return t('form.problem.milestoneTitle', { n: p.row });
      if (p.field === 'thema') return t('form.problem.topic');
      if (p.problem === 'status') return t('form.problem.status');
      if (p.problem === 'marks') return t('form.problem.marks');
      if (p.problem === 'date') return t('form.problem.date');
      const label = labels[p.field] ?? t('col.milestone');
      return p.problem === 'too_long' ? t('form.problem.tooLong', { label }) : t('form.problem.required', { label });
    };
    const errors: FieldErrors = {};
    for (const p of problems) errors[p.field] ??= sentence(p);
    return errors;
  };

  const formPage = async (req: FastifyRequest, slug: string | null, values: Record<string, string>, errors?: FieldErrors, title?: string) => (
    <InitiativeFormPage ctx={ctxOf(req)} slug={slug} title={title} groups={await service.networkGroups()} values={values} errors={errors} />
  );

  app.get('/verwaltung/vorhaben/neu', { schema: { querystring: NoQuery } }, async (req, reply) => {
    authorize(requireActor(req), 'ideas.moderate');
    return reply.html(await formPage(req, null, { zeilen: '3' }));
  });

  app.post('/verwaltung/vorhaben/neu', { schema: { body: formBody(Type.Object({})) } }, async (req, reply) => {
    const values = formValues(req.body);
    const saved = await service.save(requireActor(req), null, values);
    if (!saved.ok) return reply.status(422).html(await formPage(req, null, values, formErrors(req, saved.problems)));
    return reply.redirect(`${initiativePath(saved.slug)}?hinweis=gespeichert`, 303);
  });

  app.get('/verwaltung/vorhaben/:slug/bearbeiten', { schema: { params: SlugParams, querystring: NoQuery } }, async (req, reply) => {
    const initiative = await service.forEditing(requireActor(req), req.params.slug);
    if (!initiative) throw notFound('Vorhaben');
    return reply.html(await formPage(req, initiative.slug, initiativeFormValues(initiative), undefined, initiative.title));
  });

  app.post('/verwaltung/vorhaben/:slug/bearbeiten', { schema: { params: SlugParams, body: formBody(Type.Object({})) } }, async (req, reply) => {
    const actor = requireActor(req);
    const initiative = await service.forEditing(actor, req.params.slug);
    if (!initiative) throw notFound('Vorhaben');
    const values = formValues(req.body);
    const saved = await service.save(actor, initiative.slug, values);
    if (!saved.ok) return reply.status(422).html(await formPage(req, initiative.slug, values, formErrors(req, saved.problems), initiative.title));
    return reply.redirect(`${initiativePath(saved.slug)}?hinweis=${saved.changed ? 'gespeichert' : 'unveraendert'}`, 303);
  });
}
