// statefulsets: NAME READY AGE | CONTAINERS IMAGES (v1.32's printStatefulSet)
import type { StatefulSet } from '../../api/types';
import { age } from '../age';
import type { TableDef } from './table';
import { containerImages, containerNames } from './workload';

export const statefulSetTable: TableDef<StatefulSet> = {
  columns: [
    { name: 'Name', cell: (s) => s.metadata.name ?? '' },
    { name: 'Ready', cell: (s) => `${s.status?.readyReplicas ?? 0}/${s.spec.replicas ?? 0}` },
    { name: 'Age', cell: (s, c) => age(s.metadata.creationTimestamp, c.now) },
    { name: 'Containers', priority: 1, cell: (s) => containerNames(s.spec.template) },
    { name: 'Images', priority: 1, cell: (s) => containerImages(s.spec.template) },
  ],
};
