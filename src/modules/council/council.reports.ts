import type { ResultFollowUp } from '../../db/tables/council.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/roles.js';
import { safeEqual } from '../../platform/auth/tokens.js';
import { notFound } from '../../platform/http/errors.js';
import { storedLocale, type Locale } from '../../platform/i18n/i18n.js';
import { storeImage, type UploadedImage } from '../../platform/media/media.js';
import { councilSources, ideaLinks, type InitiativeSummary } from '../ideas/index.js';
import { councilMessages } from './council.messages.js';
import { authorize } from './council.policy.js';
import { staffMessages } from './staff.messages.js';
import * as repo from './council.repository.js';
import type { CouncilContext } from './council.context.js';
import { councilPath, workshopPath, fieldError } from './council.model.js';

/** Reports and results of the workshops, their follow-up and the participation figures. */
export function reportOperations(ctx: CouncilContext) {
  const { db, url, sign, memberToken, readToken, send, knownIdea, knownInitiative, linkResults } = ctx;
  return {
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
  };
}
