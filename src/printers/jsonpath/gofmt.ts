// Go's fmt verbs as the jsonpath code paths use them: %v for printed values and error texts,
// %#v for the object kubectl dumps when a template fails, %q and %#U in messages.
import { compareCodePoints } from '../../api/meta/codepoint';
import { goQuote, isPrint } from '../../api/meta/goquote';

export { goQuote, isPrint };
import { GoScalar, isMap, kindOf } from './values';

/** %#U of a code point: U+0041 'A', or just U+0009 when it is not printable. */
export function formatRuneU(cp: number): string {
  const hex = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  const c = String.fromCodePoint(cp);
  return isPrint(c) ? `${hex} '${c}'` : hex;
}

/**
 * A float64 as %v prints it: %g with the shortest digits that read back, in exponent form when
 * the exponent is below -4 or at least 6 (1e+06, 1.2345675e+06, 1e-05).
 */
export function formatFloat(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const sign = v < 0 ? '-' : '';
  const [mantissa, exponent] = Math.abs(v).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exp = Number(exponent);
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? '.' + digits.slice(1) : '';
    const e = Math.abs(exp).toString().padStart(2, '0');
    return `${sign}${digits[0]}${frac}e${exp < 0 ? '-' : '+'}${e}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const frac = digits.slice(exp + 1);
  return sign + whole + (frac ? '.' + frac : '');
}

function formatScalar(v: unknown): string {
  if (v instanceof GoScalar) return v.goType === 'float64' ? formatFloat(v.value) : String(v.value);
  if (typeof v === 'number') return kindOf(v) === 'int' ? BigInt(v).toString() : formatFloat(v);
  return String(v);
}

/**
 * %v: strings bare, maps as map[k:v ...] with sorted keys, slices as [a b], a nil interface
 * as <nil>, and the zero reflect.Value as <invalid reflect.Value>.
 */
export function formatV(v: unknown): string {
  if (v === undefined) return '<invalid reflect.Value>';
  return formatVInner(v);
}

function formatVInner(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(formatVInner).join(' ')}]`;
  if (isMap(v)) {
    const keys = Object.keys(v).filter((k) => v[k] !== undefined).sort(compareCodePoints);
    return `map[${keys.map((k) => `${k}:${formatVInner(v[k])}`).join(' ')}]`;
  }
  return formatScalar(v);
}

/** %#v of decoded JSON, as kubectl dumps the object a template failed on. */
export function formatSharpV(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (Array.isArray(v)) return `[]interface {}{${v.map(formatSharpV).join(', ')}}`;
  if (isMap(v)) {
    const keys = Object.keys(v).filter((k) => v[k] !== undefined).sort(compareCodePoints);
    return `map[string]interface {}{${keys.map((k) => `${goQuote(k)}:${formatSharpV(v[k])}`).join(', ')}}`;
  }
  if (typeof v === 'string') return goQuote(v);
  return formatScalar(v);
}
