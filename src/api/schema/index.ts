// The API's field schema at work: strict decoding (unknown fields and wrong JSON types, reported
// the way the API server's decoder words them), quantity canonicalisation, and the zero values
// Go's encoder always writes.
import { hasOwn } from '../meta/own';
import { base64Error } from '../meta/base64';
import { quantityError, tryParseQuantity } from '../meta/quantity';
import { jsonKind } from './typemeta';

export { jsonKind, typeMetaError } from './typemeta';

interface FieldDef {
  type: string;
  always: boolean;
}

const parsed = new Map<string, Map<string, FieldDef>>();

let loaded: Record<string, string> | undefined;
/** The schema's 50 KB of type lines, loaded when a command first decodes or prints a whole object (a table needs none). */
function types(): Record<string, string> {
  loaded ??= (require('./types') as typeof import('./types')).TYPES;
  return loaded;
}

export function hasType(name: string): boolean {
  return hasOwn(types(), name);
}

export function fieldsOf(typeName: string): Map<string, FieldDef> {
  let fields = parsed.get(typeName);
  if (!fields) {
    fields = new Map();
    for (const spec of (types()[typeName] ?? '').split(' ')) {
      if (!spec) continue;
      const always = spec.startsWith('!');
      const colon = spec.indexOf(':');
      fields.set(spec.slice(always ? 1 : 0, colon), { type: spec.slice(colon + 1), always });
    }
    parsed.set(typeName, fields);
  }
  return fields;
}

const SCALARS = new Set(['string', 'int32', 'int64', 'double', 'number', 'boolean', 'byte', 'time', 'microtime', 'quantity', 'intorstring', 'any']);

export interface DecodeResult {
  /** Paths of fields the schema does not know, e.g. "spec.replica". */
  unknownFields: string[];
  /** The first type mismatch, worded like Go's encoding/json. */
  typeError?: string;
}

/**
 * Checks `obj` against `rootType` and canonicalises quantities in place. The caller owns `obj`.
 */
export function decode(obj: Record<string, unknown>, rootType: string): DecodeResult {
  // Most objects are clean: one pass without sorting or paths; the wording pass only for the rest.
  if (cleanStruct(obj, rootType)) return { unknownFields: [] };
  const result: DecodeResult = { unknownFields: [] };
  walkStruct(obj, rootType, '', '', result);
  return result;
}

/**
 * Whether `obj` has only known fields of the right JSON types, canonicalising quantities on the
 * way (as the full walk would; doing it twice changes nothing).
 */
function cleanStruct(obj: Record<string, unknown>, typeName: string): boolean {
  const fields = fieldsOf(typeName);
  for (const key in obj) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;
    const def = fields.get(key);
    if (!def) return false;
    const v = obj[key];
    if (v === null) continue;
    const fixed = cleanValue(v, def.type);
    if (fixed === DIRTY) return false;
    if (fixed !== undefined) obj[key] = fixed;
  }
  return true;
}

const DIRTY = Symbol('dirty');

/** cleanStruct for one value: DIRTY on a problem, a replacement when canonicalised, else undefined. */
function cleanValue(v: unknown, type: string): unknown {
  if (type.charCodeAt(0) === 91 /* [ */) {
    if (!Array.isArray(v)) return DIRTY;
    const item = type.slice(2);
    for (let i = 0; i < v.length; i++) {
      if (v[i] === null) continue;
      const fixed = cleanValue(v[i], item);
      if (fixed === DIRTY) return DIRTY;
      if (fixed !== undefined) v[i] = fixed;
    }
    return undefined;
  }
  if (type.startsWith('map[')) {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return DIRTY;
    const item = type.slice(4, -1);
    const m = v as Record<string, unknown>;
    for (const k of Object.keys(m)) {
      if (m[k] === null) continue;
      const fixed = cleanValue(m[k], item);
      if (fixed === DIRTY) return DIRTY;
      if (fixed !== undefined) m[k] = fixed;
    }
    return undefined;
  }
  if (!SCALARS.has(type)) {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return DIRTY;
    return cleanStruct(v as Record<string, unknown>, type) ? undefined : DIRTY;
  }
  if (!scalarFits(v, type)) return DIRTY;
  if (type !== 'quantity') return undefined;
  const q = tryParseQuantity(String(v));
  if (!q) return DIRTY;
  const canonical = q.toString();
  return canonical === v ? undefined : canonical;
}

/** Whether a JSON number is an integer a Go field of this size holds (strconv.ParseInt, then the range). */
export function intFits(v: number, type: 'int32' | 'int64'): boolean {
  if (!Number.isInteger(v)) return false;
  // 2^63 - 1 is not a double: anything that reads as 2^63 is out of range.
  return type === 'int32' ? v >= -2147483648 && v <= 2147483647 : v >= -9223372036854775808 && v < 9223372036854775808;
}

/**
 * Whether a JSON value decodes into a scalar field: the right JSON type, an integer in range, a
 * []byte's base64 that Go decodes; a quantity or an IntOrString takes a number or a string.
 */
function scalarFits(v: unknown, type: string): boolean {
  switch (type) {
    case 'string':
    case 'time':
    case 'microtime':
      return typeof v === 'string';
    case 'byte':
      return typeof v === 'string' && base64Error(v) === undefined;
    case 'boolean':
      return typeof v === 'boolean';
    case 'int32':
    case 'int64':
      return typeof v === 'number' && intFits(v, type);
    case 'double':
    case 'number':
      return typeof v === 'number';
    case 'intorstring':
      return typeof v === 'string' || (typeof v === 'number' && intFits(v, 'int32'));
    case 'quantity':
      return typeof v === 'number' || typeof v === 'string';
  }
  return true;
}

/**
 * A number as the decoder shows it ("number 2147483648"): the digits kubectl sent, which are
 * Go's formatting of an int64 or float64, and JavaScript formats a double the same way.
 */
const numberText = (v: number) => `number ${v}`;

/**
 * Why a scalar does not decode, worded as the API server's decoder words it. IntOrString and
 * Time decode themselves with the standard library's json, whose errors carry no field.
 */
function scalarError(structName: string, goPath: string, v: unknown, type: string): string {
  if (type === 'intorstring') return `json: cannot unmarshal ${typeof v === 'number' ? numberText(v) : jsonKind(v)} into Go value of type int32`;
  if (type === 'time' || type === 'microtime') return `json: cannot unmarshal ${jsonKind(v)} into Go value of type string`;
  if (type === 'byte' && typeof v === 'string') return base64Error(v)!;
  if (typeof v === 'number' && (type === 'int32' || type === 'int64')) return typeError(structName, goPath, numberText(v), type);
  return typeError(structName, goPath, jsonKind(v), type);
}

/**
 * The first JSON type mismatch in `value` read as a field `goPath` of type `type` inside the Go
 * struct `structName` (e.g. ObjectMeta inside kubectl's metadataOnlyObject), worded like Go.
 * Checks only: `value` is left as it is.
 */
export function typeErrorIn(value: unknown, type: string, structName: string, goPath: string): string | undefined {
  const res: DecodeResult = { unknownFields: [] };
  walkValue(structuredClone(value), type, structName, goPath, goPath, res);
  return res.typeError;
}

function goTypeName(type: string): string {
  if (type.startsWith('[]')) return '[]' + goTypeName(type.slice(2));
  if (type.startsWith('map[')) return 'map[string]' + goTypeName(type.slice(4, -1));
  switch (type) {
    case 'boolean':
      return 'bool';
    case 'double':
    case 'number':
      return 'float64';
    case 'byte':
      return '[]uint8';
    case 'time':
      return 'v1.Time';
    case 'microtime':
      return 'v1.MicroTime';
    case 'quantity':
      return 'resource.Quantity';
    case 'intorstring':
      return 'intstr.IntOrString';
    case 'string':
    case 'int32':
    case 'int64':
      return type;
    default:
      return 'v1.' + type.replace(/^\w+\./, '');
  }
}

function typeError(structName: string, goPath: string, what: string, type: string): string {
  return `json: cannot unmarshal ${what} into Go struct field ${structName.replace(/^\w+\./, '')}.${goPath} of type ${goTypeName(type)}`;
}

function walkStruct(obj: Record<string, unknown>, typeName: string, path: string, goPath: string, res: DecodeResult): void {
  const fields = fieldsOf(typeName);
  // kubectl sends JSON with sorted keys, so the decoder meets (and reports) fields in that order.
  for (const key of Object.keys(obj).sort()) {
    const fieldPath = path ? `${path}.${key}` : key;
    const fieldGoPath = goPath ? `${goPath}.${key}` : key;
    const def = fields.get(key);
    if (!def) {
      res.unknownFields.push(fieldPath);
      continue;
    }
    const v = obj[key];
    if (v === null) continue;
    const fixed = walkValue(v, def.type, typeName, fieldPath, fieldGoPath, res);
    if (fixed !== undefined) obj[key] = fixed;
  }
}

/** Returns a replacement value when canonicalisation changed it. */
function walkValue(v: unknown, type: string, structName: string, path: string, goPath: string, res: DecodeResult): unknown {
  const fail = () => {
    res.typeError ??= typeError(structName, goPath, jsonKind(v), type);
    return undefined;
  };
  if (type.startsWith('[]')) {
    if (!Array.isArray(v)) return fail();
    const item = type.slice(2);
    v.forEach((el, i) => {
      if (el === null) return;
      const fixed = walkValue(el, item, structName, `${path}[${i}]`, goPath, res);
      if (fixed !== undefined) v[i] = fixed;
    });
    return undefined;
  }
  if (type.startsWith('map[')) {
    if (jsonKind(v) !== 'object') return fail();
    const item = type.slice(4, -1);
    const m = v as Record<string, unknown>;
    for (const k of Object.keys(m)) {
      if (m[k] === null) continue;
      const fixed = walkValue(m[k], item, structName, `${path}.${k}`, goPath, res);
      if (fixed !== undefined) m[k] = fixed;
    }
    return undefined;
  }
  if (!SCALARS.has(type)) {
    if (jsonKind(v) !== 'object') return fail();
    walkStruct(v as Record<string, unknown>, type, path, goPath, res);
    return undefined;
  }
  if (!scalarFits(v, type)) {
    res.typeError ??= scalarError(structName, goPath, v, type);
    return undefined;
  }
  if (type !== 'quantity') return undefined;
  const q = tryParseQuantity(String(v));
  if (!q) {
    res.typeError ??= quantityError(String(v));
    return undefined;
  }
  const canonical = q.toString();
  return canonical === v ? undefined : canonical;
}

/**
 * How zero-filling treats a type, worked out once per type (this runs over every object written):
 * a struct by its plan of fields, a list or map by its item, a scalar not at all.
 */
type Shape = { kind: 'scalar' } | { kind: 'list' | 'map'; item: Shape } | { kind: 'struct'; type: string; plan?: FillStep[] };

/** One field a struct's zero-filling looks at: one Go always writes (`zero` set), or one that nests. */
interface FillStep {
  name: string;
  always: boolean;
  /** The zero value written when it is absent (a struct's is a new object each time: STRUCT_ZERO). */
  zero: unknown;
  shape: Shape;
}

const STRUCT_ZERO = Symbol('struct zero');
const SCALAR: Shape = { kind: 'scalar' };
const shapes = new Map<string, Shape>();

function shapeOf(type: string): Shape {
  let shape = shapes.get(type);
  if (!shape) {
    if (type.startsWith('[]')) shape = { kind: 'list', item: SCALAR };
    else if (type.startsWith('map[')) shape = { kind: 'map', item: SCALAR };
    else shape = SCALARS.has(type) ? SCALAR : { kind: 'struct', type };
    // Set before the item is worked out: types may nest themselves.
    shapes.set(type, shape);
    if (shape.kind === 'list') shape.item = shapeOf(type.slice(2));
    else if (shape.kind === 'map') shape.item = shapeOf(type.slice(4, -1));
  }
  return shape;
}

function planOf(shape: Extract<Shape, { kind: 'struct' }>): FillStep[] {
  if (!shape.plan) {
    shape.plan = [];
    for (const [name, def] of fieldsOf(shape.type)) {
      if (!def.always && SCALARS.has(def.type)) continue;
      const zero = def.always ? zeroValue(def.type) : undefined;
      shape.plan.push({ name, always: def.always, zero: zero !== null && typeof zero === 'object' ? STRUCT_ZERO : zero, shape: shapeOf(def.type) });
    }
  }
  return shape.plan;
}

/** Adds the zero values Go's encoder always writes (e.g. `resources: {}`, `creationTimestamp: null`). */
export function fillZeroFields(obj: Record<string, unknown>, typeName: string): void {
  const shape = shapeOf(typeName);
  if (shape.kind === 'struct') fillStruct(obj, shape);
}

function fillStruct(obj: Record<string, unknown>, shape: Extract<Shape, { kind: 'struct' }>): void {
  const plan = planOf(shape);
  for (let i = 0; i < plan.length; i++) {
    const step = plan[i];
    let v = obj[step.name];
    if (v === undefined && step.always) {
      if (step.zero === undefined) continue;
      v = step.zero === STRUCT_ZERO ? {} : step.zero;
      obj[step.name] = v;
    }
    if (v !== null && v !== undefined && step.shape.kind !== 'scalar') fillNested(v, step.shape);
  }
}

function fillNested(v: unknown, shape: Shape): void {
  // A frozen value was handed out by the API server, so it was filled when it was stored.
  if (typeof v !== 'object' || v === null || Object.isFrozen(v)) return;
  switch (shape.kind) {
    case 'list':
      if (Array.isArray(v) && shape.item.kind !== 'scalar') for (let i = 0; i < v.length; i++) if (v[i]) fillNested(v[i], shape.item);
      return;
    case 'map':
      if (shape.item.kind !== 'scalar') for (const k in v) if ((v as Record<string, unknown>)[k]) fillNested((v as Record<string, unknown>)[k], shape.item);
      return;
    case 'struct':
      if (!Array.isArray(v)) fillStruct(v as Record<string, unknown>, shape);
      return;
  }
}

function zeroValue(type: string): unknown {
  if (type.startsWith('[]') || type.startsWith('map[')) return undefined;
  switch (type) {
    case 'string':
      return '';
    case 'int32':
    case 'int64':
    case 'double':
      return 0;
    case 'boolean':
      return false;
    case 'time':
    case 'microtime':
      return null;
    case 'any':
    case 'quantity':
    case 'intorstring':
    case 'byte':
      return undefined;
    default:
      return {};
  }
}
