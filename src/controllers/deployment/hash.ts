// pod-template-hash: FNV-1a (32 bit) of the pod template, its decimal digits mapped through the
// name alphabet as Kubernetes' rand.SafeEncodeString does. Kubernetes hashes a Go struct dump;
// we hash canonical JSON (sorted keys), so equal templates always give equal hashes.
import { canonicalJson } from '../../api/meta/canonical';
import { fnv1a32, safeEncode } from '../../api/meta/fnv';
import type { PodTemplateSpec } from '../../api/types';

export { POD_TEMPLATE_HASH } from '../../api/apps/replicasets';

export function podTemplateHash(template: PodTemplateSpec, collisionCount?: number): string {
  const text = Buffer.from(canonicalJson(template), 'utf8');
  let bytes: Uint8Array = text;
  if (collisionCount !== undefined) {
    const extra = Buffer.alloc(4);
    extra.writeUInt32LE(collisionCount >>> 0);
    bytes = Buffer.concat([text, extra]);
  }
  return safeEncode(String(fnv1a32(bytes)));
}
