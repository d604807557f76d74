// Describers keyed by kind (kubectl's describerMap).
import { describeConfigMap, describeServiceAccount } from './config';
import { describeCronJob } from './cronjob';
import { describeDaemonSet } from './daemonset';
import { describeDeployment } from './deployment';
import type { Describer } from './describer';
import { describeGeneric } from './generic';
import { describeJob } from './job';
import { describeNamespace } from './namespace';
import { describeNode } from './node';
import { describePersistentVolumeClaim } from './persistentvolumeclaim';
import { describePod } from './pod';
import { describePodDisruptionBudget } from './poddisruptionbudget';
import { describeReplicaSet } from './replicaset';
import { describeSecret } from './secret';
import { describeStatefulSet } from './statefulset';

export { podTemplateText } from './containers';
export type { DescribeContext, DescribeLookup, Describer } from './describer';

const DESCRIBERS: Record<string, Describer<any>> = {
  ConfigMap: describeConfigMap,
  CronJob: describeCronJob,
  DaemonSet: describeDaemonSet,
  Deployment: describeDeployment,
  Job: describeJob,
  Namespace: describeNamespace,
  Node: describeNode,
  PersistentVolumeClaim: describePersistentVolumeClaim,
  Pod: describePod,
  PodDisruptionBudget: describePodDisruptionBudget,
  ReplicaSet: describeReplicaSet,
  Secret: describeSecret,
  ServiceAccount: describeServiceAccount,
  StatefulSet: describeStatefulSet,
};

/** The kind's describer, or kubectl's generic one for a kind that has none. */
export function describerFor(kind: string): Describer {
  return DESCRIBERS[kind] ?? describeGeneric;
}
