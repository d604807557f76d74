// Rollouts of DaemonSets: progress from the status (DaemonSetStatusViewer); history, rollback and
// restart as for every kind with ControllerRevisions.
import { daemonset as dsKind } from '../../../api/kinds/daemonset';
import type { DaemonSet, KubeObject } from '../../../api/types';
import { CliError } from '../../errors';
import { revisionRollout } from './revisions';

function status(obj: KubeObject): { message: string; done: boolean } {
  const ds = obj as DaemonSet;
  if (ds.spec.updateStrategy?.type !== 'RollingUpdate') throw new CliError('rollout status is only available for RollingUpdate strategy type');
  const s = ds.status;
  if ((ds.metadata.generation ?? 0) > (s?.observedGeneration ?? 0)) return { message: 'Waiting for daemon set spec update to be observed...\n', done: false };
  const name = JSON.stringify(ds.metadata.name);
  const desired = s?.desiredNumberScheduled ?? 0;
  if ((s?.updatedNumberScheduled ?? 0) < desired)
    return { message: `Waiting for daemon set ${name} rollout to finish: ${s?.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...\n`, done: false };
  if ((s?.numberAvailable ?? 0) < desired) return { message: `Waiting for daemon set ${name} rollout to finish: ${s?.numberAvailable ?? 0} of ${desired} updated pods are available...\n`, done: false };
  return { message: `daemon set ${name} successfully rolled out\n`, done: true };
}

export const daemonSetRollout = revisionRollout(dsKind.type, status);
