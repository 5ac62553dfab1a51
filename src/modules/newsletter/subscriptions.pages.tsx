import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CityProfile } from '../../platform/city.js';
import { pageContext } from '../../platform/http/context.js';
import { formValues, parseForm, type FieldWords } from '../../platform/http/forms.js';
import { formBody, NoQuery, pageQuery, QueryText, type RouteApp } from '../../platform/http/routes.js';
import { isLocale } from '../../platform/i18n/i18n.js';
import { acceptMultipart } from '../../platform/media/uploads.js';
import { OneClickBody, PreferencesForm, SignupForm, TokenForm, checkedTopics } from './newsletter.schemas.js';
import { subscribeMessages } from './subscribe.messages.js';
import type { SubscriptionService } from './subscriptions.service.js';
import { preferenceValues } from './views/subscribe-parts.js';
import { NoticePage, PreferencesPage, SignupPage, UnsubscribePage } from './views/subscribe-pages.js';

/*
 * Routes of subscribing (HTML):
 *   GET  POST /infobrief                      sign-up (also the target of the footer box); no CSRF token, see below
 *   GET       /infobrief/danke                "check your inbox" — the same for every address
 *   GET       /infobrief/bestaetigen?token=   one click confirms (idempotent)
 *   GET  POST /infobrief/einstellungen        preferences through the personal link
 *   GET  POST /infobrief/abmelden             unsubscribe in one step (button)
 *   GET       /infobrief/abmelden/ein-klick   opened in a browser: to the one-button page
 *        POST /infobrief/abmelden/ein-klick   RFC 8058 one-click unsubscribe; no CSRF token, the signed token is the authority
 */
// The personal token is read by the module (a bad one is the "link invalid" page), so the query only bounds it.
const TokenQuery = pageQuery({ token: QueryText() });

export function registerSubscriptionPages(app: RouteApp, service: SubscriptionService, city: CityProfile): void {
  const ctxOf = (req: FastifyRequest) => pageContext(req, city);
  const labels = (req: FastifyRequest) => {
    const t = subscribeMessages(req.locale);
    return {
      email: { label: t('field.email'), required: t('error.email.required'), format: t('error.email.format') },
      locale: { label: t('field.locale'), choice: t('error.locale.choice') },
      district: t('field.district'),
      consent: { label: t('field.consent'), required: t('field.consent.required'), format: t('field.consent.required') },
    } satisfies Record<string, FieldWords>;
  };
  const invalidLink = (req: FastifyRequest, reply: FastifyReply) => {
    const t = subscribeMessages(req.locale);
    return reply
      .status(400)
      .html(
        <NoticePage
          ctx={ctxOf(req)}
          title={t('linkInvalid.title')}
          text={t('linkInvalid.text')}
          status="warning"
          link={{ href: '/infobrief', label: t('again') }}
        />,
      );
  };

  app.get('/infobrief', { schema: { querystring: NoQuery } }, (req, reply) => reply.html(<SignupPage ctx={ctxOf(req)} />));
  // The mail language is chosen in the form (the footer box sends the page's); a missing or forged one is the page's.
  const withLocale = (req: FastifyRequest, values: Record<string, string>): Record<string, string> => ({
    ...values,
    locale: isLocale(values.locale) ? values.locale : req.locale,
  });

  // No CSRF token (ASVS 5 V3.5): the sign-up acts with nobody's authority — it reads no session and
  // changes no one's account; its only effect is a confirmation mail to the address typed in, which
  // anyone could trigger from their own browser just as well. Double opt-in, the limits per source and
  // per address (subscriptions.service.ts) and the refusal of cross-site posts (Sec-Fetch-Site/Origin,
  // csrf.ts, still on) bound the abuse. So the footer form on every page carries nothing per visitor.
  app.post('/infobrief', { schema: { body: formBody(SignupForm) }, config: { csrf: false } }, async (req, reply) => {
    const values = withLocale(req, formValues(req.body));
    const form = parseForm(SignupForm, values, labels(req), req.locale);
    if (!form.ok) {
      return reply.status(422).html(<SignupPage ctx={ctxOf(req)} values={values} errors={form.errors} />);
    }
    await service.signup({ ...form.value, topics: checkedTopics(values) }, { ip: req.ip });
    return reply.redirect('/infobrief/danke', 303);
  });
  app.get('/infobrief/danke', { schema: { querystring: NoQuery } }, (req, reply) => {
    const t = subscribeMessages(req.locale);
    return reply.html(<NoticePage ctx={ctxOf(req)} title={t('sent.title')} text={t('sent.text')} extra={t('sent.spam')} />);
  });

  app.get('/infobrief/bestaetigen', { schema: { querystring: TokenQuery } }, async (req, reply) => {
    const t = subscribeMessages(req.locale);
    const token = parseForm(TokenForm, req.query, {}, req.locale);
    const outcome = token.ok ? await service.confirm(token.value.token) : ({ kind: 'invalid' } as const);
    // Link scanners and the second click of a double click see the same page; nothing happens twice.
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    if (outcome.kind === 'confirmed') {
      const prefs = `/infobrief/einstellungen?token=${encodeURIComponent(outcome.manageToken)}`;
      return reply.html(
        <NoticePage
          ctx={ctxOf(req)}
          title={t('confirmed.title')}
          text={t('confirmed.text')}
          status="success"
          link={{ href: prefs, label: t('confirmed.prefs') }}
        />,
      );
    }
    const kind = outcome.kind === 'expired' ? 'confirmExpired' : 'confirmInvalid';
    return reply
      .status(400)
      .html(
        <NoticePage ctx={ctxOf(req)} title={t(`${kind}.title`)} text={t(`${kind}.text`)} status="warning" link={{ href: '/infobrief', label: t('again') }} />,
      );
  });

  app.get('/infobrief/einstellungen', { schema: { querystring: pageQuery({ token: QueryText(), gespeichert: QueryText() }) } }, async (req, reply) => {
    const token = parseForm(TokenForm, req.query, {}, req.locale);
    const subscriber = token.ok ? await service.byManageToken(token.value.token) : null;
    if (!token.ok || !subscriber) return invalidLink(req, reply);
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    return reply.html(
      <PreferencesPage
        ctx={ctxOf(req)}
        token={token.value.token}
        email={subscriber.email}
        pending={subscriber.status === 'pending'}
        values={preferenceValues(subscriber)}
        saved={req.query.gespeichert === '1'}
      />,
    );
  });
  app.post('/infobrief/einstellungen', { schema: { body: formBody(PreferencesForm) } }, async (req, reply) => {
    const values = withLocale(req, formValues(req.body));
    const form = parseForm(PreferencesForm, values, labels(req), req.locale);
    const subscriber = values.token ? await service.byManageToken(values.token) : null;
    if (!subscriber) return invalidLink(req, reply);
    if (!form.ok)
      return reply
        .status(422)
        .html(
          <PreferencesPage
            ctx={ctxOf(req)}
            token={values.token!}
            email={subscriber.email}
            pending={subscriber.status === 'pending'}
            values={values}
            errors={form.errors}
          />,
        );
    await service.updatePreferences(form.value.token, { ...form.value, topics: checkedTopics(values) });
    return reply.redirect(`/infobrief/einstellungen?token=${encodeURIComponent(form.value.token)}&gespeichert=1`, 303);
  });

  app.get('/infobrief/abmelden', { schema: { querystring: TokenQuery } }, async (req, reply) => {
    const token = parseForm(TokenForm, req.query, {}, req.locale);
    const subscriber = token.ok ? await service.byManageToken(token.value.token) : null;
    if (!token.ok || !subscriber) return invalidLink(req, reply);
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    return reply.html(<UnsubscribePage ctx={ctxOf(req)} token={token.value.token} email={subscriber.email} />);
  });
  app.post('/infobrief/abmelden', { schema: { body: formBody(TokenForm) } }, async (req, reply) => {
    const t = subscribeMessages(req.locale);
    const token = parseForm(TokenForm, req.body, {}, req.locale);
    if (!token.ok || !(await service.unsubscribe(token.value.token))) return invalidLink(req, reply);
    return reply.html(
      <NoticePage
        ctx={ctxOf(req)}
        title={t('unsubscribed.title')}
        text={t('unsubscribed.text')}
        status="success"
        link={{ href: '/infobrief', label: t('again') }}
      />,
    );
  });

  // Someone who opens the one-click URL in a browser gets the normal one-button page.
  app.get('/infobrief/abmelden/ein-klick', { schema: { querystring: TokenQuery } }, (req, reply) =>
    reply.redirect(`/infobrief/abmelden?token=${encodeURIComponent(req.query.token ?? '')}`, 303),
  );

  // RFC 8058: mail clients POST "List-Unsubscribe=One-Click" to the URL of the List-Unsubscribe
  // header, without cookies. A CSRF token cannot exist here; the signed personal token authorises
  // the request and the only thing it can do is unsubscribe its own address.
  // Some clients send it as multipart: a few short fields, never a file.
  acceptMultipart(app, { limits: { files: 0, fields: 4, fieldBytes: 1024 }, who: 'anyone' }, (multipart) =>
    multipart
      .withTypeProvider<TypeBoxTypeProvider>()
      .post(
        '/infobrief/abmelden/ein-klick',
        { schema: { querystring: TokenQuery, body: OneClickBody }, config: { csrf: false, allowCrossSite: true } },
        async (req, reply) => {
          const token = parseForm(TokenForm, req.query, {}, req.locale);
          if (token.ok) await service.unsubscribe(token.value.token);
          // A second click or a client's retry finds the address unsubscribed already: still a success for the client.
          return reply
            .status(token.ok ? 200 : 400)
            .type('text/plain; charset=utf-8')
            .send(token.ok ? 'Abgemeldet / unsubscribed\n' : 'Ungültiger Link / invalid link\n');
        },
      ),
  );
}
