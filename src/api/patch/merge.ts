// JSON merge patch (RFC 7386): applying one, computing one, and apply's three-way form over the
// last-applied configuration, the new manifest and the live object.
import { clone, deepEqual } from '../meta/equal';
import { getOwn, setOwn } from '../meta/own';

type JsonObject = Record<string, unknown>;

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** RFC 7386: null deletes, objects merge recursively, everything else replaces. */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return clone(patch);
  const out: JsonObject = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else setOwn(out, k, applyMergePatch(getOwn(out, k), v));
  }
  return out;
}

/** Additions and changes that turn `from` into `to` (deletions are not included). */
function changes(from: unknown, to: JsonObject): JsonObject {
  const patch: JsonObject = {};
  for (const [k, v] of Object.entries(to)) {
    const cur = isObject(from) ? getOwn(from, k) : undefined;
    if (isObject(v) && isObject(cur)) {
      const sub = changes(cur, v);
      if (Object.keys(sub).length) setOwn(patch, k, sub);
    } else if (!deepEqual(cur, v)) {
      setOwn(patch, k, clone(v));
    }
  }
  return patch;
}

/** Keys present in `from` but gone from `to`, as nulls (recursively into shared objects). */
function deletions(from: JsonObject, to: JsonObject): JsonObject {
  const patch: JsonObject = {};
  for (const [k, v] of Object.entries(from)) {
    const next = getOwn(to, k);
    if (next === undefined) setOwn(patch, k, null);
    else if (isObject(v) && isObject(next)) {
      const sub = deletions(v, next);
      if (Object.keys(sub).length) setOwn(patch, k, sub);
    }
  }
  return patch;
}

function mergeInto(a: JsonObject, b: JsonObject): JsonObject {
  const out: JsonObject = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const cur = getOwn(out, k);
    setOwn(out, k, isObject(v) && isObject(cur) ? mergeInto(cur, v) : v);
  }
  return out;
}

/** The merge patch that takes `from` to `to`. */
export function createMergePatch(from: JsonObject, to: JsonObject): JsonObject {
  return mergeInto(deletions(from, to), changes(from, to));
}

/**
 * kubectl apply's patch: remove what the last apply set and the new manifest dropped, set what
 * the manifest says where the live object differs, and leave everything else alone.
 */
export function createThreeWayMergePatch(lastApplied: JsonObject, modified: JsonObject, current: JsonObject): JsonObject {
  return mergeInto(deletions(lastApplied, modified), changes(current, modified));
}
