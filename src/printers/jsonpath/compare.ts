// Filter comparisons: the eq/lt family of text/template as client-go forked it. Operands must
// be of one basic kind (int with uint allowed), so a float literal never equals an int64 field
// and a string never compares with a number.
import { compareCodePoints } from '../../api/meta/codepoint';
import { JsonPathError } from './errors';
import { type Kind, kindOf, numberOf } from './values';

type BasicKind = 'bool' | 'int' | 'uint' | 'float' | 'string';

function basicKind(v: unknown): BasicKind {
  const k: Kind = kindOf(v);
  if (k === 'bool' || k === 'int' || k === 'uint' || k === 'float' || k === 'string') return k;
  throw new JsonPathError('invalid type for comparison');
}

const incompatible = () => new JsonPathError('incompatible types for comparison');
const isInteger = (k: BasicKind) => k === 'int' || k === 'uint';

function equal(a: unknown, b: unknown): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka !== kb && !(isInteger(ka) && isInteger(kb))) throw incompatible();
  if (ka === 'bool' || ka === 'string') return a === b;
  return numberOf(a) === numberOf(b);
}

function less(a: unknown, b: unknown): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka !== kb && !(isInteger(ka) && isInteger(kb))) throw incompatible();
  if (ka === 'bool') throw new JsonPathError('invalid type for comparison');
  if (ka === 'string') return compareCodePoints(a as string, b as string) < 0;
  return numberOf(a) < numberOf(b);
}

/** Applies a filter operator; throws JsonPathError for bad operands or an unknown operator. */
export function compare(operator: string, left: unknown, right: unknown): boolean {
  switch (operator) {
    case '==':
      return equal(left, right);
    case '!=':
      return !equal(left, right);
    case '<':
      return less(left, right);
    case '<=':
      return less(left, right) || equal(left, right);
    case '>':
      return !(less(left, right) || equal(left, right));
    case '>=':
      return !less(left, right);
  }
  throw new JsonPathError(`unrecognized filter operator ${operator}`);
}
