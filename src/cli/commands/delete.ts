// kubectl delete: by name, kind/name, -f, -l or --all, with cascading policies and waiting.
import type { Command } from '../command';
import { isStatusError } from '../../api/errors';
import type { ResourceType } from '../../api/registry';
import type { KubeObject } from '../../api/types';
import type { CommandContext } from '../context';
import { CliError, MultiError } from '../errors';
import { type DryRun, dryRunSuffix, parseDryRun } from '../flags/output';
import { parseCascade } from '../flags/cascade';
import { kindPrefix } from '../../printers/name';
import { action, addGlobalFlags, intFlag } from '../program';
import { select } from '../resource/builder';
import { addFilenameFlags, addWaitFlags, dryRunOption, filenameGiven, outputOption, selectorOption } from '../flags/groups';

/** How long a delete waits for its objects to go when no --timeout is given (kubectl: a week). */
const WAIT_LIMIT_MS = 3_600_000;


/** `deployment.apps "web" deleted` — quoted name, unlike other verbs. */
export function deletedLine(type: ResourceType, name: string, force: boolean, dryRun: DryRun): string {
  const res = type.group ? `${type.kind.toLowerCase()}.${type.group}` : type.kind.toLowerCase();
  return `${res} ${JSON.stringify(name)} ${force ? 'force deleted' : 'deleted'}${dryRunSuffix(dryRun)}\n`;
}

interface Item {
  type: ResourceType;
  namespace?: string;
  name: string;
  source?: string;
}

/**
 * -i: the objects about to go, and the user's answer (the first word on standard input; "y" in
 * any case goes on). Says why it stops when it does.
 */
async function confirmed(c: CommandContext, items: readonly Item[], errors: readonly Error[]): Promise<boolean> {
  if (errors.length) throw errors[0];
  if (!items.length) {
    c.io.out.write('No resources found\n');
    return false;
  }
  c.io.out.write(`You are about to delete the following ${items.length} resource(s):\n`);
  for (const { type, name } of items) c.io.out.write(`${type.kind.toLowerCase()}${type.group ? '.' + type.group : ''}/${name}\n`);
  c.io.out.write('Do you want to continue? (y/n): ');
  const answer = (await c.io.readStdin()).trim().split(/\s+/)[0];
  if (answer.toLowerCase() === 'y') return true;
  c.io.out.write('deletion is cancelled\n');
  return false;
}

export function register(program: Command, ctx: CommandContext): void {
  const cmd = program.command('delete');
  addFilenameFlags(cmd, { filename: 'containing the resource to delete.', kustomize: true });
  addWaitFlags(cmd, { wait: true, timeout: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object' });
  addGlobalFlags(
    cmd
      .description('Delete resources by file names, stdin, resources and names, or by resources and label selector')
      .argument('[args...]')
      .addOption(selectorOption())
      .option('--field-selector <selector>', 'Selector (field query) to filter on.')
      .option('--all', 'Delete all resources, in the namespace of the specified resource types.')
      .option('-A, --all-namespaces', 'If present, list the requested object(s) across all namespaces.')
      .option('--cascade [policy]', 'Must be "background", "orphan", or "foreground".', 'background')
      .option('--grace-period <seconds>', 'Period of time in seconds given to the resource to terminate gracefully.', intFlag(), -1)
      .option('--now', 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).')
      .option('--force', 'If true, immediately remove resources from API and bypass graceful deletion.')
      .option('--ignore-not-found', 'Treat "resource not found" as a successful delete.')
      .option('-i, --interactive', 'If true, delete resource only when user confirms.')
      .addOption(dryRunOption())
      .addOption(outputOption("Output mode. Use \"-o name\" for shorter output (resource/name).")),
  ).action(
    action(ctx, async (c, args, opts) => {
      const selector: string = opts.selector ?? '';
      const fieldSelector: string = opts.fieldSelector ?? '';
      if (opts.output && opts.output !== 'name') throw new CliError(`unexpected -o output mode: ${opts.output}. We only support '-o name'`);
      if (opts.all && selector) throw new CliError('cannot set --all and --selector at the same time');
      if (opts.all && fieldSelector) throw new CliError('cannot set --all and --field-selector at the same time');
      let grace: number = opts.gracePeriod;
      if (opts.now) {
        if (grace !== -1) throw new CliError('--now and --grace-period cannot be specified together');
        grace = 1;
      }
      if (opts.force && grace > 0) throw new CliError('--force and --grace-period greater than 0 cannot be specified together');
      if (grace === 0 && !opts.force) grace = 1;
      if (opts.force && grace < 0) grace = 0;
      const dryRun = parseDryRun(c, opts.dryRun);
      const policy = parseCascade(c, opts.cascade);
      const namespace = c.namespace();
      const collection = !!(opts.all || selector || fieldSelector);

      if (filenameGiven(opts) && args.length) throw new CliError(`Unexpected args: [${args.join(' ')}]`, 'delete');
      // RequireObject(false): named objects are deleted by name, without reading them first.
      const selection = await select(c, args, opts, { selectAll: !!opts.all, requireObject: false });
      const cluster = c.cluster(dryRun === 'client' ? 'read' : 'write');
      const client = cluster.client;
      const items: Item[] = [];
      for (const info of selection.named(client)) {
        if (!info.name && info.source) selection.errors.push(new CliError(`error when deleting ${JSON.stringify(info.source)}: resource name may not be empty`));
        else items.push(info);
      }
      const readErrors = selection.errors;
      if (!items.length && !readErrors.length && (collection || opts.filename?.length || opts.kustomize)) {
        c.io.out.write('No resources found\n');
        return;
      }
      if (opts.force && grace === 0)
        c.io.err.write(
          'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
        );
      if (opts.interactive && !(await confirmed(c, items, readErrors))) return;
      const errors: Error[] = [...readErrors];
      const deleted: { item: Item; uid?: string }[] = [];
      for (const item of items) {
        try {
          let obj: KubeObject;
          if (dryRun === 'client') obj = client.get(item.type, item.namespace, item.name);
          else
            obj = client.delete(item.type, item.namespace, item.name, {
              propagationPolicy: policy,
              gracePeriodSeconds: grace >= 0 ? grace : undefined,
              dryRun: dryRun === 'server',
            });
          deleted.push({ item, uid: obj.metadata.uid });
          c.io.out.write(
            opts.output === 'name'
              ? `${kindPrefix(obj.apiVersion, obj.kind)}/${item.name}\n`
              : deletedLine(item.type, item.name, !!opts.force && grace === 0, dryRun),
          );
        } catch (e) {
          if (isStatusError(e, 'NotFound') && (opts.ignoreNotFound || collection)) continue;
          errors.push(isStatusError(e) && item.source ? e.withSource('deleting', item.source) : (e as Error));
        }
      }
      // --wait: let the controllers finish (finalizers, cascading) and, for what takes time
      // (a container that ignores SIGTERM holds its pod for the grace period), the clock run on
      // until the objects are gone or --timeout passes (an hour of cluster time without one).
      if (opts.wait !== false && dryRun === 'none' && deleted.length) {
        cluster.converge();
        const gone = () => deleted.every(({ item, uid }) => cluster.client.tryGet(item.type, item.namespace, item.name)?.metadata.uid !== uid);
        const limit: number = opts.timeout ?? 0;
        if (!gone()) cluster.advanceTo(cluster.now() + (limit > 0 ? limit : WAIT_LIMIT_MS), gone);
      }
      if (errors.length) throw errors.length === 1 ? errors[0] : new MultiError(errors);
    }),
  );
}
