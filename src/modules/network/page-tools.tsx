import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.js';
import { ensure, requireActor } from '../../platform/auth/guard.js';
import { pageContext } from '../../platform/http/context.js';
import { formValues } from '../../platform/http/forms.js';
import { NoticePage } from '../../platform/views/notice-page.js';
import { attachmentMessages } from './attachments.messages.js';
import { calendarMessages } from './calendar.messages.js';
import { moderationMessages } from './moderation.messages.js';
import { networkMessages } from './network.messages.js';
import { isNetworkPerson } from './network.policy.js';
import type { NetworkService } from './network.service.js';
import { GroupPageView } from './views/group.js';
import { section } from './views/public.js';

/** The query of pages that confirm what just happened (`?hinweis=gespeichert`). */
export const NoticeQuery = Type.Object({ hinweis: Type.Optional(Type.String({ maxLength: 20 })) });

/** What the network's route files share: the page context, the catalogue, who may enter, the notices after a redirect. */
export function pageTools(deps: AppDeps, service: NetworkService) {
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
    const m = t(req);
    const words: Record<string, string> = {
      beigetreten: m('notice.joined'),
      angefragt: m('notice.requested'),
      verlassen: m('notice.left'),
      gespeichert: m('notice.saved'),
      eingeladen: m('notice.invited'),
      geteilt: m('notice.posted'),
      hochgeladen: m('notice.uploaded'),
      version: m('notice.version'),
      geplant: m('notice.planned'),
      abgesagt: m('notice.cancelled'),
      geaendert: m('notice.changed'),
      kalender: m('notice.calendar'),
      angelegt: m('notice.created'),
      umfrage: m('notice.poll'),
      festgelegt: m('notice.decided'),
      antwort: m('notice.answered'),
      gemeldet: m('notice.reported'),
      gruppenkalender: calendarMessages(req.locale)('notice.renewed'),
      erledigt: moderationMessages(req.locale)('notice.reportDone'),
      ausgeblendet: moderationMessages(req.locale)('notice.hidden'),
      eingeblendet: moderationMessages(req.locale)('notice.shown'),
      aufbewahrung: moderationMessages(req.locale)('notice.retention'),
      tagesordnung: attachmentMessages(req.locale)('notice.agenda'),
    };
    return value ? words[value] : undefined;
  };
  /** A signed link that does not (or no longer) hold: 400 with a calm page. */
  const invalidLink = (req: FastifyRequest, reply: FastifyReply) =>
    reply
      .status(400)
      .header('cache-control', 'no-store')
      .html(<NoticePage ctx={ctxOf(req)} section={section} status="warning" title={t(req)('link.invalid.title')} text={t(req)('link.invalid.text')} />);
  /** The group's page again with the errors of one of its forms (422). */
  const groupAgain = async (req: FastifyRequest, reply: FastifyReply, slug: string, errors: Record<string, string>) =>
    reply
      .status(422)
      .html(<GroupPageView ctx={ctxOf(req)} view={await service.groupPage(groupActor(req), slug)} errors={errors} values={formValues(req.body)} />);
  return { ctxOf, t, networkActor, groupActor, notice, invalidLink, groupAgain };
}
