// kubectl cordon and uncordon: mark nodes (un)schedulable, by name or -l.
import type { Command } from '../command';
import type { CommandContext } from '../context';
import { type DryRun, parseDryRun } from '../flags/output';
import { addGlobalFlags } from '../program';
import { type Verb, verbAction } from '../verb';
import { checkNodeArgs, cordonNodes, resolveNodes } from '../verbs/drain/nodes';
import { dryRunOption, selectorOption } from '../flags/groups';

export interface CordonOptions {
  /** Node names (or node/NAME), or none with -l. */
  nodes: string[];
  selector?: string;
  dryRun: DryRun;
  schedulable: boolean;
}

function cordonVerb(verb: 'cordon' | 'uncordon'): Verb<CordonOptions> {
  return {
    complete(c, args, f) {
      // kubectl's DrainCmdOptions.Complete checks the arguments before it reads --dry-run.
      checkNodeArgs(verb, args, f.selector);
      return { nodes: args, selector: f.selector, dryRun: parseDryRun(c, f.dryRun), schedulable: verb === 'uncordon' };
    },
    run(c, o) {
      const { client } = c.cluster(o.dryRun === 'client' ? 'read' : 'write');
      cordonNodes(client, c.io, resolveNodes(c, client, o.nodes, o.selector), !o.schedulable, o.dryRun);
    },
  };
}

function register(program: Command, ctx: CommandContext, verb: 'cordon' | 'uncordon', description: string): void {
  addGlobalFlags(
    program
      .command(verb)
      .description(description)
      .argument('[args...]')
      .addOption(selectorOption("Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints."))
      .addOption(dryRunOption()),
  ).action(verbAction(ctx, cordonVerb(verb)));
}

export function registerCordon(program: Command, ctx: CommandContext): void {
  register(program, ctx, 'cordon', 'Mark node as unschedulable');
}

export function registerUncordon(program: Command, ctx: CommandContext): void {
  register(program, ctx, 'uncordon', 'Mark node as schedulable');
}
