import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';
import { signedInVisitor } from '../../../test/support/auth.js';
import { groupWithLead, memberOfGroup } from '../../../test/support/network.js';

/** The calendar feeds: a person's (all their groups) and one per group and member, behind secret, revocable addresses. */
const t = useTestApp();
const visitor = () => new Visitor(() => t.app);

describe('calendar feed', () => {
  it('gives each member a secret, revocable address with the meetings of their groups, and forgets a removed member at once', async () => {
    const g = await groupWithLead(t, 'open');
    const m = await memberOfGroup(t, g.id);
    await t.deps.db
      .insertInto('network_meetings')
      .values({
        group_id: g.id,
        title: 'Planungstreffen',
        starts_at: new Date('2099-05-05T08:00:00Z'),
        ends_at: new Date('2099-05-05T09:00:00Z'),
        place: 'Rathaus',
      })
      .execute();
    const settings = await m.visitor.get('/netzwerk/benachrichtigungen');
    const feedUrl = /https?:\/\/[^"]+\/netzwerk\/kalender\/[^"]+\.ics/.exec(settings.body)![0];
    const path = new URL(feedUrl).pathname;
    const feed = await visitor().get(path);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(feed.body).toContain(`SUMMARY:Planungstreffen (${g.name})`);
    expect(feed.body).toContain('DTSTART:20990505T080000Z');
    expect((await visitor().get(path.replace(/.{3}\.ics$/, 'xyz.ics'))).statusCode).toBe(404);

    await m.visitor.submit('/netzwerk/benachrichtigungen', '/netzwerk/benachrichtigungen/kalender', {});
    expect((await visitor().get(path)).statusCode).toBe(404);
    const renewed = new URL(/https?:\/\/[^"]+\/netzwerk\/kalender\/[^"]+\.ics/.exec((await m.visitor.get('/netzwerk/benachrichtigungen')).body)![0]).pathname;
    expect((await visitor().get(renewed)).body).toContain('Planungstreffen');

    await g.lead.visitor.submit(`/netzwerk/gruppen/${g.slug}`, `/netzwerk/gruppen/${g.slug}/mitglieder/${m.user.id}/entfernen`, {});
    expect((await visitor().get(renewed)).body).not.toContain('Planungstreffen');
  });
});

describe('group calendar feeds', () => {
  it('gives each member an address for one group, revoked by the lead for everyone, and none for outsiders or removed members', async () => {
    const g = await groupWithLead(t, 'private');
    const m = await memberOfGroup(t, g.id);
    await t.deps.db
      .insertInto('network_meetings')
      .values({
        group_id: g.id,
        title: 'Geheime Runde',
        starts_at: new Date('2099-06-01T08:00:00Z'),
        ends_at: new Date('2099-06-01T09:00:00Z'),
        place: 'Raum 1',
      })
      .execute();
    const other = await groupWithLead(t, 'open');
    await t.deps.db.insertInto('network_group_members').values({ group_id: other.id, user_id: m.user.id, state: 'member' }).execute();
    await t.deps.db
      .insertInto('network_meetings')
      .values({
        group_id: other.id,
        title: 'Offene Runde',
        starts_at: new Date('2099-06-02T08:00:00Z'),
        ends_at: new Date('2099-06-02T09:00:00Z'),
        place: 'Raum 2',
      })
      .execute();
    const groupFeed = (html: string, slug: string) => {
      const section = html.slice(html.indexOf(`id="kalender-${slug}"`));
      return new URL(/https?:\/\/[^"]+\/netzwerk\/kalender\/gruppen\/[^"]+\.ics/.exec(section)![0]).pathname;
    };
    const settings = (await m.visitor.get('/netzwerk/benachrichtigungen')).body;
    const mine = groupFeed(settings, g.slug);
    const feed = await visitor().get(mine);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(feed.body).toContain('Geheime Runde');
    expect(feed.body).not.toContain('Offene Runde');
    expect(feed.body).toContain(`X-WR-CALNAME:${t.deps.city.portalName}: Testgruppe`);
    // Another group's address, or a changed signature, shows nothing.
    expect((await visitor().get(groupFeed(settings, other.slug))).body).not.toContain('Geheime Runde');
    expect((await visitor().get(mine.replace(/.{3}\.ics$/, 'xyz.ics'))).statusCode).toBe(404);
    // An outsider who learns the group's id gets nothing, and sees no address for it.
    const outsider = await signedInVisitor(t, 'partner');
    expect((await outsider.visitor.get('/netzwerk/benachrichtigungen')).body).not.toContain(`kalender-${g.slug}`);
    expect((await outsider.visitor.submit('/netzwerk/benachrichtigungen', `/netzwerk/gruppen/${g.slug}/kalender`, {})).statusCode).toBe(404);
    // Only the lead renews the group's addresses; the member's old one stops, the new one works.
    expect((await m.visitor.submit('/netzwerk/benachrichtigungen', `/netzwerk/gruppen/${g.slug}/kalender`, {})).statusCode).toBe(403);
    const leadSettings = (await g.lead.visitor.get('/netzwerk/benachrichtigungen')).body;
    expect(leadSettings).toContain(`Neue Adressen für alle Mitglieder von „Testgruppe`);
    expect((await g.lead.visitor.submit('/netzwerk/benachrichtigungen', `/netzwerk/gruppen/${g.slug}/kalender`, {})).statusCode).toBe(303);
    expect((await visitor().get(mine)).statusCode).toBe(404);
    const renewed = groupFeed((await m.visitor.get('/netzwerk/benachrichtigungen')).body, g.slug);
    expect((await visitor().get(renewed)).body).toContain('Geheime Runde');
    // The member's own "new address" revokes their group addresses too.
    await m.visitor.submit('/netzwerk/benachrichtigungen', '/netzwerk/benachrichtigungen/kalender', {});
    expect((await visitor().get(renewed)).statusCode).toBe(404);
    const current = groupFeed((await m.visitor.get('/netzwerk/benachrichtigungen')).body, g.slug);
    expect((await visitor().get(current)).statusCode).toBe(200);
    // Removed from the group: the address answers nothing at once.
    await g.lead.visitor.submit(`/netzwerk/gruppen/${g.slug}`, `/netzwerk/gruppen/${g.slug}/mitglieder/${m.user.id}/entfernen`, {});
    expect((await visitor().get(current)).statusCode).toBe(404);
  });
});
