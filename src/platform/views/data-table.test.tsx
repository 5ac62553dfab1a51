import { describe, expect, it } from 'vitest';
import { DataTable } from './data-table.js';

interface Offer {
  title: string;
  places: number;
}
const rows: Offer[] = [
  { title: 'Zirkus <Sommer> & Spiel', places: 20 },
  { title: 'Kanu-Tage', places: 8 },
];

const render = async (props: Partial<Parameters<typeof DataTable<Offer>>[0]> = {}) =>
  await (
    <DataTable
      caption="Angebote der Saison"
      rows={rows}
      columns={[
        { header: 'Angebot', text: (o) => o.title, rowHeader: true },
        { header: 'Plätze', text: (o) => String(o.places), numeric: true },
        { header: 'Aktion', html: (o) => <a href={`/angebote/${o.places}`}>Öffnen</a> },
      ]}
      {...props}
    />
  );

describe('the data table', () => {
  it('names each row by its header cell and escapes text', async () => {
    const html = await render();
    expect(html).toContain('<caption class="kern-title">Angebote der Saison</caption>');
    expect(html).toContain('<th scope="row" class="kern-table__header">Zirkus &lt;Sommer> &amp; Spiel</th>');
    expect(html).toContain('<td class="kern-table__cell kern-table__cell--numeric">20</td>');
    expect(html).toContain('<td class="kern-table__cell"><a href="/angebote/8">Öffnen</a></td>');
    expect(html.match(/<tr /g)).toHaveLength(3);
  });

  it('scrolls by keyboard on a narrow screen, as a named region when a heading names it', async () => {
    expect(await render()).toMatch(/^<div class="table-scroll" tabindex="0">/);
    expect(await render({ labelledBy: 'offers-heading', captionHidden: true })).toMatch(
      /^<div class="table-scroll" tabindex="0" role="region" aria-labelledby="offers-heading"><table class="kern-table"><caption class="visually-hidden">/,
    );
  });
});
