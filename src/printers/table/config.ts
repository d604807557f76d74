// configmaps: NAME DATA AGE; serviceaccounts: NAME SECRETS AGE
import type { ConfigMap, ServiceAccount } from '../../api/types';
import { age } from '../age';
import type { TableDef } from './table';

export const configMapTable: TableDef<ConfigMap> = {
  columns: [
    { name: 'Name', cell: (o) => o.metadata.name ?? '' },
    { name: 'Data', cell: (o) => String(Object.keys(o.data ?? {}).length + Object.keys(o.binaryData ?? {}).length) },
    { name: 'Age', cell: (o, c) => age(o.metadata.creationTimestamp, c.now) },
  ],
};

export const serviceAccountTable: TableDef<ServiceAccount> = {
  columns: [
    { name: 'Name', cell: (o) => o.metadata.name ?? '' },
    { name: 'Secrets', cell: (o) => String((o.secrets ?? []).length) },
    { name: 'Age', cell: (o, c) => age(o.metadata.creationTimestamp, c.now) },
  ],
};
