// The root command: kubectl's verbs registered in kubectl's own order (cobra suggests in it).
import { Command } from 'commander';
import type { CommandContext } from '../context';
import { addTemplateFlags } from '../flags/output';
import { addGlobalFlags } from '../program';
import { register as apiResources } from './apiresources';
import { register as apply } from './apply';
import { register as clock } from './clock';
import { register as clusterInfo } from './clusterinfo';
import { register as config } from './config';
import { registerCordon as cordon, registerUncordon as uncordon } from './cordon';
import { register as create } from './create';
import { register as del } from './delete';
import { register as describe } from './describe';
import { register as diff } from './diff';
import { register as drain } from './drain';
import { register as edit } from './edit';
import { register as exec } from './exec';
import { register as get } from './get';
import { register as kubeadm } from './kubeadm';
import { registerAnnotate as annotate, registerLabel as label } from './label';
import { register as logs } from './logs';
import { register as node } from './node';
import { register as patch } from './patch';
import { register as replace } from './replace';
import { register as rollout } from './rollout';
import { register as run } from './run';
import { register as scale } from './scale';
import { register as set } from './set';
import { register as taint } from './taint';
import { register as version } from './version';
import { register as wait } from './wait';

type Register = (program: Command, ctx: CommandContext) => void;

/** kubectl's verbs in kubectl's registration order (cobra suggests in this order). */
const COMMANDS: readonly [string, Register][] = [
  ['create', create],
  ['run', run],
  ['set', set],
  ['get', get],
  ['edit', edit],
  ['delete', del],
  ['rollout', rollout],
  ['scale', scale],
  ['cluster-info', clusterInfo],
  ['cordon', cordon],
  ['uncordon', uncordon],
  ['drain', drain],
  ['taint', taint],
  ['describe', describe],
  ['logs', logs],
  ['exec', exec],
  ['diff', diff],
  ['apply', apply],
  ['patch', patch],
  ['replace', replace],
  ['wait', wait],
  ['label', label],
  ['annotate', annotate],
  ['api-resources', apiResources],
  ['config', config],
  ['version', version],
  // pocketkube's own
  ['clock', clock],
  ['kubeadm', kubeadm],
  ['node', node],
];

/** kubectl's PrintFlags: every command with -o also has --template and --allow-missing-template-keys. */
function withTemplateFlags(cmd: Command): void {
  if (cmd.options.some((o) => o.long === '--output') && !cmd.options.some((o) => o.long === '--template')) addTemplateFlags(cmd);
  for (const sub of cmd.commands) withTemplateFlags(sub);
}

/** Global flags that take a value as the next word, so the verb can be found without parsing. */
const VALUE_FLAGS = new Set(['-n', '--namespace', '--context', '--kubeconfig', '--as', '--as-group', '-v', '--v', '--request-timeout']);

function verbOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return undefined;
    if (VALUE_FLAGS.has(a)) i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}

/**
 * The program for one command line. Only the verb being run is registered (building every
 * command's flags costs more than the rest of a `get`); without a known verb, all are.
 */
export function buildProgram(ctx: CommandContext, argv: readonly string[] = []): Command {
  const program = new Command('kubectl');
  program
    .description('kubectl controls the Kubernetes cluster manager (pocketkube: a simulated cluster in a file).')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.io.out.write(s),
      writeErr: (s) => ctx.io.err.write(s),
      outputError: () => {},
    })
    .showSuggestionAfterError(false)
    .helpCommand(false);
  addGlobalFlags(program);
  const verb = verbOf(argv);
  const selected = COMMANDS.filter(([name]) => name === verb);
  for (const [, register] of selected.length ? selected : COMMANDS) register(program, ctx);
  withTemplateFlags(program);
  return program;
}
