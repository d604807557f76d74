// kubectl top's tables (k8s.io/kubectl pkg/metricsutil): every cell, the last one included, ends
// with a tab, so the last column is padded too; CPU is printed in millicores rounded up, memory
// in whole MiB (bytes rounded up, then divided down); a node's percentages are of its
// allocatable (or capacity), truncated. Rows are ordered by Go's sort.Sort with kubectl's Less
// (names, or the larger usage first), so ties fall where that unstable sort leaves them.
import type { ContainerMetrics, MetricsUsage, NodeMetrics, PodMetrics } from '../api/metrics';
import { Quantity, tryParseQuantity } from '../api/meta/quantity';
import { goSort } from './sort/gosort';
import { GET_TABWRITER, tabwrite } from './tabwriter';

export type TopSortBy = '' | 'cpu' | 'memory';

const NODE_COLUMNS = ['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)'];
const POD_COLUMNS = ['NAME', 'CPU(cores)', 'MEMORY(bytes)'];
const MEASURED = ['cpu', 'memory'] as const;
const MiB = 1024n * 1024n;

type Usage = Record<(typeof MEASURED)[number], Quantity>;

const quantity = (text: string | undefined) => (text === undefined ? Quantity.zero() : (tryParseQuantity(text) ?? Quantity.zero()));
const usageOf = (u: Partial<MetricsUsage> | undefined): Usage => ({ cpu: quantity(u?.cpu), memory: quantity(u?.memory) });

/** Quantity.Value()/MilliValue(): rounded up to the unit (away from zero). */
function scaled(q: Quantity, unit: bigint): bigint {
  const whole = q.nano / unit;
  return whole * unit === q.nano || q.nano < 0n ? whole : whole + 1n;
}
const milliValue = (q: Quantity) => scaled(q, 1_000_000n);
const value = (q: Quantity) => scaled(q, 1_000_000_000n);

/** printSingleResourceUsage: "250m", "128Mi". */
export function formatUsage(resource: 'cpu' | 'memory', q: Quantity): string {
  return resource === 'cpu' ? `${milliValue(q)}m` : `${value(q) / MiB}Mi`;
}

/** int64(float64(usage milli) / float64(available milli) * 100): Go's conversion of a non-finite value on amd64 is MinInt64. */
export function percent(usage: Quantity, available: Quantity): string {
  const fraction = (Number(milliValue(usage)) / Number(milliValue(available))) * 100;
  return `${Number.isFinite(fraction) ? Math.trunc(fraction) : '-9223372036854775808'}%`;
}

const cell = (v: string) => `${v}\t`;

/** printMetricsLine: the name, each resource's usage and, when known, its share of what is available. */
function metricsLine(name: string, usage: Usage, available?: Record<string, string>): string {
  let line = cell(name);
  for (const res of MEASURED) {
    line += cell(formatUsage(res, usage[res]));
    const a = available?.[res];
    if (a !== undefined) line += cell(percent(usage[res], quantity(a)));
  }
  return `${line}\n`;
}

/** Less of kubectl's sorters: the larger usage first, else by name. */
function lessBy<T>(sortBy: TopSortBy, usage: (x: T) => Usage, byName: (a: T, b: T) => boolean): (a: T, b: T) => boolean {
  if (sortBy === 'cpu') return (a, b) => milliValue(usage(a).cpu) > milliValue(usage(b).cpu);
  if (sortBy === 'memory') return (a, b) => value(usage(a).memory) > value(usage(b).memory);
  return byName;
}

/**
 * PrintNodeMetrics: the nodes with metrics, then a line of <unknown> for each listed node without
 * (Go ranges over a map there, in no order; pocketkube keeps the list's order). `available` is
 * each listed node's allocatable or capacity, in the order the nodes were listed.
 */
export function nodeMetricsTable(metrics: readonly NodeMetrics[], available: ReadonlyMap<string, Record<string, string>>, opts: { noHeaders: boolean; sortBy: TopSortBy }): string {
  if (!metrics.length) return '';
  const rows = metrics.map((m) => ({ name: m.metadata.name ?? '', usage: usageOf(m.usage) }));
  goSort(
    rows,
    lessBy(opts.sortBy, (r) => r.usage, (a, b) => a.name < b.name),
  );
  let text = opts.noHeaders ? '' : `${NODE_COLUMNS.map(cell).join('')}\n`;
  const missing = new Map(available);
  for (const r of rows) {
    text += metricsLine(r.name, r.usage, available.get(r.name));
    missing.delete(r.name);
  }
  for (const name of missing.keys()) text += `${cell(name)}${cell('<unknown>').repeat(4)}\n`;
  return tabwrite(text, GET_TABWRITER);
}

function sumUsage(containers: readonly ContainerMetrics[]): Usage {
  const total = usageOf(undefined);
  for (const c of containers) for (const res of MEASURED) total[res] = total[res].add(quantity(c.usage?.[res]));
  return total;
}

export interface PodTableOptions {
  containers: boolean;
  withNamespace: boolean;
  noHeaders: boolean;
  sortBy: TopSortBy;
  sum: boolean;
}

/** PrintPodMetrics: a line per pod (or per container), optionally followed by the sum. */
export function podMetricsTable(metrics: readonly PodMetrics[], opts: PodTableOptions): string {
  if (!metrics.length) return '';
  let text = '';
  let columnWidth = POD_COLUMNS.length;
  // Only a printed header widens the sum's indentation (kubectl counts the columns there).
  if (!opts.noHeaders) {
    if (opts.withNamespace) {
      text += cell('NAMESPACE');
      columnWidth++;
    }
    if (opts.containers) {
      text += cell('POD');
      columnWidth++;
    }
    text += `${POD_COLUMNS.map(cell).join('')}\n`;
  }
  const rows = metrics.map((m) => ({ m, usage: sumUsage(m.containers ?? []) }));
  goSort(
    rows,
    lessBy(opts.sortBy, (r) => r.usage, (a, b) =>
      opts.withNamespace && a.m.metadata.namespace !== b.m.metadata.namespace ? (a.m.metadata.namespace ?? '') < (b.m.metadata.namespace ?? '') : (a.m.metadata.name ?? '') < (b.m.metadata.name ?? ''),
    ),
  );
  const ns = (m: PodMetrics) => (opts.withNamespace ? cell(m.metadata.namespace ?? '') : '');
  for (const { m, usage } of rows) {
    if (!opts.containers) {
      text += ns(m) + metricsLine(m.metadata.name ?? '', usage);
      continue;
    }
    const containers = [...(m.containers ?? [])];
    goSort(
      containers,
      lessBy(opts.sortBy, (c) => usageOf(c.usage), (a, b) => a.name < b.name),
    );
    for (const c of containers) text += ns(m) + cell(m.metadata.name ?? '') + metricsLine(c.name, usageOf(c.usage));
  }
  if (opts.sum) {
    const total = sumUsage(metrics.flatMap((m) => m.containers ?? []));
    text += `${cell('').repeat(Math.max(0, columnWidth - 2))}${cell('________')}${cell('________')}\n`;
    text += cell('').repeat(Math.max(0, columnWidth - 3)) + metricsLine('', total);
  }
  return tabwrite(text, GET_TABWRITER);
}
