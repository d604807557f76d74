// Killing an evicted pod's containers as the kubelet's pod worker does (killPodNow): each live
// container is stopped through the runtime (SIGTERM, then SIGKILL when the grace period ends: an
// eviction's 1s, raised to the runtime's 2s minimum), and the pod's container statuses turn
// terminated as the processes end, with the exit the runtime saw (a server that shuts down on
// SIGTERM Completed, a shell that ignores it killed with 137). A container the runtime has no
// record of is reported as the kubelet reports one it cannot find.
import type { ContainerStatus, Node, Pod } from '../../api/types';
import type { ReconcileContext } from '../../engine/controller';
import { podRun, stopContainer, stopsAt, terminated } from '../kubelet/containers';
import { getRecord } from '../kubelet/records';

/** minimumGracePeriodInSeconds: what an eviction's 1s grace period becomes in the runtime. */
export const EVICTION_GRACE_MS = 2_000;

/**
 * Stops the pod's live containers (with their Killing events) within `graceMs` (an eviction's by
 * default); returns when the last one ends.
 */
export function killContainers(ctx: ReconcileContext, pod: Pod, node: Node, graceMs = EVICTION_GRACE_MS): number {
  const run = podRun(ctx, pod, node);
  const now = run.now;
  let last = now;
  for (const c of [...(pod.spec.initContainers ?? []), ...pod.spec.containers]) {
    const rec = getRecord(ctx.disk, pod.metadata.uid!, c.name);
    if (!rec || (rec.exit && rec.exit.at <= now && !rec.stopping)) continue;
    last = Math.max(last, stopsAt(stopContainer(run, c, rec, `Stopping container ${c.name}`, graceMs)));
  }
  return last;
}

/** A killed pod's container statuses as far as its processes have ended by `now`. */
export function endedStatuses(ctx: ReconcileContext, pod: Pod, statuses: readonly ContainerStatus[] | undefined): ContainerStatus[] | undefined {
  const now = ctx.clock.now();
  return statuses?.map((s) => {
    if (!s.state.running) return s;
    const rec = getRecord(ctx.disk, pod.metadata.uid!, s.name);
    if (rec && (!rec.exit || rec.exit.at > now)) return s;
    const state = rec
      ? { terminated: terminated(rec) }
      : {
          terminated: {
            exitCode: 137,
            finishedAt: null,
            message: 'The container could not be located when the pod was terminated',
            reason: 'ContainerStatusUnknown',
            startedAt: null,
          },
        };
    return { ...s, ready: false, started: false, state };
  });
}
