import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { ensure, requireActor } from '../auth/guard.js';
import { isEditor } from '../auth/roles.js';
import type { AppDeps } from '../deps.js';
import { pageContext } from '../http/context.js';
import { AppError, notFound, type FieldErrors } from '../http/errors.js';
import { formValues } from '../http/forms.js';
import { ButtonForm, formBody, IdParams, pageQuery, QueryText, type RouteApp } from '../http/routes.js';
import { acceptMultipart } from '../media/uploads.js';
import { NoticePage } from '../views/notice-page.js';
import type { Cadence } from './notifications.js';
import { notificationMessages } from './notifications.messages.js';
import { vapidKeys } from './push.js';
import { SettingsPage, StaffPage, UnsubscribePage } from './views/notification-views.js';

/*
 * The notification service's pages, for every module's notifications:
 *   GET  POST /benachrichtigungen[?token=]                      per kind: at once, daily or weekly digest, never; push; the digest hour
 *        POST /benachrichtigungen/push                          a device's push subscription (sent by public/appointment-push.js)
 *        POST /benachrichtigungen/geraete/:id/entfernen         no more push to that device
 *   GET  POST /benachrichtigungen/abbestellen?token=            no more mails of one kind (or one digest): the link in every mail
 *        POST /benachrichtigungen/abbestellen/ein-klick?token=  RFC 8058 one-click unsubscribe (no cookies, no CSRF token)
 *   GET       /verwaltung/benachrichtigungen                     staff: unclear and failed deliveries
 *        POST /verwaltung/benachrichtigungen/:id/erneut          staff: send one again, on purpose
 * Signed in, the page is the account's; with ?token= (the link in a mail) it is that person's, no account needed.
 */

const TokenQuery = pageQuery({ token: QueryText(300), hinweis: QueryText(20) });
const TokenForm = Type.Object({ token: Type.Optional(Type.String({ maxLength: 300 })) });
const PushForm = Type.Object({
  token: Type.Optional(Type.String({ maxLength: 300 })),
  endpoint: Type.String({ maxLength: 1000 }),
  p256dh: Type.String({ maxLength: 200 }),
  auth: Type.String({ maxLength: 100 }),
});
/** The cadence and push choice per kind ("c-network.post", "p-network.post") and the digest hour. */
const SettingsForm = Type.Object(
  { token: Type.Optional(Type.String({ maxLength: 300 })), digest_hour: Type.String() },
  { additionalProperties: Type.String() },
);

const cadences: readonly Cadence[] = ['immediate', 'daily', 'weekly', 'never'];
const notices = ['gespeichert', 'push', 'entfernt'] as const;

export function registerNotificationPages(app: RouteApp, deps: Pick<AppDeps, 'db' | 'city' | 'notifications'>): void {
  const { notifications, city } = deps;
  const ctxOf = (req: FastifyRequest) => pageContext(req, city);
  const t = (req: FastifyRequest) => notificationMessages(req.locale);

  /** Whose settings: the holder of a valid settings link, else the signed-in account (401 sends to the login). */
  async function whose(req: FastifyRequest, token: string | undefined): Promise<{ recipientId: string; token?: string }> {
    if (token) {
      const found = await notifications.fromToken('settings', token);
      if (!found) throw new AppError('invalid_token', t(req)('settings.link.invalid'));
      return { recipientId: found.recipient.id, token };
    }
    return { recipientId: await notifications.userRecipient(requireActor(req).id) };
  }
  const back = (token: string | undefined, notice: string) =>
    `/benachrichtigungen?${token ? `token=${encodeURIComponent(token)}&` : ''}hinweis=${notice}${notice === 'gespeichert' ? '' : '#geraete'}`;
  const bodyToken = (body: unknown) => formValues(body).token || undefined;

  async function settingsPage(req: FastifyRequest, who: { recipientId: string; token?: string }, extra: Partial<Parameters<typeof SettingsPage>[0]> = {}) {
    const prefs = await notifications.preferences(who.recipientId);
    if (!prefs) throw notFound();
    return (<SettingsPage ctx={ctxOf(req)} prefs={prefs} token={who.token} publicKey={(await vapidKeys(deps)).publicKey} {...extra} />) as string;
  }

  app.get('/benachrichtigungen', { schema: { querystring: TokenQuery } }, async (req, reply) => {
    const who = await whose(req, req.query.token);
    const hinweis = notices.find((n) => n === req.query.hinweis);
    const notice = hinweis
      ? { kind: 'success' as const, text: t(req)(hinweis === 'gespeichert' ? 'settings.saved' : hinweis === 'push' ? 'devices.added' : 'devices.removed') }
      : undefined;
    return reply.header('cache-control', 'no-store').html(await settingsPage(req, who, { notice }));
  });

  app.post('/benachrichtigungen', { schema: { body: formBody(SettingsForm) } }, async (req, reply) => {
    const values = formValues(req.body);
    const who = await whose(req, values.token || undefined);
    const prefs = await notifications.preferences(who.recipientId);
    if (!prefs) throw notFound();
    const errors: FieldErrors = {};
    const kinds: Record<string, { cadence: Cadence; push: boolean }> = {};
    for (const k of prefs.kinds) {
      const chosen = values[`c-${k.kind.kind}`] ?? k.cadence;
      const cadence = cadences.find((c) => c === chosen);
      if (!cadence || (k.kind.digest === false && (cadence === 'daily' || cadence === 'weekly'))) errors[`c-${k.kind.kind}`] = t(req)('settings.invalid');
      else kinds[k.kind.kind] = { cadence, push: values[`p-${k.kind.kind}`] === 'ja' };
    }
    const hour = /^(?:[01]?\d|2[0-3])$/.test(values.digest_hour ?? '') ? Number(values.digest_hour) : null;
    if (hour === null) errors.digest_hour = t(req)('settings.invalid');
    if (Object.keys(errors).length > 0 || hour === null) return reply.status(422).html(await settingsPage(req, who, { values, errors }));
    await notifications.savePreferences(who.recipientId, { digestHour: hour, kinds });
    return reply.redirect(back(who.token, 'gespeichert'), 303);
  });

  app.post('/benachrichtigungen/push', { schema: { body: formBody(PushForm) } }, async (req, reply) => {
    const values = formValues(req.body);
    const who = await whose(req, values.token || undefined);
    const ok = await notifications.subscribePush(who.recipientId, { endpoint: values.endpoint ?? '', p256dh: values.p256dh ?? '', auth: values.auth ?? '' });
    if (!ok) return reply.status(422).html(await settingsPage(req, who, { notice: { kind: 'warning', text: t(req)('devices.refused') } }));
    return reply.redirect(back(who.token, 'push'), 303);
  });

  app.post('/benachrichtigungen/geraete/:id/entfernen', { schema: { params: IdParams, body: formBody(TokenForm) } }, async (req, reply) => {
    const who = await whose(req, bodyToken(req.body));
    await notifications.removeDevice(who.recipientId, req.params.id);
    return reply.redirect(back(who.token, 'entfernt'), 303);
  });

  const invalid = (req: FastifyRequest) => (
    <NoticePage ctx={ctxOf(req)} section={undefined} status="warning" title={t(req)('unsubscribe.title')} text={t(req)('unsubscribe.invalid')} />
  );

  app.get('/benachrichtigungen/abbestellen', { schema: { querystring: TokenQuery } }, async (req, reply) => {
    const found = await notifications.fromToken('unsubscribe', req.query.token);
    if (!found) return reply.status(400).html(invalid(req));
    return reply
      .header('cache-control', 'no-store')
      .html(<UnsubscribePage ctx={ctxOf(req)} token={req.query.token ?? ''} kindLabel={notifications.kindLabel(found.what, req.locale)} />);
  });

  app.post('/benachrichtigungen/abbestellen', { schema: { body: formBody(TokenForm) } }, async (req, reply) => {
    const token = bodyToken(req.body);
    const found = await notifications.fromToken('unsubscribe', token);
    if (!found || !(await notifications.unsubscribe(token))) return reply.status(400).html(invalid(req));
    const settings = await notifications.settingsUrl(found.recipient.id);
    return reply.html(
      <NoticePage
        ctx={ctxOf(req)}
        section={undefined}
        status="success"
        title={t(req)('unsubscribe.title')}
        text={t(req)('unsubscribe.done')}
        link={settings ? { href: new URL(settings).pathname + new URL(settings).search, label: t(req)('unsubscribe.settings') } : undefined}
      />,
    );
  });

  // RFC 8058: mail clients POST here without cookies; the signed token is the only authority, and all it can do is unsubscribe.
  acceptMultipart(app, { limits: { files: 0, fields: 4, fieldBytes: 1024 }, who: 'anyone' }, (scope) => {
    scope.withTypeProvider<TypeBoxTypeProvider>().post(
      '/benachrichtigungen/abbestellen/ein-klick',
      {
        schema: { querystring: TokenQuery, body: Type.Unknown({ description: 'List-Unsubscribe=One-Click (RFC 8058); not read' }) },
        config: { csrf: false, allowCrossSite: true },
      },
      async (req, reply) => {
        const done = await notifications.unsubscribe(req.query.token);
        return reply
          .status(done ? 200 : 400)
          .type('text/plain; charset=utf-8')
          .send(done ? 'Abbestellt / unsubscribed\n' : 'Ungültiger Link / invalid link\n');
      },
    );
  });

  app.get('/verwaltung/benachrichtigungen', { schema: { querystring: pageQuery({ hinweis: QueryText(20) }) } }, async (req, reply) => {
    ensure(isEditor(requireActor(req)));
    const [counts, rows] = await Promise.all([notifications.countsByState(), notifications.needingAttention()]);
    return reply.html(<StaffPage ctx={ctxOf(req)} counts={counts} rows={rows} notice={req.query.hinweis === 'erneut' ? t(req)('staff.resent') : undefined} />);
  });

  app.post('/verwaltung/benachrichtigungen/:id/erneut', { schema: { params: IdParams, body: ButtonForm } }, async (req, reply) => {
    const actor = requireActor(req);
    ensure(isEditor(actor));
    if (!(await notifications.requeue(req.params.id, actor.id))) throw notFound();
    return reply.redirect('/verwaltung/benachrichtigungen?hinweis=erneut', 303);
  });
}
