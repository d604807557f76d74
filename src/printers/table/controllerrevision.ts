// controllerrevisions: NAME CONTROLLER REVISION AGE (the controller as "daemonset.apps/<name>")
import { controllerRef } from '../../api/meta/ownerrefs';
import type { ControllerRevision } from '../../api/types';
import { age } from '../age';
import type { TableDef } from './table';

/** formatResourceName of the controller's group and kind: "daemonset.apps/fluentd", or "<none>". */
function controllerName(cr: ControllerRevision): string {
  const ref = controllerRef(cr);
  if (!ref) return '<none>';
  const slash = ref.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : ref.apiVersion.slice(0, slash);
  return `${(group ? `${ref.kind}.${group}` : ref.kind).toLowerCase()}/${ref.name}`;
}

export const controllerRevisionTable: TableDef<ControllerRevision> = {
  columns: [
    { name: 'Name', cell: (r) => r.metadata.name ?? '' },
    { name: 'Controller', cell: controllerName },
    { name: 'Revision', cell: (r) => String(r.revision) },
    { name: 'Age', cell: (r, c) => age(r.metadata.creationTimestamp, c.now) },
  ],
};
