// pod-template-hash: FNV-1a (32 bit) of the pod template, its decimal digits mapped through the
// name alphabet as Kubernetes' rand.SafeEncodeString does. Kubernetes hashes a Go struct dump;
// we hash canonical JSON (sorted keys), so equal templates always give equal hashes.
import { canonicalJson } from '../../api/meta/canonical';
import { NAME_ALPHABET } from '../../api/random';
import type { PodTemplateSpec } from '../../api/types';

export { POD_TEMPLATE_HASH } from '../../api/apps/replicasets';

export function fnv1a32(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h >>> 0;
}

export function safeEncode(s: string): string {
  let out = '';
  for (const ch of s) out += NAME_ALPHABET[ch.charCodeAt(0) % NAME_ALPHABET.length];
  return out;
}

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
