// kubectl cluster-info: where the control plane (and cluster services) can be reached; and
// `cluster-info dump` (dump.ts, loaded only when it runs).
import type { Command } from '../../command';
import type { CommandContext } from '../../context';
import { durationFlag } from '../../flags/duration';
import { outputOption } from '../../flags/groups';
import { addGlobalFlags, collectSlice } from '../../program';
import { type Verb, verbAction } from '../../verb';
import type { DumpOptions } from './dump';

interface ClusterInfoOptions {
  /** --context: whose cluster's server is shown (else the current context's). */
  context?: string;
  /** Standard output is a terminal: the names and the address are coloured. */
  color: boolean;
}

const clusterInfoVerb: Verb<ClusterInfoOptions> = {
  complete: (c) => ({ context: c.flags.context, color: c.io.out.isTTY }),

  run(c, o) {
    // The cluster first: on an empty home it is made then, and with it the kubeconfig read here.
    c.cluster('read');
    const config = c.kubeconfig();
    const context = config?.context(o.context);
    const server = (context && config?.cluster(context.context.cluster)?.cluster.server) ?? '';
    const chalk = o.color ? (require('chalk') as typeof import('chalk')).default : undefined;
    const green = (s: string) => (chalk ? chalk.green(s) : s);
    const yellow = (s: string) => (chalk ? chalk.yellow(s) : s);
    c.io.out.write(`${green('Kubernetes control plane')} is running at ${yellow(server)}\n`);
    c.io.out.write("\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
  },
};

/** dump.ts, loaded only when the dump runs. */
const dump = () => require('./dump') as typeof import('./dump');

const dumpVerb: Verb<DumpOptions> = {
  // Whether -o was given: --template makes the format go-template only without one.
  complete: (c, _args, f, cmd) => dump().complete(c, f, cmd.getOptionValueSource('output') === 'cli'),
  run: (c, o) => dump().run(c, o),
};

export function register(program: Command, ctx: CommandContext): void {
  const info = addGlobalFlags(program.command('cluster-info').description('Display cluster information')).action(verbAction(ctx, clusterInfoVerb));
  // PrintFlags (-o defaulting to json; --template and --allow-missing-template-keys are added
  // with every -o), then the dump's own flags. cobra lets it take arguments, which it ignores.
  addGlobalFlags(
    info
      .command('dump')
      .description('Dump relevant information for debugging and diagnosis')
      .argument('[args...]')
      .addOption(outputOption('Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).', 'json'))
      .option('--show-managed-fields', 'If true, keep the managedFields when printing objects in JSON or YAML format.')
      .option('--output-directory <dir>', "Where to output the files.  If empty or '-' uses stdout, otherwise creates a directory hierarchy in that directory", '')
      .option('--namespaces <namespaces>', 'A comma separated list of namespaces to dump.', collectSlice)
      .option('-A, --all-namespaces', 'If true, dump all namespaces.  If true, --namespaces is ignored.')
      .option('--pod-running-timeout <duration>', 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running', durationFlag(), 20_000),
  ).action(verbAction(ctx, dumpVerb));
}
