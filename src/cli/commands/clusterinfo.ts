// kubectl cluster-info: where the control plane (and cluster services) can be reached.
import type { Command } from '../command';
import type { CommandContext } from '../context';
import { CliError } from '../errors';
import { action, addGlobalFlags } from '../program';

export function register(program: Command, ctx: CommandContext): void {
  const info = addGlobalFlags(program.command('cluster-info').description('Display cluster information')).action(
    action(ctx, async (c) => {
      c.cluster('read');
      const config = c.kubeconfig();
      const context = config?.context(c.flags.context);
      const server = (context && config?.cluster(context.context.cluster)?.cluster.server) ?? '';
      const tty = c.io.out.isTTY;
      const chalk = tty ? (require('chalk') as typeof import('chalk')).default : undefined;
      const green = (s: string) => (chalk ? chalk.green(s) : s);
      const yellow = (s: string) => (chalk ? chalk.yellow(s) : s);
      c.io.out.write(`${green('Kubernetes control plane')} is running at ${yellow(server)}\n`);
      c.io.out.write("\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
    }),
  );
  addGlobalFlags(info.command('dump').description('Dump relevant information for debugging and diagnosis')).action(
    action(ctx, () => {
      throw new CliError('cluster-info dump is not supported by pocketkube yet');
    }),
  );
}
