// The token cleaner (kube-controller-manager's tokencleaner, which kubeadm enables): a bootstrap
// token Secret is deleted once its expiration has passed; until then it is looked at again then.
import { TOKEN_SECRET_TYPE, secretExpiry } from '../api/bootstraptoken';
import { isStatusError } from '../api/errors';
import { type Secret, secret as secretKind } from '../api/kinds/secret';
import type { Controller } from '../engine/controller';

const isTokenSecret = (s: Secret) => s.metadata.namespace === 'kube-system' && s.type === TOKEN_SECRET_TYPE;

export const tokenCleaner: Controller = {
  name: 'token-cleaner',

  watches: [{ type: secretKind.type, keys: (e) => (e.type !== 'DELETED' && isTokenSecret(e.object as Secret) ? [{ namespace: 'kube-system', name: e.object.metadata.name! }] : []) }],

  resync(ctx) {
    return ctx.client
      .list<Secret>(secretKind.type, 'kube-system', { fieldSelector: `type=${TOKEN_SECRET_TYPE}` })
      .map((s) => ({ namespace: 'kube-system', name: s.metadata.name! }));
  },

  reconcile(ctx, key) {
    const s = ctx.client.tryGet<Secret>(secretKind.type, 'kube-system', key.name);
    const expires = s && isTokenSecret(s) ? secretExpiry(s) : undefined;
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
