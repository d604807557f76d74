// Rollouts of StatefulSets: progress from the status (StatefulSetStatusViewer: with a partition,
// which the API server defaults to 0, done once the pods above it are updated); history, rollback
// and restart as for every kind with ControllerRevisions.
import { statefulset as stsKind } from '../../../api/kinds/statefulset';
import type { KubeObject, StatefulSet } from '../../../api/types';
import { CliError } from '../../errors';
import { revisionRollout } from './revisions';

function status(obj: KubeObject): { message: string; done: boolean } {
  const sts = obj as StatefulSet;
  const strategy = sts.spec.updateStrategy;
  if (strategy?.type !== 'RollingUpdate') throw new CliError('rollout status is only available for RollingUpdate strategy type');
  const s = sts.status;
  if (!s?.observedGeneration || (sts.metadata.generation ?? 0) > s.observedGeneration) return { message: 'Waiting for statefulset spec update to be observed...\n', done: false };
  const replicas = sts.spec.replicas;
  const ready = s.readyReplicas ?? 0;
  if (replicas !== undefined && ready < replicas) return { message: `Waiting for ${replicas - ready} pods to be ready...\n`, done: false };
  const updated = s.updatedReplicas ?? 0;
  if (strategy.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition;
    if (replicas !== undefined && partition !== undefined && updated < replicas - partition)
      return { message: `Waiting for partitioned roll out to finish: ${updated} out of ${replicas - partition} new pods have been updated...\n`, done: false };
    return { message: `partitioned roll out complete: ${updated} new pods have been updated...\n`, done: true };
  }
  if (s.updateRevision !== s.currentRevision) return { message: `waiting for statefulset rolling update to complete ${updated} pods at revision ${s.updateRevision}...\n`, done: false };
  return { message: `statefulset rolling update complete ${s.currentReplicas ?? 0} pods at revision ${s.currentRevision}...\n`, done: true };
}

export const statefulSetRollout = revisionRollout(stsKind.type, status);
