import { createHmac, randomBytes } from 'node:crypto';
import { type Static, Type } from '@sinclair/typebox';
import { employerPlacesOf, type AllocationOffer, type AllocationResult, type AllocationSettings, type LotteryUnit } from './allocation.js';

/**
 * The published lottery: everything needed to recompute a season's result, and the result itself,
 * without personal data. Children appear only as units with a pseudonym (HMAC-SHA256 of the unit's
 * key under a random per-run secret that is never published, so a pseudonym cannot be traced back),
 * their priority flags, their maximum and the unit's wishes as the lottery ranks them (rule 1 of
 * allocation.ts: offers every member wished for and fitting every member's age). Units are listed
 * in the order the shuffle starts from. Each family is told its own pseudonym.
 *
 * Format 2 adds the places employers reserve for their staff's children (rule 4 of allocation.ts):
 * per offer the employers (by organisation id, as on their public page) and their places, per unit
 * the employer whose places it may take, per place whether it was one of them. A format-1 document
 * has none of these and is recomputed as before.
 *
 * Keys are German like the other open data (`/api/v1/ferien/angebote`).
 */

export const publicationFormat = 'familienrathaus/ferien-verlosung/2';
const earlierFormat = 'familienrathaus/ferien-verlosung/1';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Minutes = Type.Integer({ minimum: 0, maximum: 1440, description: 'Minuten nach Mitternacht (Europe/Berlin)' });
const Pseudonym = Type.String({
  pattern: '^[A-Z2-9]{5}-[A-Z2-9]{5}$',
  description: 'Kennung einer Einheit (ein Kind oder Kinder mit gemeinsamem Gruppencode)',
});

export const LotteryPublicationSchema = Type.Object(
  {
    format: Type.Union([Type.Literal(publicationFormat), Type.Literal(earlierFormat)]),
    saison: Type.Object({ id: Type.String(), name: Type.String() }),
    verlostAm: Type.String({ description: 'Zeitpunkt der Verlosung (ISO 8601, UTC)' }),
    zufallswert: Type.String({ description: 'Der vorher mit seinem Hash festgelegte Zufallswert' }),
    zufallswertHash: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 des Zufallswerts, vor der Verlosung veröffentlicht' }),
    einstellungen: Type.Object({
      reservierterAnteil: Type.Number({
        minimum: 0,
        maximum: 1,
        description: 'Anteil der Plätze je Angebot, der in Runde 1 für Kinder mit Vorrang reserviert ist',
      }),
    }),
    angebote: Type.Array(
      Type.Object({
        id: Type.String(),
        titel: Type.String(),
        plaetze: Type.Integer({ minimum: 0 }),
        ersterTag: Day,
        letzterTag: Day,
        taeglichVon: Minutes,
        taeglichBis: Minutes,
        alterVon: Type.Integer(),
        alterBis: Type.Integer(),
        arbeitgeberPlaetze: Type.Optional(
          Type.Array(Type.Object({ arbeitgeber: Type.String(), plaetze: Type.Integer({ minimum: 1 }) }), {
            description: 'Plätze, die Arbeitgeber für Kinder ihrer Beschäftigten reserviert haben (Regel 4)',
          }),
        ),
      }),
    ),
    einheiten: Type.Array(
      Type.Object({
        kennung: Pseudonym,
        mitglieder: Type.Array(Type.Object({ vorrang: Type.Boolean() }), { minItems: 1 }),
        hoechstensPlaetze: Type.Integer({ minimum: 0 }),
        wuensche: Type.Array(Type.String(), { description: 'Angebots-IDs, bester Wunsch zuerst' }),
        arbeitgeber: Type.Optional(Type.String({ description: 'Arbeitgeber, dessen reservierte Plätze die Einheit nutzen kann' })),
      }),
      { description: 'In der Reihenfolge, in der das Mischen beginnt' },
    ),
    ergebnis: Type.Object({
      reihenfolge: Type.Array(Pseudonym, { description: 'Reihenfolge der ersten Runde' }),
      plaetze: Type.Array(
        Type.Object({
          kennung: Pseudonym,
          mitglied: Type.Integer({ minimum: 1, description: 'Nummer des Kindes in der Einheit (1, 2, …)' }),
          angebot: Type.String(),
          runde: Type.Integer({ minimum: 1 }),
          schritt: Type.Integer({ minimum: 1 }),
          reserviert: Type.Boolean(),
          arbeitgeber: Type.Optional(Type.Literal(true, { description: 'ein Platz, den ein Arbeitgeber reserviert hat' })),
        }),
      ),
      wartelisten: Type.Array(Type.Object({ angebot: Type.String(), position: Type.Integer({ minimum: 1 }), kennung: Pseudonym })),
    }),
  },
  { description: 'Eingaben und Ergebnis der Verlosung einer Saison, ohne personenbezogene Daten' },
);

export type LotteryPublication = Static<typeof LotteryPublicationSchema>;

const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** The pseudonym of a unit, e.g. "K7QX2-M9HD4": HMAC-SHA256(secret, unit key), 50 bits. */
export function pseudonymOf(secret: string, unitKey: string): string {
  const mac = createHmac('sha256', secret).update(`holiday-lottery-unit:${unitKey}`).digest();
  const chars = Array.from(mac.subarray(0, 10), (byte) => alphabet[byte % alphabet.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** A fresh random secret under which these unit keys get distinct pseudonyms. */
export function newPseudonymSecret(unitKeys: readonly string[]): string {
  for (;;) {
    const secret = randomBytes(32).toString('hex');
    if (new Set(unitKeys.map((key) => pseudonymOf(secret, key))).size === unitKeys.length) return secret;
  }
}

/** An offer's employer places as published: only where there are some, in employer-id order. */
function employerPlacesField(offer: AllocationOffer): { arbeitgeberPlaetze?: { arbeitgeber: string; plaetze: number }[] } {
  const places = [...employerPlacesOf(offer)].map(([arbeitgeber, plaetze]) => ({ arbeitgeber, plaetze }));
  return places.length ? { arbeitgeberPlaetze: places } : {};
}

export interface PublicationInput {
  season: { id: string; name: string };
  allocatedAt: Date;
  seed: string;
  seedHash: string;
  settings: AllocationSettings;
  offers: readonly (AllocationOffer & { title: string })[];
  units: readonly LotteryUnit[];
  result: AllocationResult;
  secret: string;
}

/** The published document of a run (units in the order given, which must be the shuffle's start). */
export function buildPublication(input: PublicationInput): LotteryPublication {
  const pseudonyms = new Map(input.units.map((u) => [u.key, pseudonymOf(input.secret, u.key)]));
  if (new Set(pseudonyms.values()).size !== pseudonyms.size) throw new Error('pseudonym collision: use newPseudonymSecret');
  const memberOf = new Map<string, { unit: string; n: number }>();
  for (const unit of input.units) unit.members.forEach((m, i) => memberOf.set(m.id, { unit: pseudonyms.get(unit.key) as string, n: i + 1 }));
  const unitOfChildren = (childIds: string[]) => memberOf.get(childIds[0] as string)?.unit as string;
  return {
    format: publicationFormat,
    saison: { id: input.season.id, name: input.season.name },
    verlostAm: input.allocatedAt.toISOString(),
    zufallswert: input.seed,
    zufallswertHash: input.seedHash,
    einstellungen: { reservierterAnteil: input.settings.reservedShare },
    angebote: input.offers.map((o) => ({
      id: o.id,
      titel: o.title,
      plaetze: o.places,
      ersterTag: o.firstDay,
      letzterTag: o.lastDay,
      taeglichVon: o.dailyFrom,
      taeglichBis: o.dailyUntil,
      alterVon: o.minAge,
      alterBis: o.maxAge,
      ...employerPlacesField(o),
    })),
    einheiten: input.units.map((u) => ({
      kennung: pseudonyms.get(u.key) as string,
      mitglieder: u.members.map((m) => ({ vorrang: m.priority })),
      hoechstensPlaetze: u.maxPlaces,
      wuensche: [...u.wishes],
      ...(u.employer ? { arbeitgeber: u.employer } : {}),
    })),
    ergebnis: {
      reihenfolge: input.result.order.map((key) => pseudonyms.get(key) as string),
      plaetze: input.result.placements.map((p) => {
        const member = memberOf.get(p.childId) as { unit: string; n: number };
        return {
          kennung: member.unit,
          mitglied: member.n,
          angebot: p.offerId,
          runde: p.round,
          schritt: p.step,
          reserviert: p.reserved,
          ...(p.employer ? { arbeitgeber: true as const } : {}),
        };
      }),
      wartelisten: input.result.waitingLists.map((w) => ({ angebot: w.offerId, position: w.position, kennung: unitOfChildren(w.childIds) })),
    },
  };
}
