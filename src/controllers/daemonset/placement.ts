// Where a DaemonSet's pods go (pkg/controller/daemon/util and NodeShouldRunDaemonPod): the pod a
// node would get — the template with the node named in its required node affinity and the
// tolerations every daemon pod has — and whether the node should run it or keep running it.
import type { DaemonSet, Node, Pod, PodSpec, PodTemplateSpec, Toleration } from '../../api/types';
import { CONTROLLER_REVISION_HASH, POD_TEMPLATE_GENERATION } from '../../api/apps/daemonsets';
import { matchesRequiredNodeAffinity } from '../scheduler/nodeselector';
import { untoleratedTaint } from '../scheduler/plugins/tainttoleration';
import { toleratesAll } from '../../api/meta/taints';

const exists = (key: string, effect: Toleration['effect']): Toleration => ({ key, operator: 'Exists', effect });

/** util.AddOrUpdateDaemonPodTolerations, in its order. */
function daemonTolerations(spec: PodSpec): Toleration[] {
  const added = [
    exists('node.kubernetes.io/not-ready', 'NoExecute'),
    exists('node.kubernetes.io/unreachable', 'NoExecute'),
    exists('node.kubernetes.io/disk-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/memory-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/pid-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/unschedulable', 'NoSchedule'),
  ];
  if (spec.hostNetwork) added.push(exists('node.kubernetes.io/network-unavailable', 'NoSchedule'));
  let tolerations = [...(spec.tolerations ?? [])];
  for (const t of added) tolerations = addOrUpdateToleration(tolerations, t);
  return tolerations;
}

/** v1helper.AddOrUpdateTolerationInPodSpec: one with the same key, operator, value and effect is replaced, else it is appended. */
function addOrUpdateToleration(tolerations: Toleration[], t: Toleration): Toleration[] {
  const same = (o: Toleration) => (o.key ?? '') === t.key && (o.operator ?? '') === t.operator && (o.value ?? '') === (t.value ?? '') && (o.effect ?? '') === t.effect;
  return tolerations.some(same) ? tolerations.map((o) => (same(o) ? t : o)) : [...tolerations, t];
}

/** util.ReplaceDaemonSetPodNodeNameNodeAffinity: the required node terms become the one node's. */
function nodeAffinityFor(affinity: PodSpec['affinity'], node: string): NonNullable<PodSpec['affinity']> {
  const required = { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] };
  const a = { ...((affinity ?? {}) as Record<string, unknown>) };
  const nodeAffinity = { ...((a.nodeAffinity ?? {}) as Record<string, unknown>) };
  nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = required;
  a.nodeAffinity = nodeAffinity;
  return a as NonNullable<PodSpec['affinity']>;
}

/** util.CreatePodTemplate plus the node's affinity: the template of the pod `node` gets. */
export function daemonPodTemplate(ds: DaemonSet, node: string, hash: string, generation: number | undefined): PodTemplateSpec {
  const t = ds.spec.template;
  const labels = { ...(t.metadata?.labels ?? {}) };
  if (generation !== undefined) labels[POD_TEMPLATE_GENERATION] = String(generation);
  if (hash) labels[CONTROLLER_REVISION_HASH] = hash;
  const spec = { ...t.spec, tolerations: daemonTolerations(t.spec), affinity: nodeAffinityFor(t.spec.affinity, node) };
  return { ...t, metadata: { ...t.metadata, labels }, spec };
}

export interface Placement {
  /** The node should run a daemon pod: a new one is made if it has none. */
  shouldRun: boolean;
  /** A daemon pod already there may stay (it tolerates the node's NoExecute taints). */
  shouldContinueRunning: boolean;
}

/** Each node's placement for one DaemonSet, by node name in name order. */
export type Placements = Map<string, Placement>;

/** NodeShouldRunDaemonPod. */
export function placementOn(node: Node, ds: DaemonSet): Placement {
  const spec = ds.spec.template.spec;
  const name = node.metadata.name!;
  if (spec.nodeName && spec.nodeName !== name) return { shouldRun: false, shouldContinueRunning: false };
  // NewPod: the template as it is (its own affinity judged), named for the node, with the tolerations added.
  const pod: Pod = { apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: { ...spec, nodeName: name, tolerations: daemonTolerations(spec) } };
  if (!matchesRequiredNodeAffinity(pod, node)) return { shouldRun: false, shouldContinueRunning: false };
  const taints = node.spec?.taints;
  if (!untoleratedTaint(taints, pod.spec.tolerations)) return { shouldRun: true, shouldContinueRunning: true };
  // A pod already there keeps running unless a NoExecute taint is not tolerated.
  const noExecute = (taints ?? []).some((t) => t.effect === 'NoExecute' && !toleratesAll(pod.spec.tolerations, t));
  return { shouldRun: false, shouldContinueRunning: !noExecute };
}

/** util.GetTargetNodeName: the node a daemon pod is bound to or meant for. */
export function targetNode(pod: Pod): string | undefined {
  if (pod.spec.nodeName) return pod.spec.nodeName;
  const terms = (pod.spec.affinity as { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: { matchFields?: { key: string; operator: string; values?: string[] }[] }[] } } } | undefined)
    ?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  for (const term of terms ?? []) for (const f of term.matchFields ?? []) if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0];
  return undefined;
}
