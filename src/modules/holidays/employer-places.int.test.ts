import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';
import { signedInVisitor } from '../../../test/support/auth.js';
import { buildChild, buildHolidayOffer, buildHolidayOrganization, buildSeason } from '../../../test/support/holidays.js';
import type { Actor } from '../../platform/auth/roles.js';
import { seedHash } from './allocation-rng.js';
import type { LotteryPublication } from './lottery-publication.js';
import { verifyPublication } from './lottery-verify.js';
import { confirmRun } from './runs.service.js';

const t = useTestApp();
const offerPage = (seasonId: string, offerId: string) => `/verwaltung/ferien/${seasonId}/angebote/${offerId}`;

async function editorAndOffer(places = 10) {
  const org = await buildHolidayOrganization(t);
  const season = await buildSeason(t);
  const offer = await buildHolidayOffer(t, season.id, org.id, { title: 'Zirkuswoche', places });
  const employer = await buildHolidayOrganization(t, `Klinikum ${Math.random().toString(36).slice(2, 7)} (Test)`);
  const editor = await signedInVisitor(t, 'editor');
  return { season, offer, employer, editor };
}

const codeOf = async (seasonId: string, organizationId: string) =>
  (
    await t.deps.db
      .selectFrom('holiday_employer_codes')
      .select('code')
      .where('season_id', '=', seasonId)
      .where('organization_id', '=', organizationId)
      .executeTakeFirstOrThrow()
  ).code;

describe('places an employer reserves for its staff’s children', () => {
  it('lets editors reserve and release places of an approved offer, with a code per employer, audited; never more than the offer has', async () => {
    const { season, offer, employer, editor } = await editorAndOffer(10);
    const page = offerPage(season.id, offer.id);
    const reserve = `${page}/arbeitgeber`;
    expect((await editor.visitor.get(page)).body).toContain('Noch kein Arbeitgeber hat Plätze in diesem Angebot reserviert.');

    const bad = await editor.visitor.submit(page, reserve, { employerOrganization: employer.id, employerPlaces: 'drei' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Geben Sie die Zahl der Plätze als ganze Zahl ab 1 an, zum Beispiel 3.');
    expect(bad.body).toContain('data-error-summary');
    const tooMany = await editor.visitor.submit(page, reserve, { employerOrganization: employer.id, employerPlaces: '11' });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.body).toContain('In diesem Angebot lassen sich für diesen Arbeitgeber höchstens 10 Plätze reservieren.');

    const done = await editor.visitor.submit(page, reserve, { employerOrganization: employer.id, employerPlaces: '4' });
    expect(done.statusCode).toBe(303);
    const code = await codeOf(season.id, employer.id);
    expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const shown = await editor.visitor.get(page);
    expect(shown.body).toContain(code);
    expect(shown.body).toContain('4 von 10 Plätzen sind für Arbeitgeber reserviert.');
    // A second employer gets what is left, not more.
    const other = await buildHolidayOrganization(t, 'Stadtwerke (Test)');
    const rest = await editor.visitor.submit(page, reserve, { employerOrganization: other.id, employerPlaces: '7' });
    expect(rest.body).toContain('In diesem Angebot lassen sich für diesen Arbeitgeber höchstens 6 Plätze reservieren.');
    // Changing an employer's number counts its own places as free again.
    expect((await editor.visitor.submit(page, reserve, { employerOrganization: employer.id, employerPlaces: '10' })).statusCode).toBe(303);
    expect((await t.deps.db.selectFrom('holiday_offers').select('employer_places').where('id', '=', offer.id).executeTakeFirstOrThrow()).employer_places).toBe(
      10,
    );

    // The database holds the sum, whatever code writes.
    await expect(
      t.deps.db.insertInto('holiday_employer_quotas').values({ offer_id: offer.id, organization_id: other.id, places: 1 }).execute(),
    ).rejects.toThrow();
    await expect(t.deps.db.updateTable('holiday_offers').set({ places: 9 }).where('id', '=', offer.id).execute()).rejects.toThrow();

    const released = await editor.visitor.submit(page, `${page}/arbeitgeber/${employer.id}/freigeben`, {});
    expect(released.statusCode).toBe(303);
    expect((await t.deps.db.selectFrom('holiday_offers').select('employer_places').where('id', '=', offer.id).executeTakeFirstOrThrow()).employer_places).toBe(
      0,
    );
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'details']).where('subject_id', '=', offer.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['holidays.employer_places_set', 'holidays.employer_places_set', 'holidays.employer_places_removed']);

    // Only editors; and not once the offer is no longer approved.
    const provider = await signedInVisitor(t, 'provider');
    expect((await provider.visitor.submit('/ferien', reserve, { employerOrganization: employer.id, employerPlaces: '2' })).statusCode).toBe(403);
    await t.deps.db.updateTable('holiday_offers').set({ status: 'cancelled' }).where('id', '=', offer.id).execute();
    const closed = await editor.visitor.get(page);
    expect(closed.body).toContain('Plätze für Arbeitgeber lassen sich nur bei freigegebenen Angeboten und nur vor der Verlosung reservieren oder ändern.');
    expect((await editor.visitor.submit(page, reserve, { employerOrganization: employer.id, employerPlaces: '2' })).statusCode).toBe(422);
  });

  it('takes the employer’s code on the wish list, refuses a code it does not know, and says what the code means', async () => {
    const { season, offer, employer, editor } = await editorAndOffer(10);
    const org = await buildHolidayOrganization(t);
    const elsewhere = await buildHolidayOffer(t, season.id, org.id, { title: 'Kunstwerkstatt', first_day: '2027-07-19', last_day: '2027-07-23' });
    await editor.visitor.submit(offerPage(season.id, offer.id), `${offerPage(season.id, offer.id)}/arbeitgeber`, {
      employerOrganization: employer.id,
      employerPlaces: '3',
    });
    const code = await codeOf(season.id, employer.id);
    const { visitor, user } = await signedInVisitor(t);
    const child = await buildChild(t, user.id);
    const form = `/ferien/wuensche/${child.id}`;
    expect((await visitor.get(form)).body).toContain('Code Ihres Arbeitgebers (freiwillig)');

    const unknown = await visitor.submit(form, form, { wish1: offer.id, maxPlaces: '1', employerCode: 'AAAAA-BBBBB' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain('Diesen Code eines Arbeitgebers gibt es in dieser Ferienzeit nicht.');
    const malformed = await visitor.submit(form, form, { wish1: offer.id, maxPlaces: '1', employerCode: 'klinik' });
    expect(malformed.statusCode).toBe(422);

    const elsewhereOnly = await visitor.submit(form, form, { wish1: elsewhere.id, maxPlaces: '1', employerCode: code.toLowerCase() });
    expect(elsewhereOnly.statusCode).toBe(200);
    expect(elsewhereOnly.body).toContain(`${employer.name} hat für keinen Ihrer Wünsche Plätze reserviert.`);
    expect(elsewhereOnly.body).toContain('Zirkuswoche');

    const check = await visitor.submit(form, form, { wish1: offer.id, wish2: elsewhere.id, maxPlaces: '1', employerCode: code });
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain(`Für 1 Ihrer Wünsche hat ${employer.name} Plätze reserviert.`);
    expect(check.body).toContain(`${code} (${employer.name})`);
    const sent = await visitor.post(`${form}/absenden`, {
      _csrf: /name="_csrf" value="([^"]+)"/.exec(check.body)![1]!,
      wish1: offer.id,
      wish2: elsewhere.id,
      maxPlaces: '1',
      employerCode: code,
    });
    expect(sent.statusCode).toBe(303);
    const list = await t.deps.db.selectFrom('holiday_wish_lists').select('employer_id').where('child_id', '=', child.id).executeTakeFirstOrThrow();
    expect(list.employer_id).toBe(employer.id);
    expect((await visitor.get(form)).body).toContain(`value="${code}"`);
    // The public offer page says how many places go to employees' children first.
    expect((await new Visitor(() => t.app).get(`/ferien/angebote/${offer.id}`)).body).toContain(
      '10 (davon 3 zuerst für Kinder von Beschäftigten eines Arbeitgebers)',
    );
  });

  it('gives the reserved places to the employees’ children first in the lottery, publishes them and the verifier agrees', async () => {
    const org = await buildHolidayOrganization(t);
    const seed = 'arbeitgeber-plaetze-2027';
    const season = await buildSeason(t, { phase: 'allocation', seed_hash: seedHash(seed) });
    const offer = await buildHolidayOffer(t, season.id, org.id, { places: 3 });
    const employer = await buildHolidayOrganization(t, 'Klinikum Verlosung (Test)');
    await t.deps.db.insertInto('holiday_employer_quotas').values({ offer_id: offer.id, organization_id: employer.id, places: 2 }).execute();
    const parents = await Promise.all(Array.from({ length: 8 }, () => signedInVisitor(t)));
    const children = [];
    for (const [i, parent] of parents.entries()) {
      const child = await buildChild(t, parent.user.id);
      children.push(child);
      const list = await t.deps.db
        .insertInto('holiday_wish_lists')
        .values({ season_id: season.id, child_id: child.id, max_places: 1, employer_id: i < 2 ? employer.id : null, submitted_at: new Date() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await t.deps.db.insertInto('holiday_wishes').values({ wish_list_id: list.id, offer_id: offer.id, rank: 1 }).execute();
    }
    const { user: admin } = await signedInVisitor(t, 'admin');
    const actor: Actor = { id: admin.id, role: 'admin', email: admin.email, displayName: admin.display_name };
    await confirmRun(t.deps, actor, season.id, seed);

    const placed = (await t.deps.db.selectFrom('holiday_places').select('child_id').where('offer_id', '=', offer.id).execute()).map((p) => p.child_id);
    expect(placed).toHaveLength(3);
    expect(placed).toEqual(expect.arrayContaining([children[0]!.id, children[1]!.id]));

    const body = (await new Visitor(() => t.app).get(`/api/v1/ferien/saisons/${season.id}/verlosung`)).body;
    expect(body).not.toContain(children[0]!.id);
    const doc = JSON.parse(body) as LotteryPublication;
    expect(doc.format).toBe('familienrathaus/ferien-verlosung/2');
    expect(doc.angebote[0]!.arbeitgeberPlaetze).toEqual([{ arbeitgeber: employer.id, plaetze: 2 }]);
    expect(doc.einheiten.filter((u) => u.arbeitgeber === employer.id)).toHaveLength(2);
    expect(doc.ergebnis.plaetze.filter((p) => p.arbeitgeber)).toHaveLength(2);
    expect(verifyPublication(doc)).toMatchObject({ ok: true });

    // Whoever moves the employer's places in the published file is found out.
    const without = structuredClone(doc);
    delete without.angebote[0]!.arbeitgeberPlaetze;
    expect(verifyPublication(without).ok).toBe(false);
    // A document of the first format (no employer places) still recomputes as before.
    const older = structuredClone(doc);
    older.format = 'familienrathaus/ferien-verlosung/1';
    expect(verifyPublication(older).ok).toBe(true);
  });
});
