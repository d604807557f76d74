// The content hash kustomize appends to generated ConfigMap and Secret names (api/hasher): the
// SHA-256 of a few fields as Go's encoding/json writes them, its first ten hex digits with the
// characters that could spell words (0 1 3 a e) replaced. The hasher looks the name up as one
// field called "metadata/name", which no object has, so the name it hashes is always "".
import { canonicalJson } from '../../../api/meta/canonical';
import { sha256Hex } from '../../../api/sha256';
import { type JsonMap, isMap, kindOf } from './resource';

const SWAP: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };

function encode(hex: string): string {
  return [...hex.slice(0, 10)].map((c) => SWAP[c] ?? c).join('');
}

/** A field's value as the hasher reads it: a map as JSON, a missing field as "". */
const field = (v: unknown) => (v === undefined || v === null ? '' : v);

/** The fields kustomize hashes: kind, name and data (plus type and the optional maps). */
function hashed(obj: JsonMap): JsonMap {
  if (kindOf(obj) === 'ConfigMap') {
    const m: JsonMap = { kind: 'ConfigMap', name: '', data: field(obj.data) };
    if (isMap(obj.binaryData)) m.binaryData = obj.binaryData;
    return m;
  }
  if (kindOf(obj) === 'Secret') {
    const m: JsonMap = { kind: 'Secret', type: field(obj.type), name: '', data: field(obj.data) };
    if (isMap(obj.stringData)) m.stringData = obj.stringData;
    return m;
  }
  return obj;
}

export function contentHash(obj: JsonMap): string {
  return encode(sha256Hex(canonicalJson(hashed(obj))));
}
