// What apply's subcommands share.
import type { Command } from '../../command';
import type { CommandContext } from '../../context';
import { action } from '../../program';

type SubAction = (c: CommandContext, args: string[], opts: Record<string, any>, cmd: Command) => Promise<void> | void;

/**
 * A subcommand's action: its own flags win over apply's (whose defaults, such as --validate,
 * would otherwise shadow the subcommand's flags of the same name); global flags come from above.
 */
export function subAction(ctx: CommandContext, fn: SubAction) {
  return action(ctx, (c, args, _opts, cmd) => fn(c, args, { ...cmd.optsWithGlobals(), ...cmd.opts() }, cmd));
}
