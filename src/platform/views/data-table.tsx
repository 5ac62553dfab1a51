/**
 * The portal's one data table (KERN table classes), grown from the scroll wrapper: on a narrow screen
 * the table scrolls sideways instead of the page, and the wrapper takes keyboard focus so that works
 * without a mouse (axe: scrollable-region-focusable; WCAG 1.4.10 reflow).
 *
 * A column shows either `text` (escaped here) or `html` (an element the view built, already safe).
 * The column marked `rowHeader` names the row (`<th scope="row">`), so a screen reader announces
 * "Sommerfest, Plätze: 20" rather than a bare number.
 *
 * Optional, for the tables that need them:
 * - `headerHtml` on a column: markup for its header cell (e.g. `<abbr title="Montag">Mo</abbr>`).
 * - `captionId`: an id on the caption, so `labelledBy` can name the scroll region by the caption itself.
 * - `footer`: rows that sum up the body ("Summe"), set in `<tfoot>` with the same columns.
 */
export interface Column<Row> {
  /** Plain text, escaped. */
  header: string;
  /** Markup for the header cell, shown instead of `header` (an element the view built, already safe). */
  headerHtml?: JSX.Element;
  text?: (row: Row) => string;
  html?: (row: Row) => JSX.Element;
  rowHeader?: boolean;
  /** Figures: right-aligned, so digits line up. */
  numeric?: boolean;
}

export interface DataTableProps<Row> {
  /** What the table shows; read out before the table. Give `captionHidden` when a heading above already says it. */
  caption: string;
  captionHidden?: boolean;
  /** An id for the caption, e.g. for `labelledBy` when no heading names the table but its caption. */
  captionId?: string;
  /** The id of a heading naming the table's region (otherwise the caption names the table only). */
  labelledBy?: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  /** Rows summing up the body (a "Summe" row), in `<tfoot>` with the same columns. */
  footer?: readonly Row[];
  striped?: boolean;
  /** Extra classes for the table, e.g. a module's layout hook. */
  class?: string;
  /** For a row that needs an id or a class (a highlighted row); by index. */
  rowAttributes?: (row: Row, index: number) => { id?: string; class?: string };
}

function Cell<Row>({ column, row }: { column: Column<Row>; row: Row }): JSX.Element {
  if (column.rowHeader) {
    const cls = column.numeric ? 'kern-table__header kern-table__header--numeric' : 'kern-table__header';
    return column.html ? (
      <th scope="row" class={cls}>
        {column.html(row)}
      </th>
    ) : (
      <th scope="row" class={cls} safe>
        {column.text?.(row) ?? ''}
      </th>
    );
  }
  const cls = column.numeric ? 'kern-table__cell kern-table__cell--numeric' : 'kern-table__cell';
  return column.html ? (
    <td class={cls}>{column.html(row)}</td>
  ) : (
    <td class={cls} safe>
      {column.text?.(row) ?? ''}
    </td>
  );
}

function HeaderCell<Row>({ column }: { column: Column<Row> }): JSX.Element {
  const cls = column.numeric ? 'kern-table__header kern-table__header--numeric' : 'kern-table__header';
  const { headerHtml } = column;
  return headerHtml !== undefined ? (
    <th scope="col" class={cls}>
      {headerHtml}
    </th>
  ) : (
    <th scope="col" class={cls} safe>
      {column.header}
    </th>
  );
}

export function DataTable<Row>(props: DataTableProps<Row>): JSX.Element {
  const { caption, captionHidden, captionId, labelledBy, columns, rows, footer, striped, rowAttributes } = props;
  const tableClass = ['kern-table', striped ? 'kern-table--striped' : '', props.class ?? ''].filter(Boolean).join(' ');
  const table = (
    <table class={tableClass}>
      <caption class={captionHidden ? 'visually-hidden' : 'kern-title'} id={captionId} safe>
        {caption}
      </caption>
      <thead class="kern-table__head">
        <tr class="kern-table__row">
          {columns.map((column) => (
            <HeaderCell column={column} />
          ))}
        </tr>
      </thead>
      <tbody class="kern-table__body">
        {rows.map((row, index) => {
          const attributes = rowAttributes?.(row, index) ?? {};
          return (
            <tr class={['kern-table__row', attributes.class ?? ''].filter(Boolean).join(' ')} id={attributes.id}>
              {columns.map((column) => (
                <Cell column={column} row={row} />
              ))}
            </tr>
          );
        })}
      </tbody>
      {footer && footer.length > 0 ? (
        <tfoot class="kern-table__footer">
          {footer.map((row) => (
            <tr class="kern-table__row">
              {columns.map((column) => (
                <Cell column={column} row={row} />
              ))}
            </tr>
          ))}
        </tfoot>
      ) : (
        ''
      )}
    </table>
  );
  return (
    <div class="table-scroll" tabindex="0" role={labelledBy ? 'region' : undefined} aria-labelledby={labelledBy}>
      {table}
    </div>
  );
}
