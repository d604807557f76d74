// Runs one kubectl command line: parse, run the verb, render any error.
import { type Command, CommandLineError } from './command';
import { buildProgram, isVerb, verbOf } from './commands';
import type { CommandContext } from './context';
import { errorText, exitCodeOf } from './errors';
import { normalizeArgv, translateParseError } from './program';
import { helpRequest, invalidHelpValue, withoutHelpFalse } from './help/request';

function printHelp(ctx: CommandContext, program: Command, request: { words: string[]; viaHelpVerb: boolean }): number {
  // kubectl's options command has an empty help template (templates.UseOptionsTemplates): its
  // help, asked for by a flag or by `help options`, prints nothing.
  if (request.words[0] === 'options') return 0;
  const h = require('./help') as typeof import('./help');
  const found = h.commandFor(program, request.words);
  if (found.unknown !== undefined && request.viaHelpVerb) {
    ctx.io.err.write(h.unknownTopicText(found.unknown, ctx.helpEnv()));
    return 0;
  }
  if (found.unknown !== undefined) {
    // cobra finds no command for the line: its unknown-command error, as without --help.
    ctx.io.err.write(errorText(translateParseError(new CommandLineError('unknownCommand', '', found.unknown), program, request.words)));
    return 1;
  }
  ctx.io.out.write(h.helpText(found.path, found.cmd, ctx.helpEnv()));
  return 0;
}

export async function runCli(argv: string[], ctx: CommandContext): Promise<number> {
  // cobra's hidden completion verbs take the rest of the line as words to complete, not to run.
  if (argv[0] === '__complete' || argv[0] === '__completeNoDesc') return (require('./completion') as typeof import('./completion')).runComplete(argv, ctx);
  // A first word that is no command of ours may name a plugin (kubectl-<word> on PATH); so may
  // `create <generator>` for a generator we lack. The plugin code loads only then.
  const verb = verbOf(argv);
  if (verb !== undefined && (!isVerb(verb) || verb === 'create')) {
    const { runPlugin } = require('./commands/plugin') as typeof import('./commands/plugin');
    const code = runPlugin(argv, ctx);
    if (code !== undefined) return code;
  }
  const program = buildProgram(ctx, argv);
  // Bare `kubectl`, --help/-h and `kubectl help X` print kubectl's help and succeed.
  const help = argv.length ? helpRequest(argv) : { words: [], viaHelpVerb: false };
  if (help?.viaHelpVerb) {
    // `help` is a command of cobra's own, with its own -h flag: a value pflag cannot parse fails it.
    const invalid = invalidHelpValue(argv);
    if (invalid !== undefined) {
      ctx.io.err.write(`Error: invalid argument ${JSON.stringify(invalid)} for "-h, --help" flag: strconv.ParseBool: parsing ${JSON.stringify(invalid)}: invalid syntax\nSee 'kubectl help --help' for usage.\n`);
      return 1;
    }
  }
  if (help) return printHelp(ctx, program, help);
  try {
    await program.parseAsync(normalizeArgv(withoutHelpFalse(argv), program));
    return 0;
  } catch (e) {
    const err = e instanceof CommandLineError ? translateParseError(e, program, argv) : e;
    const code = exitCodeOf(err);
    const text = errorText(err);
    if (text) ctx.io.err.write(text);
    return code;
  }
}
