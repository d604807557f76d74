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

export const eventTTL: Controller<Event[]> = {
  name: 'event-ttl',

  prepare(ctx) {
    return ctx.client.list<Event>(eventKind.type);
  },

  /** One key for the whole sweep: the earliest expiry is the only timer needed. */
  keys() {
    return [{ name: 'events' }];
  },

  reconcile(ctx, _key, events) {
    const now = ctx.clock.now();
    let next: number | undefined;
    for (const e of events) {
      const expires = lastSeen(e) + EVENT_TTL_MS;
      if (expires <= now) {
        try {
          ctx.client.delete(eventKind.type, e.metadata.namespace, e.metadata.name!, { preconditions: { uid: e.metadata.uid } });
        } catch (err) {
          if (!isStatusError(err, 'NotFound') && !isStatusError(err, 'Conflict')) throw err;
        }
      } else next = Math.min(next ?? expires, expires);
    }
    return next !== undefined ? { requeueAfterMs: next - now } : undefined;
  },
};
