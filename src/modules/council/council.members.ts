import { randomBytes } from 'node:crypto';
import type { CouncilApplicationStatus } from '../../db/tables/council.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/roles.js';
import { notFound } from '../../platform/http/errors.js';
import { formatCivilDate, storedLocale, type Locale } from '../../platform/i18n/i18n.js';
import { protectCube, valueAt } from '../../platform/statistics/suppression.js';
import { addDays, addMonths, todayIn } from '../../platform/time/berlin.js';
import { councilMessages } from './council.messages.js';
import { authorize } from './council.policy.js';
import * as repo from './council.repository.js';
import type { CouncilContext } from './council.context.js';
import {
  councilPath,
  familySituations,
  defaultTermMonths,
  type ApplicationInput,
  type Application,
  type CompositionTable,
  fieldError,
} from './council.model.js';

/** Applications, members and their terms, and the members' composition as protected aggregates. */
export function membershipOperations(ctx: CouncilContext) {
  const { db, city, url, send, invitation, moveUp, syncExchange } = ctx;
  return {
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
  };
}
