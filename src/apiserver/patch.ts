// PATCH bodies as the API server's patch handler takes them: the body is parsed the way Go's
// JSON decoder parses it (so a malformed body gets encoding/json's words), then applied as a
// JSON patch, a JSON merge patch or a strategic merge patch, each failing with the status the
// real handler gives.
import { badRequest, invalidRequest } from '../api/errors';
import { parseGoJson } from '../api/meta/gojson';
import { clone } from '../api/meta/equal';
import { JsonPatchError, applyJsonPatch } from '../api/patch/json';
import { applyMergePatch } from '../api/patch/merge';
import { jsonKind } from '../api/schema';
import type { KubeObject } from '../api/types';

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
