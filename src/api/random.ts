// Randomness as the API needs it (generated names, UIDs, credentials); supplied by sim/rand: names
// seeded, credentials from the system's random source.

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
   * The characters of a credential (a token's id and secret, a certificate serial): from the
   * source of secrets the composition gives (the system's random source, so no two homes share
   * one), else seeded like `string`. The seeded generator moves on as `string` would either way, so everything named
   * after it keeps its name.
   */
  secret(n: number, alphabet: string): string;
}
