// The values a Go template handles, as kubectl's go-template printer has them: the object is JSON
// decoded by apimachinery's util/json into map[string]interface{}, so a number in it is an int64
// when it is integral and a float64 otherwise; literals and some builtins make Go values of other
// types (int, float64, a rune, a byte), which carry their type. Two kinds of "nothing" are kept apart: null is an interface{}
// holding nil (a JSON null), undefined is the invalid reflect.Value (a key that is not there).
import { compareCodePoints } from '../../api/meta/codepoint';

export type GoType = 'int' | 'int32' | 'uint8' | 'float64';

/** A Go number whose type JavaScript cannot carry (a JS number alone is a float64). */
export class GoNumber {
  constructor(
    readonly goType: GoType,
    readonly value: number,
  ) {}
}

export type Kind = 'invalid' | 'nil' | 'bool' | 'int' | 'uint' | 'float' | 'string' | 'map' | 'slice';

export const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoNumber);

export function kindOf(v: unknown): Kind {
  if (v === undefined) return 'invalid';
  if (v === null) return 'nil';
  if (v instanceof GoNumber) return v.goType === 'float64' ? 'float' : v.goType === 'uint8' ? 'uint' : 'int';
  if (typeof v === 'number') return isInt64(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return Array.isArray(v) ? 'slice' : 'map';
}

/** reflect.Type.String(), for %T and error texts. */
export function typeName(v: unknown): string {
  if (v === undefined || v === null) return '<nil>';
  if (v instanceof GoNumber) return v.goType;
  switch (typeof v) {
    case 'number':
      return isInt64(v) ? 'int64' : 'float64';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
  }
  return Array.isArray(v) ? '[]interface {}' : 'map[string]interface {}';
}

const INT64_LIMIT = 2 ** 63;

/** Whether a JSON number decodes to an int64 (rather than a float64). */
export const isInt64 = (n: number) => Number.isInteger(n) && n >= -INT64_LIMIT && n < INT64_LIMIT;

export const numberOf = (v: unknown): number => (v instanceof GoNumber ? v.value : (v as number));

/** Map keys in the order fmt and range visit them: sorted. */
export const sortedKeys = (m: Record<string, unknown>) => Object.keys(m).filter((k) => m[k] !== undefined).sort(compareCodePoints);

/** template.IsTrue: the zero value of its type is false. */
export function isTrue(v: unknown): boolean {
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
      return false;
    case 'bool':
      return v as boolean;
    case 'int':
    case 'uint':
    case 'float':
      return numberOf(v) !== 0;
    case 'string':
      return (v as string).length > 0;
    case 'slice':
      return (v as unknown[]).length > 0;
    case 'map':
      return sortedKeys(v as Record<string, unknown>).length > 0;
  }
}
