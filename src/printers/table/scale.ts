// autoscaling/v1 Scale (get --subresource=scale): NAME DESIRED AVAILABLE AGE
import type { KubeObject } from '../../api/types';
import { age } from '../age';
import type { TableDef } from './table';

type Scale = KubeObject & { spec?: { replicas?: number }; status?: { replicas?: number } };

export const scaleTable: TableDef<Scale> = {
  columns: [
    { name: 'Name', cell: (s) => s.metadata.name ?? '' },
    { name: 'Desired', cell: (s) => String(s.spec?.replicas ?? 0) },
    { name: 'Available', cell: (s) => String(s.status?.replicas ?? 0) },
    { name: 'Age', cell: (s, c) => age(s.metadata.creationTimestamp, c.now) },
  ],
};
