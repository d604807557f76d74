// client-go's watchtools.UntilWithSync over simulated time: list what matches, hand each object
// to the condition as ADDED, then watch while fast-forwarding the cluster clock, handing every
// change to the condition until it is met, fails or the timeout runs out. kubectl sleeps in real
// time; pocketkube moves the cluster's clock instead (from timer to timer), so a five-minute wait
// returns at once with the cluster five minutes older.
import type { ResourceType } from '../api/registry';
import type { KubeObject } from '../api/types';
import type { ListOptions, WatchEvent } from '../client/client';
import type { Cluster } from './context';

/**
 * How far a wait with no timeout (kubectl's "forever") fast-forwards before giving up. kubectl
 * would wait until interrupted; a simulation whose timers keep firing (back-offs) stops here.
 */
export const FOREVER_LIMIT_MS = 60 * 60 * 1000;

/** Returns true once the condition holds; throws to end the wait with an error. */
export type WatchCondition = (event: WatchEvent) => boolean;

export interface UntilOptions {
  /** Cluster time at which to give up; undefined waits "forever" (see FOREVER_LIMIT_MS). */
  deadline: number | undefined;
  /** Objects to start from (kubectl's initial LIST); the watch reports changes after them. */
  initial: readonly KubeObject[];
}

/**
 * True when the condition was met, false when time ran out (or, with no deadline, nothing is left
 * to happen).
 */
export function untilWithSync(cluster: Cluster, type: ResourceType, namespace: string | undefined, list: ListOptions, opts: UntilOptions, condition: WatchCondition): boolean {
  for (const object of opts.initial) if (condition({ type: 'ADDED', object })) return true;
  let done = false;
  let failure: { error: unknown } | undefined;
  // The handler runs inside a controller's write: it records the outcome and never throws there.
  const stop = cluster.client.watch(type, namespace, list, (event) => {
    if (done || failure) return;
    try {
      done = condition(event);
    } catch (error) {
      failure = { error };
    }
  });
  const finished = () => done || !!failure;
  try {
    const start = cluster.now();
    if (opts.deadline !== undefined) cluster.advanceTo(opts.deadline, finished);
    else {
      cluster.converge();
      for (;;) {
        if (finished()) break;
        const next = cluster.nextTimer();
        if (next === undefined || next > start + FOREVER_LIMIT_MS) break;
        cluster.advanceTo(next, finished);
      }
    }
  } finally {
    stop();
  }
  if (failure) throw failure.error;
  return done;
}

/** The error kubectl prints when a wait's timeout runs out (wait.ErrWaitTimeout). */
export const TIMED_OUT = 'timed out waiting for the condition';
