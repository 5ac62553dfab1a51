import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/types.js';
import type { CouncilApplicationStatus, FamilySituation, ResultFollowUp } from '../../db/tables/council.js';
import type { Executor } from '../../db/executor.js';
import type { AppDeps } from '../../platform/deps.js';
import type { ErasureStep, Person } from '../../platform/privacy/declarations.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/roles.js';
import { hmac, safeEqual } from '../../platform/auth/tokens.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { uuidPattern } from '../../platform/http/ids.js';
import { formatCivilDate, formatDateTime, storedLocale, type Locale } from '../../platform/i18n/i18n.js';
import { appointmentIcs } from '../../platform/mail/ics.js';
import { storeImage, type UploadedImage } from '../../platform/media/media.js';
import { protectCube, valueAt } from '../../platform/statistics/suppression.js';
import { addDays, addMonths, todayIn } from '../../platform/time/berlin.js';
import { councilSources, ideaLinks, type InitiativeSummary } from '../ideas/index.js';
import { sharedGroups } from '../network/index.js';
import { councilMessages } from './council.messages.js';
import { authorize, can } from './council.policy.js';
import { staffMessages } from './staff.messages.js';
import { memberRecipient, registrationScope } from './council.notifications.js';
import * as repo from './council.repository.js';

export const councilPath = '/mitmachen/familienbeirat';
export const workshopPath = (id: string) => `${councilPath}/workshops/${id}`;
export const familySituations: readonly FamilySituation[] = ['single_parent', 'two_parents', 'patchwork', 'foster', 'other'];
export const followUps: readonly ResultFollowUp[] = ['open', 'taken_up', 'in_progress', 'done', 'not_pursued'];
/** The members' closed exchange: a private group of the network, its members kept in step with the council's. */
export const exchangeGroup = {
  slug: 'familienbeirat-austausch',
  name: 'Familienbeirat: Austausch der Mitglieder',
  topic: 'Der geschlossene Austausch der Mitglieder des Familienbeirats zwischen den Workshops.',
} as const;
/** A member's term when staff accept without naming another end: two years. */
export const defaultTermMonths = 24;

export interface ApplicationInput {
  name: string;
  email: string;
  phone: string | null;
  district: string;
  adults: number;
  children: number;
  /** Only with the explicit consent to the optional questions; otherwise all null. */
  optional: { familySituation: FamilySituation | null; homeLanguages: string | null; needsInterpreter: boolean | null; needsChildcare: boolean | null } | null;
}

export interface RegistrationInput {
  persons: number;
  childcareChildren: number;
  childcareAges: string | null;
  interpreterLanguage: string | null;
  stepFree: boolean;
  dietary: string | null;
  travelRefund: boolean;
}

export interface WorkshopInput {
  title: string;
  agenda: string;
  place: string;
  languages: string;
  startsAt: Date;
  endsAt: Date;
  registrationUntil: Date;
  capacity: number;
  childcarePlaces: number;
}

export type Workshop = NonNullable<Awaited<ReturnType<typeof repo.findWorkshop>>>;
export type Registration = NonNullable<Awaited<ReturnType<typeof repo.findRegistration>>>;
export type Application = Awaited<ReturnType<typeof repo.listApplications>>[number];
export type FormerMember = Awaited<ReturnType<typeof repo.formerMembers>>[number];

/** One breakdown of the current members, protected like the survey's: groups of 1–4 are hidden (null). */
export interface CompositionTable {
  dimension: 'district' | 'family_situation' | 'needs_interpreter' | 'needs_childcare';
  rows: { key: string; count: number | null }[];
  total: number | null;
}

const fieldError = (field: string, message: string) => new AppError('validation_failed', message, { fields: { [field]: message } });
const isCheckViolation = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23514';

/** The family council: applications and members, workshops with registrations and a waiting list, reports and results, the members' exchange (a private group of the network). */
export function createCouncilService(deps: AppDeps) {
  const { db, config, city, mail } = deps;
  const secret = config.sessionSecret;
  const url = (path: string) => `${config.publicUrl}${path}`;
  const sign = (kind: string, id: string, key: string) => hmac(secret, `council|${kind}|${id}|${key}`).slice(0, 43);
  const memberToken = (m: { id: string; link_key: string }) => `${m.id}.${sign('member', m.id, m.link_key)}`;
  const registrationToken = (r: { id: string; link_key: string }) => `${r.id}.${sign('registration', r.id, r.link_key)}`;

  const readToken = (token: string | undefined): [string, string] | null => {
    const [id, sig, extra] = (token ?? '').split('.');
    if (extra !== undefined || !id || !sig || !uuidPattern.test(id)) return null;
    return [id, sig];
  };

  const when = (w: { starts_at: Date; ends_at: Date }, locale: Locale) => `${formatDateTime(w.starts_at, locale)} – ${formatDateTime(w.ends_at, locale)}`;

  const calendarOf = (w: Workshop, to: { email: string; name: string }, method: 'REQUEST' | 'CANCEL', sequence: number) => ({
    method,
    content: appointmentIcs({
      uid: `${w.ical_uid}-${to.email.toLowerCase()}@familienrathaus`,
      sequence,
      method,
      start: w.starts_at,
      end: w.ends_at,
      summary: `Familienbeirat: ${w.title}`,
      description: w.agenda,
      location: w.place,
      organizerEmail: city.familyOffice.email,
      organizerName: city.portalName,
      attendeeEmail: to.email,
      attendeeName: to.name,
      now: new Date(),
    }),
  });

  async function send(
    trx: Transaction<DB>,
    to: { email: string; locale: string },
    kind: string,
    vars: Record<string, string | number>,
    calendar?: { method: 'REQUEST' | 'CANCEL'; content: string },
  ): Promise<void> {
    const locale = storedLocale(to.locale);
    const t = councilMessages(locale);
    await mail.enqueue(trx, {
      to: to.email,
      subject: t(`mail.${kind}.subject` as Parameters<typeof t>[0], { portal: city.portalName, ...vars }),
      text: t(`mail.${kind}.text` as Parameters<typeof t>[0], { portal: city.portalName, ...vars }),
      headers: { 'Content-Language': locale },
      calendar,
    });
  }

  async function registrationMail(trx: Transaction<DB>, w: Workshop, r: Registration, kind: 'confirmed' | 'waiting' | 'moved_up' | 'cancelled') {
    const locale = storedLocale(r.locale);
    const vars = {
      name: r.name,
      title: w.title,
      when: when(w, locale),
      place: w.place,
      link: url(`${councilPath}/anmeldung?token=${registrationToken(r)}`),
      position: kind === 'waiting' ? await repo.waitingPosition(trx, w.id, r.queue_no) : 0,
    };
    const calendar =
      kind === 'confirmed' || kind === 'moved_up'
        ? calendarOf(w, r, 'REQUEST', 1)
        : kind === 'cancelled' && r.status === 'confirmed'
          ? calendarOf(w, r, 'CANCEL', 2)
          : undefined;
    await send(trx, r, `registration.${kind}`, vars, calendar);
  }

  /** One member's invitation to one workshop, in their language, with the personal link and the calendar entry. */
  async function invitation(trx: Transaction<DB>, w: Workshop, m: { id: string; name: string; email: string; locale: string; link_key: string }) {
    const locale = storedLocale(m.locale);
    await send(
      trx,
      m,
      'invitation',
      {
        name: m.name,
        title: w.title,
        when: when(w, locale),
        place: w.place,
        until: formatDateTime(w.registration_until, locale),
        link: url(`${workshopPath(w.id)}/anmelden?token=${memberToken(m)}`),
      },
      calendarOf(w, m, 'REQUEST', 0),
    );
  }

  /** Moving up is told through the platform's notification service: mail with the calendar entry, and push where the member allowed it. */
  async function notifyMovedUp(trx: Transaction<DB>, w: Workshop, r: Registration) {
    const link = url(`${councilPath}/anmeldung?token=${registrationToken(r)}`);
    await deps.notifications.notify(trx, {
      kind: 'council.moved-up',
      itemKey: `council-moved-up:${r.id}`,
      scope: registrationScope(r.id),
      to: [memberRecipient(r)],
      content: ({ locale }) => {
        const t = councilMessages(locale);
        const vars = { name: r.name, title: w.title, when: when(w, locale), place: w.place, link, portal: city.portalName };
        return {
          subject: t('mail.registration.moved_up.subject', vars),
          letter: t('mail.registration.moved_up.text', vars),
          calendar: calendarOf(w, r, 'REQUEST', 1),
          push: { title: t('mail.registration.moved_up.subject', vars), body: vars.when, url: new URL(link).pathname + new URL(link).search },
        };
      },
    });
  }

  /** After a cancellation: the waiting list moves up in its order while the head fits, each told once in their language. */
  async function moveUp(trx: Transaction<DB>, workshopId: string): Promise<number> {
    let moved = 0;
    for (;;) {
      const w = await repo.findWorkshop(trx, workshopId);
      const next = w ? await repo.firstWaiting(trx, workshopId) : undefined;
      if (!w || !next) return moved;
      if (w.places_taken + next.persons > w.capacity || w.childcare_taken + next.childcare_children > w.childcare_places) return moved;
      await repo.setRegistrationStatus(trx, next.id, 'confirmed');
      const r = await repo.findRegistration(trx, next.id);
      if (r) await notifyMovedUp(trx, w, r);
      moved++;
    }
  }

  return {
    memberToken,
    registrationToken,

    // Applications ------------------------------------------------------------------------------

    async apply(input: ApplicationInput, locale: Locale): Promise<void> {
      const now = new Date();
      await db.transaction().execute(async (trx) => {
        const id = await repo.insertApplication(trx, {
          name: input.name,
          email: input.email,
          phone: input.phone,
          district: input.district,
          household_adults: input.adults,
          household_children: input.children,
          locale,
          privacy_consent_at: now,
          optional_consent_at: input.optional ? now : null,
          family_situation: input.optional?.familySituation ?? null,
          home_languages: input.optional?.homeLanguages ?? null,
          needs_interpreter: input.optional?.needsInterpreter ?? null,
          needs_childcare: input.optional?.needsChildcare ?? null,
          link_key: randomBytes(16).toString('base64url'),
        });
        if (!id) throw fieldError('email', councilMessages(locale)('apply.email.taken'));
        await send(trx, { email: input.email, locale }, 'received', { name: input.name });
      });
    },

    async applications(actor: Actor | null) {
      authorize(actor, 'council.organise');
      return repo.listApplications(db);
    },

    /** Accept for a term, decline kindly, or keep on the reserve list; the applicant hears it in their language. */
    async decide(actor: Actor | null, id: string, decision: Exclude<CouncilApplicationStatus, 'received'>, termUntil: string | null): Promise<void> {
      authorize(actor, 'council.organise');
      await db.transaction().execute(async (trx) => {
        const application = await repo.findApplication(trx, id);
        if (!application) throw notFound('Bewerbung');
        const until = decision === 'accepted' ? (termUntil ?? addMonths(todayIn(), defaultTermMonths)!) : null;
        await repo.decideApplication(trx, id, { status: decision, term_until: until, decided_by: actor.id });
        await recordAudit(trx, { actorId: actor.id, action: `council.application_${decision}`, subjectType: 'council_application', subjectId: id });
        const locale = storedLocale(application.locale);
        await send(trx, application, `decision.${decision}`, {
          name: application.name,
          until: until ? formatCivilDate(until, locale) : '',
          link: url(councilPath),
        });
        // Someone who joins while invitations are out is invited to those workshops too.
        if (decision === 'accepted' && application.status !== 'accepted')
          for (const w of await repo.openInvitedWorkshops(trx, new Date())) await invitation(trx, w, application);
        await syncExchange(trx, decision === 'accepted');
      });
    },

    /** Members whose term is over (or was ended), still on record until staff remove them. */
    async formerMembers(actor: Actor | null) {
      authorize(actor, 'council.organise');
      return repo.formerMembers(db, todayIn());
    },

    /**
     * Ends a member's term today: their personal links stop working, they leave the exchange group, and their
     * registrations still ahead are cancelled (the waiting list moves up, as with any cancellation).
     */
    async endTerm(actor: Actor | null, memberId: string): Promise<void> {
      authorize(actor, 'council.organise');
      const today = todayIn();
      await db.transaction().execute(async (trx) => {
        if (!(await repo.endTerm(trx, memberId, today, addDays(today, -1)))) throw notFound('Mitglied');
        for (const r of await repo.upcomingRegistrationsOfMember(trx, memberId, new Date())) {
          await repo.lockWorkshop(trx, r.workshop_id);
          await repo.setRegistrationStatus(trx, r.id, 'cancelled');
          await moveUp(trx, r.workshop_id);
        }
        await syncExchange(trx, false);
        await recordAudit(trx, { actorId: actor.id, action: 'council.term_ended', subjectType: 'council_application', subjectId: memberId });
      });
    },

    /** Removes a former member: nobody stays behind the row (the figures keep their attendance), the needs go. */
    async removeMember(actor: Actor | null, memberId: string): Promise<void> {
      authorize(actor, 'council.organise');
      await db.transaction().execute(async (trx) => {
        if (!(await repo.removeFormerMember(trx, memberId, todayIn(), randomBytes(16).toString('base64url')))) throw notFound('Mitglied');
        await syncExchange(trx, false);
        await recordAudit(trx, { actorId: actor.id, action: 'council.member_removed', subjectType: 'council_application', subjectId: memberId });
      });
    },

    /** Daily: members whose term ran out leave the exchange group (nobody is added: someone may have left it). */
    async tidyExchange(): Promise<number> {
      return db.transaction().execute(async (trx) => (await syncExchange(trx, false)).removed);
    },

    /** The current members as aggregates: never individuals, groups under 5 hidden. */
    async composition(): Promise<{ members: number; tables: CompositionTable[] }> {
      const members = await repo.currentMembers(db, todayIn());
      const table = (dimension: CompositionTable['dimension'], keys: readonly string[], keyOf: (m: Application) => string): CompositionTable => {
        const counts = keys.map((k) => members.filter((m) => keyOf(m) === k).length);
        const protectedTable = protectCube({ sizes: [keys.length], counts });
        return { dimension, rows: keys.map((key, i) => ({ key, count: valueAt(protectedTable, [i]) })), total: valueAt(protectedTable, [-1]) };
      };
      const yesNo = (value: boolean | null) => (value === null ? 'unknown' : value ? 'yes' : 'no');
      return {
        members: members.length,
        tables: [
          table('district', [...city.districts, 'other'], (m) => (city.districts.includes(m.district) ? m.district : 'other')),
          table('family_situation', [...familySituations, 'unknown'], (m) => m.family_situation ?? 'unknown'),
          table('needs_interpreter', ['yes', 'no', 'unknown'], (m) => yesNo(m.needs_interpreter)),
          table('needs_childcare', ['yes', 'no', 'unknown'], (m) => yesNo(m.needs_childcare)),
        ],
      };
    },

    // Workshops ---------------------------------------------------------------------------------

    async workshops() {
      return repo.listWorkshops(db);
    },

    async workshop(id: string) {
      const w = await repo.findWorkshop(db, id);
      if (!w) throw notFound('Workshop');
      return w;
    },

    async saveWorkshop(actor: Actor | null, id: string | null, input: WorkshopInput, locale: Locale): Promise<string> {
      authorize(actor, 'council.organise');
      const row = {
        title: input.title,
        agenda: input.agenda,
        place: input.place,
        languages: input.languages,
        starts_at: input.startsAt,
        ends_at: input.endsAt,
        registration_until: input.registrationUntil,
        capacity: input.capacity,
        childcare_places: input.childcarePlaces,
      };
      try {
        return await db.transaction().execute(async (trx) => {
          const saved = id ? (await repo.updateWorkshop(trx, id, row), id) : await repo.insertWorkshop(trx, row);
          await recordAudit(trx, {
            actorId: actor.id,
            action: id ? 'council.workshop_changed' : 'council.workshop_planned',
            subjectType: 'council_workshop',
            subjectId: saved,
          });
          return saved;
        });
      } catch (error) {
        // Fewer places than are already confirmed: the database refuses, the form says why.
        if (isCheckViolation(error)) throw fieldError('capacity', staffMessages(locale)('workshop.capacity.belowTaken'));
        throw error;
      }
    },

    /** Every current member gets one invitation in their language, with a personal link and the calendar entry. */
    async invite(actor: Actor | null, workshopId: string, locale: Locale): Promise<number> {
      authorize(actor, 'council.organise');
      return db.transaction().execute(async (trx) => {
        const w = await repo.lockWorkshop(trx, workshopId);
        if (!w) throw notFound('Workshop');
        if (w.invited_at) throw new AppError('conflict', staffMessages(locale)('invite.already'));
        const members = await repo.currentMembers(trx, todayIn());
        for (const m of members) await invitation(trx, w, m);
        await repo.markInvited(trx, w.id);
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'council.workshop_invited',
          subjectType: 'council_workshop',
          subjectId: w.id,
          details: { members: members.length },
        });
        return members.length;
      });
    },

    /** The member a personal link names, if the link is genuine and the term runs. */
    async memberOf(token: string | undefined) {
      const read = readToken(token);
      if (!read) return null;
      const m = await repo.findApplication(db, read[0]);
      if (!m || !safeEqual(read[1], sign('member', m.id, m.link_key))) return null;
      if (m.status !== 'accepted' || !m.term_until || m.term_until < todayIn()) return null;
      return m;
    },

    /** The member's page for how the portal tells them things (moving up, reminders; push), signed, no account needed. */
    async notificationSettingsUrl(m: { id: string; email: string; locale: string }): Promise<string | null> {
      const id = await deps.notifications.keyedRecipient(memberRecipient({ member_id: m.id, email: m.email, locale: m.locale }));
      const link = await deps.notifications.settingsUrl(id);
      return link ? new URL(link).pathname + new URL(link).search : null;
    },

    async existingRegistration(workshopId: string, memberId: string) {
      return repo.activeRegistrationOf(db, workshopId, memberId);
    },

    /**
     * Registers a member (and the family members they bring) with their needs. The workshop row is locked
     * first, so registrations of one workshop take turns: a registration is confirmed whole when its persons
     * and children fit and nobody waits before it, otherwise it joins the waiting list in commit order.
     * The database's CHECK stays the last word on overbooking.
     */
    async register(workshopId: string, memberId: string, input: RegistrationInput, locale: Locale, now = new Date()) {
      const t = councilMessages(locale);
      return db.transaction().execute(async (trx) => {
        const w = await repo.lockWorkshop(trx, workshopId);
        if (!w) throw notFound('Workshop');
        if (w.registration_until <= now) throw new AppError('conflict', t('register.closed'));
        if (input.childcareChildren > 0 && w.childcare_places === 0) throw fieldError('childcareChildren', t('register.noChildcare'));
        if (await repo.activeRegistrationOf(trx, workshopId, memberId)) throw new AppError('conflict', t('register.already'));
        const waiting = await repo.firstWaiting(trx, workshopId);
        const fits = !waiting && w.places_taken + input.persons <= w.capacity && w.childcare_taken + input.childcareChildren <= w.childcare_places;
        const id = await repo.insertRegistration(
          trx,
          {
            workshop_id: workshopId,
            member_id: memberId,
            persons: input.persons,
            childcare_children: input.childcareChildren,
            status: fits ? 'confirmed' : 'waiting',
            link_key: randomBytes(16).toString('base64url'),
          },
          {
            childcare_ages: input.childcareChildren > 0 ? input.childcareAges : null,
            interpreter_language: input.interpreterLanguage,
            step_free: input.stepFree,
            dietary: input.dietary,
            travel_refund: input.travelRefund,
          },
          w.ends_at,
        );
        const r = (await repo.findRegistration(trx, id))!;
        await registrationMail(trx, w, r, fits ? 'confirmed' : 'waiting');
        return { status: r.status, token: registrationToken(r) };
      });
    },

    /** The registration a signed link names, with its workshop and place in the waiting list; null for a tampered or stale link. */
    async registrationOf(token: string | undefined) {
      const read = readToken(token);
      if (!read) return null;
      const r = await repo.findRegistration(db, read[0]);
      if (!r || !safeEqual(read[1], sign('registration', r.id, r.link_key))) return null;
      const w = (await repo.findWorkshop(db, r.workshop_id))!;
      const position = r.status === 'waiting' ? await repo.waitingPosition(db, w.id, r.queue_no) : null;
      return { registration: r, workshop: w, position, needs: (await repo.needsOf(db, r.id)) ?? null, token: registrationToken(r) };
    },

    /** Cancels through the signed link (or by staff); the waiting list moves up in the same transaction. */
    async cancel(registrationId: string, now = new Date()): Promise<'cancelled' | 'already' | 'too_late'> {
      return db.transaction().execute(async (trx) => {
        const r = await repo.findRegistration(trx, registrationId);
        if (!r) throw notFound('Anmeldung');
        const w = await repo.lockWorkshop(trx, r.workshop_id);
        if (!w) throw notFound('Workshop');
        const current = (await repo.findRegistration(trx, registrationId))!;
        if (current.status === 'cancelled') return 'already';
        if (w.starts_at <= now) return 'too_late';
        await repo.setRegistrationStatus(trx, current.id, 'cancelled');
        // A reminder (or a moving-up notice) that has not gone out yet goes with the registration.
        await deps.notifications.cancel(trx, { scope: registrationScope(current.id) });
        await registrationMail(trx, w, current, 'cancelled');
        await moveUp(trx, w.id);
        return 'cancelled';
      });
    },

    /**
     * Changes a registration through its signed link: persons, children in childcare and needs. A confirmed
     * registration that grows beyond the free places is refused (by the database's CHECK, said in the form);
     * one that shrinks frees places, and the waiting list moves up.
     */
    async change(registrationId: string, input: RegistrationInput, locale: Locale, now = new Date()): Promise<void> {
      const t = councilMessages(locale);
      try {
        await db.transaction().execute(async (trx) => {
          const r = await repo.findRegistration(trx, registrationId);
          if (!r) throw notFound('Anmeldung');
          const w = await repo.lockWorkshop(trx, r.workshop_id);
          if (!w) throw notFound('Workshop');
          const current = (await repo.findRegistration(trx, registrationId))!;
          if (current.status === 'cancelled') throw new AppError('conflict', t('registration.cancelled'));
          if (w.starts_at <= now) throw new AppError('conflict', t('registration.tooLate'));
          if (input.childcareChildren > 0 && w.childcare_places === 0) throw fieldError('childcareChildren', t('register.noChildcare'));
          await repo.changeRegistration(
            trx,
            registrationId,
            { persons: input.persons, childcare_children: input.childcareChildren },
            {
              childcare_ages: input.childcareChildren > 0 ? input.childcareAges : null,
              interpreter_language: input.interpreterLanguage,
              step_free: input.stepFree,
              dietary: input.dietary,
              travel_refund: input.travelRefund,
            },
            w.ends_at,
          );
          await moveUp(trx, w.id);
        });
      } catch (error) {
        if (isCheckViolation(error)) throw fieldError('persons', t('change.full'));
        throw error;
      }
    },

    async registrations(actor: Actor | null, workshopId: string) {
      authorize(actor, 'council.organise');
      return repo.registrationsOf(db, workshopId);
    },

    async recordAttendance(actor: Actor | null, workshopId: string, present: ReadonlySet<string>): Promise<void> {
      authorize(actor, 'council.organise');
      await db.transaction().execute(async (trx) => {
        await repo.setAttendance(trx, workshopId, present);
        await recordAudit(trx, { actorId: actor.id, action: 'council.attendance_recorded', subjectType: 'council_workshop', subjectId: workshopId });
      });
    },

    /** Reminders the day before, each exactly once (claimed in one statement); cancelled registrations get none. */
    async sendReminders(now = new Date()): Promise<number> {
      return db.transaction().execute(async (trx) => {
        const due = await repo.claimDueReminders(trx, now, new Date(now.getTime() + 24 * 3_600_000));
        for (const { id } of due) {
          const r = (await repo.findRegistration(trx, id))!;
          const w = (await repo.findWorkshop(trx, r.workshop_id))!;
          const link = url(`${councilPath}/anmeldung?token=${registrationToken(r)}`);
          await deps.notifications.notify(trx, {
            kind: 'council.reminder',
            itemKey: `council-reminder:${r.id}`,
            scope: registrationScope(r.id),
            to: [memberRecipient(r)],
            content: ({ locale }) => {
              const t = councilMessages(locale);
              const vars = { name: r.name, title: w.title, when: when(w, locale), place: w.place, link, portal: city.portalName };
              return {
                subject: t('mail.reminder.subject', vars),
                letter: t('mail.reminder.text', vars),
                push: { title: t('mail.reminder.subject', vars), body: vars.when, url: new URL(link).pathname + new URL(link).search },
              };
            },
          });
        }
        return due.length;
      });
    },

    // Reports and results -----------------------------------------------------------------------

    async initiativeChoices(): Promise<InitiativeSummary[]> {
      return councilSources.choices(db);
    },

    async ideaChoices() {
      return councilSources.ideaChoices(db);
    },

    /** Results of workshops, each with its linked initiative's current state in the reader's language. */
    async results(workshopIds: readonly string[], locale: Locale) {
      const results = await repo.resultsOf(db, workshopIds);
      const initiatives = await councilSources.byIds(
        db,
        results.flatMap((r) => (r.initiative_id ? [r.initiative_id] : [])),
      );
      const ideas = await councilSources.ideasByIds(
        db,
        results.flatMap((r) => (r.idea_id ? [r.idea_id] : [])),
      );
      return results.map((r) => {
        const initiative = r.initiative_id ? initiatives.get(r.initiative_id) : undefined;
        return {
          ...r,
          idea: r.idea_id ? (ideas.get(r.idea_id) ?? null) : null,
          initiative: initiative
            ? { title: initiative.title, path: initiative.path, statusLabel: councilSources.statusLabel(initiative.status, locale) }
            : null,
        };
      });
    },

    async saveReport(
      actor: Actor | null,
      workshopId: string,
      report: { discussed: string | null; blindSpots: string | null; ideas: string | null; photo: { image: UploadedImage; alt: string } | null },
    ): Promise<void> {
      authorize(actor, 'council.organise');
      await db.transaction().execute(async (trx) => {
        const w = await repo.lockWorkshop(trx, workshopId);
        if (!w) throw notFound('Workshop');
        const photo = report.photo ? { report_photo_id: (await storeImage(trx, report.photo.image, actor.id)).id, report_photo_alt: report.photo.alt } : {};
        await repo.saveReport(trx, workshopId, {
          report_discussed: report.discussed,
          report_blind_spots: report.blindSpots,
          report_ideas: report.ideas,
          ...photo,
        });
        if (w.report_published_at) await linkResults(trx, workshopId);
        await recordAudit(trx, { actorId: actor.id, action: 'council.report_saved', subjectType: 'council_workshop', subjectId: workshopId });
      });
    },

    async addResult(
      actor: Actor | null,
      workshopId: string,
      input: { title: string; body: string; initiativeId: string | null; ideaId: string | null },
    ): Promise<void> {
      authorize(actor, 'council.organise');
      await knownInitiative(input.initiativeId);
      await knownIdea(input.ideaId);
      await db.transaction().execute(async (trx) => {
        const w = await repo.lockWorkshop(trx, workshopId);
        if (!w) throw notFound('Workshop');
        await repo.insertResult(trx, {
          workshop_id: workshopId,
          title: input.title,
          body: input.body,
          initiative_id: input.initiativeId,
          idea_id: input.ideaId,
        });
        if (w.report_published_at) await linkResults(trx, workshopId);
      });
    },

    /** Publishes (or withdraws) the report; its results appear on the initiatives they are linked to. */
    async publishReport(actor: Actor | null, workshopId: string, publish: boolean, locale: Locale): Promise<void> {
      authorize(actor, 'council.organise');
      await db.transaction().execute(async (trx) => {
        const w = await repo.lockWorkshop(trx, workshopId);
        if (!w) throw notFound('Workshop');
        if (publish && !w.report_discussed) throw fieldError('discussed', staffMessages(locale)('report.discussed.required'));
        await repo.setReportPublished(trx, workshopId, publish);
        if (publish) await linkResults(trx, workshopId);
        else {
          await councilSources.replaceLinks(trx, `${workshopPath(workshopId)}#`, []);
          await ideaLinks.replaceCouncilLinks(trx, `${workshopPath(workshopId)}#`, []);
        }
        await recordAudit(trx, {
          actorId: actor.id,
          action: publish ? 'council.report_published' : 'council.report_withdrawn',
          subjectType: 'council_workshop',
          subjectId: workshopId,
        });
      });
    },

    /** A result's follow-up moves: members who attended (and did not opt out) hear it once, in their language. */
    async moveResult(
      actor: Actor | null,
      resultId: string,
      change: { followUp: ResultFollowUp; note: string | null; initiativeId: string | null; ideaId: string | null },
    ): Promise<string> {
      authorize(actor, 'council.organise');
      await knownInitiative(change.initiativeId);
      await knownIdea(change.ideaId);
      return db.transaction().execute(async (trx) => {
        const before = await repo.updateFollowUp(trx, resultId, {
          follow_up: change.followUp,
          follow_up_note: change.note,
          initiative_id: change.initiativeId,
          idea_id: change.ideaId,
        });
        if (!before) throw notFound('Ergebnis');
        const w = (await repo.findWorkshop(trx, before.workshop_id))!;
        if (w.report_published_at) await linkResults(trx, w.id);
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'council.result_moved',
          subjectType: 'council_workshop',
          subjectId: w.id,
          details: { result: before.title },
        });
        if (before.before === change.followUp || !w.report_published_at) return w.id;
        for (const m of await repo.attendeesToTell(trx, w.id)) {
          const locale = storedLocale(m.locale);
          await send(trx, m, 'result', {
            name: m.name,
            title: w.title,
            result: before.title,
            state: councilMessages(locale)(`followUp.${change.followUp}`),
            link: url(`${workshopPath(w.id)}#ergebnis-${resultId}`),
            optOut: url(`${councilPath}/nachrichten?token=${memberToken(m)}`),
          });
        }
        return w.id;
      });
    },

    async setResultMails(token: string | undefined, on: boolean): Promise<boolean> {
      const read = readToken(token);
      if (!read) return false;
      const m = await repo.findApplication(db, read[0]);
      if (!m || !safeEqual(read[1], sign('member', m.id, m.link_key))) return false;
      await repo.setResultMails(db, m.id, on);
      return true;
    },

    async figures(now = new Date()) {
      return (await repo.participationFigures(db, now)).map((f) => ({
        id: f.id,
        title: f.title,
        startsAt: f.starts_at,
        registrations: Number(f.registrations),
        attended: Number(f.attended),
        districts: Number(f.districts),
      }));
    },

    /**
     * When an account goes: its registrations still ahead are cancelled first (no mail to the erased
     * address), so the waiting list moves up and those moving up are told, before the declared erasure.
     */
    releasedOnErasure: {
      async preview(reader: Executor, person: Person, locale: Locale): Promise<string[]> {
        const t = councilMessages(locale);
        return (await repo.upcomingRegistrationsOf(reader, person.email, new Date())).map((r) =>
          t('erasure.preview', { title: r.title, date: formatDateTime(r.starts_at, locale) }),
        );
      },
      async apply(trx: Transaction<DB>, person: Person): Promise<void> {
        for (const r of await repo.upcomingRegistrationsOf(trx, person.email, new Date())) {
          await repo.lockWorkshop(trx, r.workshop_id);
          await repo.setRegistrationStatus(trx, r.id, 'cancelled');
          await deps.notifications.cancel(trx, { scope: registrationScope(r.id) });
          await moveUp(trx, r.workshop_id);
        }
      },
    } satisfies ErasureStep,

    // The members' exchange ----------------------------------------------------------------------

    /**
     * Where a signed-in person finds the exchange: a current member (by the account's address) is added to
     * the group if not yet in it (an account made after the acceptance) and gets its address; staff too.
     * Null for everybody else.
     */
    async exchangeFor(actor: Actor | null): Promise<string | null> {
      if (!actor) return null;
      const member = await repo.findMemberByEmail(db, actor.email, todayIn());
      if (!member && !can(actor, 'council.organise')) return null;
      return db.transaction().execute(async (trx) => (await syncExchange(trx, !!member)).path);
    },
  };

  /** The exchange group's members are exactly the current members with an account (see `sharedGroups`). */
  async function syncExchange(trx: Transaction<DB>, add: boolean) {
    const members = await repo.currentMembers(trx, todayIn());
    return sharedGroups.syncPrivateGroup(
      trx,
      deps.notifications,
      exchangeGroup,
      members.map((m) => m.email),
      { add },
    );
  }

  async function knownIdea(id: string | null): Promise<void> {
    if (id && !(await councilSources.ideasByIds(db, [id])).has(id)) throw notFound('Idee');
  }

  /** An initiative chosen in a form must exist (a stale or tampered choice is a 404, not a broken link). */
  async function knownInitiative(id: string | null): Promise<void> {
    if (id && !(await councilSources.byIds(db, [id])).has(id)) throw notFound('Vorhaben');
  }

  /** The published report's results with an initiative, as "what shaped it" on those initiatives. */
  async function linkResults(trx: Transaction<DB>, workshopId: string): Promise<void> {
    const w = (await repo.findWorkshop(trx, workshopId))!;
    const results = await repo.resultsOf(trx, [workshopId]);
    await councilSources.replaceLinks(
      trx,
      `${workshopPath(workshopId)}#`,
      results.flatMap((r) =>
        r.initiative_id
          ? [{ initiativeId: r.initiative_id, url: `${workshopPath(workshopId)}#ergebnis-${r.id}`, label: `Familienbeirat, ${w.title}: ${r.title}` }]
          : [],
      ),
    );
    // The same results on the pages of the ideas they are linked to ("what became of it").
    await ideaLinks.replaceCouncilLinks(
      trx,
      `${workshopPath(workshopId)}#`,
      results.flatMap((r) =>
        r.idea_id ? [{ ideaId: r.idea_id, url: `${workshopPath(workshopId)}#ergebnis-${r.id}`, label: `Familienbeirat, ${w.title}: ${r.title}` }] : [],
      ),
    );
  }
}

export type CouncilService = ReturnType<typeof createCouncilService>;
