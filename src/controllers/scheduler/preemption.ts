// DefaultPreemption (the PostFilter): when no node fits, could evicting lower-priority pods make
// room? Nodes whose rejection is unresolvable cannot be helped; a node without lower-priority pods
// has no victims; otherwise the pod is tried on the node without them, and the victims kept to a
// minimum. The outcome is the message's "preemption: ..." part, or a node to nominate.
import type { Pod } from '../../api/types';
import { podCondition } from '../../api/pod/status';
import { type Cycle, type NodeInfo, type PodInfo, type Status, addPodInfo, newNodeInfo, nodeName, withoutPods } from './framework';
import { fitErrorMessage } from './fiterror';
import { fitsNode } from './schedule';
import type { Snapshot } from './snapshot';
import { cycleFor } from './snapshot';

export const NOT_HELPFUL = 'Preemption is not helpful for scheduling';
export const NO_VICTIMS = 'No preemption victims found for incoming pod';

export interface Candidate {
  node: NodeInfo;
  victims: Pod[];
}

export type PreemptionOutcome = { kind: 'failed'; message: string } | { kind: 'nominate'; candidate: Candidate };

const priority = (p: { spec: { priority?: number } }) => p.spec.priority ?? 0;

/** Deleted by an earlier preemption and not gone yet. */
export function terminatingByPreemption(p: Pod): boolean {
  return !!p.metadata.deletionTimestamp && podCondition(p, 'DisruptionTarget')?.reason === 'PreemptionByScheduler';
}

function eligible(snap: Snapshot, pod: Pod, statuses: Map<string, Status>): string | null {
  if (pod.spec.preemptionPolicy === 'Never') return 'not eligible due to preemptionPolicy=Never.';
  const nominated = pod.status?.nominatedNodeName;
  if (nominated && !statuses.get(nominated)?.unresolvable) {
    const info = snap.byName.get(nominated);
    if (info?.pods.some((p) => priority(p.pod) < priority(pod) && !!p.pod.metadata.deletionTimestamp && terminatingByPreemption(p.whole())))
      return 'not eligible due to a terminating pod on the nominated node.';
  }
  return null;
}

/** The cycle with one node replaced by a modified view of it. */
function cycleWith(snap: Snapshot, pod: Pod, replaced: NodeInfo): Cycle {
  return cycleFor(
    snap,
    pod,
    snap.nodes.map((n) => (nodeName(n) === nodeName(replaced) ? replaced : n)),
  );
}

/** SelectVictimsOnNode: the fewest lower-priority pods whose removal lets the pod fit, or why none. */
function victimsOn(snap: Snapshot, pod: Pod, info: NodeInfo): Pod[] | Status {
  const lower = info.pods.filter((p) => priority(p.pod) < priority(pod));
  if (!lower.length) return { reasons: [NO_VICTIMS], unresolvable: true };
  const without = withoutPods(info, new Set(lower.map((p) => p.pod.metadata.uid!)));
  const status = fitsNode(cycleWith(snap, pod, without), without);
  if (status) return status;
  // Reprieve as many as possible, most important first.
  const startTime = (p: PodInfo) => p.whole().status?.startTime ?? '';
  const byImportance = [...lower].sort((a, b) => priority(b.pod) - priority(a.pod) || startTime(a).localeCompare(startTime(b)));
  const kept = newNodeInfo(info.node);
  for (const p of without.pods) addPodInfo(kept, p);
  const victims: Pod[] = [];
  for (const p of byImportance) {
    const trial = newNodeInfo(info.node);
    for (const q of [...kept.pods, p]) addPodInfo(trial, q);
    if (fitsNode(cycleWith(snap, pod, trial), trial)) victims.push(p.whole());
    else addPodInfo(kept, p);
  }
  return victims;
}

/** pickOneNodeForPreemption: the lowest top victim priority, then the lowest sum, then the fewest. */
function pickCandidate(candidates: Candidate[]): Candidate {
  const key = (c: Candidate) => [Math.max(...c.victims.map(priority)), c.victims.reduce((s, p) => s + priority(p) + 2 ** 31, 0), c.victims.length];
  return candidates.reduce((best, c) => {
    const [a, b] = [key(c), key(best)];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? c : best;
    return best;
  });
}

export function preempt(snap: Snapshot, pod: Pod, statuses: Map<string, Status>): PreemptionOutcome {
  const notEligible = eligible(snap, pod, statuses);
  if (notEligible) return { kind: 'failed', message: `preemption: ${notEligible}` };
  const candidates: Candidate[] = [];
  const reasons: string[][] = [];
  for (const info of snap.nodes) {
    const status = statuses.get(nodeName(info));
    if (!status || status.unresolvable) {
      reasons.push([NOT_HELPFUL]);
      continue;
    }
    const found = victimsOn(snap, pod, info);
    if (Array.isArray(found)) {
      if (found.length) candidates.push({ node: info, victims: found });
      continue;
    }
    reasons.push([...found.reasons]);
  }
  if (candidates.length) return { kind: 'nominate', candidate: pickCandidate(candidates) };
  return { kind: 'failed', message: `preemption: ${fitErrorMessage({ numNodes: snap.nodes.length, nodeReasons: reasons })}` };
}
