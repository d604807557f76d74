// events: LAST SEEN TYPE REASON OBJECT MESSAGE | wide adds SUBOBJECT SOURCE FIRST SEEN COUNT NAME.
import type { Event } from '../../api/types';
import { age } from '../age';
import type { CellContext, TableDef } from './table';

function firstSeen(e: Event, c: CellContext): string {
  return age(e.firstTimestamp || e.eventTime, c.now);
}

function lastSeen(e: Event, c: CellContext): string {
  const series = (e.series as { lastObservedTime?: string } | undefined)?.lastObservedTime;
  if (series) return age(series, c.now);
  return e.lastTimestamp ? age(e.lastTimestamp, c.now) : firstSeen(e, c);
}

function object(e: Event): string {
  const io = e.involvedObject ?? {};
  const kind = (io.kind ?? '').toLowerCase();
  return io.name ? `${kind}/${io.name}` : kind;
}

function source(e: Event): string {
  const component = e.source?.component || e.reportingComponent || '';
  const host = e.source?.host || e.reportingInstance || '';
  return host ? `${component}, ${host}` : component;
}

export const eventTable: TableDef<Event> = {
  columns: [
    { name: 'Last Seen', cell: lastSeen },
    { name: 'Type', cell: (e) => e.type ?? '' },
    { name: 'Reason', cell: (e) => e.reason ?? '' },
    { name: 'Object', cell: object },
    { name: 'Subobject', priority: 1, cell: (e) => e.involvedObject?.fieldPath ?? '' },
    { name: 'Source', priority: 1, cell: source },
    { name: 'Message', cell: (e) => (e.message ?? '').trim() },
    { name: 'First Seen', priority: 1, cell: firstSeen },
    { name: 'Count', priority: 1, cell: (e) => String(e.count || 1) },
    { name: 'Name', priority: 1, cell: (e) => e.metadata.name ?? '' },
  ],
};
