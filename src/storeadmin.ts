// `pocketkube store` on a home: check, backup and restore of its store, each under the home's
// lock (the session takes it), outside any cluster: nothing converges, nothing is authenticated
// (the files are the home owner's, as etcd's data directory is etcd's).
import * as fs from 'node:fs';
import { rfc3339 } from './api/time';
import { checkObjects } from './apiserver/integrity';
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
}

export function storeAdmin(o: StoreAdminOptions): StoreHome {
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
      // The kinds' cache views are defined first, so the files' views lines are read too.
      const storage = new ObjectStorage(store);
      checkStoreFiles(store, report);
      checkObjects(store, storage, report);
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
