import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.js';
import type { DirectoryEntity } from '../../../db/types.js';
import { loadCityProfile } from '../../../platform/city.js';
import type { HsdsService } from '../open-data/hsds.types.js';
import { buildDemoDirectory, seedDirectory } from '../seed/index.js';
import { diffEntries } from './workflow.diff.js';
import { paths } from './workflow.paths.js';
import * as repo from './workflow.repository.js';
import { editAndSend, formFields, memberOf } from '../../../../test/support/directory-workflow.js';

/**
 * Opening the edit form of an entry and saving it unchanged must not change the entry: every demo
 * organisation, location and service goes through the form as a browser would send it back.
 */

const t = useTestApp();

const city = loadCityProfile(new URL('../../../../city/hamm.json', import.meta.url).pathname);
const units = buildDemoDirectory({ city, today: new Date() });
beforeAll(async () => {
  expect(await seedDirectory(t.deps)).toBe(true);
});

describe('saving a demo entry unchanged keeps it exactly as it was, with nothing to review', () => {
  let editor: Awaited<ReturnType<typeof memberOf>>;
  let terms: Map<string, string>;
  beforeAll(async () => {
    editor = await memberOf(t, null, { role: 'editor' });
    terms = new Map((await repo.topicTerms(t.deps.db)).map((topic) => [topic.id, topic.name]));
  });

  it.each(units.map((unit) => [unit.organization.name, unit] as const))('%s with its locations and services', async (_name, unit) => {
    const orgId = unit.organization.id;
    const entries: [DirectoryEntity, string][] = [
      ['organization', orgId],
      ...unit.locations.map((l) => ['location', l.id] as [DirectoryEntity, string]),
      ...unit.services.map((s) => ['service', s.id] as [DirectoryEntity, string]),
    ];
    const locations = await repo.locationNames(t.deps.db, orgId);
    const failures: string[] = [];
    for (const [type, id] of entries) {
      const before = (await repo.findPublished(t.deps.db, type, id))?.hsds as { name?: string } | undefined;
      const label = `${type} ${before?.name ?? id}`;
      const { response } = await editAndSend(editor.visitor, paths.edit(type, orgId, id), {}, 'draft');
      if (response.statusCode !== 303) {
        failures.push(`${label}: ${response.statusCode} ${errorSummaryOf(response.body)}`);
        continue;
      }
      const after = (await repo.latestRevision(t.deps.db, type, id))?.data;
      const changes = diffEntries(type, before, after, { terms, locations, locale: 'de' });
      if (changes.length) failures.push(`${label}: ${changes.map((c) => `${c.field} ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`).join('; ')}`);
      expect(canonical(after), label).toEqual(canonical(before));
    }
    expect(failures).toEqual([]);
  });
});

describe('the prices of a demo entry with a Familienpass price', () => {
  const unit = units.find((u) => u.services.some((s) => s.name === 'Krabbelgruppe Sonnenkäfer'))!;
  const service = unit.services.find((s) => s.name === 'Krabbelgruppe Sonnenkäfer')!;
  const editUrl = () => paths.edit('service', unit.organization.id, service.id);
  const amounts = async () => {
    const data = (await repo.latestRevision(t.deps.db, 'service', service.id))?.data as HsdsService;
    return (data.cost_options ?? []).map((c) => [c.option, c.amount]);
  };

  it('shows the regular price as the price and the Familienpass price as the reduced one', async () => {
    const editor = await memberOf(t, null, { role: 'editor' });
    const page = await editor.visitor.get(editUrl());
    const fields = formFields(page.body, editUrl());
    expect([fields.price, fields.reducedPrice, fields.free]).toEqual(['30,00', '15,00', undefined]);
  });

  it('keeps both prices when only the text changes, and changes only the price that was changed', async () => {
    const editor = await memberOf(t, null, { role: 'editor' });
    const renamed = await editAndSend(editor.visitor, editUrl(), { name: 'Krabbelgruppe Sonnenkäfer am Morgen' }, 'draft');
    expect(renamed.response.statusCode).toBe(303);
    expect(await amounts()).toEqual([
      ['Normalpreis', 30],
      ['Mit Familienpass', 15],
    ]);
    const cheaper = await editAndSend(editor.visitor, editUrl(), { reducedPrice: '12' }, 'draft');
    expect(cheaper.response.statusCode).toBe(303);
    expect(await amounts()).toEqual([
      ['Regulärer Preis', 30],
      ['Ermäßigt mit Familienpass', 12],
    ]);
  });
});

const errorSummaryOf = (html: string) => (/kern-error-summary[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

/** The object with its keys sorted and undefined values dropped (as stored JSON has them). */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}
