// Go's encoding/json writes a struct's fields in declaration order and a map's keys sorted. kubectl
// prints an object it decoded into a typed struct (a clientset's result, a builder's typed object)
// that way, so -o json of `set`, `rollout` or `create deployment` lists kind before apiVersion
// and name before namespace.
import { compareCodePoints } from '../meta/codepoint';
import { hasOwn, setOwn } from '../meta/own';
import { FIELD_ORDER } from './fieldorder';
import { fieldsOf } from './index';

type JsonMap = Record<string, unknown>;

const isMap = (v: unknown): v is JsonMap => !!v && typeof v === 'object' && !Array.isArray(v);

/** Keys sorted at every level: a Go map[string]interface{}. */
function sortedDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortedDeep);
  if (!isMap(v)) return v;
  const out: JsonMap = {};
  for (const k of Object.keys(v).sort(compareCodePoints)) setOwn(out, k, sortedDeep(v[k]));
  return out;
}

/** A Go struct's field names in declaration order, or undefined for a type not listed. */
export function declaredFields(type: string): string[] | undefined {
  return FIELD_ORDER[type]?.split(' ');
}

function ordered(v: unknown, type: string): unknown {
  if (v === null || v === undefined) return v;
  if (type.startsWith('[]')) return Array.isArray(v) ? v.map((x) => ordered(x, type.slice(2))) : v;
  if (type.startsWith('map[')) {
    if (!isMap(v)) return v;
    const item = type.slice(4, -1);
    const out: JsonMap = {};
    for (const k of Object.keys(v).sort(compareCodePoints)) setOwn(out, k, ordered(v[k], item));
    return out;
  }
  if (!isMap(v)) return v;
  const order = FIELD_ORDER[type];
  if (!order) return sortedDeep(v);
  const fields = fieldsOf(type);
  const out: JsonMap = {};
  for (const name of order.split(' ')) if (hasOwn(v, name)) out[name] = ordered(v[name], fields.get(name)?.type ?? 'any');
  // Fields the Go type lacks would be dropped by a typed decode; keep them, sorted, at the end.
  for (const k of Object.keys(v).sort(compareCodePoints)) if (!hasOwn(out, k)) setOwn(out, k, sortedDeep(v[k]));
  return out;
}

/** A copy of `obj` with its keys in the order Go writes the typed struct `typeName`. */
export function inStructOrder<T>(obj: T, typeName: string): T {
  return ordered(obj, typeName) as T;
}
