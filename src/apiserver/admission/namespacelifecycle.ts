// NamespaceLifecycle: no new content in a missing or terminating namespace, and the system
// namespaces cannot be deleted.
import { forbidden, notFound } from '../../api/errors';
import { namespace as namespaceKind } from '../../api/kinds/namespace';
import type { Namespace } from '../../api/types';
import type { AdmissionPlugin } from './plugin';

const IMMORTAL = new Set(['default', 'kube-system', 'kube-public']);

export const namespaceLifecycle: AdmissionPlugin = {
  name: 'NamespaceLifecycle',
  // Runs first in the chain so that a missing namespace is reported before anything else.
  admit(req, ctx) {
    if (!req.type.namespaced || req.operation !== 'CREATE' || req.subresource) return;
    const ns = ctx.read(namespaceKind.type, undefined, req.namespace!) as Namespace | undefined;
    if (!ns) throw notFound({ group: '', resource: 'namespaces' }, req.namespace!);
    if (ns.status?.phase === 'Terminating' && req.type.kind !== 'Event') {
      throw forbidden(
        { group: req.type.group, resource: req.type.resource },
        req.name,
        `unable to create new content in namespace ${req.namespace} because it is being terminated`,
      );
    }
  },
  validate(req) {
    if (req.type.kind === 'Namespace' && req.operation === 'DELETE' && IMMORTAL.has(req.name)) {
      throw forbidden({ group: '', resource: 'namespaces' }, req.name, 'this namespace may not be deleted');
    }
  },
};
