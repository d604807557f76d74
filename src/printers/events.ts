// `kubectl events` (pkg/cmd/events): its own table — LAST SEEN, TYPE, REASON, OBJECT (Kind/name),
// MESSAGE, NAMESPACE first with -A — and its order: by the time an event last happened (a
// series' last observation, else lastTimestamp, else eventTime), sorted by Go's unstable sort.
import type { Event } from '../api/types';
import { humanDuration } from './age';
import { goSort } from './sort/gosort';

type Series = { lastObservedTime?: string; count?: number };

/** A Time or MicroTime in microseconds; Go's zero time (unset) before every other. */
function micros(t: string | null | undefined): number {
  if (!t) return -Infinity;
  const m = /^(.*?)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/.exec(t);
  if (!m) return -Infinity;
  const ms = Date.parse(m[1] + m[3]);
  return Number.isNaN(ms) ? -Infinity : ms * 1000 + Number((m[2] ?? '').padEnd(6, '0').slice(0, 6));
}

/** The time kubectl sorts an event by. */
function eventTime(e: Event): number {
  const series = e.series as Series | undefined;
  if (series) return micros(series.lastObservedTime);
  if (e.lastTimestamp) return micros(e.lastTimestamp);
  return micros(e.eventTime as string | null | undefined);
}

/** SortableEvents: oldest first; events of the same time in the order Go's sort leaves them. */
export function sortEvents(events: Event[]): void {
  goSort(events, (a, b) => eventTime(a) < eventTime(b));
}

/** "<duration>" or "<last> (xN over <first>)". */
function interval(e: Event, now: number): string {
  const since = (t: string | null | undefined) => (t ? humanDuration(now - micros(t) / 1000) : '<unknown>');
  const first = e.eventTime ? since(e.eventTime as string) : since(e.firstTimestamp);
  const series = e.series as Series | undefined;
  if (series) return `${since(series.lastObservedTime)} (x${series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1) return `${since(e.lastTimestamp)} (x${e.count} over ${first})`;
  return first;
}

/** A cell cut at its first line break ("..."), with terminal escapes made visible. */
function cell(s: string): string {
  const cut = s.search(/[\f\n\r]/);
  const text = cut >= 0 ? s.slice(0, cut) + '...' : s;
  return text.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');
}

/** The table's lines (tab-separated, for the tabwriter): the header unless `noHeaders`, then one per event. */
export function eventLines(events: readonly Event[], now: number, opts: { allNamespaces: boolean; header: boolean }): string {
  let text = '';
  if (opts.header) text += `${opts.allNamespaces ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`;
  for (const e of events) {
    const io = e.involvedObject ?? {};
    const row = [interval(e, now), cell(e.type ?? ''), cell(e.reason ?? ''), `${cell(io.kind ?? '')}/${cell(io.name ?? '')}`, cell((e.message ?? '').trim())];
    text += `${opts.allNamespaces ? `${e.metadata.namespace ?? ''}\t` : ''}${row.join('\t')}\n`;
  }
  return text;
}
