// When the kubelet syncs a pod again (pkg/kubelet/pod_workers.go): a sync that failed is retried
// after 10s, a sync that only found a back-off (ImagePullBackOff) waits for the periodic resync
// (1m), each with up to 50% jitter; the relist that notices a new sandbox comes a second after
// it. A pod whose processes or probes have something coming is woken for it; a pod that is
// simply running needs no timer.
import type { Pod } from '../../api/types';
import type { ReconcileContext } from '../../engine/controller';
import { getRecord } from './records';

const BACKOFF_PERIOD_MS = 10_000;
const RESYNC_MS = 60_000;
const JITTER = 0.5;
const RELIST_MS = 1_000;

/** How a sync went: nothing left to do, an error (a failed pull), or only a back-off to sit out. */
export type SyncOutcome = 'done' | 'error' | 'backoff';

interface Due {
  at: number;
  /** A change to the pod makes it due at once, as an update from the API would (see `updateOf`). */
  update?: string;
  /** The `kubectl exec` commands its containers had seen: another one makes it due at once. */
  execs?: number;
}

/**
 * A key of what the kubelet remembers about one pod ("<uid>/sync", "<uid>/probe/web/liveness"):
 * everything of a pod under its uid, so a pod that goes is forgotten by one prefix.
 */
export const podMemoryKey = (uid: string, ...parts: string[]) => [uid, ...parts].join('/');

const keyOf = (pod: Pod) => podMemoryKey(pod.metadata.uid!, 'sync');

/**
 * What of a pod can change after its creation and concerns the kubelet: the containers' images,
 * activeDeadlineSeconds and the annotations (failure injection). Pods have no generation.
 */
function updateOf(pod: Pod): string {
  const images = [...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => c.image ?? '');
  return JSON.stringify([images, pod.spec.activeDeadlineSeconds ?? null, pod.metadata.annotations ?? {}]);
}

/** wait.Jitter: d plus up to `JITTER` of it, from the seeded generator. */
function jitter(ctx: ReconcileContext, ms: number): number {
  return ms + ctx.random.int(Math.floor(ms * JITTER) + 1);
}

/** How many exec commands ran in the pod's current container instances. */
function execsIn(ctx: ReconcileContext, pod: Pod): number {
  let n = 0;
  for (const c of [...(pod.spec.initContainers ?? []), ...pod.spec.containers]) n += getRecord(ctx.disk, pod.metadata.uid!, c.name)?.execs ?? 0;
  return n;
}

/** Milliseconds until the pod's next sync, or undefined when it is due now. */
export function notDueFor(ctx: ReconcileContext, pod: Pod): number | undefined {
  const due = ctx.memory.get<Due>(keyOf(pod));
  if (!due || due.update !== updateOf(pod) || (due.execs ?? 0) !== execsIn(ctx, pod)) return undefined;
  const wait = due.at - ctx.clock.now();
  return wait > 0 ? wait : undefined;
}

/**
 * Records when to sync the pod next; returns that delay, or undefined when nothing is pending.
 * `eventAt` is when something in the pod happens by itself (a process exits, a probe is due):
 * the PLEG or the prober wakes the worker then.
 */
export function scheduleNext(ctx: ReconcileContext, pod: Pod, outcome: SyncOutcome, sandboxCreated: boolean, eventAt?: number): number | undefined {
  const now = ctx.clock.now();
  const event = eventAt !== undefined ? Math.max(1, eventAt - now) : undefined;
  if (outcome === 'done' && event === undefined) {
    ctx.memory.set(keyOf(pod), undefined);
    return undefined;
  }
  const retry = outcome === 'done' ? undefined : outcome === 'backoff' ? jitter(ctx, RESYNC_MS) : sandboxCreated ? RELIST_MS : jitter(ctx, BACKOFF_PERIOD_MS);
  const delay = Math.min(retry ?? Infinity, event ?? Infinity);
  ctx.memory.set(keyOf(pod), { at: now + delay, update: updateOf(pod), execs: execsIn(ctx, pod) });
  return delay;
}

/** What the kubelet remembers of pods that are gone (schedules, pull back-offs) is dropped. */
export function forgetPods(ctx: ReconcileContext, live: (uid: string) => boolean): void {
  for (const key of ctx.memory.keys()) if (!live(key.slice(0, key.indexOf('/')))) ctx.memory.set(key, undefined);
}

/** What the kubelet remembers of one pod that is gone. */
export function forgetPodMemory(ctx: ReconcileContext, uid: string): void {
  for (const key of ctx.memory.keys(podMemoryKey(uid, ''))) ctx.memory.set(key, undefined);
}
