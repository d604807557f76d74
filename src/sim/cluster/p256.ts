// ECDSA on NIST P-256 (FIPS 186-5, SEC 1): key generation and signing for the cluster's PKI, in
// BigInt arithmetic. node:crypto does both, but loading it costs a new cluster's first command
// ~4 ms, and its key generation ~1 ms more; here a key is ~0.7 ms and a signature ~0.3 ms, cold.
// Both multiply the base point only, so they add up precomputed multiples of it (a table made at
// build time, see p256base.ts) and never double. Not constant-time: the keys are those of a
// simulated cluster, on its user's own machine.

export const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
/** The order of the base point. */
export const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const B = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn;
const GX = 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n;
const GY = 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n;

/** An affine point (never the point at infinity). */
export interface Point {
  x: bigint;
  y: bigint;
}

/** Jacobian coordinates (x = X/Z², y = Y/Z³); Z = 0 is the point at infinity. */
type Jacobian = [bigint, bigint, bigint];
const INFINITY: Jacobian = [1n, 1n, 0n];

const mod = (a: bigint, m = P) => {
  const r = a % m;
  return r < 0n ? r + m : r;
};

/** a⁻¹ mod m (m prime, a not a multiple of it), by the extended Euclidean algorithm. */
export function invert(a: bigint, m: bigint): bigint {
  let [r0, r1] = [mod(a, m), m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return mod(s0, m);
}

/** 2P ("dbl-2001-b", a = -3). */
function double([X, Y, Z]: Jacobian): Jacobian {
  if (Z === 0n) return INFINITY;
  const delta = mod(Z * Z);
  const gamma = mod(Y * Y);
  const beta = mod(X * gamma);
  const alpha = mod(3n * mod((X - delta) * (X + delta)));
  const X3 = mod(alpha * alpha - 8n * beta);
  const Z3 = mod((Y + Z) * (Y + Z) - gamma - delta);
  const Y3 = mod(alpha * (4n * beta - X3) - 8n * mod(gamma * gamma));
  return [X3, Y3, Z3];
}

/** P + Q, Q affine. */
function addAffine(p: Jacobian, q: Point): Jacobian {
  const [X1, Y1, Z1] = p;
  if (Z1 === 0n) return [q.x, q.y, 1n];
  const zz = mod(Z1 * Z1);
  const u2 = mod(q.x * zz);
  const s2 = mod(q.y * mod(zz * Z1));
  const h = mod(u2 - X1);
  const r = mod(s2 - Y1);
  if (h === 0n) return r === 0n ? double(p) : INFINITY;
  const hh = mod(h * h);
  const hhh = mod(hh * h);
  const v = mod(X1 * hh);
  const X3 = mod(r * r - hhh - 2n * v);
  const Y3 = mod(r * (v - X3) - Y1 * hhh);
  return [X3, Y3, mod(Z1 * h)];
}

function affine([X, Y, Z]: Jacobian): Point {
  if (Z === 0n) throw new Error('P-256: the point at infinity has no affine form');
  const zi = invert(Z, P);
  const zi2 = mod(zi * zi);
  return { x: mod(X * zi2), y: mod(Y * mod(zi2 * zi)) };
}

export function onCurve({ x, y }: Point): boolean {
  return mod(y * y) === mod(x * x * x - 3n * x + B);
}

// ---- the base point's multiples ----------------------------------------------------------------

/** A scalar is read as 65 signed base-16 digits in [-8, 8]: row i holds j·16^i·G for j = 1..8. */
export const TABLE_ROWS = 65;
export const ROW_POINTS = 8;
/** Each point as x then y, 32 bytes big-endian each. */
const POINT_BYTES = 64;
export const TABLE_BYTES = TABLE_ROWS * ROW_POINTS * POINT_BYTES;

/** The table of multiples of G (a few tens of milliseconds: the build makes it once). */
export function computeBaseTable(): Buffer {
  const out = Buffer.alloc(TABLE_BYTES);
  let base: Jacobian = [GX, GY, 1n];
  for (let row = 0; row < TABLE_ROWS; row++) {
    const b = affine(base);
    let acc = INFINITY;
    for (let j = 0; j < ROW_POINTS; j++) {
      acc = addAffine(acc, b);
      const p = affine(acc);
      const at = (row * ROW_POINTS + j) * POINT_BYTES;
      out.write(p.x.toString(16).padStart(64, '0'), at, 'hex');
      out.write(p.y.toString(16).padStart(64, '0'), at + 32, 'hex');
    }
    for (let k = 0; k < 4; k++) base = double(base);
  }
  return out;
}

function tablePoint(table: Buffer, row: number, j: number): Point {
  const at = (row * ROW_POINTS + j - 1) * POINT_BYTES;
  return { x: BigInt(`0x${table.toString('hex', at, at + 32)}`), y: BigInt(`0x${table.toString('hex', at + 32, at + 64)}`) };
}

/** k·G for 0 < k < N. */
export function baseMultiply(k: bigint, table: Buffer): Point {
  let acc = INFINITY;
  let carry = 0;
  for (let row = 0; row < TABLE_ROWS; row++) {
    let digit = Number((k >> BigInt(4 * row)) & 15n) + carry;
    carry = 0;
    if (digit > 8) {
      digit -= 16;
      carry = 1;
    }
    if (digit > 0) acc = addAffine(acc, tablePoint(table, row, digit));
    else if (digit < 0) {
      const p = tablePoint(table, row, -digit);
      acc = addAffine(acc, { x: p.x, y: P - p.y });
    }
  }
  return affine(acc);
}

// ---- keys and signatures -----------------------------------------------------------------------

/** A scalar in [1, N-1] from 40 random bytes (FIPS 186-5 A.2.1: 64 bits more than N has, reduced). */
export function scalarFrom(random: Uint8Array): bigint {
  if (random.length < 40) throw new Error('P-256: a scalar needs 40 random bytes');
  return (BigInt(`0x${Buffer.from(random).toString('hex')}`) % (N - 1n)) + 1n;
}

/** The 32 big-endian bytes of a field element or scalar. */
export function bytes32(v: bigint): Buffer {
  return Buffer.from(v.toString(16).padStart(64, '0'), 'hex');
}

/** The public key's uncompressed encoding (0x04 ‖ x ‖ y). */
export function encodePoint(p: Point): Buffer {
  return Buffer.concat([Buffer.from([4]), bytes32(p.x), bytes32(p.y)]);
}

/**
 * The ECDSA signature (r, s) of a SHA-256 digest by private scalar `d`, each nonce a fresh scalar
 * from `random` (40 bytes at a time), as Go's crypto/ecdsa signs with randomness.
 */
export function signDigest(d: bigint, digest: Uint8Array, random: (n: number) => Uint8Array, table: Buffer): { r: bigint; s: bigint } {
  const z = BigInt(`0x${Buffer.from(digest).toString('hex')}`) % N;
  for (;;) {
    const k = scalarFrom(random(40));
    const r = baseMultiply(k, table).x % N;
    if (r === 0n) continue;
    const s = mod(invert(k, N) * (z + r * d), N);
    if (s !== 0n) return { r, s };
  }
}
