// A DaemonSet's RollingUpdate (daemon/update.go rollingUpdate): without surge, old pods are
// deleted while fewer than maxUnavailable nodes are without an available pod (the manage loop
// then makes the new ones); with surge, new pods are made beside old ones on up to maxSurge
// nodes, and an old pod goes once the new one beside it is available.
import { isPodUpdated } from '../../api/apps/daemonsets';
import { isPodAvailable } from '../../api/pod/status';
import type { DaemonSet, Pod } from '../../api/types';
import type { ReconcileContext } from '../../engine/controller';
import { scaledValue } from '../deployment/replicas';
import { type PodsByNode, syncNodes } from './pods';
import type { Placements } from './placement';

/** findUpdatedPodsOnNode: a node's one new and one old pod; `ok` false when it has two of either. */
function podsOnNode(pods: readonly Pod[], hash: string): { newPod?: Pod; oldPod?: Pod; ok: boolean } {
  let newPod: Pod | undefined;
  let oldPod: Pod | undefined;
  for (const p of pods) {
    if (p.metadata.deletionTimestamp) continue;
    if (isPodUpdated(p, hash)) {
      if (newPod) return { ok: false };
      newPod = p;
    } else {
      if (oldPod) return { ok: false };
      oldPod = p;
    }
  }
  return { newPod, oldPod, ok: true };
}

/** Returns whether it changed nothing. */
export function rollingUpdate(ctx: ReconcileContext, ds: DaemonSet, placements: Placements, byNode: PodsByNode, hash: string, generation: number | undefined): boolean {
  const now = ctx.clock.now();
  const minReady = ds.spec.minReadySeconds ?? 0;
  const available = (p: Pod) => isPodAvailable(p, minReady, now);
  // updatedDesiredNodeCounts: every node that wants a pod is counted, with or without one.
  const wanted = new Set<string>();
  for (const [name, placement] of placements) if (placement.shouldRun) wanted.add(name);
  const names = [...new Set([...byNode.keys(), ...wanted.keys()])].sort();
  const ru = ds.spec.updateStrategy?.rollingUpdate ?? {};
  const maxSurge = scaledValue(ru.maxSurge, wanted.size, true);
  let maxUnavailable = scaledValue(ru.maxUnavailable, wanted.size, true);
  if (maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;

  if (maxSurge === 0) {
    let unavailable = 0;
    const replacements: Pod[] = [];
    const candidates: Pod[] = [];
    for (const name of names) {
      const { newPod, oldPod, ok } = podsOnNode(byNode.get(name) ?? [], hash);
      if (!ok || (!newPod && !oldPod) || (newPod && oldPod)) {
        // The manage loop makes or deletes what this node needs: it counts as unavailable.
        unavailable++;
      } else if (newPod) {
        if (!available(newPod)) unavailable++;
      } else if (!available(oldPod!)) replacements.push(oldPod!);
      else if (unavailable < maxUnavailable) candidates.push(oldPod!);
    }
    const room = Math.min(Math.max(maxUnavailable - unavailable, 0), candidates.length);
    return syncNodes(ctx, ds, [...replacements, ...candidates.slice(0, room)], [], hash, generation);
  }

  let surged = 0;
  const oldToDelete: Pod[] = [];
  const shouldNotRun: Pod[] = [];
  const allowedNew: string[] = [];
  const candidateNew: string[] = [];
  for (const name of names) {
    const { newPod, oldPod, ok } = podsOnNode(byNode.get(name) ?? [], hash);
    if (!ok) {
      surged++;
      continue;
    }
    if (!oldPod) continue;
    if (!newPod) {
      if (!available(oldPod)) {
        // An old pod that is not available is replaced at once, where the node still wants one.
        if (!wanted.has(name)) shouldNotRun.push(oldPod);
        else allowedNew.push(name);
      } else if (surged < maxSurge) candidateNew.push(name);
      continue;
    }
    if (!available(newPod)) surged++;
    else oldToDelete.push(oldPod);
  }
  const room = Math.min(Math.max(maxSurge - surged, 0), candidateNew.length);
  return syncNodes(ctx, ds, [...oldToDelete, ...shouldNotRun], [...allowedNew, ...candidateNew.slice(0, room)], hash, generation);
}
