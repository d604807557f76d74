// kubectl top node|pod: resource usage from the metrics API (metrics.k8s.io), which a cluster has
// once metrics-server runs (`pocketkube addons enable metrics-server`).
import type { Command } from '../../command';
import type { CommandContext } from '../../context';
import { addGlobalFlags, commandGroup } from '../../program';
import { topNodeVerb } from './node';
import { topPodVerb } from './pod';
import { selectorOption } from '../../flags/groups';
import { verbAction } from '../../verb';

const HELP = `Display resource (CPU/memory) usage.

 The top command allows you to see the resource consumption for nodes or pods.

 This command requires Metrics Server to be correctly configured and working on the server.

Available Commands:
  node          Display resource (CPU/memory) usage of nodes
  pod           Display resource (CPU/memory) usage of pods

Usage:
  kubectl top [flags] [options]

Use "kubectl top <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

const SELECTOR_HELP =
  "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.";
const PROTOBUF_HELP = 'Enables using protocol-buffers to access Metrics API.';

export function register(program: Command, ctx: CommandContext): void {
  const top = commandGroup(program, ctx, 'top', 'Display resource (CPU/memory) usage', { text: HELP, stream: 'err' });
  addGlobalFlags(
    top
      .command('node')
      .alias('nodes')
      .alias('no')
      .description('Display resource (CPU/memory) usage of nodes')
      .argument('[args...]')
      .addOption(selectorOption(SELECTOR_HELP))
      .option('--sort-by <field>', "If non-empty, sort nodes list using specified field. The field can be either 'cpu' or 'memory'.")
      .option('--no-headers', 'If present, print output without headers')
      .option('--use-protocol-buffers', PROTOBUF_HELP, true)
      .option('--show-capacity', 'Print node resources based on Capacity instead of Allocatable(default) of the nodes.'),
  ).action(verbAction(ctx, topNodeVerb));
  addGlobalFlags(
    top
      .command('pod')
      .alias('pods')
      .alias('po')
      .description('Display resource (CPU/memory) usage of pods')
      .argument('[args...]')
      .addOption(selectorOption(SELECTOR_HELP))
      .option('--field-selector <selector>', "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.")
      .option('--sort-by <field>', "If non-empty, sort pods list using specified field. The field can be either 'cpu' or 'memory'.")
      .option('--containers', 'If present, print usage of containers within a pod.')
      .option('-A, --all-namespaces', 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.')
      .option('--no-headers', 'If present, print output without headers.')
      .option('--use-protocol-buffers', PROTOBUF_HELP, true)
      .option('--sum', 'Print the sum of the resource usage'),
  ).action(verbAction(ctx, topPodVerb));
}
