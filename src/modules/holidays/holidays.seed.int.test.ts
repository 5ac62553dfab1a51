import { describe, expect, it } from 'vitest';
import { useTestApp, Visitor } from '../../../test/support/app.js';
import { seedDemoModules } from '../../platform/modules/install.js';
import { seedHolidayDemo as seedHolidays } from './holidays.seed.js';

const t = useTestApp();

describe('holidays demo seed', () => {
  it('loads a season in the wish phase with 40 offers and the demo family’s children, once', async () => {
    await seedDemoModules(t.booted.modules);
    const season = await t.deps.db.selectFrom('holiday_seasons').selectAll().executeTakeFirstOrThrow();
    expect(season.phase).toBe('wishes');
    const offers = await t.deps.db.selectFrom('holiday_offers').select(['organization_id', 'status']).where('season_id', '=', season.id).execute();
    expect(offers).toHaveLength(40);
    expect(new Set(offers.map((o) => o.organization_id)).size).toBeGreaterThan(1);
    const family = await t.deps.db.selectFrom('users').select('id').where('email', '=', 'familie@familienrathaus.example').executeTakeFirstOrThrow();
    expect(await t.deps.db.selectFrom('holiday_children').select('first_name').where('parent_id', '=', family.id).execute()).toHaveLength(2);
    expect(await seedHolidays(t.deps)).toBe(false);
    expect(await t.deps.db.selectFrom('holiday_offers').select('id').execute()).toHaveLength(40);
    const page = await new Visitor(() => t.app).get('/ferien');
    expect(page.body).toContain('Sommerferien 2027');
    expect(page.body).toContain('Zirkuswoche');
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/ferien/angebote' });
    expect(api.statusCode).toBe(200);
    const json = api.json();
    expect(json.saison.phase).toBe('wishes');
    expect(json.angebote).toHaveLength(40);
    const openapi = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(openapi.paths['/api/v1/ferien/angebote'].get.summary).toContain('Ferienangebote');
    expect(json.angebote[0]).toMatchObject({ freiePlaetze: expect.any(Number), preisCent: expect.any(Number) });
  });
});
