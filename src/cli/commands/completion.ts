// kubectl completion SHELL: prints kubectl v1.32's completion script for the shell (recorded,
// see scripts/gen-completion.mjs). The scripts call back `kubectl __complete ...`, which
// cli/completion answers; they name kubectl, as pocketkube is meant to be run under that name.
import type { Command } from '../command';
import type { CommandContext } from '../context';
import { CliError } from '../errors';
import { addGlobalFlags } from '../program';
import { type Verb, verbAction } from '../verb';

interface CompletionOptions {
  /** The words given: exactly one, the shell, is valid. */
  args: string[];
}

const completionVerb: Verb<CompletionOptions> = {
  complete: (_c, args) => ({ args }),

  validate(o) {
    if (!o.args.length) throw new CliError('Shell not specified.', 'completion');
    if (o.args.length > 1) throw new CliError('Too many arguments. Expected only the shell type.', 'completion');
  },

  run(c, o) {
    const shell = o.args[0];
    const { SCRIPTS } = require('../completion/scripts') as typeof import('../completion/scripts');
    const script = Object.hasOwn(SCRIPTS, shell) ? SCRIPTS[shell] : undefined;
    if (script === undefined) throw new CliError(`Unsupported shell type ${JSON.stringify(shell)}.`, 'completion');
    c.io.out.write(script);
  },
};

export function register(program: Command, ctx: CommandContext): void {
  addGlobalFlags(program.command('completion').description('Output shell completion code for the specified shell (bash, zsh, fish, or powershell)').argument('[args...]')).action(
    verbAction(ctx, completionVerb),
  );
}
