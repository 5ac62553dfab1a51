import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';
import { buildOrganization } from '../../../test/support/directory.js';
import { editAndSend, memberOf } from '../../../test/support/directory-workflow.js';
import { buildHolidayOffer, buildHolidayOrganization, buildSeason } from '../../../test/support/holidays.js';
import { employerPaths } from './employers.paths.js';
import { seedEmployerHolidayCareDemo } from './seed/demo-holiday-care.js';

const t = useTestApp();

const profile = {
  sector: 'health',
  size: 'large',
  summary: 'Krankenhaus mit Schichtdienst.',
  m_family_shifts: 'ja',
  contact_email: 'familie@klinik.example',
};

describe('holiday care for employees’ children on the employer’s pages', () => {
  it('lists the offers the employer reserved places in under "Ferienbetreuung", and shows the code to its members only', async () => {
    const org = await buildOrganization(t, { name: 'Klinik am See (Test)' });
    await t.deps.db.updateTable('organizations').set({ trusted: true }).where('id', '=', org.id).execute();
    const member = await memberOf(t, org.id);
    await editAndSend(member.visitor, employerPaths.edit(org.id), profile);

    // Before any reservation: the measure is not there, the overview says whom to ask.
    const before = await new Visitor(() => t.app).get(employerPaths.employer(org.id));
    expect(before.body).not.toContain('Ferienbetreuung für Kinder der Beschäftigten');
    expect((await member.visitor.get(employerPaths.organization(org.id))).body).toContain('Ihr Betrieb hat noch keine Plätze in Ferienangeboten reserviert.');

    const provider = await buildHolidayOrganization(t);
    const season = await buildSeason(t, { name: 'Sommerferien 2027 (Klinik)' });
    const offer = await buildHolidayOffer(t, season.id, provider.id, { title: 'Zirkuswoche am See', first_day: '2027-07-19', last_day: '2027-07-23' });
    await t.deps.db.insertInto('holiday_employer_quotas').values({ offer_id: offer.id, organization_id: org.id, places: 3 }).execute();
    await t.deps.db.insertInto('holiday_employer_codes').values({ season_id: season.id, organization_id: org.id, code: 'KLNK2-SEE34' }).execute();

    const page = await new Visitor(() => t.app).get(employerPaths.employer(org.id));
    expect(page.body).toContain('Ferienbetreuung für Kinder der Beschäftigten');
    expect(page.body).toContain(`href="/ferien/angebote/${offer.id}"`);
    expect(page.body).toContain('Zirkuswoche am See (19.07.2027 bis 23.07.2027): 3 Plätze für Kinder der Beschäftigten');
    expect(page.body).not.toContain('KLNK2-SEE34');

    const overview = await member.visitor.get(employerPaths.organization(org.id));
    expect(overview.body).toContain('Code für Sommerferien 2027 (Klinik): KLNK2-SEE34');
    expect(overview.body).toContain('Geben Sie den Code Ihren Beschäftigten weiter');
    const stranger = await memberOf(t, (await buildOrganization(t, { name: 'Andere Klinik (Test)' })).id);
    expect((await stranger.visitor.get(employerPaths.organization(org.id))).statusCode).toBe(403);

    // In Turkish, the offer's title stays as written, the sentence around it is Turkish.
    const turkish = new Visitor(() => t.app);
    turkish.cookies.set('frh_lang', 'tr');
    expect((await turkish.get(employerPaths.employer(org.id))).body).toContain('çalışanların çocukları için 3 yer');
  });

  it('demo data: two employers reserve places in the demo season, once', async () => {
    const clinic = await buildHolidayOrganization(t, 'Klinikum Lippeaue (Demo)');
    const provider = await buildHolidayOrganization(t);
    const season = await buildSeason(t);
    const circus = await buildHolidayOffer(t, season.id, provider.id, { title: 'Zirkuswoche', places: 12 });
    expect(await seedEmployerHolidayCareDemo(t.deps)).toBe(true);
    expect(await seedEmployerHolidayCareDemo(t.deps)).toBe(false);
    const quotas = await t.deps.db.selectFrom('holiday_employer_quotas').selectAll().where('organization_id', '=', clinic.id).execute();
    expect(quotas.map((q) => [q.offer_id, q.places])).toEqual([[circus.id, 4]]);
    const code = await t.deps.db.selectFrom('holiday_employer_codes').select('code').where('organization_id', '=', clinic.id).executeTakeFirstOrThrow();
    expect(code.code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
  });
});
