import { randomBytes } from 'node:crypto';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/roles.js';
import { safeEqual } from '../../platform/auth/tokens.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { type Locale } from '../../platform/i18n/i18n.js';
import { todayIn } from '../../platform/time/berlin.js';
import { councilMessages } from './council.messages.js';
import { authorize } from './council.policy.js';
import { staffMessages } from './staff.messages.js';
import { memberRecipient, registrationScope } from './council.notifications.js';
import * as repo from './council.repository.js';
import type { CouncilContext } from './council.context.js';
import { councilPath, type RegistrationInput, type WorkshopInput, fieldError, isCheckViolation } from './council.model.js';

/** Workshops, invitations, registrations with their waiting list, attendance and reminders. */
export function workshopOperations(ctx: CouncilContext) {
  const { deps, db, city, url, sign, registrationToken, readToken, when, registrationMail, invitation, moveUp } = ctx;
  return {
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
  };
}
