// Server-side table printing as kubectl shows it: per-kind columns (priority 1 = -o wide only),
// NAMESPACE for -A, kind prefixes when several kinds print, -L columns and LABELS.
import type { KubeObject } from '../../api/types';
import { formatLabels } from '../../api/meta/selector';
import { kindPrefix } from '../name';
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
  withKind?: boolean;
}

/** kubectl cuts a cell at the first line break and marks it with "...". */
function sanitize(cell: string): string {
  const cut = cell.search(/[\n\r\f]/);
  return cut >= 0 ? cell.slice(0, cut) + '...' : cell;
}

export function renderTable(def: TableDef, objs: readonly KubeObject[], opts: TableOptions): string {
  if (!objs.length) return '';
  const columns = def.columns.filter((c) => opts.wide || !c.priority);
  const header: string[] = [];
  if (opts.withNamespace) header.push('NAMESPACE');
  header.push(...columns.map((c) => c.name.toUpperCase()));
  for (const key of opts.labelColumns ?? []) header.push(key.slice(key.lastIndexOf('/') + 1).toUpperCase());
  if (opts.showLabels) header.push('LABELS');
  const rows: string[][] = [];
  if (!opts.noHeaders) rows.push(header);
  const ctx: CellContext = { now: opts.now };
  for (const obj of objs) {
    const row: string[] = [];
    if (opts.withNamespace) row.push(obj.metadata.namespace ?? '');
    columns.forEach((c, i) => {
      let v = c.cell(obj, ctx);
      if (i === 0 && opts.withKind) v = `${kindPrefix(obj.apiVersion, obj.kind)}/${v}`;
      row.push(sanitize(v));
    });
    for (const key of opts.labelColumns ?? []) row.push(obj.metadata.labels?.[key] ?? '');
    if (opts.showLabels) row.push(formatLabels(obj.metadata.labels));
    rows.push(row);
  }
  return tabwrite(rows.map((r) => r.join('\t')).join('\n') + '\n', GET_TABWRITER);
}

export const nameColumn: Column = { name: 'Name', cell: (o) => o.metadata.name ?? '' };
