// Events expire an hour after they were last seen, as the API server's --event-ttl makes etcd
// drop them; without this a busy cluster's store would grow without bound.
import { isStatusError } from '../api/errors';
import { event as eventKind } from '../api/kinds/event';
import { parseTime } from '../api/time';
import type { Event } from '../api/types';
import type { Controller } from '../engine/controller';

export const EVENT_TTL_MS = 60 * 60 * 1000;

function lastSeen(e: Event): number {
  return parseTime(e.lastTimestamp) ?? parseTime(e.eventTime) ?? parseTime(e.firstTimestamp) ?? parseTime(e.metadata.creationTimestamp) ?? 0;
}

const SWEEP = { name: 'events' };
/** Memory: the earliest expiry of the events the last sweep saw. */
const NEXT = 'next';

export const eventTTL: Controller = {
  name: 'event-ttl',

  // One key for the whole sweep: the earliest expiry is the only timer needed. An event written
  // since expires an hour from now, never before that earliest one, so only a due sweep scans.
  watches: [{ type: eventKind.type, keys: () => [SWEEP] }],

  resync: () => [SWEEP],

  reconcile(ctx) {
    const now = ctx.clock.now();
    const due = ctx.memory.get<number>(NEXT);
    if (due !== undefined && due > now) return { requeueAfterMs: due - now };
    let next: number | undefined;
    for (const e of ctx.informers.for<Event>(eventKind.type).list()) {
      const expires = lastSeen(e) + EVENT_TTL_MS;
      if (expires <= now) {
        try {
          ctx.client.delete(eventKind.type, e.metadata.namespace, e.metadata.name!, { preconditions: { uid: e.metadata.uid } });
        } catch (err) {
          if (!isStatusError(err, 'NotFound') && !isStatusError(err, 'Conflict')) throw err;
        }
      } else next = Math.min(next ?? expires, expires);
    }
    ctx.memory.set(NEXT, next);
    return next !== undefined ? { requeueAfterMs: next - now } : undefined;
  },
};
