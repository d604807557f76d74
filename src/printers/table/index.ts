// Table definitions keyed by kind; kinds without one get the server's default table.
import { apiServiceTable } from './apiservice';
import { configMapTable, serviceAccountTable } from './config';
import { controllerRevisionTable } from './controllerrevision';
import { cronJobTable } from './cronjob';
import { daemonSetTable } from './daemonset';
import { deploymentTable } from './deployment';
import { eventTable } from './event';
import { jobTable } from './job';
import { namespaceTable } from './namespace';
import { nodeTable } from './node';
import { persistentVolumeClaimTable } from './persistentvolumeclaim';
import { podTable } from './pod';
import { podDisruptionBudgetTable } from './poddisruptionbudget';
import { replicaSetTable } from './replicaset';
import { scaleTable } from './scale';
import { secretTable } from './secret';
import { statefulSetTable } from './statefulset';
import { age } from '../age';
import type { TableDef } from './table';

export { TableBuilder, type TableOptions } from './table';

const TABLES: Record<string, TableDef<any>> = {
  APIService: apiServiceTable,
  ConfigMap: configMapTable,
  ControllerRevision: controllerRevisionTable,
  CronJob: cronJobTable,
  DaemonSet: daemonSetTable,
  Deployment: deploymentTable,
  Event: eventTable,
  Job: jobTable,
  Namespace: namespaceTable,
  Node: nodeTable,
  PersistentVolumeClaim: persistentVolumeClaimTable,
  Pod: podTable,
  PodDisruptionBudget: podDisruptionBudgetTable,
  ReplicaSet: replicaSetTable,
  Scale: scaleTable,
  Secret: secretTable,
  ServiceAccount: serviceAccountTable,
  StatefulSet: statefulSetTable,
};

/** The default table: NAME and the creation time in RFC3339. */
const DEFAULT_TABLE: TableDef = {
  columns: [
    { name: 'Name', cell: (o) => o.metadata.name ?? '' },
    { name: 'Created At', cell: (o) => o.metadata.creationTimestamp ?? '' },
  ],
};

export function tableFor(kind: string): TableDef {
  return TABLES[kind] ?? DEFAULT_TABLE;
}

/** kubectl's own table when it does not ask the server for one (--server-print=false): NAME and AGE. */
export const CLIENT_TABLE: TableDef = {
  columns: [
    { name: 'Name', cell: (o) => o.metadata.name ?? '' },
    { name: 'Age', cell: (o, c) => age(o.metadata.creationTimestamp, c.now) },
  ],
};

