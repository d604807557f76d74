// What `pocketkube store` needs from the home, as the CLI sees it: the session implements it
// (check, backup and restore in storeadmin.ts, under the home's lock; encryption through the
// API server's storage); the CLI parses flags and prints.
import type { EncryptReport, ProviderName } from '../../../api/encryption';

/** What `store check` found: sound facts, problems (each makes the exit code 1) and notes. */
export interface StoreCheck {
  /** The store's first line ("store FILE: revision N, …", or that there is none yet); none when it cannot be read. */
  summary?: string;
  facts: string[];
  problems: string[];
  notes: string[];
}

export interface StoreHome {
  check(): StoreCheck;
  /** Writes a backup of the store (and the home's kubeconfig) to `file`. */
  backup(file: string): { revision: number };
  /** Replaces the store by the backup in `file`, checked whole first. */
  restore(file: string): { revision: number; created: string; kubeconfig: 'restored' | 'kept' | 'none'; kubeconfigPath: string };
  /**
   * Encryption at rest, as kube-apiserver's --encryption-provider-config: with a provider, the
   * home's EncryptionConfiguration gets it (with a new key) as the writer of secrets; then every
   * object of the resources it covers is rewritten through the API (`kubectl replace` of each).
   * Needs the cluster open for writing.
   */
  encrypt(provider: ProviderName | undefined): EncryptReport;
}
