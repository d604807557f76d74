// apply's subcommands: view-, set- and edit-last-applied, which work on the last-applied
// configuration annotation alone.
import type { Command } from '../../command';
import type { CommandContext } from '../../context';
import { registerEditLastApplied } from './editlastapplied';
import { registerSetLastApplied } from './setlastapplied';
import { registerViewLastApplied } from './viewlastapplied';

export function registerLastApplied(apply: Command, ctx: CommandContext): void {
  registerViewLastApplied(apply, ctx);
  registerSetLastApplied(apply, ctx);
  registerEditLastApplied(apply, ctx);
}
