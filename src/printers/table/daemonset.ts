// daemonsets: NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE | CONTAINERS IMAGES SELECTOR
import { formatLabels } from '../../api/meta/selector';
import type { DaemonSet } from '../../api/types';
import { age } from '../age';
import type { TableDef } from './table';
import { containerImages, containerNames, selectorText } from './workload';

export const daemonSetTable: TableDef<DaemonSet> = {
  columns: [
    { name: 'Name', cell: (d) => d.metadata.name ?? '' },
    { name: 'Desired', cell: (d) => String(d.status?.desiredNumberScheduled ?? 0) },
    { name: 'Current', cell: (d) => String(d.status?.currentNumberScheduled ?? 0) },
    { name: 'Ready', cell: (d) => String(d.status?.numberReady ?? 0) },
    { name: 'Up-to-date', cell: (d) => String(d.status?.updatedNumberScheduled ?? 0) },
    { name: 'Available', cell: (d) => String(d.status?.numberAvailable ?? 0) },
    { name: 'Node Selector', cell: (d) => formatLabels(d.spec.template.spec.nodeSelector) },
    { name: 'Age', cell: (d, c) => age(d.metadata.creationTimestamp, c.now) },
    { name: 'Containers', priority: 1, cell: (d) => containerNames(d.spec.template) },
    { name: 'Images', priority: 1, cell: (d) => containerImages(d.spec.template) },
    { name: 'Selector', priority: 1, cell: (d) => selectorText(d.spec.selector) },
  ],
};
