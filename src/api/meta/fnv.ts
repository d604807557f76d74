// The hashes Kubernetes names objects with: 32-bit FNV-1 and FNV-1a (Go's hash/fnv), and
// rand.SafeEncodeString, which spells a hash's decimal digits in the name alphabet.
import { NAME_ALPHABET } from '../random';

/** FNV-1a, 32 bit (fnv.New32a). */
export function fnv1a32(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h >>> 0;
}

/** FNV-1, 32 bit (fnv.New32): multiply, then xor. */
export function fnv132(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const b of bytes) h = (Math.imul(h, 0x01000193) ^ b) >>> 0;
  return h >>> 0;
}

export function safeEncode(s: string): string {
  let out = '';
  for (const ch of s) out += NAME_ALPHABET[ch.charCodeAt(0) % NAME_ALPHABET.length];
  return out;
}
