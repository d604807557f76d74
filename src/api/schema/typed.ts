// What an object looks like after a round trip through its Go type (decoded into the typed struct,
// then encoded), as kubectl prints an object it holds typed (`set ... --local`, a clientset's
// result): quantities in canonical form (`cpu: 0.5` -> 500m), omitempty fields holding their zero
// value dropped (`value: ""`, `args: []`; a pointer's zero, `replicas: 0`, stays), and the zero
// values Go always writes added (`creationTimestamp: null`, `status: {}`).
import { hasOwn } from '../meta/own';
import { decode, fieldsOf, fillZeroFields } from './index';
import { POINTER_FIELDS } from './pointerfields';

type JsonMap = Record<string, unknown>;

const isMap = (v: unknown): v is JsonMap => !!v && typeof v === 'object' && !Array.isArray(v);

const pointerSets = new Map<string, Set<string>>();

function pointersOf(type: string): Set<string> {
  let set = pointerSets.get(type);
  if (!set) {
    set = new Set(POINTER_FIELDS[type]?.split(' ') ?? []);
    pointerSets.set(type, set);
  }
  return set;
}

/**
 * Whether encoding/json's omitempty leaves out a value of this schema type: false, 0, "", an empty
 * slice or map. A struct is never empty to it (Quantity, IntOrString and Time are structs).
 */
function isGoEmpty(v: unknown, type: string): boolean {
  if (type.startsWith('[]')) return Array.isArray(v) && v.length === 0;
  if (type.startsWith('map[')) return isMap(v) && Object.keys(v).length === 0;
  switch (type) {
    case 'string':
    case 'byte':
      return v === '';
    case 'int32':
    case 'int64':
    case 'double':
    case 'number':
      return v === 0;
    case 'boolean':
      return v === false;
  }
  return false;
}

function omitEmptyIn(v: unknown, type: string): void {
  if (type.startsWith('[]')) {
    if (Array.isArray(v)) for (const item of v) omitEmptyIn(item, type.slice(2));
    return;
  }
  if (type.startsWith('map[')) {
    if (isMap(v)) for (const k of Object.keys(v)) omitEmptyIn(v[k], type.slice(4, -1));
    return;
  }
  if (isMap(v)) omitEmptyStruct(v, type);
}

function omitEmptyStruct(obj: JsonMap, type: string): void {
  const fields = fieldsOf(type);
  if (!fields.size) return;
  const pointers = pointersOf(type);
  for (const key of Object.keys(obj)) {
    const def = fields.get(key);
    // A field the type lacks is left for the caller to judge; decode reports it.
    if (!def || !hasOwn(obj, key)) continue;
    const v = obj[key];
    // `!` fields are written whatever they hold; the others are omitempty: null decodes to nil or
    // zero and is left out, and so is a zero unless a pointer holds it.
    if (!def.always && (v === null || (!pointers.has(key) && isGoEmpty(v, def.type)))) {
      delete obj[key];
      continue;
    }
    omitEmptyIn(v, def.type);
  }
}

/** `obj` (owned by the caller, changed in place) as encoding its Go type `typeName` writes it. */
export function goTypedRoundTrip(obj: JsonMap, typeName: string): void {
  // decode canonicalises quantities in place; what it reports is not this function's concern.
  decode(obj, typeName);
  omitEmptyStruct(obj, typeName);
  fillZeroFields(obj, typeName);
}
