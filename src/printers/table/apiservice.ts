// apiservices: NAME SERVICE AVAILABLE AGE (kube-aggregator's table: "Local" for an APIService
// kube-apiserver serves itself; the Available condition's status, with its reason unless True).
import type { APIService } from '../../api/kinds/apiservice';
import { age } from '../age';
import type { TableDef } from './table';

function available(o: APIService): string {
  const c = o.status?.conditions?.find((x) => x.type === 'Available');
  if (!c) return 'Unknown';
  return c.status === 'True' ? c.status : `${c.status} (${c.reason ?? ''})`;
}

export const apiServiceTable: TableDef<APIService> = {
  columns: [
    { name: 'Name', cell: (o) => o.metadata.name ?? '' },
    { name: 'Service', cell: (o) => (o.spec?.service ? `${o.spec.service.namespace ?? ''}/${o.spec.service.name ?? ''}` : 'Local') },
    { name: 'Available', cell: available },
    { name: 'Age', cell: (o, c) => age(o.metadata.creationTimestamp, c.now) },
  ],
};
