// Encryption at rest as kube-apiserver configures it (an EncryptionConfiguration): the data the
// `pocketkube store encrypt` command and the API server's storage exchange. Pure data.

/** The providers pocketkube implements (kube-apiserver's, less kms: there is no KMS plugin to call). */
export const PROVIDERS = ['aesgcm', 'aescbc', 'secretbox', 'identity'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

export const ENCRYPTION_CONFIG_API_VERSION = 'apiserver.config.k8s.io/v1';
export const ENCRYPTION_CONFIG_KIND = 'EncryptionConfiguration';

export interface EncryptionKey {
  name: string;
  /** The key's bytes, base64. */
  secret: string;
}

/** One list element of `providers`: exactly one provider is set. */
export interface ProviderConfiguration {
  aesgcm?: { keys: EncryptionKey[] };
  aescbc?: { keys: EncryptionKey[] };
  secretbox?: { keys: EncryptionKey[] };
  identity?: Record<string, never>;
  kms?: unknown;
}

export interface ResourceConfiguration {
  /** "secrets", "deployments.apps", "*.apps", "*." (the core group), "*.*". */
  resources: string[];
  /** The first writes; every one listed reads (so keys can rotate). */
  providers: ProviderConfiguration[];
}

export interface EncryptionConfiguration {
  apiVersion: string;
  kind: string;
  resources: ResourceConfiguration[];
}

/** A provider and, for those with keys, the key: what a value is written or stored with. */
export interface ProviderKey {
  provider: ProviderName;
  key?: string;
}

/** What `pocketkube store encrypt` did. */
export interface EncryptReport {
  /** The EncryptionConfiguration file (in the home). */
  file: string;
  /** Whether the file was written (a provider was asked for), or only read. */
  written: boolean;
  /** Each resource the configuration covers that pocketkube serves, with what now writes it and how many objects were rewritten. */
  resources: { resource: string; writer: ProviderKey; readers: ProviderKey[]; rewritten: number }[];
}
