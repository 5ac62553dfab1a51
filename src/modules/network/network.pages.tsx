import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.js';
import { ensure } from '../../platform/auth/guard.js';
import { notFound } from '../../platform/http/errors.js';
import { attempt, formValues, parseForm, type FieldWords } from '../../platform/http/forms.js';
import { formBody, IdParams, NoQuery, type RouteApp } from '../../platform/http/routes.js';
import { consumeRateLimit } from '../../platform/http/rate-limit.js';
import { fileFromForm } from '../../platform/media/uploaded-file.js';
import { acceptMultipart } from '../../platform/media/uploads.js';
import { NoticePage } from '../../platform/views/notice-page.js';
import { isStaff } from './network.policy.js';
import { PartnerProfileForm, PartnerRequestForm } from './network.schemas.js';
import type { NetworkService } from './network.service.js';
import { NetworkPublicPage, PartnerRequestPage, section } from './views/public.js';
import { PartnerFormPage, PartnerListPage } from './views/partners.js';
import { NoticeQuery, pageTools } from './page-tools.js';
import { registerGroupPages } from './groups.pages.js';
import { registerFeedPages } from './feed.pages.js';
import { registerDocumentPages } from './documents.pages.js';
import { registerMeetingPages } from './meetings.pages.js';
import { registerPollPages } from './polls.pages.js';
import { registerCalendarPages } from './calendar.pages.js';
import { registerModerationPages } from './moderation.pages.js';

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
 *        POST /netzwerk/gruppen/:slug/beitraege               a post in the group's feed (Markdown, @mentions of members; one file, multipart)
 *        POST /netzwerk/beitraege/:id/kommentare              a comment (the post's author hears of it)
 *        POST /netzwerk/beitraege/:id/anheften                the lead pins a post to the top of the feed (or takes it down)
 *        POST /netzwerk/beitraege/:id/bearbeiten              the author changes a post (the earlier text stays in its history)
 *        POST /netzwerk/beitraege/:id/melden                  report a post to the group's leads, with a reason
 *   GET       /netzwerk/meldungen                             leads and staff: reported posts to work through, hidden posts
 *        POST /netzwerk/beitraege/:id/erledigt|ausblenden     the reports are done; or the post is hidden as well (audited)
 *        POST /netzwerk/beitraege/:id/einblenden              a hidden post comes back (audited)
 *        POST /netzwerk/gruppen/:slug/aufbewahrung            a lead sets how many months posts and documents are kept (audited)
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
 *        POST /netzwerk/termine/:id/tagesordnung              a lead adds an agenda item: who presents, a document of the group
 *        POST /netzwerk/termine/:id/tagesordnung/:item/entfernen   and takes one off
 *        POST /netzwerk/aufgaben/:id/status                   done / open again
 *   GET       /netzwerk/benachrichtigungen                    the calendar feeds' addresses (mine, each of my groups'); the link to /benachrichtigungen
 *        POST /netzwerk/benachrichtigungen/kalender           new addresses for me (all my old ones stop working)
 *        POST /netzwerk/gruppen/:slug/kalender                a lead renews the group's key: every member's group address changes
 *   GET       /netzwerk/kalender/:token.ics                   the personal calendar feed (meetings of my groups, now)
 *   GET       /netzwerk/kalender/gruppen/:group/:token.ics    a group's feed, made for one member (nothing once they leave)
 *   GET  POST /netzwerk/benachrichtigungen/abbestellen?token= no more network mails (links in mails sent before the platform's service)
 *        POST /netzwerk/benachrichtigungen/abbestellen/ein-klick?token=   RFC 8058 one-click unsubscribe
 */
export function registerNetworkPages(app: RouteApp, deps: AppDeps, service: NetworkService): void {
  const { ctxOf, t, networkActor, notice } = pageTools(deps, service);

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

  registerGroupPages(app, deps, service);
  registerFeedPages(app, deps, service);
  registerDocumentPages(app, deps, service);
  registerMeetingPages(app, deps, service);
  registerPollPages(app, deps, service);
  registerCalendarPages(app, deps, service);
  registerModerationPages(app, deps, service);
}
