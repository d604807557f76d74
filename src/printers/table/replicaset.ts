// replicasets: NAME DESIRED CURRENT READY AGE | CONTAINERS IMAGES SELECTOR
import type { ReplicaSet } from '../../api/types';
import { age } from '../age';
import type { TableDef } from './table';
import { containerImages, containerNames, selectorText } from './workload';

export const replicaSetTable: TableDef<ReplicaSet> = {
  columns: [
    { name: 'Name', cell: (r) => r.metadata.name ?? '' },
    { name: 'Desired', cell: (r) => String(r.spec.replicas ?? 0) },
    { name: 'Current', cell: (r) => String(r.status?.replicas ?? 0) },
    { name: 'Ready', cell: (r) => String(r.status?.readyReplicas ?? 0) },
    { name: 'Age', cell: (r, c) => age(r.metadata.creationTimestamp, c.now) },
    { name: 'Containers', priority: 1, cell: (r) => containerNames(r.spec.template) },
    { name: 'Images', priority: 1, cell: (r) => containerImages(r.spec.template) },
    { name: 'Selector', priority: 1, cell: (r) => selectorText(r.spec.selector) },
  ],
};
