// A DaemonSet's pods as the controller sees them (getNodesToDaemonPods) and the one place they
// are made and deleted (syncNodes).
import { claimPods, perLabels } from '../claim';
import { newControllerRef } from '../../api/meta/ownerrefs';
import { fromLabelSelector, matches } from '../../api/meta/selector';
import { pod as podKind } from '../../api/kinds/pod';
import { parseTime } from '../../api/time';
import type { DaemonSet, Pod } from '../../api/types';
import type { PodIndex } from '../../client/podindex';
import type { ReconcileContext } from '../../engine/controller';
import { daemonPodTemplate, targetNode } from './placement';

/** The most pods one sync creates in a batch (the controller's BurstReplicas); batches grow 1, 2, 4 … */
const BURST = 250;
/** A node's daemon pods, and the pods meant for nodes that do not exist. */
export type PodsByNode = Map<string, Pod[]>;

/** ClaimPods for a DaemonSet: matching orphans adopted, owned pods that stopped matching released. */
export function claimDaemonPods(ctx: ReconcileContext, ds: DaemonSet, pods: PodIndex): void {
  const selector = fromLabelSelector(ds.spec.selector) ?? [];
  if (selector.length) claimPods(ctx, ds, pods, pods.byController(ds.metadata.uid!), perLabels((labels) => matches(selector, labels)));
}

/** getNodesToDaemonPods: the pods it controls and selects, by the node each is bound to or meant for, oldest first. */
export function daemonPods(ds: DaemonSet, pods: PodIndex): PodsByNode {
  const selector = fromLabelSelector(ds.spec.selector) ?? [];
  const selected = perLabels((labels) => matches(selector, labels));
  const byNode: PodsByNode = new Map();
  for (const v of pods.byController(ds.metadata.uid!)) {
    if (!selected(v.metadata.labels)) continue;
    const pod = pods.whole(v);
    const node = pod && targetNode(pod);
    if (!pod || !node) continue;
    const list = byNode.get(node);
    if (list) list.push(pod);
    else byNode.set(node, [pod]);
  }
  for (const list of byNode.values()) list.sort(byCreationAndPhase);
  return byNode;
}

/** podByCreationTimestampAndPhase: bound pods first, then the oldest, then by name. */
export function byCreationAndPhase(a: Pod, b: Pod): number {
  if (!!a.spec.nodeName !== !!b.spec.nodeName) return a.spec.nodeName ? -1 : 1;
  const ta = parseTime(a.metadata.creationTimestamp) ?? 0;
  const tb = parseTime(b.metadata.creationTimestamp) ?? 0;
  return ta - tb || (a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0);
}

export function allowsSurge(ds: DaemonSet): boolean {
  const s = ds.spec.updateStrategy;
  return s?.type === 'RollingUpdate' && s.rollingUpdate?.maxSurge !== undefined && s.rollingUpdate.maxSurge !== 0 && s.rollingUpdate.maxSurge !== '0%';
}

/** syncNodes: deletes `doomed`, then makes a pod for each node in `needing` in slow-start batches. Returns whether it changed nothing. */
export function syncNodes(ctx: ReconcileContext, ds: DaemonSet, doomed: readonly Pod[], needing: readonly string[], hash: string, generation: number | undefined): boolean {
  for (let done = 0, batch = 1; done < needing.length; done += batch, batch = Math.min(batch * 2, BURST)) {
    for (const node of needing.slice(done, done + batch)) {
      const t = daemonPodTemplate(ds, node, hash, generation);
      const metadata: Pod['metadata'] = { generateName: `${ds.metadata.name}-`, namespace: ds.metadata.namespace, labels: t.metadata?.labels, ownerReferences: [newControllerRef(ds)] };
      if (t.metadata?.annotations) metadata.annotations = { ...t.metadata.annotations };
      if (t.metadata?.finalizers) metadata.finalizers = [...t.metadata.finalizers];
      try {
        const created = ctx.client.create(podKind.type, { apiVersion: 'v1', kind: 'Pod', metadata, spec: t.spec });
        ctx.events.event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
      } catch (e) {
        ctx.events.event(ds, 'Warning', 'FailedCreate', `Error creating: ${(e as Error).message}`);
        return false;
      }
    }
  }
  for (const p of doomed) {
    try {
      ctx.client.delete(podKind.type, p.metadata.namespace, p.metadata.name!);
      ctx.events.event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`);
    } catch (e) {
      ctx.events.event(ds, 'Warning', 'FailedDelete', `Error deleting: ${(e as Error).message}`);
    }
  }
  return !doomed.length && !needing.length;
}

