// Resource quantities ("100m", "1Gi", "1e3") with apimachinery's canonical printing.
// Values are kept exactly as integers of nano-units.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

const NANO = 1_000_000_000n;
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const QUANTITY_RE = /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(?:([eE][+-]?[0-9]+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$/;

export const QUANTITY_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

export class Quantity {
  constructor(
    /** The value times 10^9, rounded up like apimachinery rounds sub-nano values. */
    readonly nano: bigint,
    readonly format: QuantityFormat,
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

  add(other: Quantity): Quantity {
    return new Quantity(this.nano + other.nano, this.format);
  }

  cmp(other: Quantity): number {
    return this.nano < other.nano ? -1 : this.nano > other.nano ? 1 : 0;
  }

  isZero(): boolean {
    return this.nano === 0n;
  }

  /** The value in thousandths, rounded up (cpu is accounted in millicores). */
  milli(): number {
    return Number(ceilDiv(this.nano, 1_000_000n));
  }

  /** The value in whole units, rounded up (memory is accounted in bytes). */
  value(): number {
    return Number(ceilDiv(this.nano, NANO));
  }

  toString(): string {
    return canonical(this);
  }
}

export function parseQuantity(text: string): Quantity {
  const q = tryParseQuantity(text);
  if (!q) throw new Error(QUANTITY_ERROR);
  return q;
}

export function tryParseQuantity(text: string): Quantity | null {
  const m = QUANTITY_RE.exec(String(text).trim());
  if (!m || m[1] === '.' || m[1] === '+.' || m[1] === '-.') return null;
  const [, num, exp, suffix = ''] = m;
  let format: QuantityFormat = 'DecimalSI';
  let scaleBase = 10n;
  let scale = 0;
  if (exp) {
    format = 'DecimalExponent';
    scale = parseInt(exp.slice(1), 10);
  } else if (suffix in BINARY) {
    format = 'BinarySI';
    scaleBase = 2n;
    scale = BINARY[suffix];
  } else {
    scale = DECIMAL[suffix];
  }
  // num = int.frac; value = num * base^scale; keep value * 10^9 exactly (rounded up).
  const negative = num.startsWith('-');
  const digits = num.replace(/^[+-]/, '');
  const [intPart, fracPart = ''] = digits.split('.');
  let numerator = BigInt((intPart || '0') + fracPart);
  let denominator = 10n ** BigInt(fracPart.length);
  numerator *= NANO;
  if (scaleBase === 2n) numerator *= 2n ** BigInt(scale);
  else if (scale >= 0) numerator *= 10n ** BigInt(scale);
  else denominator *= 10n ** BigInt(-scale);
  let nano = ceilDiv(numerator, denominator);
  if (negative) nano = -nano;
  return new Quantity(nano, format);
}

function ceilDiv(a: bigint, b: bigint): bigint {
  if (a >= 0n) return (a + b - 1n) / b;
  return a / b;
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
