// The bootstrap signer (kube-controller-manager's bootstrapsigner, which kubeadm enables): the
// kubeconfig in kube-public/cluster-info carries a detached JWS "jws-kubeconfig-<id>" for every
// unexpired bootstrap token allowed to sign, and no other, so a joining node can check the API
// server it found with nothing but its token.
import { JWS_KEY_PREFIX, TOKEN_SECRET_TYPE, detachedSignature, secretExpiry, tokenFromSecret } from '../api/bootstraptoken';
import { configmap as cmKind } from '../api/kinds/configmap';
import { setOwn } from '../api/meta/own';
import { type Secret, secret as secretKind } from '../api/kinds/secret';
import type { ConfigMap } from '../api/types';
import type { Controller } from '../engine/controller';

/** The signatures cluster-info should carry, by data key. */
function signatures(secrets: readonly Secret[], content: string, now: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of secrets) {
    const t = tokenFromSecret(s);
    if (typeof t === 'string' || !t.usages.includes('signing')) continue;
    const expires = secretExpiry(s);
    if (expires !== undefined && expires <= now) continue;
    out[JWS_KEY_PREFIX + t.id] = detachedSignature(content, t.id, t.secret);
  }
  return out;
}

const CLUSTER_INFO = { namespace: 'kube-public', name: 'cluster-info' };

export const bootstrapSigner: Controller = {
  name: 'bootstrap-signer',

  watches: [
    { type: secretKind.type, keys: (e) => (e.object.metadata.namespace === 'kube-system' && (e.object as Secret).type === TOKEN_SECRET_TYPE ? [CLUSTER_INFO] : []) },
    { type: cmKind.type, keys: (e) => (e.object.metadata.namespace === CLUSTER_INFO.namespace && e.object.metadata.name === CLUSTER_INFO.name ? [CLUSTER_INFO] : []) },
  ],

  resync() {
    return [CLUSTER_INFO];
  },

  reconcile(ctx) {
    const cm = ctx.client.tryGet<ConfigMap>(cmKind.type, 'kube-public', 'cluster-info');
    const content = cm?.data?.kubeconfig;
    if (!cm || content === undefined) return;
    const secrets = ctx.client.list<Secret>(secretKind.type, 'kube-system', { fieldSelector: `type=${TOKEN_SECRET_TYPE}` });
    const wanted = signatures(secrets, content, ctx.clock.now());
    const data: Record<string, string> = {};
    for (const [k, v] of Object.entries(cm.data ?? {})) if (!k.startsWith(JWS_KEY_PREFIX)) setOwn(data, k, v);
    Object.assign(data, wanted);
    const current = Object.fromEntries(Object.entries(cm.data ?? {}).filter(([k]) => k.startsWith(JWS_KEY_PREFIX)));
    const same = Object.keys(current).length === Object.keys(wanted).length && Object.entries(wanted).every(([k, v]) => current[k] === v);
    if (!same) ctx.client.update<ConfigMap>(cmKind.type, { ...cm, data });
  },
};
