// What `pocketkube store` needs from the session, as the CLI sees it: the session implements it
// (it owns the home's files and the API server's storage); the CLI parses flags and prints.
import type { EncryptReport, ProviderName } from '../../../api/encryption';

export interface StoreHome {
  /**
   * Encryption at rest, as kube-apiserver's --encryption-provider-config: with a provider, the
   * home's EncryptionConfiguration gets it (with a new key) as the writer of secrets; then every
   * object of the resources it covers is rewritten through the API (`kubectl replace` of each).
   * Needs the cluster open for writing.
   */
  encrypt(provider: ProviderName | undefined): EncryptReport;
}
