import { randomUUID } from 'node:crypto';
import { networkKindNames } from '../../src/modules/network/network.notifications.js';
import type { TestApp } from './app.js';
import { signedInVisitor } from './auth.js';

/** Groups and members of the Bündnis-Netzwerk for tests that must not share one. */

/** A fresh group with a lead (a partner, signed in). */
export async function groupWithLead(t: TestApp, access: 'open' | 'closed' | 'private') {
  const suffix = randomUUID().slice(0, 8);
  const slug = `testgruppe-${suffix}`;
  const name = `Testgruppe ${suffix}`;
  const { id } = await t.deps.db
    .insertInto('network_groups')
    .values({ slug, name, kind: 'working', access, topic: 'Zum Testen' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const lead = await signedInVisitor(t, 'partner');
  await t.deps.db.insertInto('network_group_members').values({ group_id: id, user_id: lead.user.id, role: 'lead', state: 'member' }).execute();
  return { id, slug, name, path: `/netzwerk/gruppen/${slug}`, lead };
}

/** A partner who is a member of the group, signed in; with a cadence for every kind of the network's notifications. */
export async function memberOfGroup(t: TestApp, groupId: string, cadence?: 'immediate' | 'daily' | 'weekly' | 'never') {
  const p = await signedInVisitor(t, 'partner');
  await t.deps.db.insertInto('network_group_members').values({ group_id: groupId, user_id: p.user.id, state: 'member' }).execute();
  if (cadence) await t.deps.notifications.setCadence(await t.deps.notifications.userRecipient(p.user.id), networkKindNames, cadence);
  return p;
}

/** The mails to an address so far (after the queued jobs ran), oldest first. */
export async function mailsTo(t: TestApp, email: string) {
  await t.runJobs();
  return t.deps.db.selectFrom('mail_outbox').selectAll().where('recipient', '=', email).orderBy('created_at').execute();
}
