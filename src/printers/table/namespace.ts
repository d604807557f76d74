// namespaces: NAME STATUS AGE
import type { Namespace } from '../../api/types';
import { age } from '../age';
import type { TableDef } from './table';

export const namespaceTable: TableDef<Namespace> = {
  columns: [
    { name: 'Name', cell: (n) => n.metadata.name ?? '' },
    { name: 'Status', cell: (n) => n.status?.phase ?? '' },
    { name: 'Age', cell: (n, c) => age(n.metadata.creationTimestamp, c.now) },
  ],
};
