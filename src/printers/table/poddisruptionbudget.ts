// poddisruptionbudgets: NAME MIN AVAILABLE MAX UNAVAILABLE ALLOWED DISRUPTIONS AGE (v1.32's printPodDisruptionBudget)
import type { PodDisruptionBudget } from '../../api/types';
import { age } from '../age';
import type { TableDef } from './table';

const intOrString = (v: number | string | undefined) => (v === undefined ? 'N/A' : String(v));

export const podDisruptionBudgetTable: TableDef<PodDisruptionBudget> = {
  columns: [
    { name: 'Name', cell: (b) => b.metadata.name ?? '' },
    { name: 'Min Available', cell: (b) => intOrString(b.spec.minAvailable) },
    { name: 'Max Unavailable', cell: (b) => intOrString(b.spec.maxUnavailable) },
    { name: 'Allowed Disruptions', cell: (b) => String(b.status?.disruptionsAllowed ?? 0) },
    { name: 'Age', cell: (b, c) => age(b.metadata.creationTimestamp, c.now) },
  ],
};
