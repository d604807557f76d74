// Structural equality of JSON values (key order does not matter).
import { setOwn } from './own';

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], bb[i])) return false;
    return true;
  }
  return equalFields(a as Record<string, unknown>, b as Record<string, unknown>);
}

/** Whether two objects are deepEqual but for the fields named in `ignored`. */
export function deepEqualExcept(a: Record<string, unknown>, b: Record<string, unknown>, ignored: ReadonlySet<string>): boolean {
  return a === b || equalFields(a, b, ignored);
}

/**
 * The fields of two objects, compared without making arrays of their keys (this runs on every
 * write, over whole objects; JSON values inherit no enumerable keys, so for-in visits their own):
 * b's defined fields are counted, then a's compared and counted.
 */
function equalFields(a: Record<string, unknown>, b: Record<string, unknown>, ignored?: ReadonlySet<string>): boolean {
  let bn = 0;
  for (const k in b) if (b[k] !== undefined && !ignored?.has(k)) bn++;
  let an = 0;
  for (const k in a) {
    const x = a[k];
    if (x === undefined || ignored?.has(k)) continue;
    if (++an > bn || !deepEqual(x, b[k])) return false;
  }
  return an === bn;
}

/**
 * A deep copy of a JSON value, with JSON's rules for undefined (dropped from objects, null in
 * arrays). A walk rather than a JSON round trip: controllers copy objects on every write.
 */
export function clone<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = v[i] === undefined ? null : clone(v[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  // for-in, not Object.keys: no array of keys per object copied (JSON values inherit no
  // enumerable keys, so the two visit the same own keys in the same order).
  for (const k in v) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) setOwn(out, k, clone(x));
  }
  return out as T;
}
