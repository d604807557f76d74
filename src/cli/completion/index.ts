// `kubectl __complete WORDS... TOCOMPLETE` (and __completeNoDesc): cobra's protocol. Candidates
// one a line ("name\tdescription"), then ":<directive>"; on standard error cobra's debug lines
// and "Completion ended with directive: ...". Always succeeds.
import type { CommandContext } from '../context';
import { complete } from './engine';
import { completionSource } from './source';
import { directiveName } from './types';

export const COMPLETE_VERBS: ReadonlySet<string> = new Set(['__complete', '__completeNoDesc']);

export function runComplete(argv: string[], ctx: CommandContext): number {
  const noDesc = argv[0] === '__completeNoDesc' || /^(0|f|F|false|FALSE|False)$/.test(ctx.env.KUBECTL_COMPLETION_DESCRIPTIONS ?? '');
  const line = argv.length > 1 ? argv.slice(1) : [''];
  // pocketkube's commands are registered for their own subcommands, flags and aliases: the verb
  // the line names alone, or all of them (a few ms) while the verb itself is being completed.
  const { buildProgram } = require('../commands') as typeof import('../commands');
  const { commandWords } = require('../program') as typeof import('../program');
  const verb = commandWords(line.slice(0, -1))[0];
  const program = buildProgram(ctx, verb === undefined ? [] : [verb]);
  const plugins = line.length === 1 && !line[0].startsWith('-') ? (require('../commands/plugin') as typeof import('../commands/plugin')).pluginFiles(ctx.env) : [];
  const result = complete(program, line, (flags) => completionSource(ctx, flags), plugins);
  let out = '';
  for (let comp of result.comps) {
    if (noDesc) comp = comp.split('\t')[0];
    out += comp.split('\n')[0].trim() + '\n';
  }
  ctx.io.out.write(`${out}:${result.directive}\n`);
  if (result.errors.length) ctx.io.err.write(result.errors.map((e) => `${e}\n`).join(''));
  // cobra writes this to the command's error stream, which kubectl's `options` sets to standard output.
  const ended = `Completion ended with directive: ${directiveName(result.directive)}\n`;
  (result.path === 'options' ? ctx.io.out : ctx.io.err).write(ended);
  return 0;
}
