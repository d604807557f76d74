// Decoding a request body the way the API server does: strict field validation (kubectl asks for
// it by default), JSON type checks, canonical quantities, then the zero values Go always writes.
import { badRequest, invalidRequest } from '../api/errors';
import type { KindDef } from '../api/registry';
import { goMap } from '../api/meta/gomap';
import { decode, fillZeroFields, intFits } from '../api/schema';
import { dropPath } from '../api/schema/drop';
import type { KubeObject } from '../api/types';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

function cannotHandle(def: KindDef, detail: string): string {
  const { kind, version } = def.type;
  return `${kind} in version ${JSON.stringify(version)} cannot be handled as a ${kind}: ${detail}`;
}

function unknownFieldsText(paths: string[]): string {
  return 'strict decoding error: ' + paths.map((p) => `unknown field ${JSON.stringify(p)}`).join(', ');
}

/** Decodes `obj` in place. Returns warnings for unknown fields when validation is not strict. */
/** `validation` defaults to Warn, as the API server's does when a request names none. */
export function decodeObject(def: KindDef, obj: KubeObject, validation: FieldValidation = 'Warn'): string[] {
  const result = decode(obj as Record<string, unknown>, def.strategy.schemaType);
  if (result.typeError) throw badRequest(cannotHandle(def, result.typeError));
  const warnings: string[] = [];
  if (result.unknownFields.length) {
    if (validation === 'Strict') throw badRequest(cannotHandle(def, unknownFieldsText(result.unknownFields)));
    if (validation === 'Warn') for (const p of result.unknownFields) warnings.push(`unknown field ${JSON.stringify(p)}`);
    for (const p of result.unknownFields) dropPath(obj, p);
  }
  fillZeroFields(obj as Record<string, unknown>, def.strategy.schemaType);
  return warnings;
}

/** The error a strict patch produces: the API server reports the patch itself, Go-formatted. */
export function strictPatchError(patch: unknown, unknownFields: string[]): Error {
  return invalidRequest(`patch: Invalid value: ${JSON.stringify(goMapText(patch))}: ${unknownFieldsText(unknownFields)}`);
}

/**
 * Go's %v of a decoded JSON value: map[k:v ...] with sorted keys, [a b] for lists; numbers as the
 * decoder keeps them (int64 when integral and in range, else float64 in %g's shortest form).
 */
export function goMapText(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(goMapText).join(' ')}]`;
  if (v && typeof v === 'object') return goMap(v as Record<string, unknown>, goMapText);
  if (typeof v === 'number') return goNumberText(v);
  return v === null ? '<nil>' : String(v);
}

function goNumberText(v: number): string {
  if (intFits(v, 'int64')) return String(v);
  // strconv's 'g' with the shortest digits: an exponent below -4 or from 6 on is written %e.
  const [mantissa, e] = v.toExponential().split('e');
  const exp = Number(e);
  if (exp >= -4 && exp < 6) return String(v);
  return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

