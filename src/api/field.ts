// Field errors, worded like apimachinery's util/validation/field so that messages match kubectl's.
import { goQuote } from './meta/goquote';

export type FieldErrorType =
  | 'Required value'
  | 'Invalid value'
  | 'Unsupported value'
  | 'Duplicate value'
  | 'Forbidden'
  | 'Too long'
  | 'Too many'
  | 'Not found';

/**
 * A value rendered the way Go's %#v would print it (maps, structs). Known by its brand rather than
 * by instanceof: a lazily loaded module may hold its own copy of this class (the tests' require).
 */
export class GoSyntax {
  readonly goSyntax = true;
  constructor(readonly text: string) {}
}

function isGoSyntax(v: unknown): v is GoSyntax {
  return typeof v === 'object' && v !== null && (v as { goSyntax?: unknown }).goSyntax === true;
}

export type BadValue = string | number | boolean | null | GoSyntax | undefined;

export interface FieldError {
  type: FieldErrorType;
  field: string;
  badValue?: BadValue;
  detail?: string;
  /** Required/Forbidden/TooLong never print their value. */
  omitValue?: boolean;
}

export function required(field: string, detail?: string): FieldError {
  return { type: 'Required value', field, detail, omitValue: true };
}

export function invalid(field: string, badValue: BadValue, detail?: string): FieldError {
  return { type: 'Invalid value', field, badValue, detail };
}

export function forbidden(field: string, detail: string): FieldError {
  return { type: 'Forbidden', field, detail, omitValue: true };
}

export function duplicate(field: string, badValue: BadValue): FieldError {
  return { type: 'Duplicate value', field, badValue };
}

export function notFound(field: string, badValue: BadValue): FieldError {
  return { type: 'Not found', field, badValue };
}

export function notSupported(field: string, badValue: BadValue, supported: readonly string[]): FieldError {
  const detail = supported.length ? 'supported values: ' + supported.map((s) => JSON.stringify(s)).join(', ') : undefined;
  return { type: 'Unsupported value', field, badValue, detail };
}

export function tooLong(field: string, max: number): FieldError {
  return { type: 'Too long', field, detail: `may not be more than ${max} bytes`, omitValue: true };
}

/** The part after "<field>: ", as apimachinery's ErrorBody prints it. */
export function errorBody(e: FieldError): string {
  let s: string = e.type;
  if (!e.omitValue) {
    const v = e.badValue;
    if (isGoSyntax(v)) s += `: ${v.text}`;
    else if (typeof v === 'string') s += `: ${goQuote(v)}`;
    else if (v === null || v === undefined) s += ': "null"';
    else s += `: ${v}`;
  }
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

/** "<field>: <body>", always with the separator (apimachinery's Error()). */
export function fieldErrorText(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

/** Go's %#v of a map[string]string, keys sorted as fmt does; a missing map is nil. */
export function goStringMap(m: Record<string, string> | undefined): GoSyntax {
  if (m === undefined) return new GoSyntax('map[string]string(nil)');
  const entries = Object.keys(m)
    .sort()
    .map((k) => `${goQuote(k)}:${goQuote(m[k])}`);
  return new GoSyntax(`map[string]string{${entries.join(', ')}}`);
}

/** A path builder: path('spec').child('containers').index(0).toString() === 'spec.containers[0]'. */
export class FieldPath {
  private constructor(private readonly text: string) {}
  static root(name: string): FieldPath {
    return new FieldPath(name);
  }
  child(name: string): FieldPath {
    return new FieldPath(this.text ? `${this.text}.${name}` : name);
  }
  index(i: number): FieldPath {
    return new FieldPath(`${this.text}[${i}]`);
  }
  key(k: string): FieldPath {
    return new FieldPath(`${this.text}[${k}]`);
  }
  toString(): string {
    return this.text;
  }
}
