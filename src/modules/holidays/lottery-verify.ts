import { Value } from '@sinclair/typebox/value';
import { seedHash } from './allocation-rng.js';
import { type AllocationOffer, allocateUnits, type LotteryUnit } from './allocation.js';
import { type LotteryPublication, LotteryPublicationSchema } from './lottery-publication.js';

/**
 * Recomputes a published lottery with the portal's own allocation code and compares: the seed
 * against its published hash, then the round-1 order, every place and every waiting list.
 * Used by scripts/verify-holiday-lottery.ts; anyone can run it on the downloaded file.
 */

export interface Verdict {
  ok: boolean;
  /** Plain German sentences, one per finding. */
  problems: string[];
  /** Counts for the report when everything matched. */
  counts?: { units: number; places: number; waiting: number };
}

const line = (value: unknown) => JSON.stringify(value);

type PublishedPlace = LotteryPublication['ergebnis']['plaetze'][number];
/** A place as one comparable line; `arbeitgeber` only when true, so format-1 places read as before. */
const placeLine = (p: Omit<PublishedPlace, 'arbeitgeber'> & { arbeitgeber?: boolean }) =>
  line({
    kennung: p.kennung,
    mitglied: p.mitglied,
    angebot: p.angebot,
    runde: p.runde,
    schritt: p.schritt,
    reserviert: p.reserviert,
    ...(p.arbeitgeber ? { arbeitgeber: true } : {}),
  });

/** Checks a parsed publication (any JSON value). */
export function verifyPublication(document: unknown): Verdict {
  if (!Value.Check(LotteryPublicationSchema, document)) {
    const first = [...Value.Errors(LotteryPublicationSchema, document)][0];
    return { ok: false, problems: [`Die Datei hat nicht das erwartete Format (${first ? `${first.path || '/'}: ${first.message}` : 'unbekannt'}).`] };
  }
  const doc: LotteryPublication = document;
  const problems: string[] = [];
  if (seedHash(doc.zufallswert) !== doc.zufallswertHash) problems.push('Der Zufallswert passt nicht zum vorher veröffentlichten Hash.');

  const offers: AllocationOffer[] = doc.angebote.map((o) => ({
    id: o.id,
    places: o.plaetze,
    minAge: o.alterVon,
    maxAge: o.alterBis,
    firstDay: o.ersterTag,
    lastDay: o.letzterTag,
    dailyFrom: o.taeglichVon,
    dailyUntil: o.taeglichBis,
    ...(o.arbeitgeberPlaetze ? { employerPlaces: Object.fromEntries(o.arbeitgeberPlaetze.map((e) => [e.arbeitgeber, e.plaetze])) } : {}),
  }));
  const memberId = (unit: string, n: number) => `${unit}/${n}`;
  const units: LotteryUnit[] = doc.einheiten.map((u) => ({
    key: u.kennung,
    members: u.mitglieder.map((m, i) => ({ id: memberId(u.kennung, i + 1), priority: m.vorrang })),
    maxPlaces: u.hoechstensPlaetze,
    wishes: u.wuensche,
    employer: u.arbeitgeber ?? null,
  }));
  const result = allocateUnits({ offers, units, settings: { reservedShare: doc.einstellungen.reservierterAnteil }, seed: doc.zufallswert });

  const recomputed = {
    order: result.order,
    places: result.placements.map((p) => {
      const [unit, n] = p.childId.split('/') as [string, string];
      return placeLine({
        kennung: unit,
        mitglied: Number(n),
        angebot: p.offerId,
        runde: p.round,
        schritt: p.step,
        reserviert: p.reserved,
        arbeitgeber: p.employer,
      });
    }),
    waiting: result.waitingLists.map((w) => line({ angebot: w.offerId, position: w.position, kennung: (w.childIds[0] as string).split('/')[0] })),
  };
  const published = {
    order: doc.ergebnis.reihenfolge,
    places: doc.ergebnis.plaetze.map(placeLine),
    waiting: doc.ergebnis.wartelisten.map((w) => line({ angebot: w.angebot, position: w.position, kennung: w.kennung })),
  };
  if (line(recomputed.order) !== line(published.order)) problems.push('Die Reihenfolge der ersten Runde weicht ab.');
  compareLists('Platz', published.places, recomputed.places, problems);
  compareLists('Wartelistenplatz', published.waiting, recomputed.waiting, problems);
  return problems.length
    ? { ok: false, problems }
    : { ok: true, problems, counts: { units: units.length, places: result.placements.length, waiting: result.waitingLists.length } };
}

function compareLists(what: string, published: string[], recomputed: string[], problems: string[]): void {
  const remaining = new Map<string, number>();
  for (const item of recomputed) remaining.set(item, (remaining.get(item) ?? 0) + 1);
  const extra: string[] = [];
  for (const item of published) {
    const n = remaining.get(item) ?? 0;
    if (n > 0) remaining.set(item, n - 1);
    else extra.push(item);
  }
  const missing = [...remaining].flatMap(([item, n]) => Array.from({ length: n }, () => item));
  for (const item of extra.slice(0, 20)) problems.push(`${what} veröffentlicht, aber nicht nachgerechnet: ${item}`);
  for (const item of missing.slice(0, 20)) problems.push(`${what} nachgerechnet, aber nicht veröffentlicht: ${item}`);
  const hidden = Math.max(0, extra.length - 20) + Math.max(0, missing.length - 20);
  if (hidden) problems.push(`Weitere Abweichungen bei „${what}“: ${hidden}`);
}
