// PATCH bodies as the API server's patch handler takes them: the body is parsed the way Go's
// JSON decoder parses it (so a malformed body gets encoding/json's words), then applied as a
// JSON patch, a JSON merge patch or a strategic merge patch, each failing with the status the
// real handler gives.
import { setOwn } from '../api/meta/own';
import { type StatusError, badRequest, invalid, invalidRequest } from '../api/errors';
import { invalid as invalidField } from '../api/field';
import { compareCodePoints } from '../api/meta/codepoint';
import { goJsonString } from '../api/meta/canonical';
import { parseGoJson } from '../api/meta/gojson';
import { NestingError } from '../api/meta/nesting';
import { clone } from '../api/meta/equal';
import { JsonPatchError, applyJsonPatch } from '../api/patch/json';
import { applyMergePatch } from '../api/patch/merge';
import { decode, jsonKind } from '../api/schema';
import type { KubeObject } from '../api/types';
import { goMapText } from './decode';

export type PatchType = 'json' | 'merge' | 'strategic';

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The patch as the handler decodes it. A string is the raw request body; anything else was
 * already parsed (in-process callers).
 */
export function decodePatch(patchType: PatchType, body: unknown): unknown {
  let patch = body;
  if (typeof body === 'string') {
    try {
      patch = parseGoJson(body);
    } catch (e) {
      // Nesting Go would read but we do not: said as ours, not as a decoding error.
      if (e instanceof NestingError) throw badRequest(`the patch is ${e.message}`);
      // The strategic handler reports the decoder's error as it is; the others say what failed.
      throw badRequest(patchType === 'strategic' ? (e as Error).message : `error decoding patch: ${(e as Error).message}`);
    }
  }
  if (patchType === 'json' && !Array.isArray(patch))
    throw badRequest(`error decoding patch: json: cannot unmarshal ${jsonKind(patch)} into Go value of type []handlers.jsonPatchOp`);
  if (patchType !== 'json' && !isMap(patch)) {
    const message = `json: cannot unmarshal ${jsonKind(patch)} into Go value of type map[string]interface {}`;
    throw badRequest(patchType === 'strategic' ? message : `error decoding patch: ${message}`);
  }
  return patch;
}

/** The strategic merge patch, loaded by the commands that patch (a read needs none of it). */
function strategic(): typeof import('../api/patch/strategic') {
  return require('../api/patch/strategic') as typeof import('../api/patch/strategic');
}

/** Applies a decoded patch to the stored object; `schemaType` names its Go type. */
export function applyPatchBody(old: KubeObject, patchType: PatchType, patch: unknown, schemaType: string): KubeObject {
  try {
    if (patchType === 'json') return applyJsonPatch(old, patch) as KubeObject;
    if (patchType === 'merge') return applyMergePatch(clone(old), patch) as KubeObject;
    return strategic().applyPatch(old as unknown as Record<string, unknown>, patch as Record<string, unknown>, schemaType) as unknown as KubeObject;
  } catch (e) {
    // A JSON patch whose operations do not fit the object is unprocessable (422).
    if (e instanceof JsonPatchError) throw invalidRequest('the server rejected our request due to an error in our request');
    if (patchType === 'strategic' && e instanceof strategic().StrategicPatchError) throw badRequest(e.message);
    throw e;
  }
}

/**
 * Why the patched object does not decode into its Go type, as the patch handler reports it: an
 * Invalid error on "patch" whose value is the patch (%+v of the decoded map) for a strategic merge
 * patch, which is converted with FromUnstructured (and wraps int32 fields in place, as Go does),
 * or the patched object's JSON for a JSON or merge patch, which is decoded from JSON.
 */
export function patchDecodeError(patchType: PatchType, patch: unknown, patched: KubeObject, schemaType: string): StatusError | undefined {
  const problem = (value: string, detail: string) => invalid({ group: '', kind: '' }, '', [invalidField('patch', value, detail)]);
  if (patchType === 'strategic') {
    const { fromUnstructuredError } = require('../api/schema/unstructured') as typeof import('../api/schema/unstructured');
    const err = fromUnstructuredError(patched as unknown as Record<string, unknown>, schemaType);
    return err === undefined ? undefined : problem(goMapText(patch), err);
  }
  const err = decode(clone(patched) as unknown as Record<string, unknown>, schemaType).typeError;
  return err === undefined ? undefined : problem(patchedJsonText(patchType, patch, patched, schemaType), err);
}

/**
 * The patched object as json-patch's output writes it: the stored object encoded in Go struct
 * order, with the keys of every object the patch reached re-marshalled as a map (sorted), the
 * top level included. (A real server's object also carries managedFields, which we do not keep.)
 */
function patchedJsonText(patchType: PatchType, patch: unknown, patched: KubeObject, schemaType: string): string {
  const reached: Touched = new Map();
  if (patchType === 'merge') touchedByMerge(patch, reached);
  else
    for (const op of patch as { path?: unknown }[]) {
      if (typeof op?.path !== 'string') continue;
      let at = reached;
      for (const part of op.path.split('/').slice(1, -1)) {
        const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
        if (!at.has(key)) at.set(key, new Map());
        at = at.get(key)!;
      }
    }
  // The 70 KB struct-order table loads only for this error's text, never on a read's start.
  const { inStructOrder } = require('../api/schema/structorder') as typeof import('../api/schema/structorder');
  const text = JSON.stringify(sortReached(inStructOrder(patched, schemaType), reached));
  return text.replace(/[<>&\u2028\u2029]/g, (c) => goJsonString(c).slice(1, -1));
}

type Touched = Map<string, Touched>;

function touchedByMerge(patch: unknown, into: Touched): void {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return;
  for (const [k, v] of Object.entries(patch)) {
    if (!v || typeof v !== 'object' || Array.isArray(v)) continue;
    const sub: Touched = new Map();
    into.set(k, sub);
    touchedByMerge(v, sub);
  }
}

function sortReached(v: unknown, reached: Touched): unknown {
  if (Array.isArray(v)) return v.map((x, i) => (reached.has(String(i)) ? sortReached(x, reached.get(String(i))!) : x));
  if (!v || typeof v !== 'object') return v;
  const m = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(m).sort(compareCodePoints)) {
    const sub = reached.get(k);
    setOwn(out, k, sub ? sortReached(m[k], sub) : m[k]);
  }
  return out;
}
