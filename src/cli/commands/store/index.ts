// pocketkube store: the cluster's storage, looked after as etcdctl and etcdutl look after etcd's
// and as kube-apiserver's storage flags configure it. `check` verifies every file and
// cross-reference and says so in its exit code (0: sound, 1: problems); `backup FILE` writes the
// store whole to one file; `restore FILE` puts a backup back, checked whole first, atomically;
// `encrypt` turns on (or rotates, or turns off) encryption at rest of Secrets. Not a kubectl verb:
// pocketkube's own, like `pocketkube clock`.
import * as path from 'node:path';
import type { Command } from '../../command';
import type { CommandContext } from '../../context';
import { ExitCode } from '../../errors';
import { addGlobalFlags } from '../../program';
import { type Verb, verbAction } from '../../verb';
import { registerEncrypt } from './encrypt';
import type { StoreCheck } from './host';

function checkText(r: StoreCheck): string {
  const lines: string[] = [];
  if (r.summary) lines.push(r.summary, ...r.facts);
  for (const n of r.notes) lines.push(`note: ${n}`);
  for (const p of r.problems) lines.push(`problem: ${p}`);
  lines.push(r.problems.length ? `${r.problems.length} problem${r.problems.length === 1 ? '' : 's'} found` : 'no problems found');
  return `${lines.join('\n')}\n`;
}

const checkVerb: Verb<void> = {
  complete() {},
  run(c) {
    const report = c.store().check();
    c.io.out.write(checkText(report));
    if (report.problems.length) throw new ExitCode(1);
  },
};

/** What backup and restore take: the backup file, made absolute as they print it. */
export interface BackupFileOptions {
  file: string;
}

const backupFile = (_c: CommandContext, args: string[]): BackupFileOptions => ({ file: path.resolve(args[0]) });

const backupVerb: Verb<BackupFileOptions> = {
  complete: backupFile,
  run(c, o) {
    const { revision } = c.store().backup(o.file);
    c.io.out.write(`Backed up the store at revision ${revision} to ${o.file}\n`);
  },
};

const restoreVerb: Verb<BackupFileOptions> = {
  complete: backupFile,
  run(c, o) {
    const r = c.store().restore(o.file);
    c.io.out.write(`Restored the store to revision ${r.revision} from ${o.file} (backed up ${r.created})\n`);
    if (r.kubeconfig === 'restored') c.io.out.write(`Restored the kubeconfig from the backup to ${r.kubeconfigPath}\n`);
    if (r.kubeconfig === 'kept') c.io.out.write(`Kept the kubeconfig at ${r.kubeconfigPath}; the backup's is in ${o.file}\n`);
  },
};

export function register(program: Command, ctx: CommandContext): void {
  const store = program.command('store').description("The cluster's storage: check, backup, restore, encryption at rest (pocketkube only)");
  addGlobalFlags(store.command('check').description('Verify every file of the store and every cross-reference between objects; exit code 1 when a problem is found')).action(
    verbAction(ctx, checkVerb),
  );
  addGlobalFlags(store.command('backup').description('Write the whole store, and the kubeconfig of the home, to one file').argument('<file>', 'Where to write the backup')).action(
    verbAction(ctx, backupVerb),
  );
  addGlobalFlags(store.command('restore').description('Replace the store by a backup, checked whole first; the change is atomic').argument('<file>', 'The backup to restore')).action(
    verbAction(ctx, restoreVerb),
  );
  registerEncrypt(store, ctx);
}
