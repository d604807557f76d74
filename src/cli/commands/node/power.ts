// pocketkube node stop|start NODE: the node's kubelet stops posting status (as if hung or cut
// off), or takes up again. A stopped kubelet runs nothing new and reports nothing; after the
// node monitor grace period the node lifecycle controller marks the node NotReady and taints it
// unreachable. Started again, the kubelet reports its conditions afresh.
import type { Command } from '../../command';
import type { CommandContext } from '../../context';
import { action, addGlobalFlags } from '../../program';
import { machineOf } from './common';

export function registerPower(group: Command, ctx: CommandContext): void {
  addGlobalFlags(group.command('stop').description("Stop the node's kubelet: it stops posting node status").argument('[node]'))
    .action(
      action(ctx, async (c, args) => {
        const m = machineOf(c, args[0], 'node stop NODE');
        if (m.facts.kubeletStoppedAt !== undefined) return void c.io.out.write(`node/${m.name} already stopped\n`);
        m.save({ ...m.facts, kubeletStoppedAt: m.cluster.now() });
        c.io.out.write(`node/${m.name} stopped\n`);
      }),
    );
  addGlobalFlags(group.command('start').description("Start the node's kubelet again").argument('[node]'))
    .action(
      action(ctx, async (c, args) => {
        const m = machineOf(c, args[0], 'node start NODE');
        if (m.facts.kubeletStoppedAt === undefined) return void c.io.out.write(`node/${m.name} already started\n`);
        m.save({ ...m.facts, kubeletStoppedAt: undefined });
        c.io.out.write(`node/${m.name} started\n`);
      }),
    );
}
