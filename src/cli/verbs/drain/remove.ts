// Removing a drained node's pods (kubectl's pkg/drain Helper): through the Eviction API (retried
// while a disruption budget refuses), or with plain deletes under --disable-eviction, then waiting
// until each pod is gone, polling once a second as kubectl does, on the simulated clock. A pod
// deleted more than --skip-wait-for-delete-timeout seconds ago is no longer waited for.
import { formatGoDuration } from '../../../api/duration';
import { isStatusError } from '../../../api/errors';
import { pod as podKind } from '../../../api/kinds/pod';
import type { Pod } from '../../../api/types';
import type { Cluster } from '../../context';
import type { DryRun } from '../../flags/output';
import type { IO } from '../../io';
import { FOREVER_LIMIT_MS } from '../../watch';
import { deletedLongAgo } from './filters';

const POLL_MS = 1000;
/** kubectl waits this long before evicting a pod its disruption budget protected. */
const RETRY_MS = 5000;
/** Go's largest time.Duration, kubectl's timeout when none is given. */
const MAX_DURATION = '2562047h47m16.854775807s';
const DEADLINE_EXCEEDED = 'context deadline exceeded';

export interface RemoveOptions {
  /** Negative: each pod's own terminationGracePeriodSeconds. */
  gracePeriodSeconds: number;
  /** 0 waits without limit (here: until nothing is left to happen, at most FOREVER_LIMIT_MS). */
  timeoutMs: number;
  disableEviction: boolean;
  dryRun: DryRun;
  skipWaitForDeleteTimeout: number;
}

/**
 * Why a node could not be drained: an aggregate of errors (kubectl prints each on its own line
 * at the end), or one plain error (printed as kubectl prints any error).
 */
export interface DrainFailure {
  errors: Error[];
  aggregate: boolean;
}

const ref = (p: Pod) => `${p.metadata.namespace}/${p.metadata.name}`;

/** The pod as it is now; undefined once it is gone (or a pod of the same name replaced it). */
function current(cluster: Cluster, p: Pod): Pod | undefined {
  const cur = cluster.client.tryGet<Pod>(podKind.type, p.metadata.namespace, p.metadata.name!);
  return cur && cur.metadata.uid === p.metadata.uid ? cur : undefined;
}

/**
 * Waits until the pods are gone (or replaced by a pod of the same name), printing each as it
 * goes; returns the ones still there when time ran out.
 */
function waitForDelete(cluster: Cluster, io: IO, pods: readonly Pod[], o: RemoveOptions, verb: string): Pod[] {
  const start = cluster.now();
  const deadline = start + (o.timeoutMs > 0 ? o.timeoutMs : FOREVER_LIMIT_MS);
  const pollAt = (t: number) => start + Math.ceil((t - start) / POLL_MS) * POLL_MS;
  let pending = [...pods];
  const skipAt: number[] = [];
  const check = (): boolean => {
    const still: Pod[] = [];
    skipAt.length = 0;
    for (const p of pending) {
      const cur = current(cluster, p);
      if (!cur) {
        io.out.write(`pod/${p.metadata.name} ${verb}\n`);
        continue;
      }
      if (deletedLongAgo(cur, o.skipWaitForDeleteTimeout, cluster.now())) {
        io.out.write(`pod ${JSON.stringify(p.metadata.name)} has DeletionTimestamp older than ${o.skipWaitForDeleteTimeout} seconds, skipping\n`);
        continue;
      }
      if (o.skipWaitForDeleteTimeout > 0 && cur.metadata.deletionTimestamp)
        skipAt.push(Date.parse(cur.metadata.deletionTimestamp) + (o.skipWaitForDeleteTimeout + 1) * 1000);
      still.push(p);
    }
    pending = still;
    return !pending.length;
  };
  cluster.converge();
  if (check()) return [];
  while (cluster.now() < deadline) {
    const timer = cluster.nextTimer();
    let next = Math.min(deadline, ...(timer !== undefined ? [pollAt(timer)] : []), ...skipAt.map(pollAt));
    if (next <= cluster.now()) next = Math.min(deadline, pollAt(cluster.now() + 1));
    cluster.advanceTo(next);
    if (check()) return [];
  }
  return pending;
}

/** Evicts (or deletes) the pods and waits for them; the error to report, if any. */
export function removePods(cluster: Cluster, io: IO, pods: readonly Pod[], o: RemoveOptions): DrainFailure | undefined {
  if (!pods.length) return undefined;
  const client = cluster.client;
  const grace = o.gracePeriodSeconds >= 0 ? o.gracePeriodSeconds : undefined;
  const server = o.dryRun === 'server';

  if (o.disableEviction) {
    for (const p of pods) {
      try {
        client.delete(podKind.type, p.metadata.namespace, p.metadata.name!, { gracePeriodSeconds: grace, dryRun: server });
      } catch (e) {
        if (!isStatusError(e, 'NotFound')) return { errors: [e as Error], aggregate: false };
      }
    }
    const left = waitForDelete(cluster, io, pods, o, 'deleted');
    return left.length ? { errors: [new Error(DEADLINE_EXCEEDED)], aggregate: false } : undefined;
  }

  const errors: Error[] = [];
  // One global timeout for the evictions and the wait after them; none waits "forever" (an hour).
  const deadline = cluster.now() + (o.timeoutMs > 0 ? o.timeoutMs : FOREVER_LIMIT_MS);
  const waiting = evictWithRetries(cluster, io, pods, o, grace, deadline, errors);
  if (!server) {
    const timeoutMs = o.timeoutMs > 0 ? Math.max(1, deadline - cluster.now()) : 0;
    for (const p of waitForDelete(cluster, io, waiting, { ...o, timeoutMs }, 'evicted'))
      errors.push(new Error(`error when waiting for pod ${JSON.stringify(p.metadata.name)} in namespace ${JSON.stringify(p.metadata.namespace)} to terminate: ${DEADLINE_EXCEEDED}`));
  }
  return errors.length ? { errors, aggregate: true } : undefined;
}

/**
 * kubectl's evictPods: each pod is evicted (printing "evicting pod" at every attempt); a pod its
 * disruption budget protects (429) is tried again 5s later, on the cluster clock, until the global
 * timeout, which is checked at the start of each attempt. Returns the pods evicted and not yet gone.
 */
function evictWithRetries(cluster: Cluster, io: IO, pods: readonly Pod[], o: RemoveOptions, grace: number | undefined, deadline: number, errors: Error[]): Pod[] {
  const server = o.dryRun === 'server';
  const timeoutText = o.timeoutMs > 0 ? formatGoDuration(o.timeoutMs) : MAX_DURATION;
  let evicted: Pod[] = [];
  let pending = [...pods];
  while (pending.length) {
    const retry: Pod[] = [];
    for (const p of pending) {
      const named = `pods/${JSON.stringify(p.metadata.name)} -n ${JSON.stringify(p.metadata.namespace)}`;
      io.out.write(`evicting pod ${ref(p)}${server ? ' (server dry run)' : ''}\n`);
      if (cluster.now() >= deadline) {
        errors.push(new Error(`error when evicting ${named}: global timeout reached: ${timeoutText}`));
        continue;
      }
      try {
        cluster.client.evict(p.metadata.namespace!, p.metadata.name!, { gracePeriodSeconds: grace, dryRun: server });
        evicted.push(p);
      } catch (e) {
        // A pod already gone needs no eviction.
        if (isStatusError(e, 'NotFound')) continue;
        if (isStatusError(e, 'TooManyRequests')) {
          io.err.write(`error when evicting ${named} (will retry after 5s): ${(e as Error).message}\n`);
          retry.push(p);
        } else errors.push(new Error(`error when evicting ${named}: ${(e as Error).message}`));
      }
    }
    pending = retry;
    // While the refused wait, the evicted are watched as kubectl's other goroutines watch them: once a second.
    for (let t = POLL_MS; pending.length && t <= RETRY_MS; t += POLL_MS) {
      cluster.advanceTo(cluster.now() + POLL_MS);
      if (server) continue;
      const gone = evicted.filter((p) => !current(cluster, p));
      for (const p of gone) io.out.write(`pod/${p.metadata.name} evicted\n`);
      evicted = evicted.filter((p) => !gone.includes(p));
    }
  }
  return evicted;
}
