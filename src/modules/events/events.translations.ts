import type { AppDeps } from '../../platform/deps.js';
import { ensure } from '../../platform/auth/guard.js';
import { notFound } from '../../platform/http/errors.js';
import { defineTranslatable, translationEditing, type TranslatableField } from '../../platform/translations/translatable.js';
import { formMessages } from './events-form.messages.js';
import { canModerate } from './events.policy.js';
import type { EventOccurrenceSummary } from './events.range.js';
import { loadEvent, type LoadedEvent, type OccurrenceListRow } from './events.repository.js';

/** The texts of an event that editors translate (platform/translations); places and organisers keep their names. */

const title = <T extends { title: string }>(): TranslatableField<T> => ({
  name: 'title',
  label: (l) => formMessages(l)('title'),
  german: (e) => e.title,
  show: (e, title) => ({ ...e, title }),
  maxLength: 200,
});

export const eventTranslatable = defineTranslatable<LoadedEvent>({
  kind: 'event',
  idOf: (e) => e.id,
  fields: [
    title<LoadedEvent>(),
    {
      name: 'description',
      label: (l) => formMessages(l)('description'),
      german: (e) => e.description,
      show: (e, description) => ({ ...e, description }),
      maxLength: 5000,
      rows: 8,
    },
    {
      name: 'registrationHow',
      label: (l) => formMessages(l)('registrationHow'),
      german: (e) => (e.registration_required ? e.registration_how : ''),
      show: (e, registration_how) => ({ ...e, registration_how }),
      maxLength: 500,
      rows: 3,
    },
    {
      name: 'statusNote',
      label: (l) => formMessages(l)('statusNote'),
      german: (e) => (e.status === 'scheduled' ? '' : e.status_note),
      show: (e, status_note) => ({ ...e, status_note }),
      maxLength: 500,
      rows: 3,
    },
    {
      name: 'imageAlt',
      label: (l) => formMessages(l)('imageAlt'),
      german: (e) => (e.image_id ? e.image_alt : ''),
      show: (e, image_alt) => ({ ...e, image_alt }),
      maxLength: 300,
    },
  ],
});

/** The dates of the list and month pages carry only their event's title. */
export const occurrenceTranslatable = defineTranslatable<OccurrenceListRow>({ kind: 'event', idOf: (row) => row.event_id, fields: [title()] });

/** The start page's next dates, likewise. */
export const summaryTranslatable = defineTranslatable<EventOccurrenceSummary>({ kind: 'event', idOf: (s) => s.eventId, fields: [title()] });

/** Editors and admins translate events, and publish at once. */
export const eventTranslationEditing = (deps: Pick<AppDeps, 'db'>) =>
  translationEditing(eventTranslatable, 'veranstaltung', async (actor, id) => {
    ensure(canModerate(actor));
    const event = await loadEvent(deps.db, id);
    if (!event) throw notFound('Veranstaltung');
    return { record: event, title: event.title, backPath: `/veranstaltungen/${id}/bearbeiten`, publicPath: `/veranstaltungen/${id}`, publishes: true };
  });
