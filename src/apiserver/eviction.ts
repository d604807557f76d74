// pods/eviction (registry/core/pod/storage/eviction.go): an Eviction asks the API server to delete
// a pod gracefully on the client's behalf, if the pod's PodDisruptionBudget allows it. A pod that
// is pending, finished or already being deleted goes at once; one with no budget too; a pod under
// one budget goes only while the budget allows a disruption, which the eviction spends (recording
// the pod in the budget's disruptedPods), else 429 "Cannot evict pod as it would violate the pod's
// disruption budget."; an unready pod may go without spending one (unhealthyPodEvictionPolicy).
// Before deleting, the server marks the pod with the DisruptionTarget condition.
import { forbidden, tooManyRequests, unknownError } from '../api/errors';
import { pod as podKind } from '../api/kinds/pod';
import { EMPTY_PDB_STATUS, poddisruptionbudget as pdbKind } from '../api/kinds/poddisruptionbudget';
import { labelSelectorMatches } from '../api/meta/selector';
import { isPodReady } from '../api/pod/status';
import { withDisruptionAllowed } from '../api/policy/budget';
import { type Clock, rfc3339 } from '../api/time';
import type { Condition, Pod, PodDisruptionBudget } from '../api/types';
import { type UserInfo, authorize } from './auth';
import type { ApiServer } from './server';

export interface EvictOptions {
  dryRun?: boolean;
  /** The DeleteOptions' grace period; the pod's own when unset. */
  gracePeriodSeconds?: number;
}

/** The server acts on the pod itself: the caller needs only the right to create evictions. */
const EVICTION_REST = { name: 'system:apiserver', groups: ['system:masters', 'system:authenticated'] };

const VIOLATION = "Cannot evict pod as it would violate the pod's disruption budget.";
/** More evictions than this not yet confirmed by the disruption controller are refused. */
const MAX_DISRUPTED_PODS = 2000;

const pdbResource = { group: 'policy', resource: 'poddisruptionbudget' };

/** A pod that is pending, finished or already being deleted never spends a budget. */
function canIgnoreBudget(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || !!pod.metadata.deletionTimestamp;
}

/** checkAndDecrement: the budget allows one more disruption now, which this eviction takes. */
function spendDisruption(server: ApiServer, clock: Clock, pdb: PodDisruptionBudget, podName: string, dryRun: boolean): void {
  const status = pdb.status ?? EMPTY_PDB_STATUS;
  const name = pdb.metadata.name!;
  if ((status.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0))
    throw tooManyRequests(VIOLATION, 10, [{ reason: 'DisruptionBudget', message: `The disruption budget ${name} is still being processed by the server.` }]);
  if (status.disruptionsAllowed < 0) throw forbidden(pdbResource, name, 'pdb disruptions allowed is negative');
  if (Object.keys(status.disruptedPods ?? {}).length > MAX_DISRUPTED_PODS)
    throw forbidden(pdbResource, name, 'DisruptedPods map too big - too many evictions not confirmed by PDB controller');
  if (status.disruptionsAllowed === 0)
    throw tooManyRequests(VIOLATION, 0, [
      { reason: 'DisruptionBudget', message: `The disruption budget ${name} needs ${status.desiredHealthy} healthy pods and has ${status.currentHealthy} currently` },
    ]);
  if (dryRun) return;
  const now = clock.now();
  const next = { ...status, disruptionsAllowed: status.disruptionsAllowed - 1, disruptedPods: { ...status.disruptedPods, [podName]: rfc3339(now) } };
  if (next.disruptionsAllowed === 0) next.conditions = withDisruptionAllowed(next, now);
  server.update(EVICTION_REST, pdbKind.type, { ...pdb, status: next }, { subresource: 'status' });
}

/** Whether the pod's budget lets it go: throws the refusal, spends a disruption where one is needed. */
function checkBudget(server: ApiServer, clock: Clock, pod: Pod, dryRun: boolean): void {
  const budgets = (server.list(EVICTION_REST, pdbKind.type, pod.metadata.namespace) as PodDisruptionBudget[]).filter((b) => labelSelectorMatches(b.spec.selector, pod.metadata.labels));
  if (!budgets.length) return;
  if (budgets.length > 1) throw unknownError('This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
  const pdb = budgets[0]!;
  if (!isPodReady(pod)) {
    // An unready pod is no loss to a budget that is met (or that always lets them go).
    if (pdb.spec.unhealthyPodEvictionPolicy === 'AlwaysAllow') return;
    const s = pdb.status;
    if (s && s.currentHealthy >= s.desiredHealthy && s.desiredHealthy > 0) return;
  }
  spendDisruption(server, clock, pdb, pod.metadata.name!, dryRun);
}

export function evictPod(server: ApiServer, clock: Clock, user: UserInfo, namespace: string, name: string, opts: EvictOptions = {}): void {
  authorize({ user, verb: 'create', type: podKind.type, namespace, name, subresource: 'eviction' });
  const pod = server.get(EVICTION_REST, podKind.type, namespace, name) as Pod;
  if (!canIgnoreBudget(pod)) checkBudget(server, clock, pod, !!opts.dryRun);
  // A pod already terminating is not written again: here an update of a terminating pod without
  // finalizers would remove it at once, where the real server lets it finish terminating.
  if (!opts.dryRun && !pod.metadata.deletionTimestamp) {
    const condition: Condition = {
      lastProbeTime: null,
      lastTransitionTime: rfc3339(clock.now()),
      message: 'Eviction API: evicting',
      reason: 'EvictionByEvictionAPI',
      status: 'True',
      type: 'DisruptionTarget',
    };
    const current = pod.status?.conditions?.find((c) => c.type === 'DisruptionTarget');
    if (current?.status !== 'True' || current.reason !== condition.reason || current.message !== condition.message) {
      const conditions = [...(pod.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'), condition];
      server.update(EVICTION_REST, podKind.type, { ...pod, status: { ...pod.status, conditions } }, { subresource: 'status' });
    }
  }
  server.delete(EVICTION_REST, podKind.type, namespace, name, { gracePeriodSeconds: opts.gracePeriodSeconds, dryRun: opts.dryRun, preconditions: { uid: pod.metadata.uid } });
}
