// kubectl options: the global flags' list. A command of its own, so a flag it cannot parse
// (`--foo`, `--help=maybe`) is refused as kubectl refuses it, with its own hint.
import type { Command } from '../command';
import type { CommandContext } from '../context';
import { RawError } from '../errors';
import { addGlobalFlags, onFlagError } from '../program';

export function register(program: Command, ctx: CommandContext): void {
  const cmd = addGlobalFlags(program.command('options').description('Print the list of flags inherited by all commands').argument('[args...]')).action(() => {
    ctx.io.out.write((require('../help') as typeof import('../help')).optionsText(ctx.helpEnv()));
  });
  onFlagError(cmd, (message) => new RawError(`Error: ${message}\nRun 'kubectl options' without flags.\n`));
}
