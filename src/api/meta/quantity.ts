// Resource quantities ("100m", "1Gi", "1e3") with apimachinery's canonical printing.
// Values are kept exactly as integers of nano-units.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

const NANO = 1_000_000_000n;
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

export const QUANTITY_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";
export const QUANTITY_NUMERIC_ERROR = 'unable to parse numeric part of quantity';

export class QuantityError extends Error {}

export class Quantity {
  constructor(
    /** The value times 10^9, rounded away from zero like apimachinery rounds sub-nano values. */
    readonly nano: bigint,
    readonly format: QuantityFormat,
    /** The text it was parsed from, kept when already canonical (apimachinery does the same). */
    private readonly cached?: string,
  ) {}

  static zero(format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(0n, format);
  }

  static fromMilli(milli: number, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(BigInt(Math.round(milli)) * 1_000_000n, format);
  }

  static fromValue(value: number, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(BigInt(Math.round(value)) * NANO, format);
  }

  /** A zero receiver takes the other's format, as Quantity.Add does. */
  add(other: Quantity): Quantity {
    return new Quantity(this.nano + other.nano, this.nano === 0n ? other.format : this.format);
  }

  cmp(other: Quantity): number {
    return this.nano < other.nano ? -1 : this.nano > other.nano ? 1 : 0;
  }

  isZero(): boolean {
    return this.nano === 0n;
  }

  /** The value in thousandths, rounded away from zero (cpu is accounted in millicores). */
  milli(): number {
    return Number(divAway(this.nano, 1_000_000n));
  }

  /** The value in whole units, rounded away from zero (memory is accounted in bytes). */
  value(): number {
    return Number(divAway(this.nano, NANO));
  }

  toString(): string {
    return this.cached ?? canonical(this);
  }
}

export function parseQuantity(text: string): Quantity {
  return parseOrError(text);
}

export function tryParseQuantity(text: string): Quantity | null {
  // No text is no quantity: said without making (and throwing) an error with its stack.
  if (text === '') return null;
  try {
    return parseOrError(text);
  } catch {
    return null;
  }
}

/** The error apimachinery's ParseQuantity reports for a text, or undefined when it parses. */
export function quantityError(text: string): string | undefined {
  try {
    parseOrError(text);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

interface Scanned {
  positive: boolean;
  /** Digits before the point, leading zeros removed ("0" when none). */
  num: string;
  denom: string;
  suffix: string;
}

/** parseQuantityString: sign, digits, optional fraction, then a suffix of [eEinumkKMGTP]*[-+]?[0-9]*. */
function scan(str: string): Scanned {
  let pos = 0;
  const end = str.length;
  let positive = true;
  if (str[0] === '-') {
    positive = false;
    pos++;
  } else if (str[0] === '+') pos++;
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { positive, num: '0', denom: '', suffix: '' };
  let i = pos;
  while (i < end && str[i] >= '0' && str[i] <= '9') i++;
  const num = str.slice(pos, i) || '0';
  pos = i;
  let denom = '';
  if (pos < end && str[pos] === '.') {
    pos++;
    i = pos;
    while (i < end && str[i] >= '0' && str[i] <= '9') i++;
    denom = str.slice(pos, i);
    pos = i;
  }
  const suffixStart = pos;
  while (pos < end && 'eEinumkKMGTP'.includes(str[pos])) pos++;
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++;
  while (pos < end && str[pos] >= '0' && str[pos] <= '9') pos++;
  if (pos < end) throw new QuantityError(QUANTITY_ERROR);
  return { positive, num, denom, suffix: str.slice(suffixStart) };
}

/** quantitySuffixer.interpret: base, exponent and format of a suffix. */
function interpret(suffix: string): { base: 2 | 10; exponent: number; format: QuantityFormat } | undefined {
  if (suffix in DECIMAL) return { base: 10, exponent: DECIMAL[suffix], format: 'DecimalSI' };
  if (suffix in BINARY) return { base: 2, exponent: BINARY[suffix], format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?[0-9]+$/.test(suffix.slice(1)))
    return { base: 10, exponent: parseInt(suffix.slice(1), 10), format: 'DecimalExponent' };
  return undefined;
}

function parseOrError(text: string): Quantity {
  const str = String(text);
  if (str.length === 0) throw new QuantityError(QUANTITY_ERROR);
  if (str === '0') return new Quantity(0n, 'DecimalSI', '0');
  const { positive, num, denom, suffix } = scan(str);
  const kind = interpret(suffix);
  if (!kind) throw new QuantityError(QUANTITY_SUFFIX_ERROR);
  let { format } = kind;
  // value * 10^9 = (num.denom) * base^exponent * 10^9, rounded away from zero.
  let numerator = BigInt(num + denom) * NANO;
  let denominator = 10n ** BigInt(denom.length);
  if (kind.base === 2) numerator *= 2n ** BigInt(kind.exponent);
  else if (kind.exponent >= 0) numerator *= 10n ** BigInt(kind.exponent);
  else denominator *= 10n ** BigInt(-kind.exponent);
  let nano = divAway(numerator, denominator);
  if (!positive) nano = -nano;
  if (format === 'BinarySI' && nano !== 0n && (nano < 0n ? -nano : nano) < NANO) format = 'DecimalSI';
  return new Quantity(nano, format, canonicalAsWritten(str, num, denom, kind) ? str : undefined);
}

/** ParseQuantity's fast path keeps the input text when it is already in canonical form. */
function canonicalAsWritten(str: string, num: string, denom: string, kind: { base: 2 | 10; exponent: number }): boolean {
  const shifted = num + denom;
  if (kind.base === 2) {
    if (denom.length || kind.exponent < 0) return false;
    const precision = 15 - num.length - Math.trunc((kind.exponent * 3) / 10) - 1;
    if (precision < 0 || shifted.length > 18) return false;
    return kind.exponent % 10 === 0 && (BigInt(shifted) & 7n) !== 0n;
  }
  const precision = 18 - (num.length + denom.length);
  const scale = kind.exponent - denom.length;
  if (precision < 0 || scale < -9) return false;
  return scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0' && str.length > 0;
}

/** Integer division rounding away from zero. */
function divAway(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b === 0n ? q : a > 0n ? q + 1n : q - 1n;
}

function canonical(q: Quantity): string {
  if (q.nano === 0n) return '0';
  let format = q.format;
  if (format === 'BinarySI') {
    const wholeUnits = q.nano % NANO === 0n;
    if ((q.nano > -1024n * NANO && q.nano < 1024n * NANO) || !wholeUnits) format = 'DecimalSI';
  }
  const sign = q.nano < 0n ? '-' : '';
  const abs = q.nano < 0n ? -q.nano : q.nano;
  if (format === 'BinarySI') {
    let amount = abs / NANO;
    let exp = 0;
    while (amount % 1024n === 0n && exp < 60) {
      amount /= 1024n;
      exp += 10;
    }
    const suffix = Object.keys(BINARY).find((k) => BINARY[k] === exp) ?? '';
    return sign + amount.toString() + suffix;
  }
  // Decimal: strip trailing zeros, then lower the exponent to a multiple of 3.
  let amount = abs;
  let exp = -9;
  while (amount % 10n === 0n) {
    amount /= 10n;
    exp++;
  }
  const rem = ((exp % 3) + 3) % 3;
  if (rem !== 0) {
    amount *= 10n ** BigInt(rem);
    exp -= rem;
  }
  if (format === 'DecimalExponent') return sign + amount.toString() + (exp === 0 ? '' : `e${exp}`);
  const suffix = Object.keys(DECIMAL).find((k) => DECIMAL[k] === exp);
  if (suffix !== undefined) return sign + amount.toString() + suffix;
  // Beyond exa: keep the largest suffix and a bigger mantissa.
  return sign + (amount * 10n ** BigInt(exp - 18)).toString() + 'E';
}
