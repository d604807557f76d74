// One resource's transformer between the API server and the store, as kube-apiserver builds it
// from an EncryptionConfiguration (storage/value's prefix transformers): the first provider (its
// first key) writes, every listed one reads the values stored under its prefix, and a value read
// with any but the first is stale, so an update that changes nothing still rewrites it (how
// `kubectl replace` re-encrypts).
//
// A store line is text, not etcd's bytes: an encrypted value is kept as one JSON string, the
// provider's prefix and the key's name (`k8s:enc:aesgcm:v1:key1:`) and then the ciphertext in
// base64; identity keeps the object itself, as the store always has.
import type { ProviderKey, ProviderName } from '../../api/encryption';
import { type Cipher, TransformError } from './ciphers';

/** What every encrypted value begins with (identity refuses to read such data). */
export const ENCRYPTED_PREFIX = 'k8s:enc:';

export const providerPrefix = (p: Exclude<ProviderName, 'identity'>) => `${ENCRYPTED_PREFIX}${p}:v1:`;

/** One entry of `providers`: identity, or a provider with its keys (a cipher each), in order. */
export type Provider = { name: 'identity' } | { name: Exclude<ProviderName, 'identity'>; keys: { name: string; cipher: Cipher }[] };

/** A stored value read back: the object, who read it, and whether to rewrite it. */
export interface Opened {
  object: unknown;
  stale: boolean;
  by: ProviderKey;
}

const NO_KEY: Record<string, string> = {
  aesgcm: 'no matching key was found for the provided AES transformer',
  aescbc: 'no matching key was found for the provided AES transformer',
  secretbox: 'no matching key was found for the provided Secretbox transformer',
};

/** Go's errors.Reduce of an aggregate: one error as itself, several as "[a, b]", duplicates once. */
function reduce(errs: string[]): string | undefined {
  const unique = [...new Set(errs)];
  if (!unique.length) return undefined;
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}

/** Which provider and key a stored value is under, from its prefix alone (nothing is decrypted). */
export function storedUnder(value: unknown): ProviderKey | { provider: 'unknown' } {
  if (typeof value !== 'string') return { provider: 'identity' };
  const m = /^k8s:enc:(aesgcm|aescbc|secretbox):v1:([^:]*):/.exec(value);
  return m ? { provider: m[1] as ProviderName, key: m[2] } : { provider: 'unknown' };
}

/** The object a decrypted value holds (AES-CBC has no tag: a wrong key can, rarely, pad well and give garbage). */
function parsed(plain: Buffer): unknown {
  try {
    return JSON.parse(plain.toString('utf8'));
  } catch (e) {
    throw new TransformError((e as Error).message);
  }
}

export class Transformer {
  constructor(readonly providers: readonly Provider[]) {
    if (!providers.length) throw new Error('a transformer needs a provider');
  }

  /** What writes: the first provider, with its first key. */
  get writer(): ProviderKey {
    const p = this.providers[0];
    return p.name === 'identity' ? { provider: 'identity' } : { provider: p.name, key: p.keys[0].name };
  }

  /** Every provider and key that reads, in the order they are tried. */
  get readers(): ProviderKey[] {
    return this.providers.flatMap((p): ProviderKey[] => (p.name === 'identity' ? [{ provider: 'identity' }] : p.keys.map((k) => ({ provider: p.name, key: k.name }))));
  }

  /** The value to store for `json` (an object's JSON text) and `object` (the same, for identity) under `context`. */
  toStorage(object: unknown, json: () => string, context: string): unknown {
    const p = this.providers[0];
    if (p.name === 'identity') return object;
    const key = p.keys[0];
    return `${providerPrefix(p.name)}${key.name}:${key.cipher.seal(Buffer.from(json(), 'utf8'), context).toString('base64')}`;
  }

  /**
   * The stored value read back (PrefixTransformers.TransformFromStorage): the first provider whose
   * prefix the value has and that opens it; a provider that fails is passed over for the next
   * (two may share a prefix while keys rotate). Throws `TransformError` when none reads it.
   */
  fromStorage(stored: unknown, context: string): Opened {
    const errs: string[] = [];
    for (let i = 0; i < this.providers.length; i++) {
      const p = this.providers[i];
      if (p.name === 'identity') {
        // Identity reads anything but encrypted data, and then gives the next provider its turn.
        if (typeof stored === 'string' && stored.startsWith(ENCRYPTED_PREFIX)) continue;
        return { object: stored, stale: i !== 0, by: { provider: 'identity' } };
      }
      const prefix = providerPrefix(p.name);
      if (typeof stored !== 'string' || !stored.startsWith(prefix)) continue;
      const rest = stored.slice(prefix.length);
      const keyErrs: string[] = [];
      let opened: Opened | undefined;
      for (let j = 0; j < p.keys.length && !opened; j++) {
        const key = p.keys[j];
        if (!rest.startsWith(`${key.name}:`)) continue;
        try {
          const plain = key.cipher.open(Buffer.from(rest.slice(key.name.length + 1), 'base64'), context);
          opened = { object: parsed(plain), stale: i !== 0 || j !== 0, by: { provider: p.name, key: key.name } };
        } catch (e) {
          if (!(e instanceof TransformError)) throw e;
          keyErrs.push(e.message);
        }
      }
      if (opened) return opened;
      errs.push(reduce(keyErrs) ?? NO_KEY[p.name]);
    }
    throw new TransformError(reduce(errs) ?? 'no matching prefix found');
  }

  /** Whether a stored value is not under the first provider and key (a read would call it stale), from its prefix. */
  isStale(stored: unknown): boolean {
    const w = this.writer;
    if (w.provider === 'identity') return typeof stored === 'string';
    return typeof stored !== 'string' || !stored.startsWith(`${providerPrefix(w.provider)}${w.key}:`);
  }
}
