import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '../../db/unavailable.js';
import type { CityProfile } from '../city.js';
import { Layout } from '../views/layout.js';
import { statusMessages } from '../views/status-pages.messages.js';
import { pageContext } from './context.js';
import { AppError, notFound, unavailableRetrySeconds } from './errors.js';

const isApi = (req: FastifyRequest) => req.url.startsWith('/api/');
const isClientError = (error: FastifyError) => typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500;

// The status code is for machines (the response has it); the page speaks plain German.
function StatusPage({
  req,
  city,
  title,
  text,
  extra,
}: {
  req: FastifyRequest;
  city: CityProfile;
  title: string;
  text: string;
  status: number;
  extra: JSX.Element;
}) {
  return (
    <Layout ctx={pageContext(req, city)} title={title}>
      <h1 class="kern-heading-large" safe>
        {title}
      </h1>
      <p class="kern-body" safe>
        {text}
      </p>
      {extra}
    </Layout>
  );
}

/** One handler for every error: JSON with a stable code under /api, a page in the layout elsewhere. */
export function installErrorHandlers(app: FastifyInstance, city: CityProfile): void {
  const page = (req: FastifyRequest, reply: FastifyReply, status: number, title: string, text: string, extra?: JSX.Element) =>
    reply
      .status(status)
      .type('text/html; charset=utf-8')
      .send(<StatusPage req={req} city={city} title={title} text={text} status={status} extra={extra ?? ''} />);

  app.setNotFoundHandler((req, reply) => {
    const t = statusMessages(req.locale ?? 'de');
    if (isApi(req)) return reply.status(404).send({ error: { code: 'not_found', message: t('notFound.title') } });
    return page(
      req,
      reply,
      404,
      t('notFound.title'),
      t('notFound.text'),
      <p class="kern-body">
        <a class="kern-link" href="/">
          {t.html('notFound.home')}
        </a>
      </p>,
    );
  });

  app.setErrorHandler((rawError: FastifyError | AppError, req, reply) => {
    const t = statusMessages(req.locale ?? 'de');
    let error: AppError;
    if (rawError instanceof AppError) error = rawError;
    // A path parameter that does not fit its schema (a malformed id) names nothing we have.
    else if (rawError.validation && rawError.validationContext === 'params') error = notFound();
    else if (rawError.validation) error = new AppError('validation_failed', rawError.message);
    else if (rawError.statusCode === 429) {
      error = new AppError('rate_limited', t('rateLimited.title'), { retryAfterSeconds: 60 });
    } else if (rawError.statusCode === 413) error = new AppError('payload_too_large', t('tooLarge.text'));
    else if (rawError.statusCode === 415) error = new AppError('unsupported_media_type', t('unsupportedType.text'));
    // Other client errors of the body parsers (broken JSON, a multipart body without its boundary or cut off).
    else if (isClientError(rawError)) error = new AppError('bad_request', t('badRequest.malformed'));
    else if (isDatabaseUnavailable(rawError)) {
      error = new AppError('unavailable', t('unavailable.title'), { retryAfterSeconds: unavailableRetrySeconds });
      req.log.warn({ reason: rawError.message }, 'database unavailable');
    } else {
      error = new AppError('internal', t('serverError.title'));
      req.log.error({ err: rawError }, 'unhandled error');
    }
    if (error.details.retryAfterSeconds) reply.header('retry-after', String(error.details.retryAfterSeconds));
    const status = error.status;
    if (isApi(req)) {
      const message = error.code === 'unavailable' ? t('unavailable.api') : status >= 500 ? t('serverError.title') : error.message;
      return reply.status(status).send({ error: { code: error.code, message, ...(error.details.fields ? { fields: error.details.fields } : {}) } });
    }
    switch (error.code) {
      case 'not_found':
        return page(req, reply, 404, t('notFound.title'), t('notFound.text'));
      case 'forbidden':
        return page(req, reply, 403, t('forbidden.title'), t('forbidden.text'));
      case 'unauthenticated':
        return page(
          req,
          reply,
          401,
          t('unauthenticated.title'),
          t('unauthenticated.text'),
          <p class="kern-body">
            <a class="kern-link" href={`/anmelden?zurueck=${encodeURIComponent(req.url)}`}>
              {t.html('unauthenticated.login')}
            </a>
          </p>,
        );
      case 'rate_limited':
        return page(
          req,
          reply,
          429,
          t('rateLimited.title'),
          t('rateLimited.text', { minutes: Math.max(1, Math.ceil((error.details.retryAfterSeconds ?? 60) / 60)) }),
        );
      case 'csrf_invalid':
        return page(req, reply, 403, t('csrf.title'), t('csrf.text'));
      case 'unavailable':
        return page(
          req,
          reply,
          503,
          t('unavailable.title'),
          t('unavailable.text'),
          <p class="kern-body" safe>
            {t(req.method === 'GET' || req.method === 'HEAD' ? 'unavailable.reload' : 'unavailable.resend')}
          </p>,
        );
      case 'cross_site':
        return page(req, reply, 403, t('crossSite.title'), t('crossSite.text'));
      case 'bad_request':
        return page(req, reply, 400, t('badRequest.title'), error.message);
      case 'payload_too_large':
        return page(req, reply, 413, t('tooLarge.title'), t('tooLarge.text'));
      case 'unsupported_media_type':
        return page(req, reply, 415, t('unsupportedType.title'), t('unsupportedType.text'));
      case 'internal':
        return page(
          req,
          reply,
          500,
          t('serverError.title'),
          t('serverError.text'),
          <p class="kern-body" safe>
            {t('serverError.reference', { id: req.id })}
          </p>,
        );
      default:
        return page(req, reply, status, t('generic.title'), error.message);
    }
  });
}
