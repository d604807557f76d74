// What `kubectl rollout` can do with each kind (kubectl's polymorphichelpers): show a rollout's
// progress, its history, roll it back, pause, resume and restart it. Kinds are data: each
// workload kind contributes its capabilities here.
import type { ResourceType } from '../../../api/registry';
import type { KubeObject } from '../../../api/types';
import { CliError } from '../../errors';
import { daemonSetRollout } from './daemonset';
import { deploymentRollout } from './deployment';
import { statefulSetRollout } from './statefulset';
import { type HistoryViewer, RefusedError, type RolloutKind } from './kind';

export type { DryRunMode, HistoryViewer, RolloutKind, RolloutStatus } from './kind';
export { RefusedError } from './kind';

const KINDS: Record<string, RolloutKind> = {
  'apps/Deployment': deploymentRollout,
  'apps/DaemonSet': daemonSetRollout,
  'apps/StatefulSet': statefulSetRollout,
};

function kindOf(type: ResourceType): RolloutKind {
  return KINDS[`${type.group}/${type.kind}`] ?? {};
}

/** schema.GroupKind's String(): "Pod", "ReplicaSet.apps". */
export function groupKind(type: ResourceType): string {
  return type.group ? `${type.kind}.${type.group}` : type.kind;
}

export function statusViewerFor(type: ResourceType): NonNullable<RolloutKind['status']> {
  const status = kindOf(type).status;
  if (!status) throw new CliError(`no status viewer has been implemented for ${groupKind(type)}`);
  return status;
}

export function historyViewerFor(type: ResourceType): HistoryViewer {
  const history = kindOf(type).history;
  if (!history) throw new CliError(`no history viewer has been implemented for ${JSON.stringify(groupKind(type))}`);
  return history;
}

export function rollbackerFor(type: ResourceType): NonNullable<RolloutKind['rollback']> {
  const rollback = kindOf(type).rollback;
  if (!rollback) throw new CliError(`no rollbacker has been implemented for ${JSON.stringify(groupKind(type))}`);
  return rollback;
}

/** The pause/resume/restart mutation of a kind, or why it does not apply. */
export function mutatorFor(type: ResourceType, verb: 'pause' | 'resume' | 'restart'): (obj: KubeObject, now: number) => KubeObject {
  const k = kindOf(type);
  const fn = verb === 'pause' ? k.pause : verb === 'resume' ? k.resume : k.restart;
  if (fn) return fn;
  const gerund = { pause: 'pausing', resume: 'resuming', restart: 'restarting' }[verb];
  return () => {
    throw new RefusedError(`${gerund} is not supported`);
  };
}
