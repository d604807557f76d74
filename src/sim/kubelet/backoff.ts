// client-go's flowcontrol.Backoff as the kubelet configures it (no jitter): an entry per key
// starts at 10s and doubles to 5m with every retry; an entry untouched for twice the maximum is
// forgotten. Image pulls and container restarts (CrashLoopBackOff) both use it.
import type { Memory } from '../../engine/controller';

export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;

interface Entry {
  backoffMs: number;
  lastUpdate: number;
}

const hasExpired = (eventTime: number, lastUpdate: number) => eventTime - lastUpdate > 2 * BACKOFF_MAX_MS;

/** Whether an event at `eventTime` still lies within the key's back-off at `now`. */
export function isInBackOffSince(memory: Memory, key: string, eventTime: number, now: number): boolean {
  const e = memory.get<Entry>(key);
  if (!e || hasExpired(eventTime, e.lastUpdate)) return false;
  return now - eventTime < e.backoffMs;
}

/** Whether `now` is still within the back-off counted from the key's last retry (image pulls). */
export function isInBackOffSinceUpdate(memory: Memory, key: string, now: number): boolean {
  const e = memory.get<Entry>(key);
  return !!e && now - e.lastUpdate < e.backoffMs;
}

/** Records one more retry at `now` for an event at `eventTime`: the back-off starts or doubles. */
export function nextBackOff(memory: Memory, key: string, eventTime: number, now: number): void {
  const e = memory.get<Entry>(key);
  const backoffMs = !e || hasExpired(eventTime, e.lastUpdate) ? BACKOFF_INITIAL_MS : Math.min(2 * e.backoffMs, BACKOFF_MAX_MS);
  memory.set(key, { backoffMs, lastUpdate: now });
}

/** The key's current back-off, for messages ("back-off 20s"). */
export function currentBackOff(memory: Memory, key: string): number {
  return memory.get<Entry>(key)?.backoffMs ?? 0;
}
