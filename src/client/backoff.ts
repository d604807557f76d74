// client-go's flowcontrol.Backoff (no jitter): an entry per key starts at the initial back-off
// and doubles to the maximum with every retry; an entry untouched for twice the maximum is
// forgotten. The kubelet's (10s to 5m) serves image pulls and container restarts
// (CrashLoopBackOff); the DaemonSet controller's failed pods use 1s to 15m. client-go keeps it
// in memory; here it lives in the component's memory in the store, so it outlasts the command.

/** Where the entries live: a component's memory (engine/controller.ts's Memory is one). */
export interface Memory {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
}

export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;

export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
}

const KUBELET: BackoffPolicy = { initialMs: BACKOFF_INITIAL_MS, maxMs: BACKOFF_MAX_MS };

interface Entry {
  backoffMs: number;
  lastUpdate: number;
}

const hasExpired = (eventTime: number, lastUpdate: number, policy: BackoffPolicy) => eventTime - lastUpdate > 2 * policy.maxMs;

/** Whether an event at `eventTime` still lies within the key's back-off at `now`. */
export function isInBackOffSince(memory: Memory, key: string, eventTime: number, now: number, policy = KUBELET): boolean {
  const e = memory.get<Entry>(key);
  if (!e || hasExpired(eventTime, e.lastUpdate, policy)) return false;
  return now - eventTime < e.backoffMs;
}

/** Whether `now` is still within the back-off counted from the key's last retry (image pulls). */
export function isInBackOffSinceUpdate(memory: Memory, key: string, now: number): boolean {
  const e = memory.get<Entry>(key);
  return !!e && now - e.lastUpdate < e.backoffMs;
}

/** Records one more retry at `now` for an event at `eventTime`: the back-off starts or doubles. */
export function nextBackOff(memory: Memory, key: string, eventTime: number, now: number, policy = KUBELET): void {
  const e = memory.get<Entry>(key);
  const backoffMs = !e || hasExpired(eventTime, e.lastUpdate, policy) ? policy.initialMs : Math.min(2 * e.backoffMs, policy.maxMs);
  memory.set(key, { backoffMs, lastUpdate: now });
}

/** The key's current back-off, for messages ("back-off 20s"). */
export function currentBackOff(memory: Memory, key: string): number {
  return memory.get<Entry>(key)?.backoffMs ?? 0;
}
