import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.js';
import { errorsOf, hsdsValidators, precompile, type CompiledName } from '../../../../test/support/hsds-validators.js';
import { importHsdsPackage } from './hsds.import.js';
import { wordsOf } from './hsds.validate.js';
import { hsdsMessages } from './hsds.messages.js';
import { seedDirectory } from '../seed/index.js';

/** The whole demo directory, as the API serves it, against the HSDS schemas; and back in as an import package. */

const t = useTestApp();
const open = hsdsValidators({ closed: false });
const closed = hsdsValidators({ closed: true });

async function everything(url: string): Promise<any[]> {
  const all: any[] = [];
  for (let page = 1; ; page++) {
    const res = await t.app.inject({ method: 'GET', url: `${url}${url.includes('?') ? '&' : '?'}per_page=100&page=${page}` });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const body = res.json();
    all.push(...body.contents);
    if (body.last_page) return all;
  }
}

function expectAllValid(name: CompiledName, items: any[]) {
  expect(items.length).toBeGreaterThan(0);
  for (const validators of [open, closed]) {
    const validate = validators.compiled(name);
    const failures = items.filter((item) => !validate(item)).slice(0, 3);
    expect(failures.map((item) => (validate(item), `${item.name ?? item.id}: ${errorsOf(validate)}`)).join('\n\n')).toBe('');
  }
}

beforeAll(async () => {
  for (const validators of [open, closed]) precompile(validators, ['service', 'organization', 'service_at_location']);
  await seedDirectory(t.deps);
}, 120_000);

describe('the demo directory as open data', () => {
  it('validates every service', async () => {
    const services = await everything('/api/hsds/services?full=true');
    expect(services.length).toBeGreaterThanOrEqual(150);
    expectAllValid('service', services);
  });

  it('validates every organization', async () => {
    expectAllValid('organization', await everything('/api/hsds/organizations?full=true&full_service=true'));
  });

  it('validates every service_at_location', async () => {
    expectAllValid('service_at_location', await everything('/api/hsds/service_at_locations?full=true'));
  });

  it('passes the import checks when exported and imported again', async () => {
    const organizations = await everything('/api/hsds/organizations?full=true');
    const pkg = {
      organizations: organizations.map(({ locations: _l, services: _s, ...o }) => o),
      locations: organizations.flatMap((o) => o.locations),
      services: await everything('/api/hsds/services?full=true'),
    };
    const words = hsdsMessages('de');
    const result = await importHsdsPackage(t.deps.db, pkg, { authorId: null, dryRun: true, source: 'cli' });
    expect(
      result.ok
        ? ''
        : result.problems
            .slice(0, 5)
            .map((p) => Object.values(wordsOf(p, words)).join(' · '))
            .join('\n'),
    ).toBe('');
    expect(result.ok && result.counts.services).toEqual({ created: 0, updated: pkg.services.length });
  });
});
