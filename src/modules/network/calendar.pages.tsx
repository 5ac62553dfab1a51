import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { AppDeps } from '../../platform/deps.js';
import { notFound } from '../../platform/http/errors.js';
import { parseForm } from '../../platform/http/forms.js';
import { ButtonForm, formBody, NoQuery, type RouteApp } from '../../platform/http/routes.js';
import { acceptMultipart } from '../../platform/media/uploads.js';
import { NoticePage } from '../../platform/views/notice-page.js';
import { CalendarParams, GroupCalendarParams, SlugParams, TokenQuery, UnsubscribeForm } from './network.schemas.js';
import type { NetworkService } from './network.service.js';
import { section } from './views/public.js';
import { SettingsPage, UnsubscribePage } from './views/settings.js';
import { NoticeQuery, pageTools } from './page-tools.js';

/** The calendar feeds and the unsubscribe links from older mails (routes in network.pages.tsx). */
export function registerCalendarPages(app: RouteApp, deps: AppDeps, service: NetworkService): void {
  const { ctxOf, t, networkActor, groupActor, notice, invalidLink } = pageTools(deps, service);

  // The calendar feeds' addresses, and the way to the notification settings ---------------------------

  app.get('/netzwerk/benachrichtigungen', { schema: { querystring: NoticeQuery } }, async (req, reply) => {
    const actor = groupActor(req);
    return reply.html(<SettingsPage ctx={ctxOf(req)} calendars={await service.calendarSettings(actor)} notice={notice(req, req.query.hinweis)} />);
  });

  app.post('/netzwerk/benachrichtigungen/kalender', { schema: { body: ButtonForm } }, async (req, reply) => {
    await service.renewCalendar(groupActor(req));
    return reply.redirect('/netzwerk/benachrichtigungen?hinweis=kalender#kalender', 303);
  });

  app.post('/netzwerk/gruppen/:slug/kalender', { schema: { params: SlugParams, body: ButtonForm } }, async (req, reply) => {
    await service.renewGroupCalendar(networkActor(req), req.params.slug);
    return reply.redirect(`/netzwerk/benachrichtigungen?hinweis=gruppenkalender#kalender-${req.params.slug}`, 303);
  });

  // The feeds: the secret address is the only authority (calendar apps send no cookies).
  const calendar = (reply: FastifyReply, feed: string | null) => {
    if (!feed) throw notFound('Kalender');
    return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff').send(feed);
  };
  app.get('/netzwerk/kalender/:token', { schema: { params: CalendarParams, querystring: NoQuery } }, async (req, reply) =>
    calendar(reply, await service.calendarByToken(req.params.token.replace(/\.ics$/, ''))),
  );
  app.get('/netzwerk/kalender/gruppen/:group/:token', { schema: { params: GroupCalendarParams, querystring: NoQuery } }, async (req, reply) =>
    calendar(reply, await service.groupCalendarByToken(`${req.params.group}.${req.params.token.replace(/\.ics$/, '')}`)),
  );

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
