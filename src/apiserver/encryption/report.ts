// What is stored under which provider: for a store check (and for tests), each value of the
// encrypted resources (by default every Secret) with the provider and key its stored prefix names,
// whether that is what the configuration writes now, and, when asked, whether it reads back.
import type { ProviderName } from '../../api/encryption';
import { secret as secretKind } from '../../api/kinds/secret';
import type { ResourceType } from '../../api/registry';
import type { Store } from '../../store/store';
import { collectionOf } from '../storage';
import { TransformError } from './ciphers';
import type { EncryptionAtRest } from './index';
import { storedUnder } from './transformer';

export interface StoredEncryption {
  /** The resource ("secrets") and the object's key in it ("<namespace>/<name>"). */
  resource: string;
  key: string;
  /** What its stored prefix names: identity for a value kept in the clear, unknown for a prefix no provider has. */
  provider: ProviderName | 'unknown';
  /** The key's name, for the providers that have keys. */
  keyName?: string;
  /** Whether it is stored as the configuration writes now (else a rewrite would change how). */
  current: boolean;
  /** With `decrypt`: why it does not read back with the configured providers (absent: it does). */
  error?: string;
}

/**
 * Every stored value of `types` (default: Secrets), in key order, with how it is stored. Reads the
 * store's values as they are; `decrypt` also opens each with the configuration's providers.
 */
export function storedEncryption(store: Store, encryption?: EncryptionAtRest, opts: { types?: readonly ResourceType[]; decrypt?: boolean } = {}): StoredEncryption[] {
  const out: StoredEncryption[] = [];
  for (const t of opts.types ?? [secretKind.type]) {
    const collection = collectionOf(t);
    const transformer = encryption?.transformerFor(t);
    store.scan(collection, '', false, (value, key) => {
      const under = storedUnder(value);
      const entry: StoredEncryption = {
        resource: t.resource,
        key,
        provider: under.provider,
        ...('key' in under && under.key !== undefined ? { keyName: under.key } : {}),
        current: transformer ? !transformer.isStale(value) : under.provider === 'identity',
      };
      if (opts.decrypt) {
        try {
          if (transformer) transformer.fromStorage(value, `${collection}/${key}`);
          else if (under.provider !== 'identity') throw new TransformError('identity transformer tried to read encrypted data');
        } catch (e) {
          if (!(e instanceof TransformError)) throw e;
          entry.error = e.message;
        }
      }
      out.push(entry);
    });
  }
  return out;
}
