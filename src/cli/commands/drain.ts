// kubectl drain: cordon the nodes, then evict (or delete) the pods on each that may go, waiting
// for them to be gone; a node with pods that may not go is reported and the others still
// drained, as kubectl does ("continuing command...").
import type { Command } from '../command';
import { pod as podKind } from '../../api/kinds/pod';
import { SelectorParseError, parseSelector } from '../../api/meta/selector';
import type { Node, Pod } from '../../api/types';
import type { CommandContext } from '../context';
import { CliError, RawError, errorText } from '../errors';
import { type DryRun, dryRunSuffix, parseDryRun } from '../flags/output';
import { addGlobalFlags, intFlag } from '../program';
import { type Verb, verbAction } from '../verb';
import { type DrainOptions, podsForDeletion } from '../verbs/drain/filters';
import { checkNodeArgs, cordonNodes, resolveNodes } from '../verbs/drain/nodes';
import { type DrainFailure, removePods } from '../verbs/drain/remove';
import { dryRunOption, selectorOption, timeoutOption } from '../flags/groups';

/** An aggregate's Error(): one message alone, several in brackets. */
function failureMessage(f: DrainFailure): string {
  return f.errors.length === 1 ? f.errors[0].message : `[${f.errors.map((e) => e.message).join(', ')}]`;
}

/** What CheckErr prints for the failures of all nodes. */
function finalError(failures: readonly DrainFailure[]): Error {
  if (failures.length === 1) {
    const [f] = failures;
    return f.aggregate ? new RawError(f.errors.map((e) => errorText(e, true)).join('')) : f.errors[0];
  }
  return new RawError(failures.map((f) => (f.aggregate ? `${failureMessage(f)}\n` : errorText(f.errors[0], true))).join(''));
}

export interface DrainCmdOptions {
  /** Node names (or node/NAME), or none with -l. */
  nodes: string[];
  selector?: string;
  podSelector: string;
  dryRun: DryRun;
  /** What decides which pods may go (kubectl's drain.Helper filters). */
  filter: DrainOptions;
  gracePeriod: number;
  /** --timeout in milliseconds (0: no limit). */
  timeout: number;
  disableEviction: boolean;
}

const drainVerb: Verb<DrainCmdOptions> = {
  complete(c, args, f) {
    checkNodeArgs('drain', args, f.selector);
    return {
      nodes: args,
      selector: f.selector,
      podSelector: f.podSelector,
      dryRun: parseDryRun(c, f.dryRun),
      filter: { force: !!f.force, ignoreDaemonSets: !!f.ignoreDaemonsets, deleteEmptyDirData: !!f.deleteEmptydirData, skipWaitForDeleteTimeout: f.skipWaitForDeleteTimeout },
      gracePeriod: f.gracePeriod,
      timeout: f.timeout,
      disableEviction: !!f.disableEviction,
    };
  },

  validate(o) {
    if (!o.podSelector) return;
    try {
      parseSelector(o.podSelector);
    } catch (e) {
      if (e instanceof SelectorParseError) throw new CliError('--pod-selector=<pod_selector> must be a valid label selector');
      throw e;
    }
  },

  run(c, o) {
    const { dryRun, podSelector, filter: filterOpts } = o;
    const cluster = c.cluster(dryRun === 'client' ? 'read' : 'write');
    const { client } = cluster;
    const nodes: Node[] = resolveNodes(c, client, o.nodes, o.selector);
    cordonNodes(client, c.io, nodes, true, dryRun);

    const podsOn = (name: string) =>
      podsForDeletion(client, client.list<Pod>(podKind.type, undefined, { labelSelector: podSelector, fieldSelector: `spec.nodeName=${name}` }), filterOpts, cluster.now());
    const failed: { name: string; failure: DrainFailure }[] = [];
    for (const node of nodes) {
      const name = node.metadata.name!;
      const list = podsOn(name);
      let failure: DrainFailure | undefined;
      if (list.errors.length) failure = { errors: list.errors.map((m) => new CliError(m)), aggregate: true };
      else {
        if (list.warnings) c.io.err.write(`Warning: ${list.warnings}\n`);
        if (dryRun === 'client') for (const p of list.pods) c.io.out.write(`evicting pod ${p.metadata.namespace}/${p.metadata.name} (dry run)\n`);
        else {
          failure = removePods(cluster, c.io, list.pods, {
            gracePeriodSeconds: o.gracePeriod,
            timeoutMs: o.timeout,
            disableEviction: o.disableEviction,
            dryRun,
            skipWaitForDeleteTimeout: filterOpts.skipWaitForDeleteTimeout,
          });
          if (failure) {
            const pending = podsOn(name);
            if (pending.pods.length) {
              c.io.err.write(`There are pending pods in node ${JSON.stringify(name)} when an error occurred: ${failureMessage(failure)}\n`);
              for (const p of pending.pods) c.io.err.write(`pod/${p.metadata.name}\n`);
            }
          }
        }
      }
      if (!failure) {
        c.io.out.write(`node/${name} drained${dryRunSuffix(dryRun)}\n`);
        continue;
      }
      c.io.err.write(`error: unable to drain node ${JSON.stringify(name)} due to error: ${failureMessage(failure)}, continuing command...\n`);
      failed.push({ name, failure });
    }
    if (!failed.length) return;
    c.io.err.write(`There are pending nodes to be drained:\n${failed.map((f) => ` ${f.name}\n`).join('')}`);
    throw finalError(failed.map((f) => f.failure));
  },
};

export function register(program: Command, ctx: CommandContext): void {
  addGlobalFlags(
    program
      .command('drain')
      .description('Drain node in preparation for maintenance')
      .argument('[args...]')
      .option('--force', 'Continue even if there are pods that do not declare a controller.')
      .option('--ignore-daemonsets', 'Ignore DaemonSet-managed pods.')
      .option('--delete-emptydir-data', 'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).')
      .option('--grace-period <seconds>', 'Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.', intFlag(), -1)
      .addOption(timeoutOption('The length of time to wait before giving up, zero means infinite'))
      .option('--pod-selector <selector>', 'Label selector to filter pods on the node', '')
      .option('--disable-eviction', 'Force drain to use delete, even if eviction is supported. This will bypass checking PodDisruptionBudgets, use with caution.')
      .option('--skip-wait-for-delete-timeout <seconds>', 'If pod DeletionTimestamp older than N seconds, skip waiting for the pod.  Seconds must be greater than 0 to skip.', intFlag(), 0)
      .option('--chunk-size <size>', 'Return large lists in chunks rather than all at once. Pass 0 to disable.', intFlag(), 500)
      .addOption(dryRunOption())
      .addOption(selectorOption("Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.")),
  ).action(verbAction(ctx, drainVerb));
}
