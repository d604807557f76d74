// The root command: kubectl's verbs registered in kubectl's own order (cobra suggests in it).
import { Command } from '../command';
import type { CommandContext } from '../context';
import { addTemplateFlags } from '../flags/output';
import { addGlobalFlags, commandWords } from '../program';

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
  ['top', () => (require('./top') as typeof import('./top')).register],
  ['cordon', () => (require('./cordon') as typeof import('./cordon')).registerCordon],
  ['uncordon', () => (require('./cordon') as typeof import('./cordon')).registerUncordon],
  ['drain', () => (require('./drain') as typeof import('./drain')).register],
  ['taint', () => (require('./taint') as typeof import('./taint')).register],
  ['describe', () => (require('./describe') as typeof import('./describe')).register],
  ['logs', () => (require('./logs') as typeof import('./logs')).register],
  ['attach', () => (require('./attach') as typeof import('./attach')).register],
  ['exec', () => (require('./exec') as typeof import('./exec')).register],
  ['cp', () => (require('./cp') as typeof import('./cp')).register],
  ['events', () => (require('./events') as typeof import('./events')).register],
  ['diff', () => (require('./diff') as typeof import('./diff')).register],
  ['apply', () => (require('./apply') as typeof import('./apply')).register],
  ['patch', () => (require('./patch') as typeof import('./patch')).register],
  ['replace', () => (require('./replace') as typeof import('./replace')).register],
  ['wait', () => (require('./wait') as typeof import('./wait')).register],
  ['kustomize', () => (require('./kustomize') as typeof import('./kustomize')).register],
  ['label', () => (require('./label') as typeof import('./label')).registerLabel],
  ['annotate', () => (require('./label') as typeof import('./label')).registerAnnotate],
  ['completion', () => (require('./completion') as typeof import('./completion')).register],
  ['api-resources', () => (require('./apiresources') as typeof import('./apiresources')).register],
  ['config', () => (require('./config') as typeof import('./config')).register],
  ['plugin', () => (require('./plugin') as typeof import('./plugin')).register],
  ['version', () => (require('./version') as typeof import('./version')).register],
  ['options', () => (require('./options') as typeof import('./options')).register],
  // pocketkube's own
  ['addons', () => (require('./addons') as typeof import('./addons')).register],
  ['clock', () => (require('./clock') as typeof import('./clock')).register],
  ['kubeadm', () => (require('./kubeadm') as typeof import('./kubeadm')).register],
  ['map', () => (require('./map') as typeof import('./map')).register],
  ['node', () => (require('./node') as typeof import('./node')).register],
  ['shim', () => (require('./shim') as typeof import('./shim')).register],
  ['store', () => (require('./store') as typeof import('./store')).register],
];

/**
 * kubectl's PrintFlags: every command with -o also has --template, --allow-missing-template-keys
 * and --show-managed-fields (but apply view-last-applied, which prints no object).
 */
function withTemplateFlags(cmd: Command): void {
  if (cmd.options.some((o) => o.long === '--output') && !cmd.options.some((o) => o.long === '--template')) {
    addTemplateFlags(cmd);
    if (cmd.name() !== 'view-last-applied' && !cmd.options.some((o) => o.long === '--show-managed-fields'))
      cmd.option('--show-managed-fields', 'If true, keep the managedFields when printing objects in JSON or YAML format.');
  }
  for (const sub of cmd.commands) withTemplateFlags(sub);
}

/** Whether pocketkube has this verb (the command line may name a plugin otherwise). */
export function isVerb(word: string): boolean {
  return COMMANDS.some(([name]) => name === word);
}

export function verbOf(argv: readonly string[]): string | undefined {
  return commandWords(argv)[0];
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
