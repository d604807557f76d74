// Go's fmt for the values a template prints: Sprint, Sprintln and Sprintf with the verbs people
// write in templates (%v %+v %#v %T %s %q %d %f %e %g %x %X %o %b %t %c %U %%), flags, width and
// precision, and fmt's own texts for a wrong verb (%!d(float64=3)), a missing operand
// (%!s(MISSING)) or extra ones (%!(EXTRA string=x)).
import { goQuote } from '../../api/meta/goquote';
import { formatFloat } from '../jsonpath/gofmt';
import { GoNumber, isMap, kindOf, numberOf, sortedKeys, typeName } from './values';

interface Spec {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width?: number;
  prec?: number;
}

const NO_FLAGS: Spec = { minus: false, plus: false, sharp: false, space: false, zero: false };

/** %v of a value: what {{.x}} prints for a value that is not a string. */
export function sprintValue(v: unknown): string {
  return formatValue(v, 'v', NO_FLAGS);
}

/** fmt.Sprint: operands side by side, a space between two that are neither strings. */
export function sprint(args: unknown[]): string {
  let out = '';
  args.forEach((a, i) => {
    if (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += formatValue(a, 'v', NO_FLAGS);
  });
  return out;
}

/** fmt.Sprintln: spaces between all operands, a newline at the end. */
export function sprintln(args: unknown[]): string {
  return args.map((a) => formatValue(a, 'v', NO_FLAGS)).join(' ') + '\n';
}

function pad(s: string, spec: Spec, zeroOk = false): string {
  const width = spec.width ?? 0;
  const n = [...s].length;
  if (n >= width) return s;
  if (spec.minus) return s + ' '.repeat(width - n);
  if (spec.zero && zeroOk) {
    const sign = /^[+-]/.test(s) ? s[0] : '';
    return sign + '0'.repeat(width - n) + s.slice(sign.length);
  }
  return ' '.repeat(width - n) + s;
}

function badVerb(verb: string, v: unknown): string {
  if (v === undefined) return `%!${verb}(<invalid reflect.Value>)`;
  if (v === null) return `%!${verb}(<nil>)`;
  return `%!${verb}(${typeName(v)}=${formatValue(v, 'v', NO_FLAGS)})`;
}

function formatInt(n: number, verb: string, spec: Spec, v: unknown): string {
  let digits: string;
  const abs = Math.abs(n);
  switch (verb) {
    case 'd':
    case 'v':
      digits = String(abs);
      break;
    case 'b':
      digits = abs.toString(2);
      break;
    case 'o':
    case 'O':
      digits = abs.toString(8);
      break;
    case 'x':
      digits = abs.toString(16);
      break;
    case 'X':
      digits = abs.toString(16).toUpperCase();
      break;
    case 'c':
      return pad(String.fromCodePoint(n), spec);
    case 'q':
      return pad(`'${String.fromCodePoint(n)}'`, spec);
    case 'U':
      return pad(`U+${n.toString(16).toUpperCase().padStart(4, '0')}`, spec);
    default:
      return badVerb(verb, v);
  }
  if (spec.prec !== undefined) digits = digits.padStart(spec.prec, '0');
  let prefix = '';
  if (spec.sharp) prefix = verb === 'x' ? '0x' : verb === 'X' ? '0X' : verb === 'o' ? '0' : verb === 'b' ? '0b' : '';
  if (verb === 'O') prefix = '0o';
  const sign = n < 0 ? '-' : spec.plus ? '+' : spec.space ? ' ' : '';
  return pad(sign + prefix + digits, spec, spec.prec === undefined);
}

function formatFloat64(f: number, verb: string, spec: Spec, v: unknown): string {
  const sign = f < 0 || Object.is(f, -0) ? '-' : spec.plus ? '+' : spec.space ? ' ' : '';
  const a = Math.abs(f);
  let body: string;
  if (!Number.isFinite(a)) body = Number.isNaN(f) ? 'NaN' : 'Inf';
  else
    switch (verb) {
      case 'v':
      case 'g':
        body = spec.prec === undefined ? formatFloat(a) : goG(a, spec.prec);
        break;
      case 'G':
        body = (spec.prec === undefined ? formatFloat(a) : goG(a, spec.prec)).toUpperCase();
        break;
      case 'f':
      case 'F':
        body = a.toFixed(spec.prec ?? 6);
        break;
      case 'e':
      case 'E': {
        body = goExp(a, spec.prec ?? 6);
        if (verb === 'E') body = body.toUpperCase();
        break;
      }
      default:
        return badVerb(verb, v);
    }
  if (Number.isNaN(f)) return pad((spec.plus ? '+' : spec.space ? ' ' : '') + body, spec);
  return pad(sign + body, spec, Number.isFinite(a));
}

/** %e: d.dddde±dd. */
function goExp(a: number, prec: number): string {
  const [m, e] = a.toExponential(prec).split('e');
  const exp = Number(e);
  return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

/** %.Ng: N significant digits, %e form for exponents below -4 or at least N. */
function goG(a: number, prec: number): string {
  const p = prec === 0 ? 1 : prec;
  if (a === 0) return '0';
  const exp = Math.floor(Math.log10(a));
  const trim = (s: string) => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
  if (exp < -4 || exp >= p) {
    const [m, e] = a.toExponential(p - 1).split('e');
    const n = Number(e);
    return `${trim(m)}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  return trim(a.toFixed(Math.max(0, p - 1 - exp)));
}

function formatString(s: string, verb: string, spec: Spec, v: unknown): string {
  switch (verb) {
    case 'v':
    case 's':
      return pad(spec.prec !== undefined ? [...s].slice(0, spec.prec).join('') : s, spec);
    case 'q':
      return pad(spec.sharp && !s.includes('`') ? '`' + s + '`' : goQuote(s), spec);
    case 'x':
    case 'X': {
      const hex = [...Buffer.from(s, 'utf8')].map((b) => b.toString(16).padStart(2, '0')).join(spec.space ? ' ' : '');
      return pad(verb === 'X' ? hex.toUpperCase() : hex, spec);
    }
    default:
      return badVerb(verb, v);
  }
}

/** One operand under one verb (slices and maps apply it to their elements, as fmt does). */
export function formatValue(v: unknown, verb: string, spec: Spec): string {
  if (verb === 'T') return pad(typeName(v), spec);
  if (verb === 'v' && spec.sharp) return pad(sharpV(v), spec);
  switch (kindOf(v)) {
    case 'invalid':
      return verb === 'v' ? pad('<invalid reflect.Value>', spec) : badVerb(verb, v);
    case 'nil':
      return verb === 'v' || verb === 's' ? pad(verb === 'v' ? '<nil>' : '%!s(<nil>)', spec) : badVerb(verb, v);
    case 'bool':
      return verb === 'v' || verb === 't' ? pad(String(v), spec) : badVerb(verb, v);
    case 'int':
    case 'uint':
      return formatInt(numberOf(v), verb, spec, v);
    case 'float':
      return formatFloat64(numberOf(v), verb, spec, v);
    case 'string':
      return formatString(v as string, verb, spec, v);
    case 'slice':
      return `[${(v as unknown[]).map((x) => formatValue(x, verb, spec)).join(' ')}]`;
    case 'map': {
      const m = v as Record<string, unknown>;
      return `map[${sortedKeys(m).map((k) => `${formatValue(k, verb, spec)}:${formatValue(m[k], verb, spec)}`).join(' ')}]`;
    }
  }
}

/** %#v: Go syntax. */
function sharpV(v: unknown): string {
  if (v === undefined) return '<invalid reflect.Value>';
  if (v === null) return 'interface {}(nil)';
  if (v instanceof GoNumber) return v.goType === 'float64' ? formatFloat(v.value) : String(v.value);
  if (typeof v === 'number') return formatFloat(v);
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(sharpV).join(', ')}}`;
  const m = v as Record<string, unknown>;
  return `map[string]interface {}{${sortedKeys(m).map((k) => `${goQuote(k)}:${sharpV(m[k])}`).join(', ')}}`;
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: unknown[]): string {
  let out = '';
  let argi = 0;
  let i = 0;
  while (i < format.length) {
    const c = format[i];
    if (c !== '%') {
      out += c;
      i++;
      continue;
    }
    i++;
    const spec: Spec = { ...NO_FLAGS };
    for (; i < format.length; i++) {
      const f = format[i];
      if (f === '-') spec.minus = true;
      else if (f === '+') spec.plus = true;
      else if (f === '#') spec.sharp = true;
      else if (f === ' ') spec.space = true;
      else if (f === '0') spec.zero = !spec.minus;
      else break;
    }
    const number = (): number | undefined => {
      if (format[i] === '*') {
        i++;
        const a = args[argi++];
        return a instanceof GoNumber && a.goType !== 'float64' ? a.value : NaN;
      }
      const m = /^\d+/.exec(format.slice(i));
      if (!m) return undefined;
      i += m[0].length;
      return Number(m[0]);
    };
    const width = number();
    if (width !== undefined && Number.isNaN(width)) out += '%!(BADWIDTH)';
    else if (width !== undefined) {
      if (width < 0) {
        spec.minus = true;
        spec.width = -width;
      } else spec.width = width;
    }
    if (format[i] === '.') {
      i++;
      const prec = number();
      if (prec !== undefined && Number.isNaN(prec)) out += '%!(BADPREC)';
      else spec.prec = prec ?? 0;
    }
    if (i >= format.length) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (argi >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const a = args[argi++];
    if (verb === 'v' && spec.plus) out += formatValue(a, 'v', { ...spec, plus: false });
    else out += formatValue(a, verb, spec);
  }
  if (argi < args.length) out += `%!(EXTRA ${args.slice(argi).map((a) => (a === null || a === undefined ? '<nil>' : `${typeName(a)}=${formatValue(a, 'v', NO_FLAGS)}`)).join(', ')})`;
  return out;
}
