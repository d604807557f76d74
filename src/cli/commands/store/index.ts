// pocketkube store: the cluster's storage, what etcd and kube-apiserver's storage flags are to a
// real cluster. `store encrypt` turns on (or rotates, or turns off) encryption at rest of Secrets.
// Not a kubectl verb: pocketkube's own, like `pocketkube clock`.
import type { Command } from 'commander';
import type { CommandContext } from '../../context';
import { registerEncrypt } from './encrypt';

export function register(program: Command, ctx: CommandContext): void {
  const store = program.command('store').description("The cluster's storage: encryption at rest (pocketkube only)");
  registerEncrypt(store, ctx);
}
