// Randomness as the API needs it (generated names, UIDs); supplied by sim/rand, always seeded.

/** The alphabet of generated name suffixes: no vowels, no confusable characters. */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export interface Random {
  /** A string of `n` characters drawn from `alphabet`. */
  string(n: number, alphabet?: string): string;
  /** An RFC 4122 version-4 UUID. */
  uuid(): string;
  /** An integer in [0, n). */
  int(n: number): number;
  /**
   * A credential of `n` characters from `alphabet` (a token): from the system's random source, so
   * no two homes share one. The seeded generator still moves on as `string` would, so everything
   * named after it keeps its name.
   */
  secret(n: number, alphabet: string): string;
}
