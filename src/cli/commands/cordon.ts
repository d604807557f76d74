// kubectl cordon and uncordon: mark nodes (un)schedulable, by name or -l.
import type { Command } from '../command';
import type { CommandContext } from '../context';
import { parseDryRun } from '../flags/output';
import { action, addGlobalFlags } from '../program';
import { checkNodeArgs, cordonNodes, resolveNodes } from '../verbs/drain/nodes';
import { dryRunOption, selectorOption } from '../flags/groups';

function register(program: Command, ctx: CommandContext, verb: 'cordon' | 'uncordon', description: string): void {
  addGlobalFlags(
    program
      .command(verb)
      .description(description)
      .argument('[args...]')
      .addOption(selectorOption("Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."))
      .addOption(dryRunOption()),
  ).action(
    action(ctx, async (c, args, opts) => {
      checkNodeArgs(verb, args, opts.selector);
      const dryRun = parseDryRun(c, opts.dryRun);
      const { client } = c.cluster(dryRun === 'client' ? 'read' : 'write');
      cordonNodes(client, c.io, resolveNodes(c, client, args, opts.selector), verb === 'cordon', dryRun);
    }),
  );
}

export function registerCordon(program: Command, ctx: CommandContext): void {
  register(program, ctx, 'cordon', 'Mark node as unschedulable');
}

export function registerUncordon(program: Command, ctx: CommandContext): void {
  register(program, ctx, 'uncordon', 'Mark node as schedulable');
}
