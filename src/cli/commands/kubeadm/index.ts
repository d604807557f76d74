// pocketkube kubeadm: kubeadm v1.32 on the simulated machines (init, join, reset, token, certs).
// Not a kubectl verb: pocketkube's own, like `pocketkube clock`.
import type { Command } from '../../command';
import type { CommandContext } from '../../context';
import { registerCerts } from './certs';
import { registerInit } from './init';
import { registerJoin } from './join';
import { registerReset } from './reset';
import { registerToken } from './token';

export function register(program: Command, ctx: CommandContext): void {
  const kubeadm = program.command('kubeadm').description('kubeadm on the simulated machines: init, join, reset, token, certs (pocketkube only)');
  registerCerts(kubeadm, ctx);
  registerInit(kubeadm, ctx);
  registerJoin(kubeadm, ctx);
  registerReset(kubeadm, ctx);
  registerToken(kubeadm, ctx);
}
