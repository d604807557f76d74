// The root command: kubectl's verbs registered in kubectl's own order (cobra suggests in it).
import { Command } from '../command';
import type { CommandContext } from '../context';
import { addTemplateFlags } from '../flags/output';
import { addGlobalFlags } from '../program';

type Register = (program: Command, ctx: CommandContext) => void;

/**
 * kubectl's verbs in kubectl's registration order (cobra suggests in this order). Each verb's
 * module is loaded only when it is registered: a command line loads its own verb alone.
 */
const COMMANDS: readonly [string, () => Register][] = [
  ['create', () => (require('./create') as typeof import('./create')).register],
  ['run', () => (require('./run') as typeof import('./run')).register],
  ['set', () => (require('./set') as typeof import('./set')).register],
  ['get', () => (require('./get') as typeof import('./get')).register],
  ['edit', () => (require('./edit') as typeof import('./edit')).register],
  ['delete', () => (require('./delete') as typeof import('./delete')).register],
  ['rollout', () => (require('./rollout') as typeof import('./rollout')).register],
  ['scale', () => (require('./scale') as typeof import('./scale')).register],
  ['cluster-info', () => (require('./clusterinfo') as typeof import('./clusterinfo')).register],
  ['cordon', () => (require('./cordon') as typeof import('./cordon')).registerCordon],
  ['uncordon', () => (require('./cordon') as typeof import('./cordon')).registerUncordon],
  ['drain', () => (require('./drain') as typeof import('./drain')).register],
  ['taint', () => (require('./taint') as typeof import('./taint')).register],
  ['describe', () => (require('./describe') as typeof import('./describe')).register],
  ['logs', () => (require('./logs') as typeof import('./logs')).register],
  ['exec', () => (require('./exec') as typeof import('./exec')).register],
  ['events', () => (require('./events') as typeof import('./events')).register],
  ['diff', () => (require('./diff') as typeof import('./diff')).register],
  ['apply', () => (require('./apply') as typeof import('./apply')).register],
  ['patch', () => (require('./patch') as typeof import('./patch')).register],
  ['replace', () => (require('./replace') as typeof import('./replace')).register],
  ['wait', () => (require('./wait') as typeof import('./wait')).register],
  ['label', () => (require('./label') as typeof import('./label')).registerLabel],
  ['annotate', () => (require('./label') as typeof import('./label')).registerAnnotate],
  ['api-resources', () => (require('./apiresources') as typeof import('./apiresources')).register],
  ['config', () => (require('./config') as typeof import('./config')).register],
  ['plugin', () => (require('./plugin') as typeof import('./plugin')).register],
  ['version', () => (require('./version') as typeof import('./version')).register],
  // pocketkube's own
  ['clock', () => (require('./clock') as typeof import('./clock')).register],
  ['kubeadm', () => (require('./kubeadm') as typeof import('./kubeadm')).register],
  ['node', () => (require('./node') as typeof import('./node')).register],
  ['store', () => (require('./store') as typeof import('./store')).register],
];

/** kubectl's PrintFlags: every command with -o also has --template and --allow-missing-template-keys. */
function withTemplateFlags(cmd: Command): void {
  if (cmd.options.some((o) => o.long === '--output') && !cmd.options.some((o) => o.long === '--template')) addTemplateFlags(cmd);
  for (const sub of cmd.commands) withTemplateFlags(sub);
}

/** Global flags that take a value as the next word, so the verb can be found without parsing. */
const VALUE_FLAGS = new Set(['-n', '--namespace', '--context', '--kubeconfig', '--as', '--as-group', '-v', '--v', '--request-timeout']);

/** Whether pocketkube has this verb (the command line may name a plugin otherwise). */
export function isVerb(word: string): boolean {
  return COMMANDS.some(([name]) => name === word);
}

export function verbOf(argv: readonly string[]): string | undefined {
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
    .configureOutput({
      writeOut: (s) => ctx.io.out.write(s),
      writeErr: (s) => ctx.io.err.write(s),
    });
  const verb = verbOf(argv);
  // Every verb has the global flags too; the root needs its own only for flags before the verb
  // (`kubectl -n x get pods`) and for its help.
  if (verb === undefined || argv[0] !== verb) addGlobalFlags(program);
  const selected = COMMANDS.filter(([name]) => name === verb);
  for (const [, load] of selected.length ? selected : COMMANDS) load()(program, ctx);
  withTemplateFlags(program);
  return program;
}
