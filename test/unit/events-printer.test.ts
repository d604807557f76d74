// kubectl events' table: LAST SEEN for single, repeated and series events, cells cut at a line
// break, and the order by last occurrence (ties left as Go's sort leaves them).
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/api/types';
import { eventLines, sortEvents } from '../../src/printers/events';

const now = Date.parse('2026-01-01T01:00:00Z');
const ev = (name: string, extra: Partial<Event>): Event =>
  ({ apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: 'default' }, involvedObject: { kind: 'Pod', name: 'p' }, type: 'Normal', reason: 'R', message: 'm', ...extra }) as Event;

describe('kubectl events printer', () => {
  it('says when an event last happened, and how often over how long', () => {
    const events = [
      ev('a', { firstTimestamp: '2026-01-01T00:59:00Z', lastTimestamp: '2026-01-01T00:59:00Z', count: 1 }),
      ev('b', { firstTimestamp: '2026-01-01T00:00:00Z', lastTimestamp: '2026-01-01T00:58:30Z', count: 7 }),
      ev('c', { eventTime: '2026-01-01T00:50:00.000000Z', series: { count: 3, lastObservedTime: '2026-01-01T00:59:50.500000Z' } } as Partial<Event>),
      ev('d', { message: '  first line\nsecond  ', reason: 'X\x1b[1m' }),
    ];
    expect(eventLines(events, now, { allNamespaces: true, header: true })).toBe(
      [
        'NAMESPACE\tLAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE',
        'default\t60s\tNormal\tR\tPod/p\tm',
        'default\t90s (x7 over 60m)\tNormal\tR\tPod/p\tm',
        'default\t9s (x3 over 10m)\tNormal\tR\tPod/p\tm',
        'default\t<unknown>\tNormal\tX^[[1m\tPod/p\tfirst line...',
        '',
      ].join('\n'),
    );
  });

  it('orders by a series’ last observation, else lastTimestamp, else eventTime; unset first', () => {
    const events = [
      ev('late', { lastTimestamp: '2026-01-01T00:30:00Z' }),
      ev('micro', { eventTime: '2026-01-01T00:10:00.000001Z' } as Partial<Event>),
      ev('unset', {}),
      ev('series', { series: { lastObservedTime: '2026-01-01T00:20:00.000000Z' } } as Partial<Event>),
    ];
    sortEvents(events);
    expect(events.map((e) => e.metadata.name)).toEqual(['unset', 'micro', 'series', 'late']);
  });
});
