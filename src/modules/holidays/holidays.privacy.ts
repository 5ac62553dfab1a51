import { sql } from 'kysely';
import type { AppDeps } from '../../app.js';
import type { PersonalDataSource } from '../../platform/privacy/privacy.js';

/** The consent for needs (special-category data, Art. 9 DSGVO); the text is stored with each consent. */
export const needsConsentVersion = 'ferien-beduerfnisse-2026-11';
export const needsConsentText =
  'Ich willige ausdrücklich ein, dass die Angaben zu Bedürfnissen meines Kindes (Allergien, Medikamente, Unterstützungsbedarf) gespeichert und nur an den Träger eines Angebots weitergegeben werden, in dem mein Kind einen Platz hat, sowie von der Verwaltung eingesehen werden können. Ich kann die Einwilligung jederzeit widerrufen, indem ich die Angaben lösche.';

export const retentionJob = 'holidays.retention';

/** What the holidays module holds about a parent: children, contacts, wish lists, places. */
export const holidayPersonalData: PersonalDataSource[] = [
  {
    name: 'ferien_kinder',
    async export(db, userId) {
      const children = await db.selectFrom('holiday_children').selectAll().where('parent_id', '=', userId).execute();
      const ids = children.map((c) => c.id);
      if (ids.length === 0) return [];
      const contacts = await db.selectFrom('holiday_contacts').select(['child_id', 'name', 'phone', 'relation']).where('child_id', 'in', ids).execute();
      const wishes = await db
        .selectFrom('holiday_wish_lists')
        .innerJoin('holiday_wishes', 'holiday_wishes.wish_list_id', 'holiday_wish_lists.id')
        .innerJoin('holiday_offers', 'holiday_offers.id', 'holiday_wishes.offer_id')
        .select(['holiday_wish_lists.child_id', 'holiday_wishes.rank', 'holiday_offers.title', 'holiday_wish_lists.max_places', 'holiday_wish_lists.group_code', 'holiday_wish_lists.submitted_at'])
        .where('holiday_wish_lists.child_id', 'in', ids)
        .execute();
      const places = await db
        .selectFrom('holiday_places')
        .innerJoin('holiday_offers', 'holiday_offers.id', 'holiday_places.offer_id')
        .select(['holiday_places.child_id', 'holiday_offers.title', 'holiday_places.status', 'holiday_places.source', 'holiday_places.created_at'])
        .where('holiday_places.child_id', 'in', ids)
        .execute();
      return children.map((c) => ({
        ...c,
        notfallkontakte: contacts.filter((x) => x.child_id === c.id),
        wuensche: wishes.filter((x) => x.child_id === c.id),
        plaetze: places.filter((x) => x.child_id === c.id),
      }));
    },
    // Children, their contacts, wishes, places, waiting-list entries and attendance go with the parent (cascades).
    erase: async (trx, userId) => void (await trx.deleteFrom('holiday_children').where('parent_id', '=', userId).execute()),
  },
];

/**
 * Deletes the personal data of seasons closed longer than their retention period: children who
 * took part only in such seasons (with contacts, wishes, places, attendance), and all wish lists,
 * places and waiting lists of the season. Offers and anonymous run figures stay.
 */
export async function deleteExpiredSeasonData(deps: Pick<AppDeps, 'db'>, now = new Date()): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const seasons = await trx
      .selectFrom('holiday_seasons')
      .select(['id'])
      .where('phase', '=', 'closed')
      .where('closed_at', 'is not', null)
      .where(sql<boolean>`closed_at + make_interval(days => retention_days) < ${now}`)
      .execute();
    for (const { id } of seasons) {
      const involved = trx
        .selectFrom('holiday_wish_lists')
        .select('child_id')
        .where('season_id', '=', id)
        .union(trx.selectFrom('holiday_places').select('child_id').where('season_id', '=', id));
      // Children who also take part in a season that is not yet due keep their data.
      const stillNeeded = trx
        .selectFrom('holiday_wish_lists')
        .innerJoin('holiday_seasons', 'holiday_seasons.id', 'holiday_wish_lists.season_id')
        .select('holiday_wish_lists.child_id')
        .where('holiday_seasons.phase', 'not in', ['closed', 'deleted'])
        .where('holiday_seasons.id', '<>', id);
      await trx.deleteFrom('holiday_children').where('id', 'in', involved).where('id', 'not in', stillNeeded).execute();
      await trx.deleteFrom('holiday_places').where('season_id', '=', id).execute();
      await trx.deleteFrom('holiday_wish_lists').where('season_id', '=', id).execute();
      await trx.deleteFrom('holiday_waitlist').where('offer_id', 'in', trx.selectFrom('holiday_offers').select('id').where('season_id', '=', id)).execute();
      await trx.updateTable('holiday_seasons').set({ phase: 'deleted', data_deleted_at: now, updated_at: now }).where('id', '=', id).execute();
    }
    return seasons.length;
  });
}
