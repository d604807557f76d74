// Claiming pods for a controller (controller_ref_manager's ClaimPods): matching orphans adopted,
// owned pods that stopped matching released; and a label test answered once per labels object.
import { pod as podKind } from '../api/kinds/pod';
import { newControllerRef } from '../api/meta/ownerrefs';
import { isPodActive } from '../api/pod/status';
import type { PodView } from '../api/pod/view';
import type { KubeObject, Labels } from '../api/types';
import type { PodIndex } from '../client/podindex';
import type { ReconcileContext } from '../engine/controller';

/**
 * Adopts matching orphans and releases `owned` pods whose labels no longer match (`selected`
 * answers for the selector). Returns whether it adopted any.
 */
export function claimPods(
  ctx: ReconcileContext,
  owner: KubeObject,
  pods: PodIndex,
  owned: readonly PodView[],
  selected: (labels: Labels | undefined) => boolean,
  /** A further test an orphan must pass to be adopted (a StatefulSet's: named as its pods are). */
  member: (v: PodView) => boolean = () => true,
): boolean {
  if (owner.metadata.deletionTimestamp) return false;
  let adopted = false;
  // Views carry owners' uids only: the references written back are read from the whole pod.
  for (const v of pods.orphansIn(owner.metadata.namespace!)) {
    if (!isPodActive(v) || !selected(v.metadata.labels) || !member(v)) continue;
    const p = pods.whole(v);
    if (!p) continue;
    ctx.client.patch(podKind.type, p.metadata.namespace, p.metadata.name!, 'merge', {
      metadata: { ownerReferences: [...(p.metadata.ownerReferences ?? []), newControllerRef(owner)], uid: p.metadata.uid },
    });
    adopted = true;
  }
  const released = owned.filter((v) => !selected(v.metadata.labels) && !v.metadata.deletionTimestamp);
  for (const v of released.sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1))) {
    const p = pods.whole(v);
    if (!p) continue;
    ctx.client.patch(podKind.type, p.metadata.namespace, p.metadata.name!, 'merge', {
      metadata: { ownerReferences: (p.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid), uid: p.metadata.uid },
    });
  }
  return adopted;
}

/**
 * A test of pods' labels answered once per labels object: replicas read from the store share
 * theirs (store/viewdelta.ts), so ten thousand pods are mostly one answer.
 */
export function perLabels(test: (labels: Labels | undefined) => boolean): (labels: Labels | undefined) => boolean {
  const answers = new WeakMap<Labels, boolean>();
  return (labels) => {
    if (!labels) return test(labels);
    let answer = answers.get(labels);
    if (answer === undefined) answers.set(labels, (answer = test(labels)));
    return answer;
  };
}

