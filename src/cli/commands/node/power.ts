// pocketkube node stop|start NODE: the node's kubelet stops posting status (as if hung or cut
// off), or takes up again. A stopped kubelet runs nothing new and reports nothing; after the
// node monitor grace period the node lifecycle controller marks the node NotReady and taints it
// unreachable. Started again, the kubelet reports its conditions afresh.
import type { Command } from '../../command';
import type { CommandContext } from '../../context';
import { addGlobalFlags } from '../../program';
import { type Verb, verbAction } from '../../verb';
import { type NodeOptions, checkNode, machineOf } from './common';

/** stop and start are one verb in two directions; each says so when the kubelet is already there. */
function powerVerb(verb: 'stop' | 'start'): Verb<NodeOptions> {
  const stopping = verb === 'stop';
  const done = stopping ? 'stopped' : 'started';
  return {
    complete: (_c, args) => ({ node: args[0] }),
    validate: (o) => checkNode(o, `node ${verb} NODE`),
    run(c, o) {
      const m = machineOf(c, o.node!);
      if ((m.facts.kubeletStoppedAt !== undefined) === stopping) return void c.io.out.write(`node/${m.name} already ${done}\n`);
      m.save({ ...m.facts, kubeletStoppedAt: stopping ? m.cluster.now() : undefined });
      c.io.out.write(`node/${m.name} ${done}\n`);
    },
  };
}

export function registerPower(group: Command, ctx: CommandContext): void {
  addGlobalFlags(group.command('stop').description("Stop the node's kubelet: it stops posting node status").argument('[node]')).action(verbAction(ctx, powerVerb('stop')));
  addGlobalFlags(group.command('start').description("Start the node's kubelet again").argument('[node]')).action(verbAction(ctx, powerVerb('start')));
}
