import { createHash } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.js';
import { addDays, addMonths, todayIn } from '../../platform/time/berlin.js';
import { inCatalogueOrder } from './employers.catalogue.js';
import type { EmployerData } from './employers.types.js';
import { certificatesOf, demoEmployers, unconfirmedDemo } from './seed/demo-employers.js';
import { morePlaces } from './seed/demo-places.js';
import { demoStories } from './seed/demo-stories.js';

/**
 * Fictional demo data: about 40 employers in the city (hospitals, a care service, craft businesses,
 * the city administration and more) with measures, certificates and places, and three good-practice
 * stories, among them the hospitals' shared emergency childcare. The places seeded by the places
 * module belong to some of these organisations already; more are added here. Two profiles were last
 * confirmed more than a year ago, so "unbestätigt" shows. Runs once. The data is in seed/.
 */

/** A stable id per demo place, so a second seed finds it again. */
const demoId = (key: string) => {
  const h = createHash('sha1').update(`employers-demo:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

export async function seedEmployersDemo(deps: Pick<AppDeps, 'db' | 'city'>): Promise<boolean> {
  const { db, city } = deps;
  if (await db.selectFrom('employer_profiles').select('organization_id').limit(1).executeTakeFirst()) return false;
  const today = todayIn(new Date());
  const named = (name: string) => name.replace('{city}', city.name);
  await db.transaction().execute(async (trx) => {
    const ids = new Map<string, string>();
    for (const [raw, sector, size, districts, measures, certificates, summary] of demoEmployers) {
      const name = named(raw);
      const found = await trx.selectFrom('organizations').select('id').where('name', '=', name).executeTakeFirst();
      const org =
        found ??
        (await trx
          .insertInto('organizations')
          .values({ name, kind: sector === 'public' ? 'city' : 'provider' })
          .returning('id')
          .executeTakeFirstOrThrow());
      ids.set(raw, org.id);
      const slug = name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
      const data: EmployerData = {
        name,
        sector,
        size,
        districts: districts.map((i) => city.districts[i % city.districts.length]!).filter((d, i, all) => all.indexOf(d) === i),
        summary,
        measures: inCatalogueOrder(measures.split(' ')),
        certificates: certificatesOf(certificates),
        website: `https://${slug}.example`,
        logo_id: null,
        contact_name: size === 'micro' ? null : 'Personalabteilung (Demo)',
        contact_email: `familie@${slug}.example`,
        contact_phone: null,
      };
      const confirmed = unconfirmedDemo.has(raw) ? (addMonths(today, -14) ?? today) : addDays(today, -((data.name.length * 7) % 200));
      await trx
        .insertInto('employer_profiles')
        .values({
          organization_id: org.id,
          sector: data.sector,
          size: data.size,
          districts: data.districts,
          summary: data.summary,
          measures: data.measures,
          certificates: JSON.stringify(data.certificates),
          website: data.website,
          contact_name: data.contact_name,
          contact_email: data.contact_email,
          contact_phone: data.contact_phone,
          measures_confirmed_on: confirmed,
        })
        .execute();
      // The first version, as if it had been reviewed: the history starts here.
      await trx
        .insertInto('revisions')
        .values({
          entity_type: 'employer',
          entity_id: org.id,
          organization_id: org.id,
          version: 1,
          status: 'published',
          data: JSON.stringify(data),
          author_id: null,
        })
        .execute();
    }
    for (const [n, p] of morePlaces.entries()) {
      const organizationId = ids.get(p.employer)!;
      const id = demoId(`${p.employer}:${p.title}`);
      const start = addMonths(`${today.slice(0, 7)}-01`, p.months) ?? today;
      const place = {
        id,
        kind: p.kind,
        title: p.title,
        occupation: p.occupation,
        field: p.field,
        certificate: p.kind === 'dual_study' ? ('abitur' as const) : ('hauptschule' as const),
        start_date: start,
        part_time: p.partTime,
        positions: 1 + (n % 3),
        description: p.description,
        how_to_apply: 'Schick uns deinen Lebenslauf und dein letztes Zeugnis per E-Mail.',
        district: city.districts[n % city.districts.length] ?? null,
        contact_name: null,
        contact_email: `ausbildung-${n + 1}@arbeitgeber.example`,
        contact_phone: null,
      };
      await trx
        .insertInto('places')
        .values({ ...place, organization_id: organizationId })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      await trx
        .insertInto('revisions')
        .values({
          entity_type: 'place',
          entity_id: id,
          organization_id: organizationId,
          version: 1,
          status: 'published',
          data: JSON.stringify(place),
          author_id: null,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    for (const s of demoStories) {
      await trx
        .insertInto('employer_stories')
        .values({
          slug: s.slug,
          title: s.title,
          organization_id: ids.get(s.employer) ?? null,
          sector: s.sector,
          measures: s.measures,
          problem: s.problem,
          solution: s.solution,
          cost: s.cost,
          effect: s.effect,
          contact_name: s.contact[0],
          contact_email: s.contact[1],
          contact_phone: s.contact[2],
          published_at: new Date(),
        })
        .execute();
    }
  });
  return true;
}
