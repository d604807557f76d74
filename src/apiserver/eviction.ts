// pods/eviction (registry/core/pod/storage/eviction.go): an Eviction asks the API server to delete
// a pod gracefully on the client's behalf. Before deleting, the server marks the pod with the
// DisruptionTarget condition. PodDisruptionBudgets, which may refuse an eviction (429), are not
// served yet, so every eviction of an existing pod is allowed.
import { pod as podKind } from '../api/kinds/pod';
import { type Clock, rfc3339 } from '../api/time';
import type { Condition, Pod } from '../api/types';
import { type UserInfo, authorize } from './auth';
import type { ApiServer } from './server';

export interface EvictOptions {
  dryRun?: boolean;
  /** The DeleteOptions' grace period; the pod's own when unset. */
  gracePeriodSeconds?: number;
}

/** The server acts on the pod itself: the caller needs only the right to create evictions. */
const EVICTION_REST = { name: 'system:apiserver', groups: ['system:masters', 'system:authenticated'] };

export function evictPod(server: ApiServer, clock: Clock, user: UserInfo, namespace: string, name: string, opts: EvictOptions = {}): void {
  authorize({ user, verb: 'create', type: podKind.type, namespace, name, subresource: 'eviction' });
  const pod = server.get(EVICTION_REST, podKind.type, namespace, name) as Pod;
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
