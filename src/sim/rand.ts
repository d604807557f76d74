// Seeded randomness (sfc32): generated names, UIDs and IPs come from here, and the generator's
// state lives in the store, so the same commands build the same cluster.
import { NAME_ALPHABET, type Random } from '../api/random';
import { randomChars } from './entropy';

const HEX = '0123456789abcdef';
const DASH = 0x2d;
const FOUR = 0x34;
const DEFAULT_SEED = [0x706f636b, 0x65746b75, 0x62650000, 0x00000001]; // "pocketkube"

/** Characters from the system's random source, for credentials (never seeded). */
export function freshSecret(n: number, alphabet: string): string {
  return randomChars(n, alphabet);
}

export class SeededRandom implements Random {
  /**
   * sfc32's four words of state, in a typed array: next() runs thousands of times per command,
   * and 32-bit words held in object fields are boxed numbers to V8 (above 2^30).
   */
  private readonly s = new Uint32Array(4);

  /** `secrets`: where credentials' secret characters come from (seeded when absent). */
  constructor(
    state?: readonly number[],
    private readonly secrets?: (n: number, alphabet: string) => string,
  ) {
    const s = state && state.length === 4 ? state : DEFAULT_SEED;
    for (let i = 0; i < 4; i++) this.s[i] = s[i] >>> 0;
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
    return [...this.s];
  }

  /** The next 32-bit unsigned value. */
  next(): number {
    const s = this.s;
    const a = s[0];
    const b = s[1];
    const c = s[2];
    const d = s[3];
    const t = (a + b + d) >>> 0;
    s[3] = d + 1;
    s[0] = b ^ (b >>> 9);
    s[1] = c + (c << 3);
    s[2] = ((c << 21) | (c >>> 11)) + t;
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
    // The variant is drawn first, then the hex digits in order, as they always were. The codes
    // go into one reused array by position (this runs for every object and event created).
    const codes = this.uuidCodes;
    const variant = '89ab'.charCodeAt(this.int(4));
    for (let i = 0; i < 36; i++) {
      if (i === 8 || i === 13 || i === 18 || i === 23) codes[i] = DASH;
      else if (i === 14) codes[i] = FOUR;
      else if (i === 19) codes[i] = variant;
      else codes[i] = HEX.charCodeAt(this.next() % 16);
    }
    return String.fromCharCode.apply(null, codes);
  }

  private readonly uuidCodes = new Array<number>(36).fill(0);
}
