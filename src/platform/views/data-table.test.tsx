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

  it('sets a sum row in tfoot, after the body, with the same columns', async () => {
    const html = await render({
      columns: [
        { header: 'Angebot', text: (o) => o.title, rowHeader: true },
        { header: 'Plätze', text: (o) => String(o.places), numeric: true },
      ],
      footer: [{ title: 'Summe', places: 28 }],
    });
    expect(html).toContain(
      '</tbody><tfoot class="kern-table__footer"><tr class="kern-table__row"><th scope="row" class="kern-table__header">Summe</th><td class="kern-table__cell kern-table__cell--numeric">28</td></tr></tfoot></table>',
    );
    expect(html.match(/<tr /g)).toHaveLength(4);
    expect(await render()).not.toContain('<tfoot');
  });

  it('takes markup for a header cell and an id for the caption, so the caption can name the region', async () => {
    const html = await render({
      captionId: 'offers-caption',
      labelledBy: 'offers-caption',
      columns: [
        { header: 'Angebot', headerHtml: <abbr title="Angebot der Saison">Ang.</abbr>, text: (o) => o.title, rowHeader: true },
        { header: 'Plätze <frei>', text: (o) => String(o.places), numeric: true },
      ],
    });
    expect(html).toContain('role="region" aria-labelledby="offers-caption"><table class="kern-table"><caption class="kern-title" id="offers-caption">');
    expect(html).toContain('<th scope="col" class="kern-table__header"><abbr title="Angebot der Saison">Ang.</abbr></th>');
    expect(html).toContain('<th scope="col" class="kern-table__header kern-table__header--numeric">Plätze &lt;frei></th>');
  });
});
