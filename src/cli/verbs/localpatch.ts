// A patch applied on the client, as kubectl applies one to an object it holds (patch --local and
// --dry-run=client's getPatchedJSON, run's --overrides): the body read as JSON with each patch
// type's error for one that is not a document of its shape, then json-patch, merge or strategic.
import { parseGoJson } from '../../api/meta/gojson';
import { JsonPatchError, applyJsonPatch } from '../../api/patch/json';
import { applyMergePatch } from '../../api/patch/merge';
import { StrategicPatchError, applyPatch as applyStrategicPatch } from '../../api/patch/strategic';
import type { PatchType } from '../../client/client';
import { CliError } from '../errors';

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * `body` is the patch's JSON text, or its value already read (from YAML). A strategic patch must be
 * an object ("invalid JSON document"), a merge patch an object or an array (json-patch's
 * MergePatch: "Invalid JSON Patch"); a JSON patch's syntax error is Go's.
 */
export function applyLocalPatch(obj: unknown, patchType: PatchType, body: unknown, schemaType: string): unknown {
  const shapeError = patchType === 'strategic' ? 'invalid JSON document' : 'Invalid JSON Patch';
  let patch = body;
  if (typeof body === 'string') {
    try {
      patch = parseGoJson(body);
    } catch (e) {
      throw new CliError(patchType === 'json' ? (e as Error).message : shapeError);
    }
  }
  if (patchType === 'strategic' && !isObject(patch)) throw new CliError(shapeError);
  if (patchType === 'merge' && (patch === null || typeof patch !== 'object')) throw new CliError(shapeError);
  try {
    if (patchType === 'json') return applyJsonPatch(obj, patch);
    if (patchType === 'merge') return applyMergePatch(obj, patch);
    return applyStrategicPatch(obj as Record<string, unknown>, patch as Record<string, unknown>, schemaType);
  } catch (e) {
    if (e instanceof JsonPatchError || e instanceof StrategicPatchError) throw new CliError(e.message);
    throw e;
  }
}
