// Server-side table printing as kubectl shows it: per-kind columns (priority 1 = -o wide only),
// NAMESPACE for -A, kind prefixes when several kinds print, -L columns and LABELS.
import type { KubeObject } from '../../api/types';
import { formatLabels } from '../../api/meta/selector';
import { kindPrefix } from '../name';
import type { SortField, SortValue } from '../sort/sortby';
import { GET_TABWRITER, tabwrite } from '../tabwriter';

export interface CellContext {
  now: number;
}

export interface Column<T extends KubeObject = KubeObject> {
  name: string;
  /** 1: shown only with -o wide. */
  priority?: 0 | 1;
  cell(obj: T, ctx: CellContext): string;
}

export interface TableDef<T extends KubeObject = KubeObject> {
  columns: Column<T>[];
}

export interface TableOptions {
  now: number;
  wide?: boolean;
  noHeaders?: boolean;
  showLabels?: boolean;
  labelColumns?: string[];
  withNamespace?: boolean;
  /** --sort-by: each row keeps the value it is sorted by (the object itself is not kept). */
  sortField?: SortField;
  /** --output-watch-events: an EVENT column first, each row's watch event type. */
  watchEvents?: boolean;
}

/** kubectl cuts a cell at the first line break and marks it with "...". */
function sanitize(cell: string): string {
  const cut = cell.search(/[\n\r\f]/);
  return cut >= 0 ? cell.slice(0, cut) + '...' : cell;
}

/**
 * A table built one object at a time, so the objects of a long list need not all be alive at
 * once; whether names carry their kind is decided when it is rendered (kubectl prefixes them when
 * what was found spans several kinds, which is known only once every kind was read).
 */
export class TableBuilder {
  private readonly columns: Column[];
  private rows: string[][] = [];
  private keys: SortValue[] = [];
  private kind = '';
  private readonly ctx: CellContext;

  constructor(
    def: TableDef,
    private readonly opts: TableOptions,
  ) {
    this.columns = def.columns.filter((c) => opts.wide || !c.priority);
    this.ctx = { now: opts.now };
  }

  get size(): number {
    return this.rows.length;
  }

  add(obj: KubeObject, eventType = 'ADDED'): void {
    const opts = this.opts;
    if (!this.rows.length) this.kind = kindPrefix(obj.apiVersion, obj.kind);
    const row: string[] = [];
    if (opts.watchEvents) row.push(eventType);
    if (opts.withNamespace) row.push(obj.metadata.namespace ?? '');
    for (const c of this.columns) row.push(sanitize(c.cell(obj, this.ctx)));
    for (const key of opts.labelColumns ?? []) row.push(obj.metadata.labels?.[key] ?? '');
    if (opts.showLabels) row.push(formatLabels(obj.metadata.labels));
    this.rows.push(row);
    if (opts.sortField) this.keys.push(opts.sortField.valueOf(obj));
  }

  /**
   * Sorts the rows as kubectl's TableSorter does (only a table of more than one row); throws
   * sortby.ts's errors.
   */
  sortRows(): void {
    const field = this.opts.sortField;
    if (!field || this.rows.length < 2) return;
    const keyed = this.rows.map((item, i) => ({ item, key: this.keys[i] }));
    // Loaded only to sort: a table without --sort-by never reads the sorting code.
    const { sortKeyed } = require('../sort/sortby') as typeof import('../sort/sortby');
    sortKeyed(keyed, field, 'table');
    this.rows = keyed.map((k) => k.item);
  }

  /**
   * The table as kubectl prints it; empty when nothing was added. `remembered`: the column widths
   * of what the same writer printed before (a watch prints row after row).
   */
  render(withKind = false, remembered?: number[]): string {
    if (!this.rows.length) return '';
    const opts = this.opts;
    const lines: string[] = [];
    if (!opts.noHeaders) {
      const header: string[] = [];
      if (opts.watchEvents) header.push('EVENT');
      if (opts.withNamespace) header.push('NAMESPACE');
      header.push(...this.columns.map((c) => c.name.toUpperCase()));
      for (const key of opts.labelColumns ?? []) header.push(key.slice(key.lastIndexOf('/') + 1).toUpperCase());
      if (opts.showLabels) header.push('LABELS');
      lines.push(header.join('\t'));
    }
    const nameAt = (opts.watchEvents ? 1 : 0) + (opts.withNamespace ? 1 : 0);
    for (const row of this.rows) lines.push(withKind ? row.map((cell, i) => (i === nameAt ? `${this.kind}/${cell}` : cell)).join('\t') : row.join('\t'));
    const text = lines.join('\n') + '\n';
    return remembered ? tabwrite(text, { ...GET_TABWRITER, rememberWidths: true }, remembered) : tabwrite(text, GET_TABWRITER);
  }
}

export const nameColumn: Column = { name: 'Name', cell: (o) => o.metadata.name ?? '' };
