// Runs one kubectl command line: parse, run the verb, render any error.
import { CommandLineError } from './command';
import { buildProgram, isVerb, verbOf } from './commands';
import type { CommandContext } from './context';
import { errorText, exitCodeOf } from './errors';
import { normalizeArgv, translateParseError } from './program';

export async function runCli(argv: string[], ctx: CommandContext): Promise<number> {
  // A first word that is no command of ours may name a plugin (kubectl-<word> on PATH); so may
  // `create <generator>` for a generator we lack. The plugin code loads only then.
  const verb = verbOf(argv);
  if (verb !== undefined && (!isVerb(verb) || verb === 'create')) {
    const { runPlugin } = require('./commands/plugin') as typeof import('./commands/plugin');
    const code = runPlugin(argv, ctx);
    if (code !== undefined) return code;
  }
  const program = buildProgram(ctx, argv);
  // Bare `kubectl` prints its usage to standard output and succeeds.
  if (!argv.length) {
    ctx.io.out.write(program.helpInformation());
    return 0;
  }
  try {
    await program.parseAsync(normalizeArgv(argv, program));
    return 0;
  } catch (e) {
    const err = e instanceof CommandLineError ? translateParseError(e, program, argv) : e;
    const code = exitCodeOf(err);
    const text = errorText(err);
    if (text) ctx.io.err.write(text);
    return code;
  }
}
