// cli-table3 as the map draws it: borders and headings uncoloured (colour is the cells' own, and
// only when asked for), widths fixed by the caller so every box of a map lines up.
import type { CellOptions } from 'cli-table3';

/** A row of cells; a cell with colSpan 2 fills a row alone. */
export type Row = (string | CellOptions)[];

export interface BoxOptions {
  /** Widths of the columns, padding included. */
  colWidths: number[];
  /** The heading row, ruled off from the rows under it. */
  head: CellOptions;
  /** Rule off every row from the next (else only the heading). */
  ruled?: boolean;
  /** Wrap long cells at word boundaries (rather than cut them with an ellipsis). */
  wrap?: boolean;
}

export function drawBox(rows: readonly Row[], opts: BoxOptions): string {
  const Table = require('cli-table3') as typeof import('cli-table3');
  const table = new Table({
    // The heading spans the columns: cli-table3 takes a cell here as in any row, though its types say string.
    head: [opts.head as unknown as string],
    colWidths: opts.colWidths,
    wordWrap: !!opts.wrap,
    style: { head: [], border: [], compact: !opts.ruled },
  });
  table.push(...rows);
  return table.toString();
}

const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns a text takes on a terminal: its longest line, colour codes left out. */
export function visibleWidth(text: string): number {
  return Math.max(0, ...text.split('\n').map((line) => line.replace(ANSI, '').length));
}
