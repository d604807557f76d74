// Encryption at rest, as kube-apiserver's --encryption-provider-config sets it up: the
// configured resources' values are transformed between the API server's storage layer and the
// store (apiserver/storage.ts), so everything above sees plain objects and the store's files hold
// ciphertext. Loaded only by a home that has an EncryptionConfiguration.
import type { EncryptionConfiguration } from '../../api/encryption';
import type { ResourceType } from '../../api/registry';
import { decodeConfig, grString, transformersOf } from './config';
import type { Transformer } from './transformer';

export { EncryptionConfigError, configText, withWriter } from './config';
export { type StoredEncryption, storedEncryption } from './report';
export { TransformError } from './ciphers';

export class EncryptionAtRest {
  private readonly byType = new Map<ResourceType, Transformer | undefined>();

  private constructor(
    readonly config: EncryptionConfiguration,
    private readonly transformers: Map<string, Transformer>,
  ) {}

  /** From the configuration file's text (`file` names it in errors); throws EncryptionConfigError. */
  static load(text: string, file: string): EncryptionAtRest {
    return EncryptionAtRest.of(decodeConfig(text, file));
  }

  static of(config: EncryptionConfiguration): EncryptionAtRest {
    return new EncryptionAtRest(config, transformersOf(config));
  }

  /** The transformer of a type: its own rule, else its group's `*.group`, else `*.*` (none: stored as it is). */
  transformerFor(t: ResourceType): Transformer | undefined {
    if (this.byType.has(t)) return this.byType.get(t);
    const found = this.transformers.get(grString(t)) ?? this.transformers.get(grString({ group: t.group, resource: '*' })) ?? this.transformers.get('*.*');
    this.byType.set(t, found);
    return found;
  }
}
