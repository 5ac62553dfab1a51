import type { Executor } from '../../db/executor.js';
import type { Notifications } from '../../platform/notifications/notifications.js';
import { putMembership, removeMembership } from './network.repository.js';
import { groupPath, groupScope } from './network.paths.js';
import * as repo from './shared-groups.repository.js';

export interface NetworkGroupSummary {
  id: string;
  slug: string;
  name: string;
  path: string;
}

/**
 * What other modules may do with the network's groups, through `index.ts`: keep a private group whose
 * members another module decides (the family council's exchange), and name groups to link to (an
 * initiative's working group). They never write into the network's tables themselves.
 */
export const sharedGroups = {
  /**
   * Makes sure the private group exists and that its ordinary members are exactly the accounts with these
   * addresses, in the caller's transaction. Those who leave lose access at once and their waiting
   * notifications about the group go, as when a lead removes someone; the group's leads stay.
   * Addresses without an account join when the account exists and this runs again. With `add: false`
   * nobody joins (a daily clean-up must not bring back someone who left the group).
   */
  async syncPrivateGroup(
    trx: Executor,
    notifications: Pick<Notifications, 'cancel'>,
    group: { slug: string; name: string; topic: string },
    emails: readonly string[],
    options: { add: boolean } = { add: true },
  ): Promise<{ path: string; added: number; removed: number }> {
    await repo.insertPrivateGroup(trx, group);
    const { id } = (await repo.groupIdBySlug(trx, group.slug))!;
    const wanted = new Set(await repo.usersByEmails(trx, emails));
    const current = new Set(await repo.plainMemberIds(trx, id));
    let added = 0;
    let removed = 0;
    for (const userId of options.add ? wanted : [])
      if (!current.has(userId)) {
        await putMembership(trx, id, userId, 'member');
        added++;
      }
    for (const userId of current)
      if (!wanted.has(userId)) {
        await removeMembership(trx, id, userId);
        await notifications.cancel(trx, { scope: groupScope(id), userId });
        removed++;
      }
    return { path: groupPath(group.slug), added, removed };
  },

  /** Groups that are not private, by name: the choice for a link. */
  async choices(db: Executor): Promise<NetworkGroupSummary[]> {
    return (await repo.openGroups(db)).map((g) => ({ ...g, path: groupPath(g.slug) }));
  },

  /** Groups by id; private ones are left out (nobody outside them may know they exist). */
  async byIds(db: Executor, ids: readonly string[]): Promise<Map<string, NetworkGroupSummary>> {
    const rows = await repo.groupsByIds(db, [...new Set(ids)]);
    return new Map(rows.filter((g) => g.access !== 'private').map((g) => [g.id, { id: g.id, slug: g.slug, name: g.name, path: groupPath(g.slug) }]));
  },

  async bySlugs(db: Executor, slugs: readonly string[]): Promise<Map<string, NetworkGroupSummary>> {
    return new Map((await repo.groupsBySlugs(db, slugs)).map((g) => [g.slug, { ...g, path: groupPath(g.slug) }]));
  },
};
