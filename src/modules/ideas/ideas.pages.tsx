import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.js';
import { requireActor } from '../../platform/auth/guard.js';
import { pageContext } from '../../platform/http/context.js';
import type { FieldErrors } from '../../platform/http/errors.js';
import { formValues, parseForm, type FieldWords } from '../../platform/http/forms.js';
import { ButtonForm, formBody, IdParams, NoQuery, type RouteApp } from '../../platform/http/routes.js';
import { imageFromForm, validateImage } from '../../platform/media/media.js';
import { acceptMultipart } from '../../platform/media/uploads.js';
import { atomFeed, rssFeed, type Feed } from '../newsletter/index.js';
import { answerFigures } from './figures.js';
import { ideaMessages } from './ideas.messages.js';
import { FollowForm, IdeaForm, ListQuery, TokenQuery, UnfollowForm, UpdateForm } from './ideas.schemas.js';
import { ideaPath, pageSize, type IdeaService } from './ideas.service.js';
import { isIdeaTopic, statusLabel, statusOfSlug, topicLabel } from './ideas.topics.js';
import { FiguresPage, filterQuery, IdeaFormPage, IdeaListPage, IdeaPage, MessagePage, UnfollowPage, UpdatePage, type ListView } from './views/public.js';

/*
 * Routes of Ideen & Anliegen (HTML and feed):
 *   GET       /mitmachen/ideen?thema=&bezirk=&status=&sortierung=&seite=   the published ideas, filtered
 *   GET       /mitmachen/ideen/feed.atom?… and feed.rss?…                    the same filter as an Atom or RSS feed
 *   GET       /mitmachen/ideen/zahlen                                       answer times per topic (chart and table)
 *   GET  POST /mitmachen/ideen/neu                                          submit (a check page with similar ideas first)
 *   GET       /mitmachen/ideen/eingereicht?bestaetigen=ja                   thanks
 *   GET       /mitmachen/ideen/bestaetigen?token=                           the author confirms the address (double opt-in)
 *   GET       /mitmachen/ideen/:id                                          one idea with its history
 *        POST /mitmachen/ideen/:id/unterstuetzen                            support (signed in; one per person)
 *        POST /mitmachen/ideen/:id/folgen                                   follow (account, or address with confirmation)
 *   GET       /mitmachen/ideen/folgen/bestaetigen?token=                    confirm following
 *   GET  POST /mitmachen/ideen/abbestellen?token=                           no more mails about one idea
 *        POST /mitmachen/ideen/abbestellen/ein-klick?token=                 RFC 8058 one-click unsubscribe (no CSRF; the signed token authorises)
 *   GET  POST /mitmachen/ideen/:id/ergaenzen?token=                         the author adds an update (account, or the link from the mail)
 */
export function registerIdeaPages(
  app: RouteApp,
  deps: AppDeps,
  service: IdeaService,
  /** The initiatives (Vorhaben) an idea shaped, linked from its page. */
  initiativesOf: (ideaId: string) => Promise<{ shaped: { href: string; title: string }[]; council: { href: string; label: string }[] }>,
): void {
  const ctxOf = (req: FastifyRequest) => pageContext(req, deps.city);

  const readFilter = (q: { thema?: string; bezirk?: string; status?: string; sortierung?: string; seite?: string }) => ({
    topic: isIdeaTopic(q.thema) ? q.thema : undefined,
    district: q.bezirk && deps.city.districts.includes(q.bezirk) ? q.bezirk : undefined,
    status: statusOfSlug(q.status),
    sort: q.sortierung === 'unterstuetzt' ? ('supported' as const) : q.sortierung === 'beantwortet' ? ('answered' as const) : ('newest' as const),
    page: Math.max(1, Math.min(10_000, Number.parseInt(q.seite ?? '1', 10) || 1)),
  });

  app.get('/mitmachen/ideen', { schema: { querystring: ListQuery } }, async (req, reply) => {
    const filter = readFilter(req.query);
    const { total, items } = await service.list({ ...filter, limit: pageSize, offset: (filter.page - 1) * pageSize });
    const view: ListView = { ...filter, total, items, pages: Math.max(1, Math.ceil(total / pageSize)) };
    return reply.html(<IdeaListPage ctx={ctxOf(req)} view={view} />);
  });

  // The same selection as the list page, as Atom or RSS (feed readers differ in what they take).
  for (const format of ['atom', 'rss'] as const) {
    app.get(`/mitmachen/ideen/feed.${format}`, { schema: { querystring: ListQuery } }, async (req, reply) => {
      const filter = readFilter(req.query);
      const { items } = await service.list({ ...filter, limit: 50, offset: 0 });
      const t = ideaMessages('de');
      const query = filterQuery(filter);
      const feed: Feed = {
        title: t('feed.title', { portal: deps.city.portalName }),
        description: t('list.lead'),
        link: `${deps.config.publicUrl}/mitmachen/ideen${query}`,
        self: `${deps.config.publicUrl}/mitmachen/ideen/feed.${format}${query}`,
        items: items.map((i) => ({
          id: i.id,
          title: `${i.title} (${statusLabel(i.status, 'de')})`,
          summary: `${topicLabel(i.topic, 'de')}: ${i.body.slice(0, 300)}`,
          link: `${deps.config.publicUrl}${ideaPath(i.id)}`,
          published: i.published_at ?? i.created_at,
          updated: i.last_answer_at ?? i.published_at ?? i.created_at,
        })),
      };
      const [body, type] = format === 'atom' ? [atomFeed(feed), 'application/atom+xml'] : [rssFeed(feed), 'application/rss+xml'];
      return reply.type(`${type}; charset=utf-8`).header('cache-control', 'public, max-age=300').send(body);
    });
  }

  app.get('/mitmachen/ideen/zahlen', { schema: { querystring: NoQuery } }, async (req, reply) =>
    reply.html(<FiguresPage ctx={ctxOf(req)} figures={answerFigures(await service.answerTimes())} />),
  );

  // Submitting ------------------------------------------------------------------------------------

  app.get('/mitmachen/ideen/neu', { schema: { querystring: NoQuery } }, async (req, reply) => reply.html(<IdeaFormPage ctx={ctxOf(req)} />));

  const labels = (req: FastifyRequest): Record<string, FieldWords> => {
    const t = ideaMessages(req.locale);
    return {
      kind: { label: t('form.kind'), choice: t('form.kind') },
      title: { label: t('form.title.label'), required: t('form.title.required'), tooShort: t('form.title.tooShort'), tooLong: t('form.title.tooLong') },
      body: { label: t('form.body.label'), required: t('form.body.required'), tooShort: t('form.body.tooShort'), tooLong: t('form.body.tooLong') },
      topic: { label: t('form.topic'), choice: t('form.topic.choice') },
      shownAs: { label: t('form.shownAs'), choice: t('form.shownAs.choice') },
      name: t('form.name'),
      email: { label: t('form.email'), required: t('form.email.required'), format: t('form.email.required') },
      photoAlt: t('form.photoAlt'),
      privacy: { label: t('form.privacy'), required: t('form.privacy.required'), format: t('form.privacy.required') },
    };
  };

  const submitIdea = async (req: FastifyRequest, reply: FastifyReply) => {
    const t = ideaMessages(req.locale);
    const ctx = ctxOf(req);
    const values = formValues(req.body);
    // The honeypot: people never see the field; a filled one gets the same thanks, and nothing is stored.
    if ((values.website ?? '').trim() !== '') return reply.redirect('/mitmachen/ideen/eingereicht?bestaetigen=ja', 303);
    const form = parseForm(IdeaForm, req.body, labels(req), req.locale);
    const errors: FieldErrors = form.ok ? {} : { ...form.errors };
    if (!req.actor && !(values.email ?? '').trim() && !errors.email) errors.email = t('form.email.required');
    if (values.privacy !== 'ja') errors.privacy = t('form.privacy.required');
    if ((values.shownAs ?? 'first_name') !== 'anonymous' && !(values.name ?? '').trim() && !req.actor) errors.name = t('form.name.required');
    const photo = imageFromForm(req.body, 'photo');
    const problem = photo ? validateImage(photo) : null;
    if (problem) errors.photo = problem === 'image.size' ? t('form.photo.size') : t('form.photo.type');
    if (photo && !(values.photoAlt ?? '').trim()) errors.photoAlt = t('form.photoAlt.required');
    if (!form.ok || Object.keys(errors).length > 0) {
      const order = ['kind', 'title', 'body', 'topic', 'shownAs', 'name', 'email', 'photo', 'photoAlt', 'privacy'];
      const ordered = Object.fromEntries(order.filter((f) => errors[f]).map((f) => [f, errors[f]!]));
      return reply.status(422).html(<IdeaFormPage ctx={ctx} values={values} errors={ordered} />);
    }
    const v = form.value;
    // Without JavaScript the similar ideas come on a check page before sending.
    if (v.checked !== 'ja') {
      const similar = await service.similar(`${v.title} ${v.body}`, { topic: v.topic, district: v.district || undefined });
      if (similar.length > 0) return reply.html(<IdeaFormPage ctx={ctx} values={values} similar={similar} />);
    }
    const result = await service.submit(
      {
        kind: v.kind,
        title: v.title,
        body: v.body,
        topic: v.topic,
        district: v.district ?? null,
        shownAs: v.shownAs,
        name: v.name ?? null,
        email: v.email ?? null,
        photo: photo ? { image: photo, alt: v.photoAlt! } : null,
      },
      { ip: req.ip, actor: req.actor, locale: req.locale },
    );
    return reply.redirect(`/mitmachen/ideen/eingereicht${result.needsConfirmation ? '?bestaetigen=ja' : ''}`, 303);
  };

  acceptMultipart(app, { limits: { files: 1, fields: 20, fieldBytes: 20_000 }, who: 'anyone' }, (scope) => {
    scope.withTypeProvider<TypeBoxTypeProvider>().post('/mitmachen/ideen/neu', { schema: { body: formBody(IdeaForm) } }, submitIdea);
  });

  app.get(
    '/mitmachen/ideen/eingereicht',
    { schema: { querystring: Type.Object({ bestaetigen: Type.Optional(Type.String({ maxLength: 10 })) }) } },
    async (req, reply) => {
      const t = ideaMessages(req.locale);
      const texts = req.query.bestaetigen === 'ja' ? [t('sent.confirm')] : [t('sent.review')];
      return reply.html(<MessagePage ctx={ctxOf(req)} title={t('sent.title')} texts={texts} />);
    },
  );

  app.get('/mitmachen/ideen/bestaetigen', { schema: { querystring: TokenQuery } }, async (req, reply) => {
    const t = ideaMessages(req.locale);
    const outcome = await service.confirm(req.query.token ?? '');
    if (outcome.kind === 'done') return reply.html(<MessagePage ctx={ctxOf(req)} title={t('confirmed.title')} texts={[t('confirmed.text')]} />);
    return reply
      .status(outcome.kind === 'expired' ? 410 : 400)
      .html(
        <MessagePage
          ctx={ctxOf(req)}
          kind="warning"
          title={t('link.invalidTitle')}
          texts={[outcome.kind === 'expired' ? t('link.expired') : t('link.invalid')]}
        />,
      );
  });

  // Following without an account, unsubscribing --------------------------------------------------

  app.get('/mitmachen/ideen/folgen/bestaetigen', { schema: { querystring: TokenQuery } }, async (req, reply) => {
    const t = ideaMessages(req.locale);
    const outcome = await service.confirmFollow(req.query.token ?? '');
    if (outcome.kind === 'done') return reply.html(<MessagePage ctx={ctxOf(req)} title={t('followConfirmed.title')} texts={[t('followConfirmed.text')]} />);
    return reply
      .status(outcome.kind === 'expired' ? 410 : 400)
      .html(<MessagePage ctx={ctxOf(req)} kind="warning" title={t('link.invalidTitle')} texts={[t('link.invalid')]} />);
  });

  app.get('/mitmachen/ideen/abbestellen', { schema: { querystring: TokenQuery } }, async (req, reply) => {
    const t = ideaMessages(req.locale);
    const found = await service.followerOfToken(req.query.token ?? '');
    if (!found) return reply.status(400).html(<MessagePage ctx={ctxOf(req)} kind="warning" title={t('link.invalidTitle')} texts={[t('link.invalid')]} />);
    return reply.html(<UnfollowPage ctx={ctxOf(req)} token={req.query.token ?? ''} title={found.idea.title} />);
  });

  app.post('/mitmachen/ideen/abbestellen', { schema: { body: formBody(UnfollowForm) } }, async (req, reply) => {
    const t = ideaMessages(req.locale);
    const form = parseForm(UnfollowForm, req.body, {}, req.locale);
    const done = form.ok ? await service.unfollow(form.value.token) : null;
    if (!done) return reply.status(400).html(<MessagePage ctx={ctxOf(req)} kind="warning" title={t('link.invalidTitle')} texts={[t('link.invalid')]} />);
    return reply.html(<MessagePage ctx={ctxOf(req)} title={t('unfollow.title')} texts={[t('unfollow.done', { title: done.title })]} />);
  });

  // RFC 8058: mail clients POST here without cookies; the signed token is the only authority, and all it can do is unsubscribe itself.
  acceptMultipart(app, { limits: { files: 0, fields: 4, fieldBytes: 1024 }, who: 'anyone' }, (scope) => {
    scope.withTypeProvider<TypeBoxTypeProvider>().post(
      '/mitmachen/ideen/abbestellen/ein-klick',
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

  // One idea ---------------------------------------------------------------------------------------

  app.get(
    '/mitmachen/ideen/:id',
    { schema: { params: IdParams, querystring: Type.Object({ hinweis: Type.Optional(Type.String({ maxLength: 20 })) }) } },
    async (req, reply) => {
      const t = ideaMessages(req.locale);
      const item = { ...(await service.publicItem(req.params.id, req.actor)), ...(await initiativesOf(req.params.id)) };
      const notice = req.query.hinweis === 'folgen' ? t('item.followSent') : undefined;
      return reply.html(<IdeaPage ctx={ctxOf(req)} item={item} notice={notice} />);
    },
  );

  app.post('/mitmachen/ideen/:id/unterstuetzen', { schema: { params: IdParams, body: ButtonForm } }, async (req, reply) => {
    const actor = requireActor(req);
    const withdraw = formValues(req.body).zuruecknehmen === 'ja';
    // A second support (a double click, a second tab) changes nothing: the database holds one per person.
    await service.support(actor, req.params.id, !withdraw);
    return reply.redirect(ideaPath(req.params.id), 303);
  });

  app.post('/mitmachen/ideen/:id/folgen', { schema: { params: IdParams, body: formBody(FollowForm) } }, async (req, reply) => {
    const t = ideaMessages(req.locale);
    if (req.actor) {
      await service.followWithAccount(req.actor, req.params.id, formValues(req.body).beenden !== 'ja', req.locale);
      return reply.redirect(ideaPath(req.params.id), 303);
    }
    const form = parseForm(
      FollowForm,
      req.body,
      { email: { label: t('item.followEmail'), required: t('error.followEmail'), format: t('error.followEmail') } },
      req.locale,
    );
    if (!form.ok) {
      const item = { ...(await service.publicItem(req.params.id, null)), ...(await initiativesOf(req.params.id)) };
      return reply.status(422).html(<IdeaPage ctx={ctxOf(req)} item={item} followErrors={form.errors} followValue={formValues(req.body).email} />);
    }
    await service.followByEmail(req.params.id, form.value.email, req.locale, { ip: req.ip });
    return reply.redirect(`${ideaPath(req.params.id)}?hinweis=folgen`, 303);
  });

  // The author's updates ---------------------------------------------------------------------------

  app.get('/mitmachen/ideen/:id/ergaenzen', { schema: { params: IdParams, querystring: TokenQuery } }, async (req, reply) => {
    const idea = await service.authorAccess(req.params.id, req.actor, req.query.token);
    return reply.html(<UpdatePage ctx={ctxOf(req)} idea={idea} token={req.query.token} />);
  });

  app.post('/mitmachen/ideen/:id/ergaenzen', { schema: { params: IdParams, body: formBody(UpdateForm) } }, async (req, reply) => {
    const t = ideaMessages(req.locale);
    const values = formValues(req.body);
    const idea = await service.authorAccess(req.params.id, req.actor, values.token);
    const form = parseForm(UpdateForm, req.body, { body: { label: t('update.body'), required: t('update.body.required') } }, req.locale);
    if (!form.ok) return reply.status(422).html(<UpdatePage ctx={ctxOf(req)} idea={idea} token={values.token} values={values} errors={form.errors} />);
    await service.authorUpdate(req.params.id, req.actor, form.value.token, form.value.body);
    return reply.redirect(ideaPath(req.params.id), 303);
  });
}
