// Digits of pi for `perl -Mbignum=bpi -wle 'print bpi(N)'` (the Kubernetes Job example): Machin's
// formula in BigInt fixed point, then N significant digits with Math::BigFloat's default rounding
// (half to even).

function arctanInv(x: bigint, one: bigint): bigint {
  // atan(1/x) = 1/x - 1/(3x^3) + 1/(5x^5) - …
  let term = one / x;
  let sum = term;
  const x2 = x * x;
  for (let n = 3n, sign = -1n; term !== 0n; n += 2n, sign = -sign) {
    term /= x2;
    sum += (sign * term) / n;
  }
  return sum;
}

/** pi to `digits` significant digits, as Math::BigFloat prints it ("3.14159…"). */
export function piDigits(digits: number): string {
  if (digits < 1) return '3';
  const guard = 20;
  const one = 10n ** BigInt(digits + guard);
  const pi = 16n * arctanInv(5n, one) - 4n * arctanInv(239n, one);
  // pi * 10^(digits+guard), so its decimal string has digits+guard+1 digits.
  const s = pi.toString();
  const keep = s.slice(0, digits);
  const rest = s.slice(digits);
  let n = BigInt(keep);
  const first = rest.charCodeAt(0) - 48;
  const tailNonZero = /[1-9]/.test(rest.slice(1, guard - 2));
  if (first > 5 || (first === 5 && (tailNonZero || n % 2n === 1n))) n += 1n;
  const out = n.toString();
  return out.length > 1 ? `${out[0]}.${out.slice(1)}` : out;
}
