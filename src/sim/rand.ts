// Seeded randomness (sfc32): generated names, UIDs and IPs come from here, and the generator's
// state lives in the store, so the same commands build the same cluster.
import { NAME_ALPHABET, type Random } from '../api/random';

const HEX = '0123456789abcdef';
const DASH = 0x2d;
const FOUR = 0x34;
const DEFAULT_SEED = [0x706f636b, 0x65746b75, 0x62650000, 0x00000001]; // "pocketkube"

/** Characters from the system's random source, for credentials (never seeded). */
export function freshSecret(n: number, alphabet: string): string {
  // Loaded here: node:crypto costs every command a few milliseconds, and few make credentials.
  const { randomInt } = require('node:crypto') as typeof import('node:crypto');
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export class SeededRandom implements Random {
  // The four words of sfc32's state, as fields: next() runs thousands of times per command.
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `secrets`: where credentials' secret characters come from (seeded when absent). */
  constructor(
    state?: readonly number[],
    private readonly secrets?: (n: number, alphabet: string) => string,
  ) {
    const s = state && state.length === 4 ? state : DEFAULT_SEED;
    [this.a, this.b, this.c, this.d] = s.map((w) => w >>> 0);
    if (!state || state.length !== 4) for (let i = 0; i < 12; i++) this.next();
  }

  static fromSeed(seed: string, secrets?: (n: number, alphabet: string) => string): SeededRandom {
    let h = 2166136261;
    const words: number[] = [];
    for (let w = 0; w < 4; w++) {
      for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
      h = Math.imul(h ^ w, 16777619) >>> 0;
      words.push(h);
    }
    const r = new SeededRandom(words, secrets);
    for (let i = 0; i < 12; i++) r.next();
    return r;
  }

  get state(): number[] {
    return [this.a, this.b, this.c, this.d];
  }

  /** The next 32-bit unsigned value. */
  next(): number {
    const { a, b, c, d } = this;
    const t = (((a + b) >>> 0) + d) >>> 0;
    this.d = (d + 1) >>> 0;
    this.a = (b ^ (b >>> 9)) >>> 0;
    this.b = (c + (c << 3)) >>> 0;
    this.c = ((((c << 21) | (c >>> 11)) >>> 0) + t) >>> 0;
    return t;
  }

  int(n: number): number {
    return this.next() % n;
  }

  string(n: number, alphabet: string = NAME_ALPHABET): string {
    // Made in one piece: a string grown a character at a time is a chain of n pieces in V8's
    // heap until something flattens it, which for the UIDs and names of ten thousand stored
    // objects is megabytes more for the garbage collector to carry.
    const codes = new Array<number>(n);
    for (let i = 0; i < n; i++) codes[i] = alphabet.charCodeAt(this.int(alphabet.length));
    return String.fromCharCode(...codes);
  }

  secret(n: number, alphabet: string): string {
    const seeded = this.string(n, alphabet);
    return this.secrets ? this.secrets(n, alphabet) : seeded;
  }

  uuid(): string {
    // The variant is drawn first, then the hex digits in order, as they always were.
    const variant = '89ab'.charCodeAt(this.int(4));
    const codes: number[] = [];
    const hex = (n: number) => {
      for (let i = 0; i < n; i++) codes.push(HEX.charCodeAt(this.int(16)));
    };
    hex(8);
    codes.push(DASH);
    hex(4);
    codes.push(DASH, FOUR);
    hex(3);
    codes.push(DASH, variant);
    hex(3);
    codes.push(DASH);
    hex(12);
    return String.fromCharCode(...codes);
  }
}
