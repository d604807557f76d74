// deployments: NAME READY UP-TO-DATE AVAILABLE AGE | CONTAINERS IMAGES SELECTOR
import type { Deployment } from '../../api/types';
import { age } from '../age';
import type { TableDef } from './table';
import { containerImages, containerNames, selectorText } from './workload';

export const deploymentTable: TableDef<Deployment> = {
  columns: [
    { name: 'Name', cell: (d) => d.metadata.name ?? '' },
    { name: 'Ready', cell: (d) => `${d.status?.readyReplicas ?? 0}/${d.spec.replicas ?? 0}` },
    { name: 'Up-to-date', cell: (d) => String(d.status?.updatedReplicas ?? 0) },
    { name: 'Available', cell: (d) => String(d.status?.availableReplicas ?? 0) },
    { name: 'Age', cell: (d, c) => age(d.metadata.creationTimestamp, c.now) },
    { name: 'Containers', priority: 1, cell: (d) => containerNames(d.spec.template) },
    { name: 'Images', priority: 1, cell: (d) => containerImages(d.spec.template) },
    { name: 'Selector', priority: 1, cell: (d) => selectorText(d.spec.selector) },
  ],
};
