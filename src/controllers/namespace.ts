// The namespace controller: a Terminating namespace has all its content deleted, then its
// "kubernetes" finalizer removed, and the API server lets it go.
import { namespace as nsKind } from '../api/kinds/namespace';
import { allTypes } from '../api/registry';
import type { Namespace } from '../api/types';
import type { Controller, Watch } from '../engine/controller';

/** Content of a terminating namespace changing (going, mostly): the namespace is looked at again. */
const contentWatches: Watch[] = allTypes()
  .filter((type) => type.namespaced)
  .map((type) => ({
    type,
    keys: (e, informers) => {
      const ns = e.object.metadata.namespace;
      return ns && informers.for<Namespace>(nsKind.type).get(undefined, ns)?.metadata.deletionTimestamp ? [{ name: ns }] : [];
    },
  }));

export const namespaceController: Controller = {
  name: 'namespace-controller',

  watches: [{ type: nsKind.type, keys: (e) => (e.type !== 'DELETED' && e.object.metadata.deletionTimestamp ? [{ name: e.object.metadata.name! }] : []) }, ...contentWatches],

  resync(ctx) {
    return ctx.client
      .list<Namespace>(nsKind.type)
      .filter((ns) => ns.metadata.deletionTimestamp)
      .map((ns) => ({ name: ns.metadata.name! }));
  },

  reconcile(ctx, key) {
    const ns = ctx.client.tryGet<Namespace>(nsKind.type, undefined, key.name);
    if (!ns?.metadata.deletionTimestamp) return;
    let remaining = 0;
    for (const type of allTypes()) {
      if (!type.namespaced) continue;
      for (const obj of ctx.client.list(type, key.name)) {
        remaining++;
        if (!obj.metadata.deletionTimestamp)
          ctx.client.delete(type, key.name, obj.metadata.name!, { propagationPolicy: 'Background', preconditions: { uid: obj.metadata.uid } });
      }
    }
    if (remaining > 0) return;
    const finalizers = (ns.spec?.finalizers ?? []).filter((f) => f !== 'kubernetes');
    ctx.client.update(nsKind.type, { ...ns, spec: { ...ns.spec, finalizers } }, { subresource: 'finalize' });
  },
};
