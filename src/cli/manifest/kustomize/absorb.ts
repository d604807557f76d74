// A generator's `behavior: merge|replace`, as kustomize's appendReplaceOrMerge does it: the
// generated object takes the place of the one it names. Of the old object only its name,
// namespace, labels and annotations survive (merged under the generated ones), and with merge
// its data and binaryData entries the generator does not set; its type, immutable, stringData
// and any other field go, so a merge onto a kubernetes.io/tls Secret without a `type` makes an
// Opaque one.
import { setOwn } from '../../../api/meta/own';
import { type JsonMap, isMap, meta } from './resource';

/** Go's mergeStringMaps: later maps win; an empty result clears the field (kyaml's setters). */
function setMerged(into: JsonMap, key: string, older: unknown, newer: unknown): void {
  const merged: JsonMap = {};
  for (const m of [older, newer]) if (isMap(m)) for (const [k, v] of Object.entries(m)) setOwn(merged, k, v);
  if (Object.keys(merged).length) into[key] = merged;
  else delete into[key];
}

/** The object that replaces `old` when a generator made `generated` with the given behavior. */
export function absorb(old: JsonMap, generated: JsonMap, behavior: 'merge' | 'replace'): JsonMap {
  const obj = structuredClone(generated);
  const m = meta(obj);
  const oldMeta = meta(old);
  setMerged(m, 'labels', oldMeta.labels, m.labels);
  setMerged(m, 'annotations', oldMeta.annotations, m.annotations);
  m.name = oldMeta.name;
  if (typeof oldMeta.namespace === 'string' && oldMeta.namespace) m.namespace = oldMeta.namespace;
  else delete m.namespace;
  if (behavior === 'merge') {
    setMerged(obj, 'data', old.data, obj.data);
    setMerged(obj, 'binaryData', old.binaryData, obj.binaryData);
  }
  return obj;
}
