/**
 * Recomputes a published holiday lottery and compares it with the published result.
 *
 *   npx tsx scripts/verify-holiday-lottery.ts verlosung.json
 *   npx tsx scripts/verify-holiday-lottery.ts https://<portal>/api/v1/ferien/saisons/<id>/verlosung
 *
 * Exit code 0: the result follows from the published inputs and seed; 1: it does not; 2: the file
 * could not be read. Uses the same allocation code as the portal (src/modules/holidays/allocation.ts).
 */
import { readFile } from 'node:fs/promises';
import { verifyPublication } from '../src/modules/holidays/lottery-verify.js';

async function load(source: string): Promise<unknown> {
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source);
    if (!response.ok) throw new Error(`${source} antwortet mit ${response.status}`);
    return response.json();
  }
  return JSON.parse(await readFile(source, 'utf8'));
}

async function main(): Promise<number> {
  const source = process.argv[2];
  if (!source) {
    console.error('Aufruf: npx tsx scripts/verify-holiday-lottery.ts <Datei oder Adresse der Verlosung>');
    return 2;
  }
  let document: unknown;
  try {
    document = await load(source);
  } catch (error) {
    console.error(`Die Verlosung ließ sich nicht lesen: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const verdict = verifyPublication(document);
  if (!verdict.ok) {
    console.log('NICHT BESTÄTIGT: Das veröffentlichte Ergebnis folgt nicht aus den veröffentlichten Eingaben.');
    for (const problem of verdict.problems) console.log(`- ${problem}`);
    return 1;
  }
  const { units, places, waiting } = verdict.counts!;
  console.log('BESTÄTIGT: Das veröffentlichte Ergebnis folgt aus den Eingaben und dem Zufallswert.');
  console.log(`Einheiten: ${units}, vergebene Plätze: ${places}, Wartelistenplätze: ${waiting}`);
  return 0;
}

process.exitCode = await main();
