// Client-side apply's bookkeeping: the last-applied-configuration annotation that records what
// was applied, and the patch from it, the new manifest and the live object (strategic for kinds
// with Go types, JSON merge for the rest, as kubectl chooses).
import { LAST_APPLIED } from '../meta/annotations';
import { canonicalJson, goJsonCompact } from '../meta/canonical';
import { parseGoJson } from '../meta/gojson';
import { hasType } from '../schema';
import type { KubeObject } from '../types';
import { createThreeWayMergePatch } from './merge';
import { createThreeWayPatch } from './strategic';

export { LAST_APPLIED };

type JsonMap = Record<string, unknown>;

/** The object as applied, with the annotation recording it (kubectl's GetModifiedConfiguration). */
export function withLastApplied(obj: KubeObject): KubeObject {
  const annotations = { ...(obj.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  const recorded = { ...obj, metadata: { ...obj.metadata, annotations } };
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...annotations, [LAST_APPLIED]: canonicalJson(recorded) + '\n' } } };
}

/**
 * The same for an object kubectl holds as its Go type (the create generators, run): encoded in
 * struct order, and the emptied annotations map left out as omitempty leaves it.
 */
export function withLastAppliedTyped(obj: KubeObject, schemaType: string): KubeObject {
  const { inStructOrder } = require('../schema/structorder') as typeof import('../schema/structorder');
  const annotations = { ...(obj.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  const metadata = { ...obj.metadata };
  if (Object.keys(annotations).length) metadata.annotations = annotations;
  else delete metadata.annotations;
  const recorded = goJsonCompact(inStructOrder({ ...obj, metadata }, schemaType)) + '\n';
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...annotations, [LAST_APPLIED]: recorded } } };
}

/**
 * The configuration last applied to `live`, or undefined when it was never applied. Anyone can
 * write the annotation, so it is read as outside text: Go's JSON errors, nesting bounded.
 */
export function lastApplied(live: KubeObject): JsonMap | undefined {
  const recorded = live.metadata.annotations?.[LAST_APPLIED];
  if (recorded === undefined) return undefined;
  try {
    return parseGoJson(recorded) as JsonMap;
  } catch (e) {
    throw new Error(`${LAST_APPLIED} of ${live.metadata.name}: ${(e as Error).message}`);
  }
}

/** The three-way patch that takes `live` to `modified`; {} when nothing would change. */
export function applyPatch(live: KubeObject, modified: KubeObject, schemaType: string): { patch: JsonMap; type: 'strategic' | 'merge' } {
  const args = [lastApplied(live) ?? {}, modified as unknown as JsonMap, live as unknown as JsonMap] as const;
  if (hasType(schemaType)) return { patch: createThreeWayPatch(...args, schemaType), type: 'strategic' };
  return { patch: createThreeWayMergePatch(...args), type: 'merge' };
}

/**
 * kubectl's GetApplyPatch (set-last-applied, edit-last-applied): the object recorded as it is,
 * annotations included (apply's form above empties them), and the merge patch writing it.
 */
export function lastAppliedPatch(obj: KubeObject): { recorded: string; patch: JsonMap } {
  const recorded = canonicalJson(obj) + '\n';
  return { recorded, patch: { metadata: { annotations: { [LAST_APPLIED]: recorded } } } };
}
