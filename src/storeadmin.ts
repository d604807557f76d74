// `pocketkube store` on a home: check, backup and restore of its store, each under the home's
// lock (the session takes it), outside any cluster: nothing converges, nothing is authenticated
// (the files are the home owner's, as etcd's data directory is etcd's).
import * as fs from 'node:fs';
import { rfc3339 } from './api/time';
import { checkObjects } from './apiserver/integrity';
import type { EncryptionAtRest } from './apiserver/encryption';
import { ObjectStorage } from './apiserver/storage';
import type { StoreCheck, StoreHome } from './cli/commands/store/host';
import { readBackup, writeBackup } from './store/backup';
import { checkStoreFiles, storeSummary } from './store/check';
import { StoreError, writeDurably } from './store/files';
import { Store } from './store/store';

export interface StoreAdminOptions {
  storeFile: string;
  kubeconfigPath: string;
  pid: number;
  /** Takes the home's lock (held until the command ends). */
  lock(): void;
  /** The wall clock, for the backup's date. */
  now(): number;
  /** The home's encryption at rest, if configured (throws when its file is invalid). */
  encryption(): EncryptionAtRest | undefined;
}

/** `store check`'s line on how Secrets are stored, and a problem for each that does not read back. */
function checkEncryption(store: Store, encryption: EncryptionAtRest | undefined, report: StoreCheck): void {
  const { storedEncryption } = require('./apiserver/encryption/report') as typeof import('./apiserver/encryption/report');
  const stored = storedEncryption(store, encryption, { decrypt: true });
  const by = new Map<string, number>();
  for (const s of stored) {
    const how = s.provider === 'identity' ? 'in the clear' : `${s.provider}${s.keyName ? ` ${s.keyName}` : ''}`;
    by.set(how, (by.get(how) ?? 0) + 1);
    if (s.error) report.problems.push(`secret ${s.key} does not read back (${s.error})`);
    else if (!s.current) report.notes.push(`secret ${s.key} is stored ${how}, not as the encryption config writes now: \`pocketkube store encrypt\` rewrites it`);
  }
  const parts = [...by].sort().map(([how, n]) => `${n} ${how}`);
  report.facts.push(`secrets: ${stored.length} stored${parts.length ? ` (${parts.join(', ')})` : ''}`);
}

export function storeAdmin(o: StoreAdminOptions): Omit<StoreHome, 'encrypt'> {
  return {
    check(): StoreCheck {
      o.lock();
      const report: StoreCheck = { facts: [], problems: [], notes: [] };
      let store: Store;
      try {
        store = Store.open(o.storeFile);
      } catch (e) {
        if (!(e instanceof StoreError)) throw e;
        report.problems.push(e.message);
        return report;
      }
      if (!store.existed) {
        report.summary = `no store yet at ${o.storeFile} (the first command makes one)`;
        return report;
      }
      report.summary = storeSummary(store, o.storeFile);
      let encryption: EncryptionAtRest | undefined;
      try {
        encryption = o.encryption();
      } catch (e) {
        report.problems.push((e as Error).message);
      }
      // The kinds' cache views are defined first, so the files' views lines are read too.
      const storage = new ObjectStorage(store, encryption);
      checkStoreFiles(store, report);
      checkObjects(store, storage, report);
      checkEncryption(store, encryption, report);
      // A damaged collection file is met by both checks: said once.
      report.problems = [...new Set(report.problems)];
      return report;
    },

    backup(file: string) {
      o.lock();
      const store = Store.open(o.storeFile);
      if (!store.existed) throw new StoreError(`there is no store to back up: ${o.storeFile} does not exist`);
      const kubeconfig = fs.existsSync(o.kubeconfigPath) ? fs.readFileSync(o.kubeconfigPath, 'utf8') : undefined;
      const backup = writeBackup(store, file, kubeconfig, rfc3339(o.now()), o.pid);
      return { revision: backup.revision };
    },

    restore(file: string) {
      const backup = readBackup(file);
      o.lock();
      Store.restore(o.storeFile, backup, o.pid);
      let kubeconfig: 'restored' | 'kept' | 'none' = 'none';
      if (backup.kubeconfig !== undefined) {
        kubeconfig = fs.existsSync(o.kubeconfigPath) ? 'kept' : 'restored';
        if (kubeconfig === 'restored') writeDurably(o.kubeconfigPath, backup.kubeconfig, o.pid);
      }
      return { revision: backup.revision, created: backup.created, kubeconfig, kubeconfigPath: o.kubeconfigPath };
    },
  };
}
