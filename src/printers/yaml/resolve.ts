// What a plain scalar would read back as under go-yaml v2's resolver, and how it writes numbers.
// kubectl's -o yaml goes JSON → go-yaml parse → go-yaml emit, so a string is quoted exactly when
// its plain form would resolve to something other than that string.

const RESERVED = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF',
  'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL', '~',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
]);

const INT_RE = /^[-+]?(0b[01_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+|[0-9][0-9_]*)$/;
const FLOAT_RE = /^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_RE = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** True when a plain scalar with this text would read back as the same string. */
export function plainIsString(s: string): boolean {
  if (s === '') return false;
  if (RESERVED.has(s)) return false;
  if (INT_RE.test(s) || FLOAT_RE.test(s) || BASE60_RE.test(s)) return false;
  return !isTimestamp(s);
}

// ---- timestamps: go-yaml v2 accepts what Go's time.Parse reads with one of four layouts ---------

/** A cursor over the text, failing (null) the way time.Parse fails. */
class Scan {
  constructor(
    readonly s: string,
    public i = 0,
  ) {}

  private digit(at: number): boolean {
    const c = this.s.charCodeAt(at);
    return c >= 48 && c <= 57;
  }

  /** time's getnum: one or two digits (exactly two when fixed). */
  num(fixed = false): number | null {
    if (!this.digit(this.i)) return null;
    if (!this.digit(this.i + 1)) {
      if (fixed) return null;
      return this.s.charCodeAt(this.i++) - 48;
    }
    const n = Number(this.s.slice(this.i, this.i + 2));
    this.i += 2;
    return n;
  }

  /** A literal layout character; a layout space matches any run of spaces. */
  lit(c: string): boolean {
    if (c === ' ') {
      if (this.i < this.s.length && this.s[this.i] !== ' ') return false;
      while (this.s[this.i] === ' ') this.i++;
      return true;
    }
    if (this.s[this.i] !== c) return false;
    this.i++;
    return true;
  }

  /** ".999999999": an optional fraction of any number of digits. */
  fraction(): void {
    if ((this.s[this.i] === '.' || this.s[this.i] === ',') && this.digit(this.i + 1)) {
      this.i++;
      while (this.digit(this.i)) this.i++;
    }
  }

  /** "Z07:00": Z, or a sign with hh:mm. */
  zone(): boolean {
    if (this.s[this.i] === 'Z') {
      this.i++;
      return true;
    }
    const sign = this.s[this.i];
    if (this.s.length - this.i < 6 || this.s[this.i + 3] !== ':') return false;
    this.i++;
    const hh = this.num(true);
    this.i++;
    const mm = hh === null ? null : this.num(true);
    return (sign === '+' || sign === '-') && hh !== null && mm !== null && hh <= 24 && mm <= 60;
  }

  done(): boolean {
    return this.i === this.s.length;
  }
}

const daysIn = (month: number, year: number) =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/** Parses "2006-1-2" then `rest` (the time part of the layout); true when it all fits. */
function parseLayout(s: string, rest: (sc: Scan) => boolean): boolean {
  const sc = new Scan(s, 4);
  const year = Number(s.slice(0, 4));
  if (!sc.lit('-')) return false;
  const month = sc.num();
  if (month === null || month < 1 || month > 12 || !sc.lit('-')) return false;
  const day = sc.num();
  if (day === null || !rest(sc) || !sc.done()) return false;
  return day >= 1 && day <= daysIn(month, year);
}

/** "15:4:5.999999999" */
function clock(sc: Scan): boolean {
  const h = sc.num();
  if (h === null || h >= 24 || !sc.lit(':')) return false;
  const m = sc.num();
  if (m === null || m >= 60 || !sc.lit(':')) return false;
  const sec = sc.num();
  if (sec === null || sec >= 60) return false;
  sc.fraction();
  return true;
}

/** go-yaml v2's parseTimestamp: YYYY- then one of its allowed layouts. */
function isTimestamp(s: string): boolean {
  if (!/^[0-9]{4}-/.test(s)) return false;
  return (
    parseLayout(s, (sc) => (sc.lit('T') || sc.lit('t')) && clock(sc) && sc.zone()) ||
    parseLayout(s, (sc) => sc.lit(' ') && clock(sc)) ||
    parseLayout(s, () => true)
  );
}

// ---- numbers ----------------------------------------------------------------------------------

/**
 * A JSON number as go-yaml writes it after reading it back: integers that fit int64/uint64 as
 * digits, anything else through strconv's shortest %g (exponent below 1e-4 or from 1e6 on).
 */
export function formatNumber(v: number): string {
  if (Number.isInteger(v) && v >= -(2 ** 63) && v < 2 ** 64) return String(v);
  if (Number.isNaN(v)) return '.nan';
  if (!Number.isFinite(v)) return v > 0 ? '.inf' : '-.inf';
  const [mantissa, e] = v.toExponential().split('e');
  const exp = Number(e);
  if (exp >= -4 && exp < 6) return String(v);
  return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}
