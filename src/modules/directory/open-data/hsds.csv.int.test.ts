import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.js';
import { csvHeader } from './hsds.csv.js';
import { publishFixture, type Fixture } from '../../../../test/support/hsds-fixtures.js';

const t = useTestApp();
let f: Fixture;

beforeAll(async () => {
  f = await publishFixture(t);
});

/** RFC 4180 with semicolons, as a spreadsheet reads it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('GET /angebote.csv', () => {
  it('exports one row per service and location, UTF-8 with BOM, semicolons, quoted and formula-safe', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/angebote.csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('angebote.csv');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parseCsv(res.body.replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual(csvHeader);
    for (const row of rows) expect(row).toHaveLength(csvHeader.length);
    const byName = (name: string) => Object.fromEntries(csvHeader.map((h, i) => [h, rows.find((r) => r[1] === name)![i]]));

    expect(rows.map((r) => r[1]).slice(1)).toEqual(['Elterntelefon', 'Kinderärztliche Sprechstunde', 'Schwimmkurs Seepferdchen']);
    expect(byName('Kinderärztliche Sprechstunde')).toMatchObject({
      'Angebot-ID': f.sprechstunde.id,
      Träger: 'Kinderärzte am Kurpark',
      Themen: 'Gesundheit & Kinderärzte',
      Stadtbezirke: 'Heessen',
      Standort: 'Praxis am Kurpark',
      'Standort-ID': f.praxis.id,
      Adresse: 'Teststraße 1',
      PLZ: '59065',
      Telefon: '02381 123458',
      'E-Mail': 'termin@kurpark.example',
      Webseite: 'https://kurpark.example/sprechstunde',
      Sprachen: 'Deutsch, Türkisch',
      Kostenlos: 'ja',
      Barrierefrei: 'ja',
      Mindestalter: '0',
      Höchstalter: '17',
      'Zuletzt geprüft': '2026-10-01',
    });
    // The description starts like a formula: defused with an apostrophe, its quotes, semicolon and line break kept.
    expect(byName('Schwimmkurs Seepferdchen')).toMatchObject({
      Beschreibung: '\'=HYPERLINK("http://evil.example") Schwimmen lernen; mit "Spaß"\nfür Kinder ab 5.',
      Kostenlos: 'nein',
      Barrierefrei: 'nein',
      'Zuletzt geprüft': '2026-03-15',
    });
    // A service without a location still gets its row.
    expect(byName('Elterntelefon')).toMatchObject({ Standort: '', Adresse: '', Kostenlos: 'ja' });
  });
});
