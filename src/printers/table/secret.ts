// secrets: NAME TYPE DATA AGE (DATA counts the keys, whatever their values).
import type { Secret } from '../../api/kinds/secret';
import { age } from '../age';
import type { TableDef } from './table';

export const secretTable: TableDef<Secret> = {
  columns: [
    { name: 'Name', cell: (o) => o.metadata.name ?? '' },
    { name: 'Type', cell: (o) => o.type ?? '' },
    { name: 'Data', cell: (o) => String(Object.keys(o.data ?? {}).length) },
    { name: 'Age', cell: (o, c) => age(o.metadata.creationTimestamp, c.now) },
  ],
};
