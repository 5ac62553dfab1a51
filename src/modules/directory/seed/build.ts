import type { OrganizationKind } from '../../../db/types.js';
import type { CityProfile } from '../../../platform/city.js';
import { featureTerms, topics } from '../directory.taxonomy.js';
import type { HsdsAttribute, HsdsCostOption, HsdsLocation, HsdsOrganization, HsdsSchedule, HsdsService } from '../open-data/hsds.types.js';
import { hourPatterns, languageNames, languageWeights, postalCodes, streets, type CostSeed, type LocationSeed, type ServiceTemplate } from './catalogue.js';
import { createRandom, hash32, idsFor, slugOf, type Random } from './random.js';

/** Turns catalogue seeds into HSDS objects. Pure and deterministic: same input, same objects. */

export type SeedCity = Pick<CityProfile, 'name' | 'state' | 'districts' | 'districtCentres' | 'familyOffice'>;

export interface BuildContext {
  city: SeedCity;
  /** "Last checked" dates are spread over the 20 months before this day. */
  today: Date;
}

/** One organisation with everything it offers, in publishing order. */
export interface DirectoryUnit {
  kind: OrganizationKind;
  organization: HsdsOrganization;
  locations: HsdsLocation[];
  services: HsdsService[];
}

const topicIds = new Map(topics.map((t) => [t.code, t.id]));
const extraLanguages = Object.keys(languageWeights);

export const fill = (text: string, vars: { city: string; place?: string }): string =>
  text
    .replace(/\{city\}/g, vars.city)
    .replace(/\{place\}/g, vars.place ?? '')
    .replace(/\s+:/g, ':')
    .trim();

/** A fictional phone number: +49 2381 0000xxx (subscriber numbers starting with 0 are never assigned). */
export const phoneFor = (name: string): string => `+49 2381 0000${String(hash32(name) % 1000).padStart(3, '0')}`;

const euro = (amount: number): string => `${Number.isInteger(amount) ? String(amount) : amount.toFixed(2).replace('.', ',')} €`;

export function buildOrganization(
  ctx: BuildContext,
  input: { idBase: string; key: string; name: string; kind: OrganizationKind; legalStatus: string; description: string },
): HsdsOrganization {
  const id = idsFor(input.idBase);
  const vars = { city: ctx.city.name };
  const source =
    input.kind === 'city'
      ? `Haushalt der Stadt ${ctx.city.name}`
      : input.legalStatus.includes('Verein')
        ? `Zuschüsse der Stadt ${ctx.city.name}, Mitgliedsbeiträge und Spenden`
        : undefined;
  return {
    id: id('organization'),
    name: fill(input.name, vars),
    description: fill(input.description, vars),
    email: `${input.key}@example.org`,
    website: `https://www.example.org/${input.key}`,
    legal_status: input.legalStatus,
    phones: [{ id: id('phone'), number: phoneFor(input.idBase), type: 'voice' }],
    ...(source ? { funding: [{ id: id('funding'), source }] } : {}),
  };
}

export function buildLocation(ctx: BuildContext, input: { idBase: string; organizationId: string; seed: LocationSeed }): HsdsLocation {
  const id = idsFor(input.idBase);
  const random = createRandom(input.idBase);
  const { city } = ctx;
  const district = city.districts[input.seed.district % city.districts.length]!;
  const [lat, lon] = city.districtCentres[district] ?? [0, 0];
  const street = random.pick(streets);
  const barrierFree = input.seed.barrierFree ?? random.chance(0.4);
  const round = (n: number) => Math.round(n * 100000) / 100000;
  return {
    id: id('location'),
    location_type: 'physical',
    organization_id: input.organizationId,
    name: fill(input.seed.name, { city: city.name }),
    ...(input.seed.description ? { description: input.seed.description } : {}),
    transportation: `Bushaltestelle ${street}, etwa ${random.int(1, 6)} Minuten zu Fuß.`,
    latitude: round(lat + (random.next() - 0.5) * 0.016),
    longitude: round(lon + (random.next() - 0.5) * 0.024),
    addresses: [
      {
        id: id('address'),
        address_1: `${street} ${random.int(1, 120)}`,
        city: city.name,
        region: district,
        state_province: city.state,
        postal_code: random.pick(postalCodes[district] ?? [city.familyOffice.postalCode]),
        country: 'DE',
        address_type: 'physical',
      },
    ],
    phones: [{ id: id('phone'), number: phoneFor(input.idBase), type: 'voice' }],
    accessibility: [
      barrierFree
        ? {
            id: id('accessibility'),
            description: 'Stufenloser Zugang',
            details: 'Ebenerdiger Eingang oder Rampe, alle Räume ohne Stufen oder mit Aufzug, barrierefreies WC mit Wickeltisch.',
          }
        : {
            id: id('accessibility'),
            description: 'Nicht stufenlos',
            details: 'Stufen am Eingang und kein Aufzug. Rufen Sie uns vorher an, dann helfen wir Ihnen oder treffen Sie an einem anderen Ort.',
          },
    ],
    attributes: barrierFree ? [{ id: id('barrier-free'), taxonomy_term_id: featureTerms.barrierFree.id, value: 'true' }] : [],
  };
}

export interface ServiceInput {
  idBase: string;
  organizationId: string;
  organizationKey: string;
  kind: OrganizationKind;
  template: ServiceTemplate;
  name?: string;
  /** Where it is offered; none for hotlines. */
  locations: HsdsLocation[];
  /** `{place}` in the name. */
  place?: string;
}

export function buildService(ctx: BuildContext, input: ServiceInput): HsdsService {
  const { template, kind } = input;
  const id = idsFor(input.idBase);
  const random = createRandom(input.idBase);
  const vars = { city: ctx.city.name, place: input.place };
  const name = fill(input.name ?? template.name, vars);
  const languages = languagesFor(template, random);
  const citywide = template.citywide || input.locations.length === 0;
  const attributes: HsdsAttribute[] = template.topics.map((code) => ({ id: id(`topic/${code}`), taxonomy_term_id: topicIds.get(code)! }));
  if (template.easy) attributes.push({ id: id('easy-language'), taxonomy_term_id: featureTerms.easyLanguage.id, value: template.easy });
  if (template.leika && kind === 'city') attributes.push({ id: id('leika'), taxonomy_term_id: featureTerms.leika.id, value: template.leika });
  const hotline = input.locations.length === 0;
  const service: HsdsService = {
    id: id('service'),
    organization_id: input.organizationId,
    name,
    ...(template.alternate ? { alternate_name: template.alternate } : {}),
    description: fill(template.description, vars),
    url: `https://www.example.org/${input.organizationKey}/${slugOf(name)}`,
    email: `${input.organizationKey}@example.org`,
    status: 'active',
    ...(languages.length > 2
      ? { interpretation_services: 'Für weitere Sprachen organisieren wir auf Wunsch kostenlos eine Dolmetscherin oder einen Dolmetscher.' }
      : {}),
    application_process: fill(template.application, vars),
    fees_description: feesOf(template.cost ?? 'free', template.fees, ctx.city.name),
    eligibility_description: fill(template.eligibility ?? `Familien in {city}.`, vars),
    ...(template.ages ? { minimum_age: template.ages[0], maximum_age: template.ages[1] } : {}),
    assured_date: assuredDate(ctx.today, random),
    ...(template.alert ? { alert: template.alert } : {}),
    phones: [{ id: id('phone'), number: phoneFor(input.idBase), type: 'voice', ...(hotline ? { description: 'Kostenlos und auf Wunsch anonym.' } : {}) }],
    schedules: schedulesFor(template, random, id),
    ...(citywide ? { service_areas: ctx.city.districts.map((d) => ({ id: id(`area/${d}`), name: d, description: `Stadtbezirk ${d}` })) } : {}),
    languages: languages.map((code) => ({ id: id(`language/${code}`), code, name: languageNames[code] ?? code })),
    cost_options: costOptionsOf(template.cost ?? 'free', ctx.city.name, id),
    ...(template.documents?.length ? { required_documents: template.documents.map((document, i) => ({ id: id(`document/${i}`), document })) } : {}),
    attributes,
    service_at_locations: input.locations.map((l) => ({ id: id(`at/${l.id}`), location_id: l.id })),
  };
  return service;
}

/** German always; the template's languages; about half the services speak one to three more. */
function languagesFor(template: ServiceTemplate, random: Random): string[] {
  const fixed = template.languages ?? [];
  const extra = random.chance(0.45)
    ? random.sample(
        extraLanguages.filter((c) => !fixed.includes(c)),
        random.int(1, 3),
        (c) => languageWeights[c] ?? 1,
      )
    : [];
  return ['de', ...fixed, ...extra];
}

/** Most entries were checked within a year; some 12–18 months ago (reminder), some 18–20 (flagged). */
function assuredDate(today: Date, random: Random): string {
  const band = random.next();
  const daysAgo = band < 0.65 ? random.int(3, 360) : band < 0.87 ? random.int(370, 540) : random.int(552, 605);
  const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - daysAgo));
  return day.toISOString().slice(0, 10);
}

function schedulesFor(template: ServiceTemplate, random: Random, id: (part: string) => string): HsdsSchedule[] {
  const pattern = hourPatterns[template.hours];
  const shift = (time: string, minutes: number) => {
    const total = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) + minutes;
    return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
  };
  const [opensBy, closesBy] = pattern.vary ? [random.pick([-30, 0, 0, 30]), random.pick([-30, 0, 0, 30])] : [0, 0];
  const schedules: HsdsSchedule[] = pattern.slots.map(([byday, opens, closes], i) => ({
    id: id(`schedule/${i}`),
    freq: 'WEEKLY',
    byday,
    opens_at: shift(opens, opensBy),
    closes_at: shift(closes, closesBy),
    ...(i === 0 && pattern.description ? { description: pattern.description } : {}),
  }));
  if (schedules.length === 0 && pattern.description) schedules.push({ id: id('schedule/0'), description: pattern.description });
  return schedules;
}

function feesOf(cost: CostSeed, fees: string | undefined, city: string): string {
  if (fees) return fees;
  if (cost === 'free') return 'Kostenlos.';
  if (cost === 'insurance') return 'Für gesetzlich Versicherte kostenlos, die Krankenkasse bezahlt.';
  return `${euro(cost.amount)} ${cost.per}${cost.reduced !== undefined ? `; mit dem Familienpass der Stadt ${city} ${euro(cost.reduced)}` : ''}.`;
}

function costOptionsOf(cost: CostSeed, city: string, id: (part: string) => string): HsdsCostOption[] {
  if (cost === 'free') return [{ id: id('cost/free'), option: 'kostenlos', currency: 'EUR', amount: 0 }];
  if (cost === 'insurance') {
    return [
      {
        id: id('cost/free'),
        option: 'kostenlos',
        currency: 'EUR',
        amount: 0,
        amount_description: 'Die gesetzliche Krankenversicherung übernimmt die Kosten; privat Versicherte erhalten eine Rechnung.',
      },
    ];
  }
  const reducedNote = cost.reduced !== undefined ? `; mit Familienpass ${euro(cost.reduced)}` : '';
  const options: HsdsCostOption[] = [
    { id: id('cost/regular'), option: 'Normalpreis', currency: 'EUR', amount: cost.amount, amount_description: `${cost.per}${reducedNote}` },
  ];
  if (cost.reduced !== undefined) {
    options.push({
      id: id('cost/familienpass'),
      option: 'Mit Familienpass',
      currency: 'EUR',
      amount: cost.reduced,
      amount_description: `Ermäßigter Preis für Familien mit dem Familienpass der Stadt ${city} (${cost.per})`,
    });
  }
  return options;
}
