// The values the evaluator passes around, modelled on the reflect.Values client-go walks.
//
// Data is JSON decoded the way kubectl's unstructured decoder does it: a number that fits an
// int64 is an int64, any other number a float64. A JavaScript number cannot say which, so the
// rule is applied to its value: integral and inside the int64 range means int64. That agrees
// with Go whenever the JSON was written by JSON.stringify (which never writes 1.0 or 1e3).
//
// Besides data, a template makes a few Go values of its own: int and float64 literals and the
// bytes (uint8) of a string walked with `*`. Those carry their Go type in a GoScalar, because the
// type decides comparisons ("incompatible types for comparison") and error texts.
//
// Two "no value" states matter and are kept apart:
//   null       an interface{} holding nil: a JSON null read from a map or a slice;
//   undefined  the zero reflect.Value, what reflect.ValueOf(nil) gives (a range over a null).

/** A Go scalar whose type a JavaScript number cannot carry. */
export class GoScalar {
  constructor(
    readonly goType: 'int' | 'float64' | 'uint8',
    readonly value: number,
  ) {}
}

export type Kind = 'invalid' | 'nil' | 'bool' | 'int' | 'uint' | 'float' | 'string' | 'map' | 'slice';

const INT64_LIMIT = 2 ** 63;

/** Whether a JSON number decodes to an int64 (rather than a float64) in kubectl. */
export function isInt64(n: number): boolean {
  return Number.isInteger(n) && n >= -INT64_LIMIT && n < INT64_LIMIT;
}

export function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoScalar);
}

/** The reflect.Kind of a value after indirection through its interface{}. */
export function kindOf(v: unknown): Kind {
  if (v === undefined) return 'invalid';
  if (v === null) return 'nil';
  if (v instanceof GoScalar) return v.goType === 'float64' ? 'float' : v.goType === 'uint8' ? 'uint' : 'int';
  if (Array.isArray(v)) return 'slice';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return isInt64(v) ? 'int' : 'float';
    case 'object':
      return 'map';
  }
  return 'invalid';
}

/** The Go type's name, as reflect.Type's String() writes it in error messages. */
export function goTypeName(v: unknown): string {
  if (v instanceof GoScalar) return v.goType;
  switch (kindOf(v)) {
    case 'bool':
      return 'bool';
    case 'int':
      return 'int64';
    case 'float':
      return 'float64';
    case 'string':
      return 'string';
    case 'map':
      return 'map[string]interface {}';
    case 'slice':
      return '[]interface {}';
    default:
      return 'interface {}';
  }
}

/** The number a numeric value holds, whatever its Go type. */
export function numberOf(v: unknown): number {
  return v instanceof GoScalar ? v.value : (v as number);
}

/** Plain JSON for encoding/json: Go scalars become numbers, the zero Value null. */
export function toPlain(v: unknown): unknown {
  if (v === undefined) return null;
  if (v instanceof GoScalar) return v.value;
  return v;
}
