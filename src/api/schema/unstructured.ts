// How the API server turns a strategic merge patch's result into a typed object: not through JSON
// but with apimachinery's DefaultUnstructuredConverter (FromUnstructured), which has its own
// rules and words. Integers convert with Go's conversion, so a 64-bit number put into an int32
// field wraps around (2147483648 becomes -2147483648, which validation then refuses, and
// 4294967297 becomes 1); other mismatches fail with "unrecognized type: int32", "cannot convert
// float64 to int32", "cannot restore struct from: string" and the like, naming no field. Struct
// fields are visited in Go's declaration order, so the first error is the one Go meets.
import { hasOwn } from '../meta/own';
import { base64Error } from '../meta/base64';
import { quantityError } from '../meta/quantity';
import { fieldsOf, hasType, intFits } from './index';

type JsonMap = Record<string, unknown>;

/** Go's reflect kind of a JSON-decoded value (json numbers are int64 when integral, as PreserveInts keeps them). */
function goKind(v: unknown): string {
  if (Array.isArray(v)) return 'slice';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return isInt64(v) ? 'int64' : 'float64';
    default:
      return 'map';
  }
}

const isInt64 = (v: number) => intFits(v, 'int64');

/** Go's integer conversion into an int32 or int64 field; an out-of-range float converts to the minimum, as on amd64. */
function convertInt(v: number, type: 'int32' | 'int64'): number {
  if (isInt64(v)) return type === 'int32' ? v | 0 : v;
  return type === 'int32' ? -2147483648 : -9223372036854775808;
}

/**
 * The Go struct order of a type's fields, from structorder's chunk (loaded only when a patch is
 * converted; requiring the 70 KB table directly would make it a chunk the startup path imports).
 */
function structOrder(type: string): string[] {
  const { declaredFields } = require('./structorder') as typeof import('./structorder');
  return declaredFields(type) ?? [...fieldsOf(type).keys()];
}

/**
 * FromUnstructured of `obj` into the Go type `rootType`: the first error, or undefined. Integer
 * fields are converted in place (wrapped, as Go wraps them). Unknown fields are not its concern.
 */
export function fromUnstructuredError(obj: JsonMap, rootType: string): string | undefined {
  return convertStruct(obj, rootType);
}

function convertStruct(v: JsonMap, type: string): string | undefined {
  const fields = fieldsOf(type);
  for (const name of structOrder(type)) {
    if (!hasOwn(v, name)) continue;
    const field = fields.get(name);
    const x = v[name];
    if (!field || x === null || x === undefined) continue;
    const err = convert(x, field.type, (fixed) => (v[name] = fixed));
    if (err) return err;
  }
  return undefined;
}

function convert(v: unknown, type: string, set: (fixed: unknown) => void): string | undefined {
  const kind = goKind(v);
  if (type === 'byte') {
    // []byte from a string goes through JSON, so it is base64-decoded.
    if (kind === 'string') {
      const bad = v === '' ? undefined : base64Error(v as string);
      return bad && `error decoding from json: ${bad}`;
    }
    if (kind !== 'slice') return `cannot restore slice from ${kind}`;
    return undefined;
  }
  if (type.startsWith('[]')) {
    if (kind !== 'slice') return `cannot restore slice from ${kind}`;
    const list = v as unknown[];
    for (let i = 0; i < list.length; i++) {
      if (list[i] === null) continue;
      const err = convert(list[i], type.slice(2), (fixed) => (list[i] = fixed));
      if (err) return err;
    }
    return undefined;
  }
  if (type.startsWith('map[')) {
    if (kind !== 'map') return `cannot restore map from ${kind}`;
    const m = v as JsonMap;
    for (const k of Object.keys(m)) {
      if (m[k] === null) continue;
      const err = convert(m[k], type.slice(4, -1), (fixed) => (m[k] = fixed));
      if (err) return err;
    }
    return undefined;
  }
  switch (type) {
    case 'string':
      // An integer converts to a string in Go (a rune), which the converter refuses by name.
      return kind === 'string' ? undefined : kind === 'int64' ? 'cannot convert int64 to string' : 'unrecognized type: string';
    case 'boolean':
      return kind === 'bool' ? undefined : 'unrecognized type: bool';
    case 'int32':
    case 'int64': {
      if (kind !== 'int64' && kind !== 'float64') return `unrecognized type: ${type}`;
      const n = v as number;
      if (!Number.isInteger(n)) return `cannot convert float64 to ${type}`;
      const fixed = convertInt(n, type);
      if (fixed !== n) set(fixed);
      return undefined;
    }
    case 'double':
    case 'number':
      return kind === 'int64' || kind === 'float64' ? undefined : 'unrecognized type: float64';
    // Types with their own UnmarshalJSON get the value marshalled back to JSON.
    case 'intorstring':
      if (kind === 'string') return undefined;
      if (kind === 'int64' && (v as number) >= -2147483648 && (v as number) <= 2147483647) return undefined;
      return `json: cannot unmarshal ${typeof v === 'number' ? `number ${v}` : kind === 'slice' ? 'array' : kind === 'map' ? 'object' : 'bool'} into Go value of type int32`;
    case 'time':
    case 'microtime':
      return kind === 'string' ? undefined : `json: cannot unmarshal ${typeof v === 'number' ? 'number' : kind === 'slice' ? 'array' : kind === 'map' ? 'object' : 'bool'} into Go value of type string`;
    case 'quantity':
      return quantityError(typeof v === 'string' ? v : JSON.stringify(v));
    case 'any':
      return undefined;
  }
  if (!hasType(type)) return undefined;
  if (kind !== 'map') return `cannot restore struct from: ${kind}`;
  return convertStruct(v as JsonMap, type);
}
