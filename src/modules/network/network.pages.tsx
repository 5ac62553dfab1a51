import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.js';
import { ensure, requireActor } from '../../platform/auth/guard.js';
import { notFound } from '../../platform/http/errors.js';
import { pageContext } from '../../platform/http/context.js';
import { attempt, formValues, parseForm, type FieldWords } from '../../platform/http/forms.js';
import { readCivilDate } from '../../platform/time/civil-date.js';
import { ButtonForm, formBody, IdParams, NoQuery, type RouteApp } from '../../platform/http/routes.js';
import { consumeRateLimit } from '../../platform/http/rate-limit.js';
import { maxDocumentBytes } from '../../platform/media/document-format.js';
import { fileFromForm } from '../../platform/media/uploaded-file.js';
import { acceptMultipart } from '../../platform/media/uploads.js';
import { fromLocal, toLocal } from '../../platform/time/berlin.js';
import { NoticePage } from '../../platform/views/notice-page.js';
import { networkMessages } from './network.messages.js';
import { isNetworkPerson, isStaff } from './network.policy.js';
import {
  CalendarParams,
  CommentForm,
  DecideForm,
  DocumentForm,
  FileQuery,
  GroupForm,
  InviteForm,
  MeetingForm,
  MemberParams,
  MinutesForm,
  PartnerProfileForm,
  PartnerRequestForm,
  PollForm,
  PostForm,
  ReportForm,
  RsvpForm,
  RsvpQuery,
  SlugParams,
  TaskForm,
  TaskStatusForm,
  SearchQuery,
  TokenQuery,
  UnsubscribeForm,
  VersionForm,
  VersionParams,
} from './network.schemas.js';
import { documentPath, groupPath, meetingPath, pollPath, type GroupInput, type MeetingInput, type NetworkService } from './network.service.js';
import { NetworkPublicPage, PartnerRequestPage, section } from './views/public.js';
import {
  DocumentFormPage,
  GroupFormPage,
  DocumentPageView,
  DocumentSearchPage,
  PartnerFormPage,
  PartnerListPage,
  PollFormPage,
  PollPageView,
  GroupPageView,
  MeetingFormPage,
  MeetingPageView,
  MyNetworkPage,
  RsvpLinkPage,
  SettingsPage,
  UnsubscribePage,
} from './views/workspace.js';

const NoticeQuery = Type.Object({ hinweis: Type.Optional(Type.String({ maxLength: 20 })) });

/*
 * Routes of the Bündnis-Netzwerk (HTML):
 *   GET       /netzwerk                                       the alliance in public: partners, groups, public documents, the request form
 *   GET  POST /netzwerk/partner-werden                        ask to join as a partner (a mail to the family office)
 *   GET       /netzwerk/partner                               staff: the partner organisations and their public profiles
 *   GET  POST /netzwerk/partner/:id                           staff: edit one profile (short text, contribution, website, logo, shown)
 *   GET       /netzwerk/mein                                  a partner's start page: groups, meetings with RSVP, tasks, feed, Infobrief
 *   GET  POST /netzwerk/gruppen/neu                           staff open a working group (they lead it)
 *   GET  POST /netzwerk/gruppen/:slug/bearbeiten              leads and staff edit name, access, topic, lead organisation, public results
 *   GET       /netzwerk/gruppen/:slug                         a group: members, meetings, tasks, documents, feed (private: members only, else 404)
 *        POST /netzwerk/gruppen/:slug/beitreten               join (open), ask (closed), accept an invitation (private)
 *        POST /netzwerk/gruppen/:slug/verlassen               leave
 *        POST /netzwerk/gruppen/:slug/mitglieder/:userId/aufnehmen|entfernen   a lead accepts a request or removes a member
 *        POST /netzwerk/gruppen/:slug/einladen                a lead invites a partner by address
 *        POST /netzwerk/gruppen/:slug/beitraege               a post in the group's feed (Markdown, @mentions of members)
 *        POST /netzwerk/beitraege/:id/kommentare              a comment (the post's author hears of it)
 *        POST /netzwerk/beitraege/:id/anheften                the lead pins a post to the top of the feed (or takes it down)
 *        POST /netzwerk/beitraege/:id/bearbeiten              the author changes a post (the earlier text stays in its history)
 *        POST /netzwerk/beitraege/:id/melden                  report a post to the group's leads, with a reason
 *   GET  POST /netzwerk/gruppen/:slug/dokumente/neu           upload a document (multipart, ≤ 25 MB, type from the bytes)
 *   GET       /netzwerk/suche?q=                              full-text search in the documents one may read (title, description, the file's text)
 *   GET       /netzwerk/dokumente/:id                         a document with its versions
 *   GET       /netzwerk/dokumente/:id/datei?version=          the file (attachment; PDFs and images inline), sandboxed
 *        POST /netzwerk/dokumente/:id/versionen               a new version
 *        POST /netzwerk/dokumente/:id/versionen/:number/wiederherstellen   an old version becomes current (as a new one)
 *   GET  POST /netzwerk/gruppen/:slug/termine/neu             plan a meeting (invitations with iCalendar to every member)
 *   GET  POST /netzwerk/gruppen/:slug/umfragen/neu            a lead starts a date poll (one suggestion per line)
 *   GET       /netzwerk/umfragen/:id                          the poll: counts, my answers (yes / if need be / no)
 *        POST /netzwerk/umfragen/:id/abstimmen                save my answers
 *        POST /netzwerk/umfragen/:id/festlegen                the lead fixes a date: it becomes a meeting, invitations go out
 *   GET       /netzwerk/termine/:id                           a meeting: agenda, answers, minutes, action items
 *   GET  POST /netzwerk/termine/:id/aendern                   change it (an update with a higher SEQUENCE to everyone)
 *   GET  POST /netzwerk/termine/:id/antwort?token=&antwort=   RSVP (signed in, or with the signed link from the mail)
 *        POST /netzwerk/termine/:id/absagen                   cancel (METHOD:CANCEL to everyone)
 *        POST /netzwerk/termine/:id/protokoll                 minutes
 *        POST /netzwerk/termine/:id/aufgaben                  an action item (its owner is told)
 *        POST /netzwerk/aufgaben/:id/status                   done / open again
 *   GET       /netzwerk/benachrichtigungen                    the calendar feed's address; the link to the notification settings (/benachrichtigungen)
 *        POST /netzwerk/benachrichtigungen/kalender           a new calendar address (the old one stops working)
 *   GET       /netzwerk/kalender/:token.ics                   the personal calendar feed (meetings of my groups, now)
 *   GET  POST /netzwerk/benachrichtigungen/abbestellen?token= no more network mails (links in mails sent before the platform's service)
 *        POST /netzwerk/benachrichtigungen/abbestellen/ein-klick?token=   RFC 8058 one-click unsubscribe
 */
export function registerNetworkPages(app: RouteApp, deps: AppDeps, service: NetworkService): void {
  const ctxOf = (req: FastifyRequest) => pageContext(req, deps.city);
  const t = (req: FastifyRequest) => networkMessages(req.locale);
  /** The inner pages are for partners and staff; everybody else signs in first (401) or is refused (403). */
  const networkActor = (req: FastifyRequest) => {
    const actor = requireActor(req);
    ensure(isNetworkPerson(actor));
    return actor;
  };
  /** Pages also open to members who are not partners (the family council's members): the service checks the group. */
  const groupActor = (req: FastifyRequest) => requireActor(req);
  const notice = (req: FastifyRequest, value: string | undefined) => {
    const words: Record<string, string> = {
      beigetreten: t(req)('notice.joined'),
      angefragt: t(req)('notice.requested'),
      verlassen: t(req)('notice.left'),
      gespeichert: t(req)('notice.saved'),
      eingeladen: t(req)('notice.invited'),
      geteilt: t(req)('notice.posted'),
      hochgeladen: t(req)('notice.uploaded'),
      version: t(req)('notice.version'),
      geplant: t(req)('notice.planned'),
      abgesagt: t(req)('notice.cancelled'),
      geaendert: t(req)('notice.changed'),
      kalender: t(req)('notice.calendar'),
      angelegt: t(req)('notice.created'),
      umfrage: t(req)('notice.poll'),
      festgelegt: t(req)('notice.decided'),
      antwort: t(req)('notice.answered'),
      gemeldet: t(req)('notice.reported'),
    };
    return value ? words[value] : undefined;
  };

  // Public ------------------------------------------------------------------------------------------

  app.get('/netzwerk', { schema: { querystring: NoQuery } }, async (req, reply) =>
    reply.html(<NetworkPublicPage ctx={ctxOf(req)} overview={await service.publicOverview()} />),
  );

  app.get('/netzwerk/partner-werden', { schema: { querystring: NoQuery } }, async (req, reply) => reply.html(<PartnerRequestPage ctx={ctxOf(req)} />));

  const requestLabels = (req: FastifyRequest): Record<string, FieldWords> => ({
    organization: { label: t(req)('request.organization'), required: t(req)('request.organization.required') },
    name: { label: t(req)('request.name'), required: t(req)('request.name.required') },
    email: { label: t(req)('request.email'), required: t(req)('request.email.required'), format: t(req)('request.email.format') },
    message: { label: t(req)('request.message'), required: t(req)('request.message.required'), tooShort: t(req)('request.message.tooShort') },
    privacy: { label: t(req)('request.privacy'), required: t(req)('request.privacy.required'), format: t(req)('request.privacy.required') },
  });

  app.post('/netzwerk/partner-werden', { schema: { body: formBody(PartnerRequestForm) } }, async (req, reply) => {
    const values = formValues(req.body);
    if ((values.website ?? '').trim() !== '') return reply.redirect('/netzwerk/partner-werden/danke', 303);
    const form = parseForm(PartnerRequestForm, req.body, requestLabels(req), req.locale);
    if (!form.ok) return reply.status(422).html(<PartnerRequestPage ctx={ctxOf(req)} values={values} errors={form.errors} />);
    await consumeRateLimit(deps.db, deps.config.sessionSecret, { bucket: 'network.request:ip', max: 5, windowSeconds: 3600 }, req.ip);
    await service.requestPartnership(form.value, req.locale);
    return reply.redirect('/netzwerk/partner-werden/danke', 303);
  });

  app.get('/netzwerk/partner-werden/danke', { schema: { querystring: NoQuery } }, async (req, reply) =>
    reply.html(<NoticePage ctx={ctxOf(req)} section={section} status="success" title={t(req)('request.thanks.title')} text={t(req)('request.thanks.text')} />),
  );

  // Partner profiles (staff) -----------------------------------------------------------------------

  app.get('/netzwerk/partner', { schema: { querystring: NoticeQuery } }, async (req, reply) =>
    reply.html(<PartnerListPage ctx={ctxOf(req)} partners={await service.partnerProfiles(networkActor(req))} notice={notice(req, req.query.hinweis)} />),
  );

  const partnerOf = async (req: FastifyRequest, id: string) => {
    const partner = (await service.partnerProfiles(networkActor(req))).find((p) => p.id === id);
    if (!partner) throw notFound('Partner');
    return partner;
  };

  app.get('/netzwerk/partner/:id', { schema: { params: IdParams, querystring: NoQuery } }, async (req, reply) => {
    const p = await partnerOf(req, req.params.id);
    const values = { shortText: p.short_text ?? '', contribution: p.contribution ?? '', website: p.website ?? '', shown: p.shown === false ? '' : 'ja' };
    return reply.html(<PartnerFormPage ctx={ctxOf(req)} partner={p} values={values} />);
  });

  acceptMultipart(app, { limits: { files: 1, fields: 8, fieldBytes: 4000 }, who: isStaff }, (scope) => {
    scope
      .withTypeProvider<TypeBoxTypeProvider>()
      .post('/netzwerk/partner/:id', { schema: { params: IdParams, body: formBody(PartnerProfileForm) } }, async (req, reply) => {
        const actor = networkActor(req);
        ensure(isStaff(actor));
        const partner = await partnerOf(req, req.params.id);
        const labels = {
          shortText: t(req)('partnerForm.shortText'),
          contribution: t(req)('partnerForm.contribution'),
          website: { label: t(req)('partnerForm.website'), format: t(req)('partnerForm.website.format') },
          shown: t(req)('partnerForm.shown'),
        };
        const form = parseForm(PartnerProfileForm, req.body, labels, req.locale);
        const done = form.ok
          ? await attempt(() =>
              service.savePartnerProfile(
                actor,
                partner.id,
                {
                  shortText: form.value.shortText ?? '',
                  contribution: form.value.contribution ?? '',
                  website: form.value.website ?? null,
                  shown: form.value.shown === 'ja',
                },
                fileFromForm(req.body, 'logo'),
                req.locale,
              ),
            )
          : ({ ok: false, errors: form.errors } as const);
        if (!done.ok) return reply.status(422).html(<PartnerFormPage ctx={ctxOf(req)} partner={partner} values={formValues(req.body)} errors={done.errors} />);
        return reply.redirect('/netzwerk/partner?hinweis=gespeichert', 303);
      });
  });

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
    return reply.html(<GroupFormPage ctx={ctxOf(req)} organizations={await service.organizations()} values={values} slug={g.slug} />);
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

  const groupAgain = async (req: FastifyRequest, reply: FastifyReply, slug: string, errors: Record<string, string>) =>
    reply
      .status(422)
      .html(<GroupPageView ctx={ctxOf(req)} view={await service.groupPage(groupActor(req), slug)} errors={errors} values={formValues(req.body)} />);

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

  app.post('/netzwerk/gruppen/:slug/beitraege', { schema: { params: SlugParams, body: formBody(PostForm) } }, async (req, reply) => {
    const actor = groupActor(req);
    const form = parseForm(PostForm, req.body, { body: { label: t(req)('post.body'), required: t(req)('post.body.required') } }, req.locale);
    if (!form.ok) return groupAgain(req, reply, req.params.slug, form.errors);
    const done = await attempt(() => service.post(actor, req.params.slug, form.value.body, req.locale));
    if (!done.ok) return groupAgain(req, reply, req.params.slug, done.errors);
    return reply.redirect(`${groupPath(req.params.slug)}?hinweis=geteilt#feed`, 303);
  });

  app.post('/netzwerk/beitraege/:id/kommentare', { schema: { params: IdParams, body: formBody(CommentForm) } }, async (req, reply) => {
    const actor = groupActor(req);
    // Each post has its own comment field (ids stay unique on the page): kommentar-<post id>.
    const field = `kommentar-${req.params.id}`;
    const form = parseForm(
      CommentForm,
      { body: formValues(req.body)[field] ?? '' },
      { body: { label: t(req)('comment.body'), required: t(req)('comment.body.required') } },
      req.locale,
    );
    const done = form.ok
      ? await attempt(() => service.comment(actor, req.params.id, form.value.body, req.locale))
      : ({ ok: false, errors: form.errors } as const);
    if (!done.ok) {
      const slug = await service.postGroupSlug(actor, req.params.id);
      return reply
        .status(422)
        .html(<GroupPageView ctx={ctxOf(req)} view={await service.groupPage(actor, slug)} errors={{ [field]: Object.values(done.errors)[0] ?? '' }} />);
    }
    return reply.redirect(`${groupPath(done.value)}?hinweis=geteilt#beitrag-${req.params.id}`, 303);
  });

  app.post('/netzwerk/beitraege/:id/anheften', { schema: { params: IdParams, body: ButtonForm } }, async (req, reply) => {
    const slug = await service.togglePin(networkActor(req), req.params.id);
    return reply.redirect(`${groupPath(slug)}?hinweis=gespeichert#beitrag-${req.params.id}`, 303);
  });

  // Each post has its own fields on the page: bearbeiten-<post id>, meldung-<post id>.
  app.post('/netzwerk/beitraege/:id/bearbeiten', { schema: { params: IdParams, body: formBody(PostForm) } }, async (req, reply) => {
    const actor = networkActor(req);
    const field = `bearbeiten-${req.params.id}`;
    const form = parseForm(
      PostForm,
      { body: formValues(req.body)[field] ?? '' },
      { body: { label: t(req)('post.edit'), required: t(req)('post.body.required') } },
      req.locale,
    );
    const done = form.ok
      ? await attempt(() => service.editPost(actor, req.params.id, form.value.body, req.locale))
      : ({ ok: false, errors: form.errors } as const);
    if (!done.ok) return groupAgain(req, reply, await service.postGroupSlug(actor, req.params.id), { [field]: Object.values(done.errors)[0] ?? '' });
    return reply.redirect(`${groupPath(done.value)}?hinweis=gespeichert#beitrag-${req.params.id}`, 303);
  });

  app.post('/netzwerk/beitraege/:id/melden', { schema: { params: IdParams, body: formBody(ReportForm) } }, async (req, reply) => {
    const actor = networkActor(req);
    const field = `meldung-${req.params.id}`;
    const form = parseForm(
      ReportForm,
      { reason: formValues(req.body)[field] ?? '' },
      { reason: { label: t(req)('report.reason'), required: t(req)('report.reason.required'), tooShort: t(req)('report.reason.required') } },
      req.locale,
    );
    if (!form.ok) return groupAgain(req, reply, await service.postGroupSlug(actor, req.params.id), { [field]: Object.values(form.errors)[0] ?? '' });
    const slug = await service.reportPost(actor, req.params.id, form.value.reason);
    return reply.redirect(`${groupPath(slug)}?hinweis=gemeldet#beitrag-${req.params.id}`, 303);
  });

  // Documents ----------------------------------------------------------------------------------------

  const documentLabels = (req: FastifyRequest): Record<string, FieldWords> => ({
    title: { label: t(req)('document.title'), required: t(req)('document.title.required') },
    description: t(req)('document.description'),
    folder: t(req)('document.folder'),
    visibility: t(req)('document.visibility'),
    note: t(req)('document.note'),
  });

  app.get('/netzwerk/gruppen/:slug/dokumente/neu', { schema: { params: SlugParams, querystring: NoQuery } }, async (req, reply) => {
    const view = await service.groupPage(networkActor(req), req.params.slug);
    ensure(view.isMember);
    return reply.html(<DocumentFormPage ctx={ctxOf(req)} group={view.group} />);
  });

  const uploadLimits = { files: 1, fileBytes: maxDocumentBytes, fields: 12, fieldBytes: 4000 };
  acceptMultipart(app, { limits: uploadLimits, who: isNetworkPerson }, (scope) => {
    const typed = scope.withTypeProvider<TypeBoxTypeProvider>();
    typed.post('/netzwerk/gruppen/:slug/dokumente/neu', { schema: { params: SlugParams, body: formBody(DocumentForm) } }, async (req, reply) => {
      const actor = networkActor(req);
      const values = formValues(req.body);
      const again = async (errors: Record<string, string>) => {
        const view = await service.groupPage(actor, req.params.slug);
        return reply.status(422).html(<DocumentFormPage ctx={ctxOf(req)} group={view.group} values={values} errors={errors} />);
      };
      const form = parseForm(DocumentForm, req.body, documentLabels(req), req.locale);
      if (!form.ok) return again(form.errors);
      const v = form.value;
      const done = await attempt(() =>
        service.upload(
          actor,
          req.params.slug,
          { title: v.title, description: v.description ?? '', folder: v.folder ?? '', visibility: v.visibility, note: v.note ?? '' },
          fileFromForm(req.body, 'file'),
          req.locale,
        ),
      );
      if (!done.ok) return again(done.errors);
      return reply.redirect(`${documentPath(done.value)}?hinweis=hochgeladen`, 303);
    });

    typed.post('/netzwerk/dokumente/:id/versionen', { schema: { params: IdParams, body: formBody(VersionForm) } }, async (req, reply) => {
      const actor = networkActor(req);
      const form = parseForm(VersionForm, req.body, { note: t(req)('document.note') }, req.locale);
      const done = form.ok
        ? await attempt(() => service.addVersion(actor, req.params.id, form.value.note ?? '', fileFromForm(req.body, 'file'), req.locale))
        : ({ ok: false, errors: form.errors } as const);
      if (!done.ok)
        return reply.status(422).html(<DocumentPageView ctx={ctxOf(req)} view={await service.documentPage(actor, req.params.id)} errors={done.errors} />);
      return reply.redirect(`${documentPath(req.params.id)}?hinweis=version`, 303);
    });
  });

  app.get('/netzwerk/suche', { schema: { querystring: SearchQuery } }, async (req, reply) => {
    const actor = networkActor(req);
    const query = (req.query.q ?? '').trim();
    const hits = query ? await service.searchDocuments(actor, query) : null;
    return reply.html(<DocumentSearchPage ctx={ctxOf(req)} query={query} hits={hits} />);
  });

  app.get('/netzwerk/dokumente/:id', { schema: { params: IdParams, querystring: NoticeQuery } }, async (req, reply) =>
    reply.html(<DocumentPageView ctx={ctxOf(req)} view={await service.documentPage(req.actor, req.params.id)} notice={notice(req, req.query.hinweis)} />),
  );

  app.post('/netzwerk/dokumente/:id/versionen/:number/wiederherstellen', { schema: { params: VersionParams, body: ButtonForm } }, async (req, reply) => {
    await service.restoreVersion(networkActor(req), req.params.id, Number(req.params.number), req.locale);
    return reply.redirect(`${documentPath(req.params.id)}?hinweis=version`, 303);
  });

  app.get('/netzwerk/dokumente/:id/datei', { schema: { params: IdParams, querystring: FileQuery } }, async (req, reply) => {
    const version = req.query.version && /^[1-9][0-9]{0,5}$/.test(req.query.version) ? Number(req.query.version) : undefined;
    const file = await service.documentFile(req.actor, req.params.id, version);
    // PDFs and images open in the browser; everything else downloads. Sandboxed either way: no script runs on our origin.
    const inline = file.content_type === 'application/pdf' || file.content_type.startsWith('image/');
    return reply
      .type(file.content_type)
      .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', file.visibility === 'public' ? 'public, max-age=300' : 'private, no-store')
      .send(file.bytes);
  });

  // Meetings and tasks -----------------------------------------------------------------------------

  const meetingLabels = (req: FastifyRequest): Record<string, FieldWords> => ({
    title: { label: t(req)('meeting.title'), required: t(req)('meeting.title.required') },
    date: { label: t(req)('meeting.date'), required: t(req)('meeting.date.required') },
    start: { label: t(req)('meeting.start'), required: t(req)('meeting.time.format'), format: t(req)('meeting.time.format') },
    end: { label: t(req)('meeting.end'), required: t(req)('meeting.time.format'), format: t(req)('meeting.time.format') },
    place: t(req)('meeting.place'),
    videoUrl: { label: t(req)('meeting.video'), format: t(req)('meeting.video.format') },
    agenda: t(req)('meeting.agenda'),
  });

  app.get('/netzwerk/gruppen/:slug/termine/neu', { schema: { params: SlugParams, querystring: NoQuery } }, async (req, reply) => {
    const view = await service.groupPage(networkActor(req), req.params.slug);
    ensure(view.isLead);
    return reply.html(<MeetingFormPage ctx={ctxOf(req)} group={view.group} />);
  });

  /** The meeting form read into what the service takes, or the errors to show (422). */
  const readMeeting = (req: FastifyRequest): { input: MeetingInput } | { errors: Record<string, string> } => {
    const form = parseForm(MeetingForm, req.body, meetingLabels(req), req.locale);
    if (!form.ok) return { errors: form.errors };
    const pad = (time: string) => time.padStart(5, '0');
    const startsAt = fromLocal(form.value.date, pad(form.value.start));
    const endsAt = fromLocal(form.value.date, pad(form.value.end));
    if (endsAt <= startsAt) return { errors: { end: t(req)('meeting.end.beforeStart') } };
    if (!form.value.place && !form.value.videoUrl) return { errors: { place: t(req)('meeting.place.required') } };
    return {
      input: {
        title: form.value.title,
        startsAt,
        endsAt,
        place: form.value.place ?? '',
        videoUrl: form.value.videoUrl ?? null,
        agenda: form.value.agenda ?? '',
      },
    };
  };

  app.post('/netzwerk/gruppen/:slug/termine/neu', { schema: { params: SlugParams, body: formBody(MeetingForm) } }, async (req, reply) => {
    const actor = networkActor(req);
    const values = formValues(req.body);
    const read = readMeeting(req);
    if ('errors' in read) {
      const view = await service.groupPage(actor, req.params.slug);
      return reply.status(422).html(<MeetingFormPage ctx={ctxOf(req)} group={view.group} values={values} errors={read.errors} />);
    }
    const id = await service.createMeeting(actor, req.params.slug, read.input);
    return reply.redirect(`${meetingPath(id)}?hinweis=geplant`, 303);
  });

  app.get('/netzwerk/termine/:id/aendern', { schema: { params: IdParams, querystring: NoQuery } }, async (req, reply) => {
    const view = await service.meetingPage(networkActor(req), req.params.id);
    ensure(view.isLead && !view.meeting.cancelled_at);
    const m = view.meeting;
    const start = toLocal(m.starts_at);
    const values = {
      title: m.title,
      date: start.date,
      start: start.time,
      end: toLocal(m.ends_at).time,
      place: m.place,
      videoUrl: m.video_url ?? '',
      agenda: m.agenda,
    };
    return reply.html(<MeetingFormPage ctx={ctxOf(req)} group={{ slug: m.group_slug, name: m.group_name }} values={values} meetingId={m.id} />);
  });

  app.post('/netzwerk/termine/:id/aendern', { schema: { params: IdParams, body: formBody(MeetingForm) } }, async (req, reply) => {
    const actor = networkActor(req);
    const read = readMeeting(req);
    if ('errors' in read) {
      const view = await service.meetingPage(actor, req.params.id);
      const group = { slug: view.meeting.group_slug, name: view.meeting.group_name };
      return reply
        .status(422)
        .html(<MeetingFormPage ctx={ctxOf(req)} group={group} values={formValues(req.body)} errors={read.errors} meetingId={req.params.id} />);
    }
    await service.updateMeeting(actor, req.params.id, read.input);
    return reply.redirect(`${meetingPath(req.params.id)}?hinweis=geaendert`, 303);
  });

  // Date polls ----------------------------------------------------------------------------------------

  app.get('/netzwerk/gruppen/:slug/umfragen/neu', { schema: { params: SlugParams, querystring: NoQuery } }, async (req, reply) => {
    const view = await service.groupPage(networkActor(req), req.params.slug);
    ensure(view.isLead);
    return reply.html(<PollFormPage ctx={ctxOf(req)} group={view.group} />);
  });

  app.post('/netzwerk/gruppen/:slug/umfragen/neu', { schema: { params: SlugParams, body: formBody(PollForm) } }, async (req, reply) => {
    const actor = networkActor(req);
    const labels = {
      title: { label: t(req)('meeting.title'), required: t(req)('meeting.title.required') },
      place: t(req)('meeting.place'),
      duration: { label: t(req)('poll.duration'), required: t(req)('poll.duration.format'), format: t(req)('poll.duration.format') },
      options: { label: t(req)('poll.options'), required: t(req)('poll.options.required'), tooShort: t(req)('poll.options.required') },
    };
    const form = parseForm(PollForm, req.body, labels, req.locale);
    const errors: Record<string, string> = form.ok ? {} : { ...form.errors };
    const options: Date[] = [];
    if (form.ok) {
      const duration = Number(form.value.duration);
      if (duration < 15 || duration > 600) errors.duration = t(req)('poll.duration.format');
      const lines = form.value.options.split(/\r?\n/).map((l) => l.trim());
      lines.forEach((line, i) => {
        if (!line || errors.options) return;
        const m = /^(\S+)\s+([01]?\d|2[0-3]):([0-5]\d)$/.exec(line);
        const date = m ? readCivilDate(m[1]!) : null;
        if (!m || !date?.ok) errors.options = t(req)('poll.options.line', { line: i + 1, text: line.slice(0, 40) });
        else options.push(fromLocal(date.date, `${m[2]!.padStart(2, '0')}:${m[3]}`));
      });
      const unique = new Set(options.map((o) => o.getTime()));
      if (!errors.options && (unique.size < 2 || unique.size > 20)) errors.options = t(req)('poll.options.required');
    }
    if (!form.ok || Object.keys(errors).length > 0) {
      const view = await service.groupPage(actor, req.params.slug);
      return reply.status(422).html(<PollFormPage ctx={ctxOf(req)} group={view.group} values={formValues(req.body)} errors={errors} />);
    }
    const unique = [...new Set(options.map((o) => o.getTime()))].map((ms) => new Date(ms));
    const id = await service.createPoll(actor, req.params.slug, {
      title: form.value.title,
      place: form.value.place ?? '',
      durationMinutes: Number(form.value.duration),
      options: unique,
    });
    return reply.redirect(`${pollPath(id)}?hinweis=umfrage`, 303);
  });

  app.get('/netzwerk/umfragen/:id', { schema: { params: IdParams, querystring: NoticeQuery } }, async (req, reply) =>
    reply.html(<PollPageView ctx={ctxOf(req)} view={await service.pollPage(groupActor(req), req.params.id)} notice={notice(req, req.query.hinweis)} />),
  );

  app.post('/netzwerk/umfragen/:id/abstimmen', { schema: { params: IdParams, body: formBody(Type.Object({})) } }, async (req, reply) => {
    const answers = new Map<string, 'yes' | 'no' | 'maybe'>();
    for (const [name, value] of Object.entries(formValues(req.body))) {
      const option = /^o-([0-9a-f-]{36})$/.exec(name)?.[1];
      if (option && (value === 'yes' || value === 'no' || value === 'maybe')) answers.set(option, value);
    }
    await service.vote(groupActor(req), req.params.id, answers);
    return reply.redirect(`${pollPath(req.params.id)}?hinweis=antwort`, 303);
  });

  app.post('/netzwerk/umfragen/:id/festlegen', { schema: { params: IdParams, body: formBody(DecideForm) } }, async (req, reply) => {
    const actor = networkActor(req);
    const form = parseForm(DecideForm, req.body, { option: t(req)('poll.decide.label') }, req.locale);
    if (!form.ok) throw notFound('Umfrage');
    const meetingId = await service.decidePoll(actor, req.params.id, form.value.option);
    return reply.redirect(`${meetingPath(meetingId)}?hinweis=festgelegt`, 303);
  });

  app.get('/netzwerk/termine/:id', { schema: { params: IdParams, querystring: NoticeQuery } }, async (req, reply) =>
    reply.html(<MeetingPageView ctx={ctxOf(req)} view={await service.meetingPage(groupActor(req), req.params.id)} notice={notice(req, req.query.hinweis)} />),
  );

  const invalidLink = (req: FastifyRequest, reply: FastifyReply) =>
    reply
      .status(400)
      .header('cache-control', 'no-store')
      .html(<NoticePage ctx={ctxOf(req)} section={section} status="warning" title={t(req)('link.invalid.title')} text={t(req)('link.invalid.text')} />);

  app.get('/netzwerk/termine/:id/antwort', { schema: { params: IdParams, querystring: RsvpQuery } }, async (req, reply) => {
    const found = await service.rsvpLink(req.params.id, req.query.token ?? '');
    if (!found) return invalidLink(req, reply);
    const answer = req.query.antwort === 'yes' || req.query.antwort === 'no' || req.query.antwort === 'maybe' ? req.query.antwort : undefined;
    return reply
      .header('cache-control', 'no-store')
      .html(<RsvpLinkPage ctx={ctxOf(req)} meeting={found.meeting} token={req.query.token ?? ''} answer={answer} />);
  });

  app.post('/netzwerk/termine/:id/antwort', { schema: { params: IdParams, body: formBody(RsvpForm) } }, async (req, reply) => {
    const form = parseForm(RsvpForm, req.body, { answer: t(req)('rsvp.heading') }, req.locale);
    if (!form.ok) return invalidLink(req, reply);
    if (form.value.token) {
      if (!(await service.rsvpByLink(req.params.id, form.value.token, form.value.answer))) return invalidLink(req, reply);
      return reply.html(
        <NoticePage ctx={ctxOf(req)} section={section} status="success" title={t(req)('rsvp.heading')} text={t(req)(`rsvp.done.${form.value.answer}`)} />,
      );
    }
    await service.rsvp(groupActor(req), req.params.id, form.value.answer);
    return reply.redirect(`${meetingPath(req.params.id)}?hinweis=antwort`, 303);
  });

  app.post('/netzwerk/termine/:id/absagen', { schema: { params: IdParams, body: ButtonForm } }, async (req, reply) => {
    await service.cancelMeeting(networkActor(req), req.params.id);
    return reply.redirect(`${meetingPath(req.params.id)}?hinweis=abgesagt`, 303);
  });

  const meetingAgain = async (req: FastifyRequest, reply: FastifyReply, errors: Record<string, string>, id: string) =>
    reply
      .status(422)
      .html(<MeetingPageView ctx={ctxOf(req)} view={await service.meetingPage(networkActor(req), id)} errors={errors} values={formValues(req.body)} />);

  app.post('/netzwerk/termine/:id/protokoll', { schema: { params: IdParams, body: formBody(MinutesForm) } }, async (req, reply) => {
    const actor = networkActor(req);
    const form = parseForm(MinutesForm, req.body, { minutes: { label: t(req)('minutes.label'), required: t(req)('minutes.required') } }, req.locale);
    if (!form.ok) return meetingAgain(req, reply, form.errors, req.params.id);
    await service.saveMinutes(actor, req.params.id, form.value.minutes);
    return reply.redirect(`${meetingPath(req.params.id)}?hinweis=gespeichert`, 303);
  });

  app.post('/netzwerk/termine/:id/aufgaben', { schema: { params: IdParams, body: formBody(TaskForm) } }, async (req, reply) => {
    const actor = networkActor(req);
    const labels = { title: { label: t(req)('task.title'), required: t(req)('task.title.required') }, owner: t(req)('task.owner'), due: t(req)('task.due') };
    const form = parseForm(TaskForm, req.body, labels, req.locale);
    if (!form.ok) return meetingAgain(req, reply, form.errors, req.params.id);
    const done = await attempt(() =>
      service.addTask(actor, req.params.id, { title: form.value.title, ownerId: form.value.owner ?? null, dueOn: form.value.due ?? null }, req.locale),
    );
    if (!done.ok) return meetingAgain(req, reply, done.errors, req.params.id);
    return reply.redirect(`${meetingPath(req.params.id)}?hinweis=gespeichert`, 303);
  });

  app.post('/netzwerk/aufgaben/:id/status', { schema: { params: IdParams, body: formBody(TaskStatusForm) } }, async (req, reply) => {
    const actor = networkActor(req);
    const form = parseForm(TaskStatusForm, req.body, { done: t(req)('task.status') }, req.locale);
    const back = await service.setTaskDone(actor, req.params.id, !form.ok || form.value.done === 'ja');
    return reply.redirect(`${back}?hinweis=gespeichert`, 303);
  });

  // Notification settings ------------------------------------------------------------------------------

  app.get('/netzwerk/benachrichtigungen', { schema: { querystring: NoticeQuery } }, async (req, reply) => {
    const actor = groupActor(req);
    return reply.html(<SettingsPage ctx={ctxOf(req)} calendarUrl={await service.calendarUrl(actor)} notice={notice(req, req.query.hinweis)} />);
  });

  app.post('/netzwerk/benachrichtigungen/kalender', { schema: { body: ButtonForm } }, async (req, reply) => {
    await service.calendarUrl(groupActor(req), true);
    return reply.redirect('/netzwerk/benachrichtigungen?hinweis=kalender#kalender', 303);
  });

  // The personal calendar feed: the secret address is the only authority (calendar apps send no cookies).
  app.get('/netzwerk/kalender/:token', { schema: { params: CalendarParams, querystring: NoQuery } }, async (req, reply) => {
    const feed = await service.calendarByToken(req.params.token.replace(/\.ics$/, ''));
    if (!feed) throw notFound('Kalender');
    return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff').send(feed);
  });

  app.get('/netzwerk/benachrichtigungen/abbestellen', { schema: { querystring: TokenQuery } }, async (req, reply) => {
    if (!(await service.unsubscribeSubject(req.query.token ?? ''))) return invalidLink(req, reply);
    return reply.header('cache-control', 'no-store').html(<UnsubscribePage ctx={ctxOf(req)} token={req.query.token ?? ''} />);
  });

  app.post('/netzwerk/benachrichtigungen/abbestellen', { schema: { body: formBody(UnsubscribeForm) } }, async (req, reply) => {
    const form = parseForm(UnsubscribeForm, req.body, {}, req.locale);
    if (!form.ok || !(await service.unsubscribe(form.value.token))) return invalidLink(req, reply);
    return reply.html(<NoticePage ctx={ctxOf(req)} section={section} status="success" title={t(req)('unsubscribe.title')} text={t(req)('unsubscribe.done')} />);
  });

  // RFC 8058: mail clients POST here without cookies; the signed token is the only authority, and all it can do is unsubscribe.
  acceptMultipart(app, { limits: { files: 0, fields: 4, fieldBytes: 1024 }, who: 'anyone' }, (scope) => {
    scope.withTypeProvider<TypeBoxTypeProvider>().post(
      '/netzwerk/benachrichtigungen/abbestellen/ein-klick',
      {
        schema: { querystring: TokenQuery, body: Type.Unknown({ description: 'List-Unsubscribe=One-Click (RFC 8058); not read' }) },
        config: { csrf: false, allowCrossSite: true },
      },
      async (req, reply) => {
        const done = await service.unsubscribe(req.query.token ?? '');
        return reply
          .status(done ? 200 : 400)
          .type('text/plain; charset=utf-8')
          .send(done ? 'Abbestellt / unsubscribed\n' : 'Ungültiger Link / invalid link\n');
      },
    );
  });
}
