import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.js';
import { pageContext } from '../../platform/http/context.js';
import { AppError } from '../../platform/http/errors.js';
import { formValues, parseForm } from '../../platform/http/forms.js';
import { ButtonForm, formBody, IdParams, NoQuery, pageQuery, QueryText, type RouteApp } from '../../platform/http/routes.js';
import { schoolAdminMessages } from './schools.messages.js';
import { SchoolEditForm, schoolFormLabels, type SchoolsService } from './schools.service.js';
import { RemoveSchoolPage, SchoolFormPage, SchoolsAdminPage } from './views/schools-admin.js';

/*
 * Staff pages of the schools (editors and admins):
 *   GET       /verwaltung/schulen?hinweis=            the schools with their career-orientation contacts
 *   GET  POST /verwaltung/schulen/neu                 add a school
 *   GET  POST /verwaltung/schulen/:id/bearbeiten      change a school and its contact
 *   GET  POST /verwaltung/schulen/:id/entfernen       remove it (asks first)
 */
const NoticeQuery = pageQuery({ hinweis: QueryText(100), name: QueryText(300) });

export function registerSchoolPages(app: RouteApp, deps: AppDeps, schools: SchoolsService): void {
  const ctxOf = (req: FastifyRequest) => pageContext(req, deps.city);

  app.get('/verwaltung/schulen', { schema: { querystring: NoticeQuery } }, async (req, reply) => {
    const list = await schools.list(req.actor);
    const t = schoolAdminMessages(req.locale);
    const notice =
      req.query.hinweis === 'gespeichert'
        ? t('notice.saved', { name: req.query.name ?? '' })
        : req.query.hinweis === 'entfernt'
          ? t('notice.removed')
          : undefined;
    return reply.html(<SchoolsAdminPage ctx={ctxOf(req)} schools={list} notice={notice} />);
  });

  async function save(req: FastifyRequest, reply: FastifyReply, id: string | null) {
    if (id) await schools.find(req.actor, id);
    else await schools.list(req.actor);
    const parsed = parseForm(SchoolEditForm, req.body, schoolFormLabels(req.locale), req.locale);
    if (!parsed.ok) return reply.status(422).html(<SchoolFormPage ctx={ctxOf(req)} id={id} values={parsed.values} errors={parsed.errors} />);
    try {
      const saved = await schools.save(req.actor, id, parsed.value, req.locale);
      return reply.redirect(`/verwaltung/schulen?hinweis=gespeichert&name=${encodeURIComponent(saved.name)}`, 303);
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation_failed' && error.details.fields)
        return reply.status(422).html(<SchoolFormPage ctx={ctxOf(req)} id={id} values={formValues(req.body)} errors={error.details.fields} />);
      throw error;
    }
  }

  app.get('/verwaltung/schulen/neu', { schema: { querystring: NoQuery } }, async (req, reply) => {
    await schools.list(req.actor);
    return reply.html(<SchoolFormPage ctx={ctxOf(req)} id={null} values={{}} />);
  });
  app.post('/verwaltung/schulen/neu', { schema: { body: formBody(SchoolEditForm) } }, (req, reply) => save(req, reply, null));

  app.get('/verwaltung/schulen/:id/bearbeiten', { schema: { params: IdParams, querystring: NoQuery } }, async (req, reply) => {
    const s = await schools.find(req.actor, req.params.id);
    const values = {
      name: s.name,
      school_form: s.school_form,
      district: s.district,
      contact_name: s.contact_name ?? '',
      contact_email: s.contact_email ?? '',
      contact_phone: s.contact_phone ?? '',
    };
    return reply.html(<SchoolFormPage ctx={ctxOf(req)} id={s.id} values={values} />);
  });
  app.post('/verwaltung/schulen/:id/bearbeiten', { schema: { params: IdParams, body: formBody(SchoolEditForm) } }, (req, reply) =>
    save(req, reply, req.params.id),
  );

  app.get('/verwaltung/schulen/:id/entfernen', { schema: { params: IdParams, querystring: NoQuery } }, async (req, reply) => {
    const s = await schools.find(req.actor, req.params.id);
    return reply.html(<RemoveSchoolPage ctx={ctxOf(req)} id={s.id} name={s.name} />);
  });
  app.post('/verwaltung/schulen/:id/entfernen', { schema: { params: IdParams, body: ButtonForm } }, async (req, reply) => {
    await schools.remove(req.actor, req.params.id);
    return reply.redirect('/verwaltung/schulen?hinweis=entfernt', 303);
  });
}
