// The token cleaner (kube-controller-manager's tokencleaner, which kubeadm enables): a bootstrap
// token Secret is deleted once its expiration has passed; until then it is looked at again then.
import { TOKEN_SECRET_TYPE, secretExpiry } from '../api/bootstraptoken';
import { isStatusError } from '../api/errors';
import { type Secret, secret as secretKind } from '../api/kinds/secret';
import type { Controller } from '../engine/controller';

export const tokenCleaner: Controller<Secret[]> = {
  name: 'token-cleaner',

  prepare(ctx) {
    return ctx.client.list<Secret>(secretKind.type, 'kube-system', { fieldSelector: `type=${TOKEN_SECRET_TYPE}` });
  },

  keys(_ctx, secrets) {
    return secrets.map((s) => ({ namespace: 'kube-system', name: s.metadata.name! }));
  },

  reconcile(ctx, key, secrets) {
    const s = secrets.find((x) => x.metadata.name === key.name);
    const expires = s ? secretExpiry(s) : undefined;
    if (!s || expires === undefined) return;
    const now = ctx.clock.now();
    if (expires > now) return { requeueAfterMs: expires - now };
    try {
      ctx.client.delete(secretKind.type, 'kube-system', key.name, { preconditions: { uid: s.metadata.uid } });
    } catch (e) {
      if (!isStatusError(e, 'NotFound') && !isStatusError(e, 'Conflict')) throw e;
    }
  },
};
