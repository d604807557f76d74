// The service accounts controller: every active namespace has a "default" ServiceAccount.
import { isStatusError } from '../api/errors';
import { namespace as nsKind } from '../api/kinds/namespace';
import { serviceaccount as saKind } from '../api/kinds/serviceaccount';
import type { Namespace } from '../api/types';
import type { Controller } from '../engine/controller';

export const serviceAccountController: Controller = {
  name: 'service-account-controller',

  keys(ctx) {
    return ctx.client
      .list<Namespace>(nsKind.type)
      .filter((ns) => ns.status?.phase === 'Active')
      .map((ns) => ({ name: ns.metadata.name! }));
  },

  reconcile(ctx, key) {
    if (ctx.client.tryGet(saKind.type, key.name, 'default')) return;
    try {
      ctx.client.create(saKind.type, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: key.name } });
    } catch (e) {
      if (!isStatusError(e, 'AlreadyExists') && !isStatusError(e, 'Forbidden') && !isStatusError(e, 'NotFound')) throw e;
    }
  },
};
