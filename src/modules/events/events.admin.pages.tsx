import { type Locale } from '../../platform/i18n/i18n.js';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasOccurrenceOn, listDirectoryLocations } from './events.admin.repository.js';
import { editableEvent, ensureMayCreateEvents, managedEvents, organizationChoices, reviewQueue, suggestionForReview } from './event-access.service.js';
import type { AppDeps } from '../../platform/deps.js';
import { requireActor } from '../../platform/auth/guard.js';
import { pageContext } from '../../platform/http/context.js';
import { notFound, type FieldErrors } from '../../platform/http/errors.js';
import { formBody, IdParams, NoQuery, type RouteApp } from '../../platform/http/routes.js';
import { civilDateError, readCivilDate } from '../../platform/time/civil-date.js';
import { attempt, formValues } from '../../platform/http/forms.js';
import { imageFromForm, validateImage, type UploadedImage } from '../../platform/media/media.js';
import { acceptMultipart, type UploadLimits } from '../../platform/media/uploads.js';
import { fromLocal, todayIn } from '../../platform/time/berlin.js';
import { adminMessages } from './events-admin.messages.js';
import { formMessages } from './events-form.messages.js';
import { formFieldsOf, parseEventForm, readTime, type FormFields } from './events.form.js';
import { inputOf } from './events.model.js';
import {
  DecidedQuery,
  DecisionForm,
  EventForm,
  MoveForm,
  OccurrenceForm,
  OrganizationParams,
  PublishingForm,
  SavedQuery,
  SuggestionForm,
} from './events.schemas.js';
import { loadEvent, upcomingOf } from './events.repository.js';
import { changeOccurrence, createEvent, decideSuggestion, setDirectPublishing, suggestEvent, updateEvent } from './events.service.js';
import { FormPage, ManagePage, ReviewItemPage, ReviewQueuePage, ThanksPage } from './views/admin-pages.js';
import type { FormMode } from './views/event-form.js';
import { canModerate } from './events.policy.js';
import { eventTranslatable } from './events.translations.js';
import { translationOverview } from '../../platform/translations/translations.service.js';
import { TranslationsSection } from '../../platform/translations/views/translations-section.js';

/*
 * Organiser and editor routes (HTML forms, CSRF on every POST):
 *   GET       /veranstaltungen/verwalten                 the organiser's events
 *   GET POST  /veranstaltungen/neu                       new event (members of provider/partner organisations, editors)
 *   GET POST  /veranstaltungen/:id/bearbeiten            edit, cancel, postpone
 *   POST      /veranstaltungen/:id/termine               cancel or reinstate one date
 *   POST      /veranstaltungen/:id/verlegen              move one date
 *   GET POST  /veranstaltungen/vorschlagen               public suggestion form (honeypot + rate limit)
 *   GET       /veranstaltungen/vorschlagen/danke
 *   GET       /veranstaltungen/pruefen                   editors: queue and organisations' publishing rights
 *   GET POST  /veranstaltungen/pruefen/:id               editors: one suggestion (edit form)
 *   POST      /veranstaltungen/pruefen/:id/entscheidung  approve or reject with a reason (mailed)
 *   POST      /veranstaltungen/pruefen/organisationen/:orgId
 * Editors find the event's translations on its edit page (the form: /uebersetzungen/veranstaltung/:id/:sprache).
 */

/** The event form: about 40 fields (weekdays repeat a name), the description at most 5,000 characters. */
const eventUploadLimits: UploadLimits = { files: 1, fields: 100, fieldBytes: 64 * 1024 };

/** The new event's page, which confirms the save (and says whether the editors review it first). */
const newlyCreatedAt = (id: string) => `/veranstaltungen/${id}?gespeichert=1`;

/**
 * The image part of a submitted form: the upload (checked by its bytes), whether the current image is
 * removed, and the image id the alt-text check should see. The id never comes from the client.
 */
function imageOfForm(body: unknown, values: FormFields, currentId: string | null, locale: Locale) {
  const upload: UploadedImage | null = imageFromForm(body, 'image');
  const problem = upload ? validateImage(upload) : null;
  const remove = values.removeImage === 'ja' && !upload;
  const effectiveId = upload ? 'neu' : remove ? null : currentId;
  const errors: FieldErrors = problem ? { image: formMessages(locale)(problem === 'image.size' ? 'error.image.size' : 'error.image.type') } : {};
  return { upload: problem ? null : upload, remove, errors, values: { ...values, imageId: effectiveId ?? '' } };
}

export function registerEventAdminPages(app: RouteApp, deps: AppDeps): void {
  const { db, city } = deps;
  const ctxOf = (req: FastifyRequest) => pageContext(req, city);
  const locations = () => listDirectoryLocations(db);
  const formContext = async (req: FastifyRequest, isNew: boolean) => {
    const locs = await locations();
    return { locale: req.locale, districts: city.districts, today: todayIn(new Date()), isNew, locationIds: new Set(locs.map((l) => l.id)), locs };
  };

  async function renderForm(
    req: FastifyRequest,
    reply: FastifyReply,
    o: {
      mode: FormMode;
      action: string;
      title: string;
      values: FormFields;
      errors: FieldErrors;
      eventId?: string;
      intro?: string;
      notice?: string;
      submitLabel: string;
      moveValues?: FormFields;
      moveErrors?: FieldErrors;
    },
  ) {
    const organizations = await organizationChoices(deps, req.actor);
    const event = o.eventId ? await loadEvent(db, o.eventId) : undefined;
    const occurrences = o.eventId && event?.freq ? await upcomingOf(db, o.eventId, fromLocal(todayIn(new Date())), 30) : undefined;
    const status = Object.keys(o.errors).length + Object.keys(o.moveErrors ?? {}).length ? 422 : 200;
    // Editors translate events (events.translations.ts); organisers write German only.
    const languages = o.mode === 'edit' && event && canModerate(req.actor) ? await translationOverview(db, eventTranslatable, event) : undefined;
    return reply
      .code(status)
      .html(
        <FormPage
          moveValues={o.moveValues}
          moveErrors={o.moveErrors}
          ctx={ctxOf(req)}
          mode={o.mode}
          action={o.action}
          title={o.title}
          values={o.values}
          errors={o.errors}
          organizations={organizations}
          locations={await locations()}
          submitLabel={o.submitLabel}
          intro={o.intro}
          notice={o.notice}
          occurrences={occurrences}
          eventId={o.eventId}
          allDay={event?.all_day}
          translations={languages && event ? <TranslationsSection ctx={ctxOf(req)} slug="veranstaltung" id={event.id} languages={languages} /> : ''}
        />,
      );
  }

  app.get('/veranstaltungen/verwalten', { schema: { querystring: NoQuery } }, async (req, reply) => {
    const { memberships, events, canCreate } = await managedEvents(deps, requireActor(req));
    return reply.html(<ManagePage ctx={ctxOf(req)} memberships={memberships} events={events} canCreate={canCreate} />);
  });

  app.get('/veranstaltungen/neu', { schema: { querystring: NoQuery } }, async (req, reply) => {
    await ensureMayCreateEvents(deps, requireActor(req));
    const t = adminMessages(req.locale);
    return renderForm(req, reply, {
      mode: 'new',
      action: '/veranstaltungen/neu',
      title: t('new.title'),
      values: { free: 'ja', repeat: 'none', interval: '1' },
      errors: {},
      submitLabel: formMessages(req.locale)('save'),
    });
  });

  const createFromForm = async (req: FastifyRequest, reply: FastifyReply) => {
    const actor = requireActor(req);
    await ensureMayCreateEvents(deps, actor);
    const image = imageOfForm(req.body, formValues(req.body), null, req.locale);
    const values = { ...image.values, imageId: '' };
    const parsed = parseEventForm(image.values, await formContext(req, true));
    const t = adminMessages(req.locale);
    const errors = { ...(parsed.ok ? {} : parsed.errors), ...image.errors };
    if (!parsed.ok || Object.keys(errors).length)
      return renderForm(req, reply, {
        mode: 'new',
        action: '/veranstaltungen/neu',
        title: t('new.title'),
        values,
        errors,
        submitLabel: formMessages(req.locale)('save'),
      });
    const created = await createEvent(deps, actor, parsed.value, image.upload);
    return reply.redirect(newlyCreatedAt(created.id), 303);
  };

  async function editable(req: FastifyRequest, id: string) {
    const actor = requireActor(req);
    return { actor, event: await editableEvent(deps, actor, id) };
  }

  app.get('/veranstaltungen/:id/bearbeiten', { schema: { params: IdParams, querystring: SavedQuery } }, async (req, reply) => {
    const { event } = await editable(req, req.params.id);
    const t = adminMessages(req.locale);
    const input = inputOf(event, event.exceptions);
    return renderForm(req, reply, {
      mode: 'edit',
      action: `/veranstaltungen/${event.id}/bearbeiten`,
      title: t('edit.titleFor', { title: event.title }),
      values: formFieldsOf(input, input.excludedDates),
      errors: {},
      eventId: event.id,
      notice: req.query.gespeichert ? t('saved') : undefined,
      submitLabel: formMessages(req.locale)('save'),
    });
  });

  const updateFromForm = async (req: FastifyRequest, reply: FastifyReply, id: string) => {
    const { actor, event } = await editable(req, id);
    const image = imageOfForm(req.body, formValues(req.body), event.image_id, req.locale);
    const values = { ...image.values, imageId: event.image_id ?? '' };
    const parsed = parseEventForm(image.values, await formContext(req, false));
    const t = adminMessages(req.locale);
    const errors = { ...(parsed.ok ? {} : parsed.errors), ...image.errors };
    if (!parsed.ok || Object.keys(errors).length)
      return renderForm(req, reply, {
        mode: 'edit',
        action: `/veranstaltungen/${event.id}/bearbeiten`,
        title: t('edit.titleFor', { title: event.title }),
        values,
        errors,
        eventId: event.id,
        submitLabel: formMessages(req.locale)('save'),
      });
    await updateEvent(deps, actor, event.id, parsed.value, image);
    return reply.redirect(`/veranstaltungen/${event.id}/bearbeiten?gespeichert=1`, 303);
  };

  app.post('/veranstaltungen/:id/termine', { schema: { params: IdParams, body: formBody(OccurrenceForm) } }, async (req, reply) => {
    const { actor, event } = await editable(req, req.params.id);
    const v = formValues(req.body);
    const status = v.status === 'scheduled' ? 'scheduled' : v.status === 'postponed' ? 'postponed' : 'cancelled';
    const result = await attempt(() => changeOccurrence(deps, actor, event.id, { date: v.date ?? '', status, note: (v.note ?? '').slice(0, 500) }));
    if (!result.ok) throw notFound('Termin');
    return reply.redirect(`/veranstaltungen/${event.id}/bearbeiten?gespeichert=1`, 303);
  });

  app.post('/veranstaltungen/:id/verlegen', { schema: { params: IdParams, body: formBody(MoveForm) } }, async (req, reply) => {
    const { actor, event } = await editable(req, req.params.id);
    const v = formValues(req.body);
    const f = formMessages(req.locale);
    const a = adminMessages(req.locale);
    const errors: FieldErrors = {};
    const newDateReading = readCivilDate(v.moveNewDate ?? '');
    const newDate = newDateReading.ok ? newDateReading.date : null;
    const newStart = readTime(v.moveNewStart ?? '');
    const newEnd = v.moveNewEnd?.trim() ? readTime(v.moveNewEnd) : null;
    const known = await hasOccurrenceOn(db, event.id, v.moveDate ?? '');
    if (!known) errors.moveDate = f('error.choose', { label: a('move.date') });
    if (!newDateReading.ok) errors.moveNewDate = civilDateError(newDateReading.problem, a('move.newDate'), req.locale);
    else if (newDateReading.date < todayIn(new Date())) errors.moveNewDate = f('error.past');
    if (!newStart) errors.moveNewStart = f('error.time', { label: a('move.newStart') });
    if (v.moveNewEnd?.trim() && !newEnd) errors.moveNewEnd = f('error.time', { label: a('move.newEnd') });
    else if (newEnd && newStart && newEnd <= newStart) errors.moveNewEnd = f('error.endBeforeStart');
    if (Object.keys(errors).length) {
      const input = inputOf(event, event.exceptions);
      return renderForm(req, reply, {
        mode: 'edit',
        action: `/veranstaltungen/${event.id}/bearbeiten`,
        title: a('edit.titleFor', { title: event.title }),
        values: formFieldsOf(input, input.excludedDates),
        errors: {},
        eventId: event.id,
        submitLabel: f('save'),
        moveValues: v,
        moveErrors: errors,
      });
    }
    await changeOccurrence(deps, actor, event.id, {
      date: v.moveDate!,
      status: 'scheduled',
      note: (v.moveNote ?? '').slice(0, 500),
      start: fromLocal(newDate!, newStart!),
      end: newEnd ? fromLocal(newDate!, newEnd) : null,
    });
    return reply.redirect(`/veranstaltungen/${event.id}/bearbeiten?gespeichert=1`, 303);
  });

  // Public suggestion form.
  const suggestPage = (req: FastifyRequest, reply: FastifyReply, values: FormFields, errors: FieldErrors) => {
    const t = adminMessages(req.locale);
    return renderForm(req, reply, {
      mode: 'suggest',
      action: '/veranstaltungen/vorschlagen',
      title: t('suggest.title'),
      intro: t('suggest.intro', { city: city.name }),
      values,
      errors,
      submitLabel: formMessages(req.locale)('suggest'),
    });
  };
  app.get('/veranstaltungen/vorschlagen', { schema: { querystring: NoQuery } }, (req, reply) =>
    suggestPage(req, reply, { free: 'ja', repeat: 'none', interval: '1' }, {}),
  );

  app.post('/veranstaltungen/vorschlagen', { schema: { body: formBody(SuggestionForm) } }, async (req, reply) => {
    const values = formValues(req.body);
    // A bot fills every field; people never see this one. Answer as if it worked, store nothing.
    if (values.homepage) return reply.redirect('/veranstaltungen/vorschlagen/danke', 303);
    const parsed = parseEventForm({ ...values, imageId: '' }, await formContext(req, true));
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
    const email = (values.email ?? '').trim();
    if (email && (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254)) errors.email = formMessages(req.locale)('error.email');
    if (!parsed.ok || Object.keys(errors).length) return suggestPage(req, reply, values, errors);
    await suggestEvent(deps, { ip: req.ip, actor: req.actor }, parsed.value, email || null);
    return reply.redirect('/veranstaltungen/vorschlagen/danke', 303);
  });

  app.get('/veranstaltungen/vorschlagen/danke', { schema: { querystring: NoQuery } }, (req, reply) => reply.html(<ThanksPage ctx={ctxOf(req)} />));

  // Moderation (editors).
  /** What the decision just made did, in words: which event, published or not, who is told. */
  async function decisionNotice(req: FastifyRequest, id: string | undefined): Promise<string | undefined> {
    const event = id ? await loadEvent(db, id) : undefined;
    if (!event || event.review_state === 'pending') return undefined;
    const t = adminMessages(req.locale);
    const outcome = t(event.review_state === 'published' ? 'review.approved' : 'review.rejected', { title: event.title });
    return event.suggester_email ? `${outcome} ${t(event.review_state === 'published' ? 'review.approvedMailed' : 'review.rejectedMailed')}` : outcome;
  }

  app.get('/veranstaltungen/pruefen', { schema: { querystring: DecidedQuery } }, async (req, reply) => {
    const { pending, organizations } = await reviewQueue(deps, requireActor(req));
    return reply.html(
      <ReviewQueuePage ctx={ctxOf(req)} pending={pending} organizations={organizations} notice={await decisionNotice(req, req.query.entschieden)} />,
    );
  });

  async function reviewPage(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    o: { values?: FormFields; errors?: FieldErrors; decisionErrors?: FieldErrors; reason?: string },
  ) {
    const { event, organizations, duplicates } = await suggestionForReview(deps, requireActor(req), id);
    const input = inputOf(event, event.exceptions);
    const errors = o.errors ?? {};
    const decisionErrors = o.decisionErrors ?? {};
    const status = Object.keys(errors).length + Object.keys(decisionErrors).length ? 422 : 200;
    return reply
      .code(status)
      .html(
        <ReviewItemPage
          ctx={ctxOf(req)}
          mode="review"
          action={`/veranstaltungen/pruefen/${id}`}
          values={o.values ?? formFieldsOf(input, input.excludedDates)}
          errors={errors}
          organizations={organizations}
          locations={await locations()}
          submitLabel={formMessages(req.locale)('save')}
          event={event}
          duplicates={duplicates}
          decisionErrors={decisionErrors}
          reason={o.reason ?? ''}
        />,
      );
  }

  app.get('/veranstaltungen/pruefen/:id', { schema: { params: IdParams, querystring: NoQuery } }, async (req, reply) => {
    return reviewPage(req, reply, req.params.id, {});
  });

  const reviseSuggestion = async (req: FastifyRequest, reply: FastifyReply, id: string) => {
    const actor = requireActor(req);
    const { event: current } = await suggestionForReview(deps, actor, id);
    const image = imageOfForm(req.body, formValues(req.body), current.image_id, req.locale);
    const parsed = parseEventForm(image.values, await formContext(req, false));
    const errors = { ...(parsed.ok ? {} : parsed.errors), ...image.errors };
    if (!parsed.ok || Object.keys(errors).length) return reviewPage(req, reply, id, { values: { ...image.values, imageId: current.image_id ?? '' }, errors });
    await updateEvent(deps, actor, id, parsed.value, image);
    return reply.redirect(`/veranstaltungen/pruefen/${id}`, 303);
  };

  app.post('/veranstaltungen/pruefen/:id/entscheidung', { schema: { params: IdParams, body: formBody(DecisionForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    const v = formValues(req.body);
    const reason = (v.reason ?? '').trim();
    if (v.decision !== 'approve' && !reason)
      return reviewPage(req, reply, req.params.id, { decisionErrors: { reason: adminMessages(req.locale)('review.reasonMissing') }, reason });
    await decideSuggestion(deps, actor, req.params.id, v.decision === 'approve' ? { approve: true } : { approve: false, reason });
    return reply.redirect(`/veranstaltungen/pruefen?entschieden=${req.params.id}`, 303);
  });

  app.post('/veranstaltungen/pruefen/organisationen/:orgId', { schema: { params: OrganizationParams, body: formBody(PublishingForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    await setDirectPublishing(deps, actor, req.params.orgId, formValues(req.body).allowed === 'ja');
    return reply.redirect('/veranstaltungen/pruefen', 303);
  });

  // The forms with an image; whether this person may post here is decided by the handlers.
  acceptMultipart(app, { limits: eventUploadLimits, who: () => true }, (scope) => {
    const uploads = scope.withTypeProvider<TypeBoxTypeProvider>();
    const form = formBody(EventForm);
    uploads.post('/veranstaltungen/neu', { schema: { body: form } }, createFromForm);
    uploads.post('/veranstaltungen/:id/bearbeiten', { schema: { params: IdParams, body: form } }, (req, reply) => updateFromForm(req, reply, req.params.id));
    uploads.post('/veranstaltungen/pruefen/:id', { schema: { params: IdParams, body: form } }, (req, reply) => reviseSuggestion(req, reply, req.params.id));
  });
}
