import type { Transaction } from 'kysely';
import type { DB } from '../../db/types.js';
import type { Executor } from '../../db/executor.js';
import type { AppDeps } from '../../platform/deps.js';
import type { ErasureStep, Person } from '../../platform/privacy/declarations.js';
import type { Actor } from '../../platform/auth/roles.js';
import { formatDateTime, type Locale } from '../../platform/i18n/i18n.js';
import { todayIn } from '../../platform/time/berlin.js';
import { councilMessages } from './council.messages.js';
import { can } from './council.policy.js';
import { registrationScope } from './council.notifications.js';
import * as repo from './council.repository.js';
import { createCouncilContext } from './council.context.js';
import { membershipOperations } from './council.members.js';
import { reportOperations } from './council.reports.js';
import { workshopOperations } from './council.workshops.js';

export * from './council.model.js';

/** The family council: applications and members, workshops with registrations and a waiting list, reports and results, the members' exchange (a private group of the network). */
export function createCouncilService(deps: AppDeps) {
  const ctx = createCouncilContext(deps);
  const { db, moveUp, syncExchange } = ctx;
  return {
    memberToken: ctx.memberToken,
    registrationToken: ctx.registrationToken,
    ...membershipOperations(ctx),
    ...workshopOperations(ctx),
    ...reportOperations(ctx),

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
}

export type CouncilService = ReturnType<typeof createCouncilService>;
